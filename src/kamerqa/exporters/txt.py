"""Plain text in the draft table layout (the layout kamerqa reads best), or
with ``layout="labelled"`` in the "Vraag 1 / Antwoord 1" layout.

The output parses back to the same questions, answers, page references
(table layout only: the labelled layout has no "Blz." column),
cross-references and footnotes.  Where a wrapped line would look like
something else to a reader of the layout (a line starting with a number
could be the next question, "Antwoord:" a label, "- " a list item), the
word is kept on the line before instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

from ..layouts.base import starts_question
from ..model import Document, DocumentMeta, Question
from ..text import ends_paragraph, footnote_marker_span, format_dutch_date
from ..vocabulary import DIGITS
from . import reject_options

__all__ = ["TxtExporter"]

WIDTH = 80
# Line starts a reader of the table layout would take for structure.
_AMBIGUOUS_START = re.compile(
    r"^(?:\d|[\-–•·▪●◦*#\[(]|Vraag\b|Antwoord\b|Nr\b|nr\b|Vastgesteld\b|Voorzitter\b|Griffier\b|De\b|Lijst\b|Verslag\b"
    r")",
    re.IGNORECASE,
)


class TxtExporter:
    name = "txt"
    suffixes = (".txt",)
    binary = False
    description = "plain text in the draft table layout; kamerqa parses it back to the same questions"

    def write(self, document: Document, stream: IO[str], *, layout: str | None = None, **options: Any) -> None:
        reject_options(self.name, options)
        stream.write(render(document, layout=layout))


LAYOUTS = ("table", "labelled")
_TABLE_NUMBER = re.compile(f"({DIGITS})([a-z]?)")


def render(document: Document, *, layout: str | None = None) -> str:
    """The document as text in the table layout, or the labelled one
    ("Vraag 5 en 6" / "Antwoord 5 en 6"); by default the table layout where
    it reads back: every number is one it can print ("12", "12a") and the
    numbers count from 1 in order.  Otherwise the labelled layout, whose
    labels are read whatever their order (a list that starts at 3, a number
    printed twice), and whose bare "Vraag" reads back a question printed
    without a number."""
    if layout is None:
        layout = "table" if _counts_from_one(document.questions) else "labelled"
    if layout not in LAYOUTS:
        raise ValueError(f"the txt format writes the layouts {', '.join(LAYOUTS)}, not {layout!r}")
    if layout == "table" and any(q.number is None for q in document.questions):
        raise ValueError("the table layout numbers every question; this document has questions printed without a number")
    meta = document.meta
    out: list[str] = [""]
    if meta.dossier or meta.title:
        out += _heading(meta) + [""]
    out += [f"nr. {meta.number or ''} {meta.kind or 'Lijst van vragen en antwoorden'}".replace("  ", " "), ""]
    if meta.vastgesteld:
        out += [f"Vastgesteld {format_dutch_date(meta.vastgesteld)}", ""]
    if meta.intro:
        for paragraph in meta.intro.split("\n\n"):
            out += _wrap(paragraph) + [""]
    if meta.chair:
        out += ["Voorzitter van de commissie,", meta.chair, ""]
    if meta.clerk:
        out += ["Griffier van de commissie,", meta.clerk, ""]
    if layout == "table":
        out += ["Nr Vraag Bijlage Blz. (van) t/m", ""]
    notes = document.footnotes_by_entry()
    for entry, question in enumerate(document.questions):
        out += _question(question, notes.get(entry, []), layout)
    return "\n".join(out) + "\n"


def _heading(meta: DocumentMeta) -> list[str]:
    """The dossier and title lines.  A paper for several dossiers ("21 800 V
    (NAVO-deel); 21 800 X (NAVO-deel)") or whose dossier ends in a bracket
    is written as printed: each dossier on a line of its own, then a title
    line for each dossier where the title has one part per dossier, else
    the title on one line."""
    heading = (meta.dossier or "") + (f"- {meta.about.number}" if meta.about and meta.about.number else "")
    dossiers = meta.dossier.split("; ") if meta.dossier and heading == meta.dossier else []
    if not (len(dossiers) > 1 or heading.endswith(")")):
        return _wrap(f"{heading} {meta.title or ''}".strip())
    if len(dossiers) == 1:
        return [heading, *(_wrap(meta.title) if meta.title else [])]
    titles = (meta.title or "").split("; ")
    return [*dossiers, *(titles if len(titles) == len(dossiers) else [meta.title] if meta.title else [])]


def _counts_from_one(questions: Sequence[Question]) -> bool:
    """Do the numbers run 1, 2, 3 (sub-questions "2a", "2b" included), and
    does every question open as a table row's question does (a capital: "1
    31 865 Verbetering" would not read back as question 1), as a table
    reader expects them?"""
    previous = (0, "")
    for question in questions:
        match = _TABLE_NUMBER.fullmatch(question.number) if question.number is not None else None
        if match is None or not starts_question(question.text):
            return False
        number, letter = int(match.group(1)), match.group(2)
        if not (number == previous[0] + 1 or (number == previous[0] and letter > previous[1])):
            return False
        previous = (number, letter)
    return True


def _question(question: Question, notes: list, layout: str) -> list[str]:
    # A question printed without a number gets the bare labels "Vraag" and "Antwoord".
    number = f" {question.number}" if question.number is not None else ""
    if layout == "table":
        lines = _text(question.text, first_prefix=f"{question.number} ")
        for page in (question.page_from, question.page_to):
            if page is not None:
                lines += ["", str(page)]
    else:
        lines = [f"Vraag{number}", *_text(question.text)]
    if question.answer is not None:
        lines += ["", "Antwoord" if layout == "table" else f"Antwoord{number}"]
        answer = question.answer
        for note in notes:  # a marker the text lacks goes after the answer; the bodies follow it
            if footnote_marker_span(answer, note.marker) is None:
                answer += f"[{note.marker}]"
        lines += _text(answer)
        for note in notes:
            glue = " " if note.text[:1].isdigit() or not note.text else ""
            lines.append(f"{note.marker}{glue}{note.text}")
    return lines + [""]


def _text(text: str, first_prefix: str = "") -> list[str]:
    """Paragraphs separated by blank lines, list items on lines of their own."""
    lines: list[str] = []
    for index, paragraph in enumerate(text.split("\n\n")):
        if index:
            lines.append("")
        for item, line in enumerate(paragraph.split("\n")):
            prefix = first_prefix if index == 0 and item == 0 else ""
            lines += _wrap(prefix + line, item_start=item > 0)
    return lines


def _wrap(text: str, *, item_start: bool = False) -> list[str]:
    """Wrap at WIDTH; a continuation line never starts with something that
    reads as structure (the word moves up a line instead)."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) > WIDTH and not _AMBIGUOUS_START.match(word):
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    # A short line ending a sentence would read as the end of a paragraph
    # (kamerqa.text.ends_paragraph): the next word moves up onto it.
    index = 1
    while index < len(lines) - 1:
        if ends_paragraph(lines[index], lines[index + 1], lines[index - 1]):
            word, _, rest = lines[index + 1].partition(" ")
            lines[index] += " " + word
            if rest:
                lines[index + 1] = rest
            else:
                del lines[index + 1]
            continue
        index += 1
    # A line ending in "-" keeps a trailing space: it is not a word broken at its hyphen.
    return [line + " " if line.endswith("-") and i < len(lines) - 1 else line for i, line in enumerate(lines)]
