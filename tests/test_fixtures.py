"""Fixture files (markdown-it-py style): input text and the entries expected
from it, side by side in tests/fixtures/*.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

import kamerqa

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read_fixtures(path: Path) -> list[tuple[str, str, list[tuple[str | None, str, str | None]]]]:
    """(title, input, expected entries) of every case in ``path``."""
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("#")]
    cases = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == ".", f"{path.name}: '.' expected after {title!r}"
        end_input = lines.index(".", i + 2)
        end_expected = lines.index(".", end_input + 1)
        text = "\n".join(lines[i + 2 : end_input]) + "\n"
        expected = []
        for row in lines[end_input + 1 : end_expected]:
            number, question, answer = (cell.strip().replace("\\n", "\n") for cell in row.split(" | "))
            expected.append((None if number == "-" else number, question, None if answer == "-" else answer))
        cases.append((title, text, expected))
        i = end_expected + 1
    return cases


CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in read_fixtures(path)]


def test_there_are_fixtures():
    assert len(CASES) >= 25


@pytest.mark.parametrize("title, text, expected", CASES, ids=[case[0] for case in CASES])
def test_fixture(title, text, expected):
    doc = kamerqa.parse(text)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == expected
