"""CSV: one row per question, for scripts, databases and spreadsheets.

RFC 4180 (comma separated, fields quoted where needed, CRLF line ends),
UTF-8 without a byte-order mark.  The columns are the Excel sheet's, with
the document's identifiers first, so that the rows of many documents can be
stacked into one table (``kamerqa overview`` does that).

A cell that starts with "=", "+", "-", "@", a tab or a carriage return would
be run as a formula by a spreadsheet program that opens the file: such a
cell gets a leading apostrophe, as OWASP advises (the Excel exporter writes
string cells instead, which need none).  Page numbers are numbers and are
written as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any

from ..model import Document, Question
from . import reject_options

__all__ = ["COLUMNS", "CsvExporter", "neutralised", "question_rows", "question_values"]

#: The document's identifiers, then the Excel sheet's columns.
COLUMNS = (
    "Soort",
    "Dossier",
    "Documentnr",
    "Aanhangsel",
    "Nr",
    "Vraag",
    "Antwoord",
    "Bijlage",
    "Blz. van",
    "Blz. t/m",
    "Verwijst naar",
    "Omvat",
    "Pagina",
    "Regels",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: str) -> str:
    """``value`` so that no spreadsheet program runs it as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralised(value)
    return value


def question_values(document: Document) -> Iterable[tuple[object, ...]]:
    """The values of :data:`COLUMNS`, one tuple per question, as they are
    (for a spreadsheet that stores text as text, e.g. the overview's)."""
    meta = document.meta
    identifiers = (meta.kind, meta.dossier, meta.number, meta.aanhangsel)
    for question in document.questions:
        yield (*identifiers, *_question(question))


def question_rows(document: Document) -> Iterable[Sequence[object]]:
    """The rows of :data:`COLUMNS`, one per question, safe to open in a spreadsheet."""
    for values in question_values(document):
        yield tuple(_cell(value) for value in values)


def _question(question: Question) -> tuple[object, ...]:
    return (
        question.number,
        question.text,
        question.answer,
        question.attachment,
        question.page_from,
        question.page_to,
        ", ".join(question.refers_to) or None,
        ", ".join(question.covers) if len(question.covers) > 1 else None,
        question.page,
        str(question.lines),
    )


class CsvExporter:
    name = "csv"
    suffixes = (".csv",)
    binary = False
    description = "CSV (RFC 4180, UTF-8): one row per question with the document's identifiers"

    def write(self, document: Document, stream: IO[str], **options: Any) -> None:
        reject_options(self.name, options)
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(question_rows(document))
