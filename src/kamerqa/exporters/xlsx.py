"""Excel workbook (openpyxl): a sheet to filter and annotate.

Sheets: "Vragen" (one row per question, an Excel table with filter buttons,
a bold frozen header, a numeric sort key beside "Nr", printed A4 landscape
as wide as the page with the header on every page), "Document" (every
metadata field the document has), "Voetnoten" (marker, text, question) and
"Meldingen" (the diagnostics, plus anything the export itself had to change).

Every text cell is written as a string cell, so a question that starts with
"=", "+", "-" or "@" can never become a formula.  Text longer than Excel's
32,767-character cell limit is cut, and the cut is listed in "Meldingen";
characters that XML cannot hold (control characters) are replaced by U+FFFD
and listed too.  openpyxl (write-only mode) writes the workbook; the rows of
the questions sheet are written directly, in the form openpyxl gives them.
"""

from __future__ import annotations

import io
import re
import string
import warnings
import zipfile
from typing import IO, Any

from ..errors import InternalError
from ..model import Diagnostic, Document, Severity
from ..model import label as question_label
from ..text import number_label
from . import reject_options

__all__ = ["MAX_CELL", "XlsxExporter"]

#: Excel's limit on the characters in one cell.
MAX_CELL = 32_767
_CUT_MARK = " […]"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

