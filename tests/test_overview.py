"""``kamerqa overview``: a table of documents and one of all their
questions, read back from the workbook, the CSV files and the JSON."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import kamerqa
from kamerqa import overview
from kamerqa.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
PICKED = ("001_*.txt", "033_*.txt", "340_*.xml", "342_*.pdf")  # a committee list, a letter, Kamervragen as XML and PDF


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "archief"
    folder.mkdir()
    for pattern in PICKED:
        source = next(CORPUS.glob(pattern))
        shutil.copy(source, folder / source.name)
    (folder / "kapot.txt").write_bytes(b"\x00\x01 not a document")
    (folder / "notities.md").write_text("not an input", encoding="utf-8")
    return folder


def expected(folder: Path) -> dict[str, kamerqa.Document]:
    return {str(p): kamerqa.parse_file(p) for p in sorted(folder.iterdir()) if p.name[:1].isdigit()}


def test_the_workbook_has_a_row_per_document_and_per_question(archive, tmp_path):
    out = tmp_path / "overzicht.xlsx"
    result = CliRunner().invoke(main, ["overview", str(archive), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1  # one file could not be read
    assert "4 documents read, 1 failed" in result.stderr and "kapot.txt: binary data" in result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Documenten", "Vragen"]
    rows = list(book["Documenten"].iter_rows(values_only=True))
    assert rows[0] == overview.DOCUMENT_COLUMNS
    documents = expected(archive)
    by_file = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert set(by_file) == {*documents, str(archive / "kapot.txt")}
    for file, document in documents.items():
        row = by_file[file]
        answered = sum(q.answer is not None for q in document.questions)
        assert (row["Soort"], row["Vragen"], row["Beantwoord"], row["Onbeantwoord"]) == (
            document.meta.kind, len(document.questions), answered, len(document.questions) - answered,
        )
        assert row["Fout"] is None
    assert by_file[str(archive / "kapot.txt")]["Fout"].endswith("binary data, not a text file or a format kamerqa reads (see 'kamerqa formats')")
    kamervragen = by_file[next(f for f in documents if f.endswith(".xml"))]
    assert kamervragen["Commissie of vragenstellers"] == "Van Weyenberg (D66), Romke de Jong (D66), Kat (D66)"
    assert kamervragen["Datum"] == "2021-06-21" and kamervragen["Titel"] == "de TOZO"
    joint = by_file[next(f for f in documents if f.endswith(".pdf"))]
    assert joint["Gezamenlijk"] == 1  # "Antwoord 5 en 6"
    questions = list(book["Vragen"].iter_rows(values_only=True))
    assert questions[0] == overview.QUESTION_COLUMNS
    assert len(questions) - 1 == sum(len(d.questions) for d in documents.values())
    first = dict(zip(questions[0], questions[1]))
    document = documents[first["Bestand"]]
    assert (first["Nr"], first["Vraag"]) == (document.questions[0].number, document.questions[0].text)


def test_csv_writes_the_questions_beside_the_documents(archive, tmp_path):
    out = tmp_path / "overzicht.csv"
    result = CliRunner().invoke(main, ["overview", str(archive), "-o", str(out)])
    assert result.exit_code == 1
    with out.open(newline="", encoding="utf-8") as stream:
        documents = list(csv.DictReader(stream))
    with (tmp_path / "overzicht-vragen.csv").open(newline="", encoding="utf-8") as stream:
        questions = list(csv.DictReader(stream))
    assert len(documents) == 5 and sum(int(d["Vragen"] or 0) for d in documents) == len(questions)
    assert {q["Bestand"] for q in questions} == {d["Bestand"] for d in documents if not d["Fout"]}


def test_json_on_standard_output_and_serial_equals_parallel(archive):
    result = CliRunner().invoke(main, ["overview", str(archive)])
    data = json.loads(result.stdout)
    assert [d["Bestand"] for d in data["documents"]] == sorted(str(p) for p in archive.iterdir() if p.suffix != ".md")
    paths = sorted(p for p in archive.iterdir() if p.suffix != ".md")
    assert overview.collect(paths, jobs=1) == overview.collect(paths, jobs=2)


def test_a_formula_looking_question_stays_text(tmp_path):
    lijst = tmp_path / "lijst.txt"
    lijst.write_text("Vraag 1\n=SUM(A1:A9) is dat zo?\nAntwoord 1\n-5 graden.\nVraag 2\nWaarom?\nAntwoord 2\nDaarom.\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert CliRunner().invoke(main, ["overview", str(lijst), "-o", str(out)]).exit_code == 0
    sheet = openpyxl.load_workbook(out)["Vragen"]
    cell = sheet.cell(row=2, column=overview.QUESTION_COLUMNS.index("Vraag") + 1)
    assert cell.value == "=SUM(A1:A9) is dat zo?" and cell.data_type == "s"


def test_an_overview_format_it_cannot_tell_is_a_clear_error(tmp_path, archive):
    result = CliRunner().invoke(main, ["overview", str(archive), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2 and "use .xlsx, .csv or .json" in result.stderr
    assert not (tmp_path / "o.docx").exists()


def test_an_empty_folder_is_an_error_and_writes_nothing(tmp_path):
    # As for convert: an overview of nothing would look like an archive without documents.
    from click.testing import CliRunner

    from kamerqa.cli import main

    empty = tmp_path / "leeg"
    empty.mkdir()
    out = tmp_path / "overzicht.xlsx"
    result = CliRunner().invoke(main, ["overview", str(empty), "-o", str(out)])
    assert result.exit_code == 2
    assert "no files to read in" in result.output
    assert not out.exists()


def test_ctrl_c_stops_an_overview_with_a_count_and_exit_130(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kamerqa import overview as archive
    from kamerqa.cli import main

    def interrupted(paths, *, jobs=None, reading=None, progress=None):
        progress(archive.Entry(str(paths[0])))  # one read, then Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(archive, "collect", interrupted)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("1 Vraag?\nAntwoord\nJa.\n", encoding="utf-8")
    out = tmp_path / "overzicht.xlsx"
    result = CliRunner().invoke(main, ["overview", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 130
    assert "interrupted: 1 of 2 inputs read; no overview written" in result.output
    assert not out.exists()
