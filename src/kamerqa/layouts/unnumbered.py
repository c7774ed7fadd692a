"""Questions printed without numbers: a bare "Vraag" label before each
(a Rekenkamer letter answering one question), or, in a letter with no
labels at all, paragraphs that ask (a Word letter whose list numbering is
not part of its text).

A number is evidence of its own, so detection only reads a document this
way when no numbered layout found a question
(:data:`~kamerqa.layouts.base.Layout.numbered`).  Such questions get no
number: ``Question.number`` is ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .base import Layout, Start, bare_label, ends_question, starts_question, unnumbered

if TYPE_CHECKING:
    from ..grammar import Lines

#: The line kinds a question paragraph may open with.
_PARAGRAPH_KINDS = frozenset({"TEXT"})
# The header of a Kamervragen letter, which may end in "?" (its subject): no question.
_HEADER = re.compile(r"^\s*(?:Vragen|VRAGEN)\s+(?:van|gesteld)\b")


def find_start(lines: Lines, index: int) -> Start | None:
    kind = lines.kinds[index]
    if kind == "QUESTION_LINE":
        return bare_label(lines, index)
    if kind in _PARAGRAPH_KINDS and "QUESTION_LINE" not in lines.at:
        return _asking_paragraph(lines, index)
    return None


def candidates(lines: Lines) -> Iterator[int]:
    """The bare labels, or where there are no labels, the first line of
    every paragraph (a text line after a blank one), in order."""
    if "QUESTION_LINE" in lines.at:
        yield from lines.at["QUESTION_LINE"]
        return
    kinds = lines.kinds
    if kinds and kinds[0] in _PARAGRAPH_KINDS:
        yield 0
    for index in lines.at.get("BLANK", ()):
        if index + 1 < len(kinds) and kinds[index + 1] in _PARAGRAPH_KINDS:
            yield index + 1


def _asking_paragraph(lines: Lines, index: int) -> Start | None:
    """A paragraph (after a blank line) that opens like a question and whose
    last line ends one (:func:`~kamerqa.layouts.base.ends_question`: "?",
    perhaps a footnote marker after it)."""
    kinds, values = lines.kinds, lines.values
    if (index and kinds[index - 1] != "BLANK") or not starts_question(values[index]) or _HEADER.match(values[index]):
        return None
    last = index
    while last + 1 < len(kinds) and kinds[last + 1] != "BLANK":
        last += 1
    return unnumbered(0) if ends_question(values[last]) else None


LAYOUT = Layout(
    name="unnumbered",
    summary='questions without numbers: bare "Vraag" labels, or paragraphs that ask',
    question='a bare "Vraag" or "Vraag:" label; in a letter without labels, a paragraph ending in "?"',
    answer='"Antwoord", or unlabelled after the question\'s last sentence ending in "?"',
    lone_number="the document's page number",
    furniture="running headers, page counters 3/8, footnote bodies",
    example="Vraag\nIs dat zo?\nAntwoord\nJa.\n",
    start_shapes=("QUESTION_LINE", "TEXT"),
    find_start=find_start,
    candidates=candidates,
    numbered=False,
)
