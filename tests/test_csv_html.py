"""The CSV and HTML exporters, read back: csv for the one, lxml's HTML
parser for the other."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

import kamerqa
from kamerqa.cli import main
from kamerqa.exporters import csv as csv_exporter
from kamerqa.exporters import summary
from kamerqa.families import committee, kamervragen, letter

from .conftest import REFERENCE
from .readback import expected_numbers, shown_numbers

CORPUS = Path(__file__).resolve().parent / "corpus"


def exported(document: kamerqa.Document, format: str) -> str:
    out = io.StringIO(newline="")
    kamerqa.export(document, out, format)
    return out.getvalue()


def csv_rows(document: kamerqa.Document) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(exported(document, "csv"), newline="")))


# CSV ---------------------------------------------------------------------------


def test_csv_has_a_row_per_question_with_the_document_identifiers(reference):
    text = exported(reference, "csv")
    header, _, _ = text.partition("\r\n")  # records end in CRLF (RFC 4180)
    assert header == ",".join(csv_exporter.COLUMNS) and text.endswith("\r\n")
    rows = csv_rows(reference)
    assert [row["Nr"] for row in rows] == [q.number for q in reference.questions]
    for row, question in zip(rows, reference.questions):
        assert (row["Vraag"], row["Antwoord"] or None) == (question.text, question.answer)
        assert row["Blz. van"] == ("" if question.page_from is None else str(question.page_from))
        assert (row["Soort"], row["Dossier"]) == ("Lijst van vragen en antwoorden", "27925")
    assert rows[44]["Verwijst naar"] == "10, 33"  # question 45 points to 10 and 33


def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(reference):
    first = reference.questions[0]
    risky = attrs.evolve(first, text='=HYPERLINK("http://x.example","klik")', answer="-5 graden is koud.", attachment="@SUM(A1)")
    document = attrs.evolve(reference, questions=(risky, *reference.questions[1:]))
    row = csv_rows(document)[0]
    assert row["Vraag"] == "'=HYPERLINK(\"http://x.example\",\"klik\")"
    assert row["Antwoord"] == "'-5 graden is koud." and row["Bijlage"] == "'@SUM(A1)"
    assert csv_exporter.neutralised("Gewoon") == "Gewoon" and csv_exporter.neutralised("+31") == "'+31"


def test_csv_of_a_joint_entry_and_a_pdf_page():
    document = kamerqa.parse_file(next(CORPUS.glob("342_*.pdf")))
    rows = csv_rows(document)
    joint = next(row for row in rows if row["Nr"] == "5 en 6")
    assert joint["Omvat"] == "5, 6" and joint["Pagina"] == "3"
    assert rows[0]["Aanhangsel"] == "ah-tk-20232024-1481" and rows[0]["Soort"] == "Kamervragen"


def test_the_cli_picks_csv_and_html_from_the_suffix(tmp_path):
    for suffix in ("csv", "html"):
        out = tmp_path / f"lijst.{suffix}"
        result = CliRunner().invoke(main, ["convert", str(REFERENCE), "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        assert out.read_text(encoding="utf-8").startswith("Soort," if suffix == "csv" else "<!DOCTYPE html>")


# HTML --------------------------------------------------------------------------


def page(document: kamerqa.Document):
    return lxml_html.document_fromstring(exported(document, "html").encode("utf-8"))


def test_the_html_report_is_one_self_contained_page_in_dutch(reference):
    root = page(reference)
    assert root.get("lang") == "nl"
    assert root.find(".//meta[@name='viewport']") is not None
    assert not root.findall(".//script") and not root.findall(".//link") and not root.findall(".//img")
    assert root.findtext(".//h1") == "Lijst van vragen en antwoorden"
    rows = {th.text_content(): td.text_content() for th, td in zip(root.iterfind(".//table//th"), root.iterfind(".//table//td"))}
    assert rows["Commissie"] == "vaste commissie voor Buitenlandse Zaken" and rows["Aantal vragen"] == "63"


def test_every_question_has_an_anchor_the_contents_and_references_link_to(reference):
    root = page(reference)
    sections = root.findall(".//section[@class='vraag']")
    assert [s.get("id") for s in sections] == [f"vraag-{q.number}" for q in reference.questions]
    contents = [a.get("href") for a in root.findall(".//nav//a")]
    assert contents == [f"#vraag-{q.number}" for q in reference.questions]
    seven = root.get_element_by_id("vraag-7")
    assert [a.get("href") for a in seven.findall(".//div[@class='antwoord']//a")] == ["#vraag-5"]
    question = seven.find(".//div[@class='vraagtekst']").text_content()
    assert question == reference.question("7").text


def test_answers_keep_their_paragraphs_and_lists(reference):
    root = page(reference)
    eight = root.get_element_by_id("vraag-8").find(".//div[@class='antwoord']")
    assert eight.findall(".//ol/li"), "question 8's answer is a numbered list"
    answer = reference.question("8").answer
    assert len(eight.findall("p")) + len(eight.findall("ol")) + len(eight.findall("ul")) >= answer.count("\n\n") + 1


def test_footnotes_link_from_their_marker_and_back(reference):
    root = page(reference)
    answer = root.get_element_by_id("vraag-42").find(".//div[@class='antwoord']")
    marker = answer.find(".//sup/a")
    assert marker.get("href") == "#noot-1" and marker.text == "1"
    note = root.get_element_by_id("noot-1")
    assert note.find("a").get("href") == "https://rsf.org/en/country/iraq"
    assert note.find("a[@href='#ref-1']") is not None


def test_a_joint_question_answers_to_each_of_its_numbers():
    document = kamerqa.parse_file(next(CORPUS.glob("342_*.pdf")))
    root = page(document)
    assert root.get_element_by_id("vraag-5-en-6") is not None
    assert root.get_element_by_id("vraag-6") is not None  # "#vraag-6" lands on the joint question


def test_everything_from_the_input_is_escaped(reference):
    first = reference.questions[0]
    hostile = attrs.evolve(first, text='<script>alert("x")</script> Is dat zo? <b>vet</b>', answer="Ja & nee <img src=x onerror=alert(1)>")
    document = attrs.evolve(reference, questions=(hostile, *reference.questions[1:]), meta=attrs.evolve(reference.meta, title="<i>titel</i>"))
    text = exported(document, "html")
    root = lxml_html.document_fromstring(text.encode("utf-8"))
    assert not root.findall(".//script") and not root.findall(".//img") and not root.findall(".//b") and not root.findall(".//i")
    section = root.get_element_by_id("vraag-1")
    assert section.find(".//div[@class='vraagtekst']").text_content() == hostile.text
    assert section.find(".//div[@class='antwoord']/p").text_content() == hostile.answer
    assert "&lt;script&gt;" in text


# Titles by family --------------------------------------------------------------


def test_the_families_kinds_are_the_ones_the_reports_know():
    assert (summary.KAMERVRAGEN, summary.LETTER) == (kamervragen.KIND, letter.KIND)
    assert committee.KIND == "Lijst van vragen en antwoorden"


@pytest.mark.parametrize(
    ("name", "heading", "labels"),
    [
        ("340_*.xml", "Kamervragen over de TOZO", {"Vragenstellers", "Beantwoord door", "Ingezonden", "Ontvangen", "Aanhangsel"}),
        ("033_*.txt", "Brief van de Algemene Rekenkamer", {"Afzender", "Datum"}),
        ("001_*.txt", "Lijst van vragen en antwoorden", {"Dossier", "Commissie"}),
    ],
)
def test_each_family_is_titled_as_itself(name, heading, labels):
    document = kamerqa.parse_file(next(CORPUS.glob(name)))
    root = page(document)
    assert root.findtext(".//h1") == heading
    shown = {th.text_content() for th in root.iterfind(".//table//th")}
    assert labels <= shown
    if document.meta.kind != "Lijst van vragen en antwoorden":
        assert "Vastgesteld" not in shown


# Every format, one document of each family, read back -------------------------

FAMILIES = ("001_*.txt", "033_*.txt", "340_*.xml", "342_*.pdf")


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("form", ["json", "docx", "xlsx", "txt", "csv", "html"])
def test_one_document_of_each_family_in_every_format(tmp_path, family, form):
    document = kamerqa.parse_file(next(CORPUS.glob(family)))
    out = tmp_path / f"out.{form}"
    kamerqa.export(document, out)
    assert shown_numbers(out.read_bytes(), form) == expected_numbers(document, form)
