"""The command line, as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kamerqa
from kamerqa.cli import main

from .conftest import REFERENCE


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_convert_writes_json_to_stdout(reference):
    result = run("convert", REFERENCE)
    assert result.exit_code == 0, result.output
    assert kamerqa.from_json(result.stdout) == reference


def test_convert_picks_the_format_from_the_suffix(tmp_path, reference):
    out = tmp_path / "lijst.json"
    result = run("convert", REFERENCE, "-o", out)
    assert result.exit_code == 0
    assert kamerqa.from_json(out.read_text(encoding="utf-8")) == reference
    assert "63 questions (4 problems; see 'kamerqa check')" in result.stderr


def test_convert_with_explicit_format(tmp_path, reference):
    out = tmp_path / "lijst.data"
    assert run("convert", REFERENCE, "-o", out, "--to", "json").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["chair"] == "Heerema"


def test_unknown_format_is_one_line_and_exit_2(tmp_path):
    result = run("convert", REFERENCE, "--to", "pdf")
    assert result.exit_code == 2
    assert result.stderr == "kamerqa: error: unknown format 'pdf'; known formats: csv, docx, html, json, txt, xlsx\n"
    result = run("convert", REFERENCE, "-o", tmp_path / "x.unknown")
    assert result.exit_code == 2
    assert "cannot tell the format from" in result.stderr


def test_convert_strict_fails_on_the_first_problem():
    result = run("convert", REFERENCE, "--strict")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kamerqa: error: {REFERENCE}:939:1: duplicate-fragment: repeats the answer to question 29")


def test_check_lists_diagnostics_greppably_and_exits_1():
    result = run("check", REFERENCE)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{REFERENCE}:939:1: warning duplicate-fragment repeats the answer to question 29",
        f"{REFERENCE}:940:1: warning stray-label an 'Antwoord' label among the fragments after the list",
        f"{REFERENCE}:941:1: warning duplicate-fragment repeats the answer to question 52",
        f"{REFERENCE}:942:1: warning duplicate-fragment repeats the answer to question 56",
    ]
    assert result.stderr == f"{REFERENCE}: 63 questions (table layout), 4 problems\n"


def test_check_exits_0_on_a_clean_document(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(REFERENCE.read_text(encoding="utf-8").split("\n \tJa, Austr")[0] + "\n", encoding="utf-8")
    result = run("check", clean)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "bad.txt:1:1: empty: the input is empty"),
        (b"geen vragen hier\n", "no-questions"),
        (b"1 Vraag?\x00\x01\x02 binary", "bad.txt: binary data, not a text file"),
        (b"%PDF-1.4\n1 0 obj\n", "bad.txt: not a readable PDF"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    for command in ("convert", "check"):
        result = run(command, path)
        assert result.exit_code == 2
        assert message in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    result = run("convert", tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_formats_lists_every_reader_and_exporter():
    result = run("formats")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("input formats")
    heading = next(i for i, line in enumerate(lines) if line.startswith("output formats"))
    assert [line.split()[:2] for line in lines[1:heading]] == [
        ["pdf", ".pdf"], ["docx", ".docx"], ["xml", ".xml"], ["html", ".html"], ["text", ".txt"],
    ]
    rows = [line.split()[:3] for line in lines[heading + 1 :]]
    assert rows == [
        ["json", ".json", "text"],
        ["docx", ".docx", "binary"],
        ["xlsx", ".xlsx", "binary"],
        ["txt", ".txt", "text"],
        ["csv", ".csv", "text"],
        ["html", ".html", ".htm"],
    ]


def test_an_option_the_format_does_not_have_is_a_clear_error(tmp_path):
    result = run("convert", REFERENCE, "-o", tmp_path / "x.json", "--with-diagnostics")
    assert result.exit_code == 2
    assert result.stderr == "kamerqa: error: the json format has no option with_diagnostics\n"
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind


def test_help_describes_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("convert", "check", "formats"):
        assert command in result.stdout
    assert "-o, --output" in run("convert", "--help").stdout


def test_console_script_runs_outside_the_checkout(tmp_path):
    executable = shutil.which("kamerqa", path=str(Path(sys.executable).parent))
    assert executable, "the kamerqa console script is not installed"
    copy = tmp_path / REFERENCE.name
    shutil.copy(REFERENCE, copy)
    done = subprocess.run([executable, "convert", copy.name, "-o", "out.json"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["questions"]) == 63


def test_layout_option_and_its_choices():
    from kamerqa import cli
    from kamerqa.parsing import LAYOUTS

    assert cli.LAYOUTS == LAYOUTS
    assert run("check", REFERENCE, "--layout", "table").exit_code == 1
    result = run("check", REFERENCE, "--layout", "labelled")
    assert result.exit_code == 2 and "no-questions" in result.stderr
    assert run("check", REFERENCE, "--layout", "word").exit_code == 2