QUESTION_COLUMNS = (
    ("Nr", 8),
    ("Nr als getal", 8),
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
    """One export.  openpyxl builds the workbook - styles, the Excel table,
    the frozen header, the small sheets - and kamerqa writes the rows of the
    questions sheet itself (see :func:`_row`): openpyxl's per-cell
    writer costs about 20 microseconds a cell, which caps a large list at a
    few thousand questions a second."""

    def __init__(self, document: Document) -> None:
        from openpyxl import Workbook  # imported here: JSON conversions never load openpyxl

        self.model = document
        self.book = Workbook(write_only=True)
        self.notes: list[Diagnostic] = []

    def save(self, stream: IO[bytes]) -> None:
        sheet, rows = self._questions()
        self._document()
        self._footnotes()
        self._diagnostics()
        package = io.BytesIO()
        self.book.save(package)
        _splice_rows(package, stream, sheet.path.lstrip("/"), rows)

    # Cells -------------------------------------------------------------------

    def _clean(self, value: str | None, where: str, line: int | None = None) -> str | None:
        """``value`` as a cell can hold it: characters XML cannot carry
        replaced, cut to Excel's limit (each change noted)."""
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
        return value

    def _text(self, sheet, value: str | None, where: str, line: int | None = None):
        """A string cell that can never be a formula, cut to Excel's limit."""
        from openpyxl.cell import WriteOnlyCell

        value = self._clean(value, where, line)
        if value is None:
            return None
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

    def _style_id(self, sheet, alignment) -> int:
        """The workbook's style index for cells with ``alignment``."""
        from openpyxl.cell import WriteOnlyCell

        probe = WriteOnlyCell(sheet)
        probe.alignment = alignment
        return probe.style_id

    # Sheets ------------------------------------------------------------------

    def _questions(self) -> tuple[Any, str]:
        """The questions sheet (header row, widths, table) and the XML of its data rows."""
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.table import Table, TableStyleInfo

        sheet = self.book.create_sheet("Vragen")
        _print_setup(sheet)  # before the first row: write-only mode writes the sheet's properties with it
        for index, (_, width) in enumerate(QUESTION_COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        self._header(sheet, [title for title, _ in QUESTION_COLUMNS])
        wrap = self._style_id(sheet, Alignment(wrap_text=True, vertical="top"))
        top = self._style_id(sheet, Alignment(vertical="top"))
        rows = []
        for row_number, question in enumerate(self.model.questions, start=2):
            where = f"vraag {self.model.label(row_number - 2)}"
            line = question.lines.first
            # Spreadsheet programs do not all grow rows for wrapped text: say how high.
            height = _row_height(
                (question.text, QUESTION_COLUMNS[2][1]), (question.answer or "", QUESTION_COLUMNS[3][1])
            )
            rows.append(
                _row(
                    row_number,
                    height,
                    (
                        (self._clean(question.number, where, line), top),
                        (sort_key(question.number), top),
                        (self._clean(question.text, f"{where}, vraag", line), wrap),
                        (self._clean(question.answer, f"{where}, antwoord", line), wrap),
                        (self._clean(question.attachment, f"{where}, bijlage", line), None),
                        (question.page_from, None),
                        (question.page_to, None),
                        (self._clean(", ".join(question.refers_to) or None, where, line), None),
                        (self._clean(str(question.lines), where, line), None),
                    ),
                )
            )
        last_row = len(self.model.questions) + 1
        table = Table(displayName="Vragen", ref=f"A1:{get_column_letter(len(QUESTION_COLUMNS))}{last_row}")
        table._initialise_columns()  # write-only mode cannot read the header back
        for column, (title, _) in zip(table.tableColumns, QUESTION_COLUMNS):
            column.name = title
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        with warnings.catch_warnings():  # openpyxl warns in write-only mode even when the columns are set
            warnings.filterwarnings("ignore", "In write-only mode you must add table columns manually")
            sheet.add_table(table)
        return sheet, "".join(rows)

    def _document(self) -> None:
        sheet = self.book.create_sheet("Document")
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 100
        self._header(sheet, ["Gegeven", "Waarde"])
        for key, value in document_rows(self.model):
            sheet.append([self._text(sheet, key, "Document"), self._text(sheet, value, f"Document, {key}")])

    def _footnotes(self) -> None:
        sheet = self.book.create_sheet("Voetnoten")
        for letter, width in zip("ABCD", (8, 90, 8, 8)):
            sheet.column_dimensions[letter].width = width
        self._header(sheet, ["Noot", "Tekst", "Vraag", "Regel"])
        for note in self.model.footnotes:
            where = f"voetnoot {note.marker}"
            # The question's number; one printed without a number by its place, as Document.label names it.
            question = note.question if note.question is not None or note.entry is None else question_label(None, note.entry)
            sheet.append(
                [
                    self._text(sheet, note.marker, where),
                    self._text(sheet, note.text, where, note.line),
                    self._text(sheet, question, where),
                    note.line,
                ]
            )

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


def sort_key(number: str | None) -> float | None:
    """A number that sorts questions as people count them: "2" before "10",
    "4 en 5" as 4, "12a" just after 12 ("12b" after "12a"); none for a
    question printed without a number."""
    if number is None or not number[:1].isdigit():
        return None
    first, letter, _ = number_label(number)
    return first + (ord(letter) - ord("a") + 1) / 100 if letter else float(first)


#: Labels of the metadata fields, in the order the Document sheet shows them.
_META_LABELS = (
    ("kind", "Soort"), ("dossier", "Dossier"), ("number", "Nummer"), ("title", "Titel"),
    ("vastgesteld", "Vastgesteld"), ("committee", "Commissie"), ("addressee", "Gericht aan"),
    ("letter_date", "Datum brief"), ("about", "Over kamerstuk"), ("chair", "Voorzitter"), ("clerk", "Griffier"),
    ("askers", "Vragenstellers"), ("answered_by", "Beantwoord door"), ("submitted", "Ingezonden"),
    ("received", "Ontvangen"), ("answer_submitted", "Antwoord ingezonden"), ("session", "Vergaderjaar"),
    ("aanhangsel", "Aanhangsel"), ("document_date", "Datum"), ("report", "Rapport"),
    ("mededeling", "Mededeling"), ("mededeling_by", "Mededeling van"), ("mededeling_received", "Mededeling ontvangen"),
    ("intro", "Inleiding"), ("layout", "Opmaak"),
)


def document_rows(document: Document) -> list[tuple[str, str]]:
    """Every metadata field the document has a value for, with its Dutch label."""
    meta = document.meta
    rows = []
    for field, label in _META_LABELS:
        value = getattr(meta, field)
        if value in (None, ()):
            continue
        if isinstance(value, tuple):
            value = ", ".join(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        rows.append((label, str(value)))
    answered = sum(q.answer is not None for q in document.questions)
    rows.append(("Aantal vragen", str(len(document.questions))))
    rows.append(("Beantwoord", str(answered)))
    return rows


def _print_setup(sheet) -> None:
    """A4 landscape, as wide as the page, the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 (openpyxl: Worksheet.PAPERSIZE_A4)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


# The questions sheet's rows, written directly ----------------------------------

_COLUMN_LETTERS = string.ascii_uppercase[: len(QUESTION_COLUMNS)]
_COMPRESSION = 3


def _escape(text: str) -> str:
    """Text as XML character data (str.replace is several times faster than
    str.translate with a table here)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _row(number: int, height: float, cells: tuple[tuple[str | float | None, int | None], ...]) -> str:
    """One ``<row>`` of SpreadsheetML, as openpyxl's write-only mode writes it:
    text as inline strings (never a formula), numbers as numbers, empty
    cells left out."""
    parts = [f'<row r="{number}" ht="{height:g}" customHeight="1">']
    for letter, (value, style) in zip(_COLUMN_LETTERS, cells, strict=True):
        if value is None:
            continue
        styled = f' s="{style}"' if style else ""
        if isinstance(value, (int, float)):
            parts.append(f'<c r="{letter}{number}"{styled} t="n"><v>{value:g}</v></c>')
        else:
            space = ' xml:space="preserve"' if value != value.strip() else ""
            parts.append(
                f'<c r="{letter}{number}"{styled} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>'
            )
    parts.append("</row>")
    return "".join(parts)


def _splice_rows(package: io.BytesIO, stream: IO[bytes], sheet_part: str, rows: str) -> None:
    """Copy the workbook openpyxl wrote to ``stream``, with ``rows`` added to
    the end of the ``sheetData`` of ``sheet_part``.

    Compression level 3 instead of zlib's default 6: for a large list the
    file is about 12% larger and compressing takes half the time.
    """
    package.seek(0)
    with (
        zipfile.ZipFile(package) as source,
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSION) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == sheet_part:
                xml = data.decode("utf-8")
                if xml.count("</sheetData>") != 1:
                    raise InternalError(f"openpyxl wrote {sheet_part} without one sheetData element")
                data = xml.replace("</sheetData>", rows + "</sheetData>").encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSION)
