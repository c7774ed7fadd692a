"""Writing output files (issue 14, item 15): never over the input, atomic
replacement through a temporary file that cannot collide, symlinks
followed, devices written as they are, "-o -" as standard output."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

import kamerqa
from kamerqa.cli import main

TEXT = "1 Is dat zo?\nAntwoord\nJa.\n"


def test_the_input_is_never_overwritten(tmp_path):
    source = tmp_path / "lijst.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(source)])
    assert result.exit_code == 2 and "is the input file" in result.stderr
    assert source.read_text(encoding="utf-8") == TEXT


def test_a_users_own_partial_file_is_left_alone(tmp_path):
    output = tmp_path / "out.json"
    own = tmp_path / ".out.json.partial"
    own.write_text("mine", encoding="utf-8")
    kamerqa.export(kamerqa.parse(TEXT), output)
    assert own.read_text(encoding="utf-8") == "mine"
    assert json.loads(output.read_text(encoding="utf-8"))["questions"][0]["number"] == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.json.partial", "out.json"]


def test_a_symlink_is_followed_to_its_file(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    kamerqa.export(kamerqa.parse(TEXT), link)
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["format"] == "kamerqa"


def test_a_device_is_written_not_replaced():
    kamerqa.export(kamerqa.parse(TEXT), "/dev/null", "json")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_failed_export_leaves_the_old_file(tmp_path):
    output = tmp_path / "out.json"
    output.write_text("old", encoding="utf-8")
    try:
        kamerqa.export(kamerqa.parse(TEXT), output, "json", no_such_option=True)
    except kamerqa.KamerqaError:
        pass
    assert output.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_dash_is_standard_output(tmp_path):
    source = tmp_path / "lijst.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", "-", "--to", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["questions"][0]["answer"] == "Ja."
    assert not (tmp_path / "-").exists()


def test_batch_never_writes_over_its_inputs(tmp_path):
    folder = tmp_path / "archief"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"lijst{n}.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(folder), "--outdir", str(folder), "--to", "txt", "--jobs", "1"])
    assert result.exit_code == 1 and "is the input file" in result.stderr
    assert all((folder / f"lijst{n}.txt").read_text(encoding="utf-8") == TEXT for n in (1, 2))

