"""The pre-passes: decisions about the whole document, made before the
line passes run, each from evidence found once.

* :func:`footer_lines` - running page headers and footers;
* :func:`publication_footers` - footers of a known publication shape;
* :func:`link_debris` - a PDF page's link targets between a label and its question;
* :func:`prelude` - a web page's title and navigation before the document;
* :func:`answers_heading` - the "Antwoord" heading of a print whose
  questions come first;
* :func:`answers_list` - the heading of a list that prints only the answers;
* :func:`mededeling` - a deferral notice in the place of the answers;
* :func:`toelichting` - the question letter's own note after the last answer;
* :func:`typed_notes` - the footnotes that end a Word letter, typed "1) ...";
* :func:`lost_numbers` - questions whose printed number OCR lost.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

from ..furniture import publication_footer_lines
from ..furniture import publication_footers as _known_footers
from ..grammar import Lines
from ..layouts import Start as _Start
from ..layouts.base import ends_question, starts_question
from ..text import HSPACE, clean_line, footnote_lead, number_label, typed_footnote_lead
from ..vocabulary import ANSWERS_HEADING, ANSWERS_LIST, ANSWERS_LIST_HEAD, MEDEDELING_LABEL, TOELICHTING_LABEL
from .context import HEADER_KINDS, SENTENCE_END, TEXT_KINDS, numbers

__all__ = [
    "HEADING_LINES",
    "answer_numbers",
    "answers_heading",
    "answers_list",
    "any_start",
    "footer_lines",
    "link_debris",
    "lost_numbers",
    "mededeling",
    "prelude",
    "publication_footers",
    "toelichting",
    "typed_notes",
]

_DIGITS = re.compile(r"\d+")
#: A word of prose (four letters or more): a line with one is content.
_PROSE_WORD = re.compile(r"[^\W\d_]{4,}")
#: The lines at the top a running footer's title is looked for in.
HEADING_LINES = 40
_PAGE_COUNTER = re.compile(r"[ \t](\d{1,3})/(\d{1,3})" + HSPACE + r"*$")


def word_runs(text: str, size: int = 4) -> set[tuple[str, ...]]:
    """Every run of ``size`` words in ``text`` (lower-cased)."""
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def footer_lines(lines: Lines) -> set[int]:
    """Indexes of running page headers and footers, found by evidence,
    never by shape alone (a page break falls mid-sentence in every PDF):

    * a short line just before a page break "-----" whose text (digits
      aside) stands before another page break too, or that holds no
      word of prose, only codes and numbers ("h tk 20232024 387");
    * a paragraph of at most three lines whose last line ends in a page
      counter "12/15", where another counter of the same total is
      printed elsewhere, or the counter stands alone, or its lines name
      the document as its heading does (four words in a row of the lines
      above the first question, at most :data:`HEADING_LINES`: a running
      footer repeats the title); "Irak krijgt 1/3" is text, and so are
      answer lines just above a footer.
    """
    footers: set[int] = set()
    kinds, values, at = lines.kinds, lines.values, lines.at
    before_breaks: dict[int, str] = {}
    for index in at.get("PAGE_BREAK", ()):
        before = index - 1
        while before >= 0 and kinds[before] == "BLANK":
            before -= 1
        if before >= 0 and kinds[before] == "TEXT":
            text = clean_line(values[before])
            if len(text.split()) <= 6 and not SENTENCE_END.search(text) and not footnote_lead(text):
                before_breaks[before] = _DIGITS.sub("#", text)
    shapes = Counter(before_breaks.values())
    footers.update(index for index, shape in before_breaks.items() if shapes[shape] >= 2 or not _PROSE_WORD.search(shape))
    counters: list[tuple[int, re.Match[str]]] = []
    for index in at.get("PAGE_COUNTER_LINE", ()):
        match = _PAGE_COUNTER.search(values[index])
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            counters.append((index, match))
    totals = Counter(match.group(2) for _, match in counters)
    heading: set[tuple[str, ...]] | None = None
    for index, match in counters:
        if totals[match.group(2)] >= 2:  # counters of one total on several pages
            first = index
            while first > 0 and kinds[first - 1] == "TEXT" and index - first < 2:
                first -= 1
            if first > 0 and kinds[first - 1] not in ("BLANK", "NUMBER_ONLY"):
                continue  # the last line of a longer paragraph, not a footer
            footers.update(range(first, index + 1))
            continue
        # One counter of its total: the document's running footer only if
        # it is the counter alone or names the document (and so does each
        # line above it that belongs to it).
        if heading is None:  # the lines above the first question, at most HEADING_LINES
            starts = [at[kind][0] for kind in ("QUESTION_LINE", "NUMBERED") if at.get(kind)]
            top = min([HEADING_LINES, *starts])
            heading = word_runs(" ".join(values[:top]))
        if values[index][: match.start()].strip() and not word_runs(values[index]) & heading:
            continue  # text that happens to end in "1/3", naming nothing of the document
        first = index
        while first > 0 and kinds[first - 1] == "TEXT" and index - first < 2 and word_runs(values[first - 1]) & heading:
            first -= 1
        footers.update(range(first, index + 1))
    return footers


def publication_footers(lines: Lines, text: str) -> set[int]:
    """Footers of a known shape ("ah-tk-20242025-562", "Tweede Kamer,
    vergaderjaar 2024–2025, Aanhangsel 1"): see :mod:`kamerqa.furniture`."""
    kinds = lines.kinds
    candidates = [i for i in publication_footer_lines(text) if i < len(kinds) and kinds[i] in ("TEXT", "PAGE_COUNTER_LINE")]
    return _known_footers(lines.values, candidates)


def prelude(lines: Lines) -> set[int]:
    """Text before the document proper (a website's title line): the
    lines before the first header line, if one comes early - and only if
    they look like a page's title and navigation: none ends a sentence.  A
    sentence is the document's own text ("Vragen van het lid ...
    (ingezonden 3 juni 2024)." before a line that merely opens with five
    digits), and stays."""
    seen = 0
    for index, kind in enumerate(lines.kinds):
        if kind == "BLANK":
            continue
        if kind in HEADER_KINDS:
            before = [i for i in range(index) if lines.kinds[i] == "TEXT"]
            if any(SENTENCE_END.search(clean_line(lines.values[i])) for i in before):
                return set()
            return set(before)
        seen += 1
        if seen > 8:
            break
    return set()


_ANSWERS_HEADING_IN_TEXT = re.compile(rf"(?m)^{HSPACE}*{ANSWERS_HEADING}(?={HSPACE}+(?:Antwoord{HSPACE}+)?van\b)")
ANSWERS_HEADING_LINE = re.compile(rf"^{HSPACE}*{ANSWERS_HEADING}")
_ANSWER_NUMBERS_START = re.compile(
    rf"^{HSPACE}*(\d{{1,3}}(?:(?:{HSPACE}*,{HSPACE}*|{HSPACE}+en{HSPACE}+|{HSPACE}+t/m{HSPACE}+)\d{{1,3}})*)\.?{HSPACE}+(?=\S)"
)


def any_start(lines: Lines, index: int) -> _Start | None:
    """A line that opens with a number or a list or range of numbers and text:
    how the answers of a questions-first print are numbered."""
    kind = lines.kinds[index]
    if kind == "NUMBER_ONLY":  # "3" / "Van deze mogelijkheid ...": the answer on the next line
        following = index + 1
        if following < len(lines) and lines.kinds[following] == "TEXT" and starts_question(lines.values[following]):
            label = lines.values[index].strip()
            first, letter, last = number_label(label)
            return _Start(label, first, letter, last, None)
        return None
    if kind not in ("NUMBERED", "TEXT", "DOSSIER_LINE"):
        return None
    value = lines.values[index]
    match = _ANSWER_NUMBERS_START.match(value)
    if match is None or not value[match.end() :].strip():
        return None
    first, letter, last = number_label(match.group(1))
    return _Start(match.group(1), first, letter, last, match.end())


def answers_heading(lines: Lines, starts: dict[int, _Start], text: str) -> int | None:
    """The "Antwoord" heading of a print whose questions come first: after
    the questions, followed by answers numbered again from the first
    question's number.  None in every other document.  ``starts``: the
    possible question starts of the document's layout."""
    if not starts or ("ntwoord" not in text and "NTWOORD" not in text):
        return None
    labels = lines.at.get("ANSWER_LINE", ())
    if labels and labels[-1] - labels[0] > 1:
        return None  # answer labels under the questions: answers follow their questions
    ordered = sorted(starts)
    # The first question's number: where numbers begin to run on ("3073.
    # VRAGEN van ..." above "1. Is het ...", "2. Is het ..." is none).
    first_number = next(
        (starts[a].first for a, b in itertools.pairwise(ordered) if starts[b].first == starts[a].last + 1),
        starts[ordered[0]].first,
    )
    candidates = [*labels, *(m.start() for m in _ANSWERS_HEADING_IN_TEXT.finditer(text))]
    for index in sorted(set(labels) | {text.count("\n", 0, at) for at in candidates[len(labels) :]}):
        if bisect.bisect_left(ordered, index) < 2 or index >= len(lines):
            continue  # questions first means several questions before the heading
        if lines.kinds[index] not in ("ANSWER_LINE", "TEXT") or not ANSWERS_HEADING_LINE.match(lines.values[index]):
            continue
        if lines.kinds[index] == "ANSWER_LINE" and clean_line(lines.values[index]) not in ("Antwoord", "ANTWOORD"):
            continue  # "Antwoord 1": an answer label, not a heading
        for following in range(index + 1, min(index + 4, len(lines))):
            start = any_start(lines, following)
            if start is not None:
                return index if start.first == first_number else None
        return None
    return None


_ANSWERS_LIST_LINE = re.compile(ANSWERS_LIST)
#: How many lines under that heading the first numbered answer may stand.
ANSWERS_LIST_REACH = 3


def answers_list(lines: Lines, text: str) -> int | None:
    """The heading of a committee list that prints only the answers ("LIJST
    VAN ANTWOORDEN", its questions printed as another paper), where a
    numbered answer follows within :data:`ANSWERS_LIST_REACH` lines: the
    answers section then opens there, with no question before it.  None in
    every other document."""
    match = _ANSWERS_LIST_LINE.search(text, 0, ANSWERS_LIST_HEAD)
    if match is None:
        return None
    index = text.count("\n", 0, match.start())
    if index >= len(lines) or lines.kinds[index] not in ("TEXT", "KIND_LINE"):
        return None
    for following in range(index + 1, min(index + 1 + ANSWERS_LIST_REACH, len(lines))):
        if any_start(lines, following) is not None:
            return index
    return None


# A Mededeling heading on a line of its own, or followed by its text after
# the sender and date: never the word "Mededeling" opening a sentence.
_MEDEDELING_LINE = re.compile(rf"(?m)^{HSPACE}*{MEDEDELING_LABEL}(?:{HSPACE}*$|(?<=\)){HSPACE}+\S|(?<=\.){HSPACE}+\S)")


def _heading_after(lines: Lines, text: str, pattern: re.Pattern[str], word: str, after: int) -> int | None:
    """The first line after line ``after`` that ``pattern`` finds a heading
    on, in the text's own shape (TEXT, or ending in a counter).  Looked for
    from the word's first occurrence at a line start (in either case): most
    documents have none, and are not searched."""
    found = [at for at in (text.find("\n" + word), text.find("\n" + word.upper())) if at >= 0]
    if not found:
        return None
    for match in pattern.finditer(text, min(found)):
        index = text.count("\n", 0, match.start())
        if after < index < len(lines) and lines.kinds[index] in ("TEXT", "PAGE_COUNTER_LINE"):
            return index
    return None


def mededeling(lines: Lines, starts: dict[int, _Start], text: str) -> int | None:
    """The line of a "Mededeling" heading after the questions (the notice
    that the answers are deferred), or None."""
    if not starts:
        return None
    return _heading_after(lines, text, _MEDEDELING_LINE, "Mededeling", max(starts))  # after every question


_TOELICHTING_LINE = re.compile(rf"(?m)^{HSPACE}*{TOELICHTING_LABEL}")


def toelichting(lines: Lines, starts: dict[int, _Start], text: str, *, unanswered: bool = False) -> int | None:
    """The line of a "Toelichting:" heading after the last answer label (in
    a print of questions only, ``unanswered``: after the last question):
    the note of the question letter (Kamervragen print it after the last
    answer), which belongs to no answer.  None in most documents; a
    "Toelichting:" in the last question's own text (before its answer
    label) is text."""
    if not starts:
        return None
    if unanswered:
        return _heading_after(lines, text, _TOELICHTING_LINE, "Toelichting", max(starts))
    labels = lines.at.get("ANSWER_LINE", ())
    if not labels or labels[-1] < max(starts):
        return None
    return _heading_after(lines, text, _TOELICHTING_LINE, "Toelichting", labels[-1])


def typed_notes(lines: Lines) -> int | None:
    """Where the footnotes of a Word letter that types its markers "1)"
    begin: the lines that end the text, blank lines aside, are all "N) ..."
    numbered on from 1 ("1) Nederlandse Orde ...", "2) NOS, ...").  A list
    "1) ...", "2) ..." inside an answer is no part of it (its numbers do not
    run on to the end).  None where the text does not end so."""
    kinds, values = lines.kinds, lines.values
    found: list[tuple[int, int]] = []  # (index, number), from the end
    for index in range(len(kinds) - 1, -1, -1):
        if kinds[index] == "BLANK":
            continue
        lead = typed_footnote_lead(values[index])
        if lead is None:
            break
        found.append((index, int(lead[0])))
    found.reverse()
    numbers = [number for _, number in found]
    for first in range(len(found)):  # the longest run to the end numbered 1, 2, 3 ...
        if numbers[first:] == list(range(1, len(found) - first + 1)):
            return found[first][0]
    return None


_URL_LINE = re.compile(rf"{HSPACE}*https?://\S+{HSPACE}*\n?$")


def link_debris(lines: Lines, starts: dict[int, _Start]) -> set[int]:
    """Bare web addresses between a question label on its own line and the
    question ("Vraag 20", "https://...", "https://...", "Acht u ..."): the
    link targets of a PDF page, extracted as text where the page's text
    broke off.  A question never opens with a bare address."""
    kinds, values = lines.kinds, lines.values
    debris: set[int] = set()
    for index, start in starts.items():
        if start.text_at is not None:
            continue  # the question goes on on its label's line
        found = []
        for following in range(index + 1, len(kinds)):
            kind = kinds[following]
            if kind in ("BLANK", "PAGE_COUNTER_LINE", "NUMBER_ONLY", "PAGE_OF"):
                continue
            if kind != "TEXT" or not _URL_LINE.match(values[following]):
                break
            found.append(following)
        debris.update(found)
    return debris


def answer_numbers(lines: Lines, heading: int) -> set[int]:
    """Every number an answer after the answers heading (line ``heading``)
    is printed with."""
    found: set[int] = set()
    for index in range(heading + 1, len(lines)):
        start = any_start(lines, index)
        if start is not None:
            found.update(numbers(start.label))
    return found


def lost_numbers(lines: Lines, starts: dict[int, _Start], end: int) -> dict[int, int]:
    """Questions whose number OCR lost, in a print of questions without
    answers beside them (``end``: where the questions end): where question
    ``n`` is followed by question ``n + 2`` and ``n + 1`` is printed
    nowhere among the questions, the one line between them that opens a
    sentence like a question right after a line ending in "?" starts
    question ``n + 1``.  By line index, the number each would have had."""
    printed = {number for index, start in starts.items() if index < end for number in range(start.first, start.last + 1)}
    found: dict[int, int] = {}
    kinds, values = lines.kinds, lines.values
    ordered = [(index, start) for index, start in sorted(starts.items()) if index < end and start.label]
    for (first, before), (last, after) in itertools.pairwise(ordered):
        missing = before.last + 1
        if after.first != missing + 1 or missing in printed:
            continue
        candidates = [
            index
            for index in range(first + 1, last)
            if kinds[index] in TEXT_KINDS
            and kinds[index - 1] in TEXT_KINDS
            and ends_question(values[index - 1])
            and starts_question(values[index])
        ]
        if len(candidates) == 1:  # one place it can be; more would be a guess
            found[candidates[0]] = missing
    return found
