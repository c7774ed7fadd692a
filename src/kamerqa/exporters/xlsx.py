"""Excel workbook (openpyxl): a sheet to filter and annotate.

Sheets: "Vragen" (one row per question, an Excel table with filter buttons,
a bold frozen header), "Document" (the metadata) and "Meldingen" (the
diagnostics, plus anything the export itself had to change).

Every text cell is written as a string cell, so a question that starts with
"=", "+", "-" or "@" can never become a formula.  Text longer than Excel's
32,767-character cell limit is cut, and the cut is listed in "Meldingen";
characters that XML cannot hold (control characters) are replaced by U+FFFD
and listed too.  The workbook is written in openpyxl's write-only mode.
"""

from __future__ import annotations

import re
import warnings
from typing import IO, Any

from . import reject_options
from ..model import Diagnostic, Document, Severity

__all__ = ["MAX_CELL", "XlsxExporter"]

#: Excel's limit on the characters in one cell.
MAX_CELL = 32_767
_CUT_MARK = " […]"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

QUESTION_COLUMNS = (
    ("Nr", 8),
    ("Vraag", 60),
    ("Antwoord", 90),
    ("Bijlage", 12),
    ("Blz. van", 9),
    ("Blz. t/m", 9),
    ("Verwijst naar", 14),
    ("Regels", 12),
)


def _row_height(*cells: tuple[str, int]) -> float:
    """Points needed to show wrapped text in columns of the given widths
    (15 points a line, a line about 1.2 characters per unit of width),
    within Excel's maximum row height of 409 points."""
    lines = 1
    for text, width in cells:
        per_line = max(1, int(width * 1.2))
        needed = sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))
        lines = max(lines, needed)
    return min(409.0, 15.0 * lines)


class XlsxExporter:
    name = "xlsx"
    suffixes = (".xlsx",)
    binary = True
    description = "Excel workbook: a filterable table of the questions, the metadata and the diagnostics"

    def write(self, document: Document, stream: IO[bytes], **options: Any) -> None:
        reject_options(self.name, options)
        _Workbook(document).save(stream)


class _Workbook:
    def __init__(self, document: Document) -> None:
        from openpyxl import Workbook  # imported here: JSON conversions never load openpyxl

        self.model = document
        self.book = Workbook(write_only=True)
        self.notes: list[Diagnostic] = []

    def save(self, stream: IO[bytes]) -> None:
        self._questions()
        self._document()
        self._diagnostics()
        self.book.save(stream)

    # Cells -------------------------------------------------------------------

    def _text(self, sheet, value: str | None, where: str, line: int | None = None):
        """A string cell that can never be a formula, cut to Excel's limit."""
        from openpyxl.cell import WriteOnlyCell

        if value is None:
            return None
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub("\ufffd", value)
            self.notes.append(
                Diagnostic(
                    Severity.WARNING,
                    "cell-cleaned",
                    f"{where}: characters that cannot be stored in a spreadsheet were replaced by \ufffd",
                    line,
                )
            )
        if len(value) > MAX_CELL:
            self.notes.append(
                Diagnostic(
                    Severity.WARNING,
                    "cell-truncated",
                    f"{where}: {len(value):,} characters cut to Excel's limit of {MAX_CELL:,}",
                    line,
                )
            )
            value = value[: MAX_CELL - len(_CUT_MARK)] + _CUT_MARK
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    def _header(self, sheet, titles):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        bold = Font(bold=True)
        cells = []
        for title in titles:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    # Sheets ------------------------------------------------------------------

    def _questions(self) -> None:
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.table import Table, TableStyleInfo

        sheet = self.book.create_sheet("Vragen")
        for index, (_, width) in enumerate(QUESTION_COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        self._header(sheet, [title for title, _ in QUESTION_COLUMNS])
        wrap = Alignment(wrap_text=True, vertical="top")
        top = Alignment(vertical="top")
        row_number = 2
        for question in self.model.questions:
            where = f"vraag {question.number}"
            line = question.lines.first
            row = [
                self._text(sheet, question.number, where, line),
                self._text(sheet, question.text, f"{where}, vraag", line),
                self._text(sheet, question.answer, f"{where}, antwoord", line),
                self._text(sheet, question.attachment, f"{where}, bijlage", line),
                question.page_from,
                question.page_to,
                self._text(sheet, ", ".join(question.refers_to) or None, where, line),
                self._text(sheet, str(question.lines), where, line),
            ]
            for cell in (row[1], row[2]):
                if cell is not None:
                    cell.alignment = wrap
            if row[0] is not None:
                row[0].alignment = top
            # Spreadsheet programs do not all grow rows for wrapped text: say how high.
            sheet.row_dimensions[row_number].height = _row_height(
                (question.text, QUESTION_COLUMNS[1][1]), (question.answer or "", QUESTION_COLUMNS[2][1])
            )
            sheet.append(row)
            row_number += 1
        last_row = len(self.model.questions) + 1
        table = Table(displayName="Vragen", ref=f"A1:{get_column_letter(len(QUESTION_COLUMNS))}{last_row}")
        table._initialise_columns()  # write-only mode cannot read the header back
        for column, (title, _) in zip(table.tableColumns, QUESTION_COLUMNS):
            column.name = title
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        with warnings.catch_warnings():  # openpyxl warns in write-only mode even when the columns are set
            warnings.filterwarnings("ignore", "In write-only mode you must add table columns manually")
            sheet.add_table(table)

    def _document(self) -> None:
        meta = self.model.meta
        sheet = self.book.create_sheet("Document")
        sheet.column_dimensions["A"].width = 18
        sheet.column_dimensions["B"].width = 100
        self._header(sheet, ["Gegeven", "Waarde"])
        rows = [
            ("Soort", meta.kind),
            ("Dossier", meta.dossier),
            ("Nummer", meta.number),
            ("Titel", meta.title),
            ("Vastgesteld", meta.vastgesteld.isoformat() if meta.vastgesteld else None),
            ("Commissie", meta.committee),
            ("Gericht aan", meta.addressee),
            ("Datum brief", meta.letter_date.isoformat() if meta.letter_date else None),
            ("Over kamerstuk", str(meta.about) if meta.about else None),
            ("Voorzitter", meta.chair),
            ("Griffier", meta.clerk),
            ("Inleiding", meta.intro),
            ("Opmaak", meta.layout),
            ("Aantal vragen", str(len(self.model.questions))),
        ]
        for key, value in rows:
            sheet.append([self._text(sheet, key, "Document"), self._text(sheet, value, f"Document, {key}")])

    def _diagnostics(self) -> None:
        sheet = self.book.create_sheet("Meldingen")
        for letter, width in zip("ABCDEF", (8, 8, 10, 24, 70, 60)):
            sheet.column_dimensions[letter].width = width
        self._header(sheet, ["Regel", "Kolom", "Ernst", "Code", "Melding", "Tekst"])
        rows = list(self.model.diagnostics)
        for diagnostic in rows:
            self._diagnostic_row(sheet, diagnostic)
        # notes made while writing cells above, and while writing these rows
        written = 0
        while written < len(self.notes):
            note = self.notes[written]
            written += 1
            self._diagnostic_row(sheet, note)

    def _diagnostic_row(self, sheet, diagnostic: Diagnostic) -> None:
        where = f"melding regel {diagnostic.line}"
        sheet.append(
            [
                diagnostic.line,
                diagnostic.column,
                self._text(sheet, diagnostic.severity.value, where),
                self._text(sheet, diagnostic.code, where),
                self._text(sheet, diagnostic.message, where),
                self._text(sheet, diagnostic.text, where),
            ]
        )
