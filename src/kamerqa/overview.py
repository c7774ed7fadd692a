"""An overview of an archive: how many questions each document has, how
many are answered, and every question of every document in one table.

``kamerqa overview INPUTS... -o overzicht.xlsx`` (also ``.csv`` and
``.json``).  Inputs are read in parallel like a batch conversion
(:mod:`kamerqa.batch`), past bad files: a file that cannot be read is a row
of the documents table with its reason in "Fout".

Tables:

* documents: one row per file (:data:`DOCUMENT_COLUMNS`);
* questions: one row per question of every document, the document's
  columns first (:data:`QUESTION_COLUMNS`).

A workbook has them as the sheets "Documenten" and "Vragen"; JSON as the
lists ``documents`` and ``questions``; CSV as two files, the questions in
``<name>-vragen.csv`` beside the one named.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
import orjson

from .batch import failure, parallel_map
from .errors import KamerqaError
from .exporters import UnknownFormatError, write_file
from .exporters.csv import COLUMNS, neutralised, question_values
from .model import Document

__all__ = ["DOCUMENT_COLUMNS", "FORMATS", "QUESTION_COLUMNS", "Entry", "collect", "write"]

DOCUMENT_COLUMNS = (
    "Bestand", "Soort", "Dossier", "Nummer", "Titel", "Datum", "Commissie of vragenstellers",
    "Vragen", "Beantwoord", "Onbeantwoord", "Gezamenlijk", "Meldingen", "Fout",
)
#: The file, then the CSV exporter's columns (the document's identifiers, the question's).
QUESTION_COLUMNS = ("Bestand", *COLUMNS)
FORMATS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


@attrs.frozen
class Entry:
    """One input: its document, or why it could not be read."""

    file: str
    document: Document | None = None
    error: str | None = None


def read_one(arguments: tuple[str, dict[str, Any]]) -> Entry:
    """Parse one input; never raises for bad input (picklable, for a process pool)."""
    from .parsing import parse_file

    path, reading = arguments
    try:
        return Entry(path, parse_file(path, **reading))
    except (KamerqaError, OSError) as exc:
        return Entry(path, error=failure(exc, path))


def collect(
    paths: Sequence[Path],
    *,
    jobs: int | None = None,
    reading: dict[str, Any] | None = None,
    progress: Callable[[Entry], None] | None = None,
) -> list[Entry]:
    """Every input read, in input order, ``jobs`` processes at a time."""
    return parallel_map(
        read_one, [(str(p), reading or {}) for p in paths], jobs=jobs, progress=progress,
        on_crash=lambda item, error: Entry(item[0], error=f"{item[0]}: the process reading it died ({error})"),
    )


def _date(document: Document):
    meta = document.meta
    for value in (meta.vastgesteld, meta.received, meta.document_date, meta.submitted, meta.letter_date):
        if value is not None:
            return value
    return None


def document_row(entry: Entry) -> tuple[Any, ...]:
    if entry.document is None:
        return (entry.file, *([None] * (len(DOCUMENT_COLUMNS) - 2)), entry.error)
    document = entry.document
    meta = document.meta
    questions = document.questions
    answered = sum(q.answer is not None for q in questions)
    when = _date(document)
    who = meta.committee or (", ".join(meta.askers) if meta.askers else None) or meta.answered_by
    return (
        entry.file, meta.kind, meta.dossier, meta.number, meta.title,
        when.isoformat() if when else None, who,
        len(questions), answered, len(questions) - answered, sum(len(q.covers) > 1 for q in questions),
        len(document.problems), None,
    )


def question_rows(entry: Entry) -> list[tuple[Any, ...]]:
    if entry.document is None:
        return []
    return [(entry.file, *values) for values in question_values(entry.document)]


def format_for(output: Path | None, format: str | None) -> str:
    if format is not None:
        if format not in FORMATS.values():
            raise UnknownFormatError(f"unknown overview format {format!r}; choose from {', '.join(FORMATS.values())}")
        return format
    if output is None:
        return "json"
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise UnknownFormatError(f"cannot tell the overview format from {str(output)!r}; use .xlsx, .csv or .json (or --to)")
    return FORMATS[suffix]


def write(entries: Sequence[Entry], output: Path | None, format: str, stdout: IO[str] | None = None) -> list[Path]:
    """Write the overview; the files written (none for standard output)."""
    documents = [document_row(e) for e in entries]
    questions = [row for e in entries for row in question_rows(e)]
    if format == "json":
        data = {
            "documents": [dict(zip(DOCUMENT_COLUMNS, row)) for row in documents],
            "questions": [dict(zip(QUESTION_COLUMNS, row)) for row in questions],
        }
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
        if output is None:
            assert stdout is not None
            stdout.write(text)
            return []
        write_file(output, False, lambda stream: stream.write(text))
        return [output]
    if format == "csv":
        if output is None:
            assert stdout is not None
            _csv(stdout, DOCUMENT_COLUMNS, documents)
            return []
        second = output.with_name(f"{output.stem}-vragen{output.suffix}")
        write_file(output, False, lambda stream: _csv(stream, DOCUMENT_COLUMNS, documents))
        write_file(second, False, lambda stream: _csv(stream, QUESTION_COLUMNS, questions))
        return [output, second]
    if output is None:
        raise UnknownFormatError("an overview workbook needs an output file (-o overzicht.xlsx)")
    write_file(output, True, lambda stream: _workbook(stream, documents, questions))
    return [output]


def _cell(value: Any) -> Any:
    return "" if value is None else neutralised(value) if isinstance(value, str) else value


def _csv(stream: IO[str], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)


def _workbook(stream: IO[bytes], documents: Sequence[Sequence[Any]], questions: Sequence[Sequence[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, columns, rows in (("Documenten", DOCUMENT_COLUMNS, documents), ("Vragen", QUESTION_COLUMNS, questions)):
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{_column_letter(len(columns))}{len(rows) + 1}"
        header = []
        for name in columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=_clean(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # a string cell: text is never a formula
                cells.append(cell)
            sheet.append(cells)
    book.save(stream)


def _clean(value: Any) -> Any:
    from .exporters.xlsx import MAX_CELL

    if isinstance(value, str):
        value = "".join(ch if ch in "\t\n\r" or ord(ch) >= 32 else "\ufffd" for ch in value)
        return value[:MAX_CELL]
    return value


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


