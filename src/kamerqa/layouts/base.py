"""What every layout module uses: the layout record, a question start, and
the small tests on text that starts and ends a question."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

import attrs

from ..text import number_label
from ..vocabulary import BARE_QUESTION_LABEL, HSPACE

if TYPE_CHECKING:
    from ..grammar import Lines

__all__ = ["Layout", "Start", "bare_label", "ends_question", "next_text", "number_then_question", "start", "starts_question", "unnumbered"]

_OPENING = re.compile(r"^[\"'“‘(\[]?[^\W\d_]")
# "?", closing marks, a footnote marker, and at most two tokens of debris that
# hold a digit (a page number, OCR of a letterhead logo: "? 2R.)r3R 1814-2014").
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*(?:\[\s*\d{1,3}\s*\]|\d{1,2})?(?:[ \t]+[^\s\d]{0,8}\d\S{0,12}){0,2}\s*$")


class Start(NamedTuple):
    """A question start found on a line: its printed number (``""`` where
    none is printed) and where the question's own text begins on that line
    (None: on the next line)."""

    label: str
    first: int
    letter: str
    last: int
    text_at: int | None


@attrs.frozen
class Layout:
    """One way of printing numbered questions and answers.

    ``start_shapes`` are the line shapes (grammars/lines.lark) a question
    can start on; ``find_start`` says whether line ``index`` starts one and
    with which number (its place in the sequence is the post-lexer's
    business).  ``lone_number`` is what a number alone on a line means in
    this layout, ``page_cells`` whether question lines end in a "Blz." cell.
    The prose fields describe the layout for people (docs/layouts.md and
    ``kamerqa layouts`` are made from them).
    """

    name: str
    summary: str
    question: str
    answer: str
    lone_number: str
    furniture: str
    example: str
    start_shapes: tuple[str, ...]
    find_start: Callable[[Lines, int], Start | None]
    page_cells: bool = False
    #: Labels are evidence of their own: a labelled question may be printed
    #: out of numeric order, or start a second numbered set.
    labels_decide: bool = False
    #: Its questions carry numbers.  A layout without them is chosen only
    #: where no numbered layout finds a question.
    numbered: bool = True
    #: The lines worth offering to ``find_start``, in order, where they are
    #: not simply the lines of ``start_shapes`` (the shape index holds no
    #: plain text lines: a layout whose questions open with plain text says
    #: which lines may).
    candidates: Callable[[Lines], Iterable[int]] | None = None


def starts_question(text: str) -> bool:
    """Question text starts with a capital (possibly after a quote or bracket)."""
    match = _OPENING.match(text)
    return match is not None and match.group(0)[-1].isupper()


def ends_question(text: str) -> bool:
    """Does ``text`` end a question: "?", closing marks, a footnote marker,
    perhaps page debris after them?"""
    return bool(_QUESTION_END.search(text))


def next_text(lines: Lines, index: int) -> int | None:
    """The next line that is not blank, within five lines."""
    for following in range(index + 1, min(index + 6, len(lines))):
        if lines.kinds[following] != "BLANK":
            return following
    return None


def number_then_question(pattern: re.Pattern[str]) -> Callable[[Lines, int], Start | None]:
    """A ``find_start`` for layouts whose line opens with the number
    (``pattern``'s group 1) and goes on with the question's capital."""

    def find_start(lines: Lines, index: int) -> Start | None:
        value = lines.values[index]  # the text must start right after the number: the "\n" does not matter
        match = pattern.match(value)
        if not match or not starts_question(value[match.end() :]):
            return None
        return start(match.group(1).strip(), match.end())

    return find_start


def unnumbered(text_at: int | None) -> Start:
    """The start of a question printed without a number."""
    return Start("", 0, "", 0, text_at)


def start(label: str, text_at: int | None) -> Start:
    first, letter, last = number_label(label)
    return Start(label, first, letter, last, text_at)


_BARE = re.compile(rf"^{HSPACE}*{BARE_QUESTION_LABEL}")
# What a bare label may stand under and be no question of its own: a number,
# alone or with its question ("1" / "Vraag:" / "Antwoord:"), a table's column
# header ("Nr" / "Vraag"), or another label.
_UNDER = frozenset({"NUMBER_ONLY", "NUMBERED", "COLUMN_HEADER", "DOSSIER_LINE", "QUESTION_LINE"})
#: Lines looked past for what stands above a bare label: blank lines and
#: page furniture ("1 De?" / "Pagina 1/9" / "Vraag:" is the label under 1).
_PAST = frozenset({"BLANK", "PAGE_BREAK", "PAGE_OF", "PAGE_COUNTER_LINE"})
#: Over a numbered line a label alone is the column's header ("Vraag" / "1 De?").
_ABOVE = frozenset({"NUMBER_ONLY", "NUMBERED", "QUESTION_LINE"})


def bare_label(lines: Lines, index: int) -> Start | None:
    """A bare "Vraag" or "Vraag:" label on line ``index``, perhaps with its
    question after it: the start of a question printed without a number."""
    value = lines.values[index].rstrip("\n")
    match = _BARE.match(value)
    if match is None or not (match.end() == len(value) or starts_question(value[match.end() :])):
        return None  # "Vraag 3" (numbered), or not a label
    before = index - 1
    while before >= 0 and lines.kinds[before] in _PAST:
        before -= 1
    if before >= 0 and lines.kinds[before] in _UNDER:
        return None
    if match.end() == len(value):  # "Vraag" alone: a column header where a numbered line follows
        after = index + 1
        while after < len(lines) and lines.kinds[after] in _PAST:
            after += 1
        if after < len(lines) and lines.kinds[after] in _ABOVE:
            return None
    return unnumbered(match.end() if match.end() < len(value) else None)
