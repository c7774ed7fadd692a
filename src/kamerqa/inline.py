"""A pre-pass for old prints whose questions come first and whose numbers
stand inside paragraphs.

Aanhangsel pages of 1961-1993 print all questions first, then an
"Antwoord" heading ("Antwoord van minister X. (Ontvangen ...)") and the
answers by number, or - the answers deferred - a "Mededeling" instead;
OCR runs several of them together in one paragraph:
"... hanteert? 2 Is het u bekend ...", "... verleend. 2 In de bewuste brief
...", "... 3 t/m 5 Niet van toepassing.".  Only in a text that has such an
answer heading after bare-numbered questions, this pass breaks lines before
a number (or a list or range of numbers) that follows a sentence end and is
followed by a capital, and after the heading's "(Ontvangen ...)" (also in a
print of questions only: bare-numbered questions, a Mededeling and no
answer, and in a list of answers only), so that the
numbers stand at line starts as the layouts read them.  It returns a
:class:`~kamerqa.flat.FlatText` (the same map back to original positions).
"""

from __future__ import annotations

import itertools
import re

from .flat import FlatText, cut_line
from .vocabulary import ANSWER_WORD, ANSWERS_HEADING, ANSWERS_LIST, ANSWERS_LIST_HEAD, HSPACE, MEDEDELING_WORD, QUESTIONS_LIST

__all__ = ["split_inline_numbers"]

_HEADING = re.compile(rf"(?m)^{HSPACE}*{ANSWERS_HEADING}")
_NUMBERED_LINE = re.compile(r"(?m)^[ \t]*\d{1,3}(?:\.?[ \t]+[A-Z«]|[A-Z][a-z])")  # also glued: "1Worden"
_RESTART = re.compile(r"(?<![\w,])1(?:(?:[ \t]*,[ \t]*|[ \t]+en[ \t]+)\d{1,3})*\.?[ \t]+[A-Z]")
_LABEL = r"\d{1,3}(?:(?:[ \t]*,[ \t]*|[ \t]+en[ \t]+|[ \t]+t/m[ \t]+)\d{1,3})*"
_INLINE = re.compile(
    rf"(?<=[?.!»”’)'])[ \t]+(?={_LABEL}\.?[ \t]+[«\"'„A-Z])"
    # and a number that ends the line after a question: "... beperkingen? 9" / "Bent U ..." (not "Nr. 7")
    rf"|(?:(?<=\?)|(?<=\?[»”’)']))[ \t]+(?=\d{{1,3}}[ \t]*$)"
)
# One capitalised word at a line start before a numbered question: the
# heading of a section of the list, which OCR ran into its first question.
_SECTION = re.compile(r"[ \t]*[A-Z][a-z]{2,}[ \t]+(?=\d{1,3}\.[ \t]+[A-Z])")
# A number OCR glued to its question's first word ("1Worden", "? 4Deelt"),
# also where OCR split that word ("4Z o neen", "2I" / "s dit ook"): at a
# line start or after a sentence end, a number and a capital that goes on
# as a word.
_GLUED = re.compile(r"(?:^|(?<=[?.!»”’)'] ))[ \t]*(\d{1,3})(?=[A-Z](?:[a-z]| [a-z]|$))")
_RECEIVED = re.compile(r"\(\s*(?:[Oo]ntvangen|Ingezonden|In-\s?gezonden)[^()\n]{1,40}\)\.?(?:[ \t]*\([^()\n]{1,120}\))?[ \t]+(?=[^\s(])")


def split_inline_numbers(text: str) -> FlatText | None:
    """The text re-broken before inline numbers, or ``None`` when it is not
    a questions-first print, a print of questions only or a list of answers
    only."""
    if not (_questions_first(text) or _questions_only(text) or _answers_only(text)):
        return None
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    for number, line in enumerate(lines, start=1):
        cuts = {m.end() for m in _INLINE.finditer(line)} | {m.end() for m in _RECEIVED.finditer(line)}
        for glued in _GLUED.finditer(line):  # the number on a line of its own
            cuts.update(at for at in glued.span(1) if at)
        if heading := _SECTION.match(line):  # "Algemeen 1. Was op ...": a section heading before the first question
            cuts.add(heading.end())
        cut_line(line, number, cuts, out, origin)
        if not line:
            out.append("")
            origin.append((number, 0))
    return FlatText("\n".join(out) + "\n", tuple(origin))


def _questions_first(text: str) -> bool:
    """Bare-numbered questions, then an answers heading, then answer 1."""
    headings = list(itertools.islice(_HEADING.finditer(text), 3))
    if not headings or len(_NUMBERED_LINE.findall(text, 0, headings[0].start())) < 2:
        return False  # questions first means several numbered questions before the heading
    if text.count("\n", headings[0].start(), headings[-1].start()) > 1:
        return False  # an "Antwoord" line under every question: answers follow their questions
    return _RESTART.search(text, headings[-1].end(), headings[-1].end() + 400) is not None  # answer 1 right after it


def _questions_only(text: str) -> bool:
    """Bare-numbered questions, then a Mededeling (the answers deferred), or
    under a committee's "LIJST VAN VRAGEN", and no answer anywhere: an old
    print of questions only."""
    if _ANSWER.search(text):
        return False
    notice = _MEDEDELING.search(text)
    if notice is not None:
        return len(_NUMBERED_LINE.findall(text, 0, notice.start())) >= 2
    heading = _QUESTIONS_LIST.search(text, 0, 2000)
    return heading is not None and len(_NUMBERED_LINE.findall(text, heading.end())) >= 2


def _answers_only(text: str) -> bool:
    """A committee's "LIJST VAN ANTWOORDEN" in the head, answer 1 right
    after it: an old print of answers only (its questions another paper)."""
    heading = _ANSWERS_LIST.search(text, 0, ANSWERS_LIST_HEAD)
    return heading is not None and _RESTART.search(text, heading.end(), heading.end() + 400) is not None


_ANSWERS_LIST = re.compile(ANSWERS_LIST)
_MEDEDELING = re.compile(rf"(?m)^{HSPACE}*{MEDEDELING_WORD}\b")
_ANSWER = re.compile(rf"(?m)^{HSPACE}*{ANSWER_WORD}\b")
_QUESTIONS_LIST = re.compile(QUESTIONS_LIST)
