"""The Excel workbook, read back with openpyxl."""

from __future__ import annotations

import io

import attrs
import openpyxl
import pytest

import kamerqa
from kamerqa.exporters.xlsx import MAX_CELL

from .synthetic import renumbered_copies


def workbook(document: kamerqa.Document) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    kamerqa.export(document, buffer, "xlsx")
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


@pytest.fixture(scope="module")
def book(reference):
    return workbook(reference)


def rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_sheets(book):
    assert book.sheetnames == ["Vragen", "Document", "Voetnoten", "Meldingen"]


def test_question_rows_equal_the_model(book, reference):
    sheet = book["Vragen"]
    header, *data = rows(sheet)
    assert header == ["Nr", "Nr als getal", "Vraag", "Antwoord", "Bijlage", "Blz. van", "Blz. t/m", "Verwijst naar", "Regels"]
    assert len(data) == len(reference.questions)
    for row, q in zip(data, reference.questions):
        assert row == [
            q.number,
            int(q.number),
            q.text,
            q.answer,
            q.attachment,
            q.page_from,
            q.page_to,
            ", ".join(q.refers_to) or None,
            f"{q.lines.first}-{q.lines.last}",
        ]
    assert data[44][7] == "10, 33"
    assert data[20][5] == 1


def test_header_is_bold_frozen_and_a_filterable_table(book, reference):
    sheet = book["Vragen"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    table = sheet.tables["Vragen"]
    assert table.ref == f"A1:I{len(reference.questions) + 1}"
    assert [c.name for c in table.tableColumns][:4] == ["Nr", "Nr als getal", "Vraag", "Antwoord"]
    assert sheet["D2"].alignment.wrap_text
    assert sheet.column_dimensions["D"].width == 90
    assert sheet.row_dimensions[2].height > 15  # a long answer gets a tall row


def test_document_and_diagnostics_sheets(book, reference):
    meta = dict(rows(book["Document"])[1:])
    assert meta["Dossier"] == "27925"
    assert meta["Datum brief"] == "2022-10-28"
    assert meta["Over kamerstuk"] == "27925, nr. 919"
    assert meta["Voorzitter"] == "Heerema"
    notes = rows(book["Meldingen"])
    assert notes[0] == ["Regel", "Kolom", "Ernst", "Code", "Melding", "Tekst"]
    assert [(r[0], r[3]) for r in notes[1:]] == [(d.line, d.code) for d in reference.diagnostics]


@pytest.mark.parametrize("text", ["=SUM(A1:A9)", "+31 6 1234", "-1 of meer", "@HYPERLINK(\"x\")", "=1+1"])
def test_formula_looking_text_stays_a_string_cell(reference, text):
    q = attrs.evolve(reference.questions[0], text=text, answer=text)
    sheet = workbook(attrs.evolve(reference, questions=(q,)))["Vragen"]
    for cell in (sheet["C2"], sheet["D2"]):
        assert cell.data_type == "s"
        assert cell.value == text


def test_text_beyond_the_cell_limit_is_cut_with_a_note(reference):
    long = "woord " * 7000  # 42,000 characters
    q = attrs.evolve(reference.questions[0], answer=long)
    book = workbook(attrs.evolve(reference, questions=(q,), diagnostics=()))
    cell = book["Vragen"]["D2"].value
    assert len(cell) == MAX_CELL
    assert cell.endswith(" […]") and long.startswith(cell[:-4])
    notes = rows(book["Meldingen"])[1:]
    assert [(r[0], r[2], r[3]) for r in notes] == [(q.lines.first, "warning", "cell-truncated")]
    assert "42,000 characters cut" in notes[0][4]


def test_control_characters_are_replaced_with_a_note(reference):
    q = attrs.evolve(reference.questions[0], text="Vraag\x0cmet\x00tekens?")
    book = workbook(attrs.evolve(reference, questions=(q,), diagnostics=()))
    assert book["Vragen"]["C2"].value == "Vraag\ufffdmet\ufffdtekens?"
    assert [r[3] for r in rows(book["Meldingen"])[1:]] == ["cell-cleaned"]


def test_large_document_exports(reference_text):
    large = kamerqa.parse(renumbered_copies(reference_text, 16))
    sheet = workbook(large)["Vragen"]
    numbers = [row[0] for row in rows(sheet)[1:]]
    assert numbers == [str(n) for n in range(1, 1009)]


@pytest.mark.parametrize(
    "text",
    [
        "A & B <c> \"d\" 'e'",
        "  leading and trailing space  ",
        "eerste alinea\n\ntweede alinea",
        "]]> &amp; &#13; <t>",
        "tab\there",
    ],
)
def test_question_cells_keep_text_exactly(reference, text):
    q = attrs.evolve(reference.questions[0], text=text, answer=text, attachment=text)
    sheet = workbook(attrs.evolve(reference, questions=(q,), diagnostics=()))["Vragen"]
    assert [sheet[f"{column}2"].value for column in "CDE"] == [text, text, text]


def test_question_cells_are_styled_per_column(book):
    sheet = book["Vragen"]
    row = sheet[2]
    assert row[0].alignment.vertical == "top" and not row[0].alignment.wrap_text
    assert row[2].alignment.wrap_text and row[2].alignment.vertical == "top"
    assert not row[8].alignment.wrap_text
    assert row[0].data_type == "s" and isinstance(sheet["F22"].value, int)
    assert row[1].data_type == "n" and row[1].value == 1


def test_empty_fields_leave_cells_empty(reference):
    q = attrs.evolve(reference.questions[0], answer=None, page_from=None, page_to=None, refers_to=())
    sheet = workbook(attrs.evolve(reference, questions=(q,), diagnostics=()))["Vragen"]
    assert [cell.value for cell in sheet[2]][3:8] == [None, None, None, None, None]


def test_the_sort_key_counts_as_people_do():
    from kamerqa.exporters.xlsx import sort_key

    numbers = ["10", "2", "4 en 5", "12b", "12a", "12", "1"]
    assert sorted(numbers, key=sort_key) == ["1", "2", "4 en 5", "10", "12", "12a", "12b"]
    assert sort_key("") is None


def test_footnotes_sheet_and_print_setup(book, reference):
    assert rows(book["Voetnoten"]) == [["Noot", "Tekst", "Vraag", "Regel"], ["1", "https://rsf.org/en/country/iraq", "42", 648]]
    sheet = book["Vragen"]
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize, sheet.page_setup.fitToWidth) == ("landscape", 9, 1)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$1"


def test_kamervragen_metadata_on_the_document_sheet():
    from pathlib import Path

    document = kamerqa.parse_file(next((Path(__file__).resolve().parent / "corpus").glob("340_*.xml")))
    meta = dict(rows(workbook(document)["Document"])[1:])
    assert meta["Soort"] == "Kamervragen" and meta["Aanhangsel"] == "ah-tk-20202021-3235"
    assert meta["Vragenstellers"] == "Van Weyenberg (D66), Romke de Jong (D66), Kat (D66)"
    assert (meta["Ingezonden"], meta["Ontvangen"], meta["Beantwoord"]) == ("2021-06-03", "2021-06-21", "9")
