"""Every corpus document (tests/corpus, copied from the shared corpus with
its ground truth) parses exactly: every listed number, question start and
answer start, and no extra questions.  The scoring itself is
tools/score.py, which prints the same figures for people."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import kamerqa
from kamerqa.parsing import analyse

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import score  # noqa: E402

CORPUS = score.corpus([Path(__file__).resolve().parent / "corpus"])

#: Ground-truth metadata kamerqa does not read, with the reason.
NOT_READ = {
    ("033", "minister"): "the ground truth says 'Algemene Rekenkamer (answers)': a note, not text of the letter",
    ("033", "rapport_kamerstuk"): "kamerqa has no field for the report a letter is about",
}


def test_the_corpus_is_there():
    assert len(CORPUS) == 7


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_questions_parse_exactly(path):
    result = score.score_document(path)
    question_mismatches = [m for m in result.mismatches if not m.startswith("meta ")]
    assert question_mismatches == []
    assert result.exact
    assert result.found >= result.expected


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_metadata(path):
    result = score.score_document(path)
    wrong = [m for m in result.mismatches if m.startswith("meta ")]
    expected_wrong = [key for (doc, key) in NOT_READ if path.name.startswith(doc)]
    assert sorted(m.split()[1].rstrip(":") for m in wrong) == sorted(expected_wrong), wrong


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_nothing_is_lost(path):
    assert analyse(path.read_text(encoding="utf-8")).unaccounted() == []


def test_score_command_prints_figures(capsys):
    assert score.main([str(Path(__file__).resolve().parent / "corpus")]) == 0
    out = capsys.readouterr().out
    assert "7 of 7 documents parsed exactly" in out
    assert out.splitlines()[-2].startswith("TOTAL")


def test_score_command_reports_a_wrong_parse(tmp_path):
    source = next(p for p in CORPUS if p.name.startswith("001"))
    (tmp_path / source.name).write_text(source.read_text(encoding="utf-8").replace("\n3\n", "\nx\n"), encoding="utf-8")
    (tmp_path / source.with_suffix(".json").name).write_text(source.with_suffix(".json").read_text(encoding="utf-8"))
    result = score.score_document(tmp_path / source.name)
    assert not result.exact
    assert any("question" in m for m in result.mismatches)


def test_layouts_are_detected():
    layouts = {p.name[:3]: kamerqa.parse_file(p).meta.layout for p in CORPUS}
    assert layouts == {
        "001": "numbered",
        "008": "period",
        "013": "labelled",
        "019": "numbered",
        "021": "numbered",
        "030": "labelled",
        "033": "flat",
    }
