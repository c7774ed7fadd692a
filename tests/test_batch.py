"""Converting many files: parallel, past bad files, with a summary; the
results equal a serial run; documents and results pickle; the Dask recipe
in docs/dask.md runs on Dask's local scheduler."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import kamerqa
from kamerqa.batch import Result, convert_many, expand_inputs
from kamerqa.cli import main

from .conftest import REFERENCE

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "archief"
    folder.mkdir()
    shutil.copy(REFERENCE, folder / REFERENCE.name)
    for path in sorted(CORPUS.glob("0*.txt")):  # the first seven: three layouts and the flat letter
        shutil.copy(path, folder / path.name)
    (folder / "kapot.txt").write_bytes(b"\x00\x01binary\x00junk" * 10)
    (folder / "leeg.txt").write_text("", encoding="utf-8")
    (folder / "notities.md").write_text("not a .txt file", encoding="utf-8")
    return folder


def test_cli_converts_a_directory_past_bad_files(archive, tmp_path):
    out = tmp_path / "json"
    result = CliRunner().invoke(main, ["convert", str(archive), "--outdir", str(out), "--jobs", "2"])
    assert result.exit_code == 1  # two inputs failed
    lines = result.stderr.splitlines()
    warned = sum(bool(kamerqa.parse_file(p).problems) for p in archive.glob("0*.txt"))
    assert warned == 2  # the reference document (fragments) and 001 (its last question is cut off)
    assert lines[0] == f"8 converted ({warned} with warnings), 2 failed, into {out}"
    assert any(line.startswith("  failed: ") and "kapot.txt: binary data" in line for line in lines)
    assert any(line.startswith("  failed: ") and "leeg.txt:1:1: empty" in line for line in lines)
    assert result.stdout == ""  # no progress bar when stderr is not a terminal
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 8 and "notities.json" not in written
    for name in written:
        source = archive / (Path(name).stem + ".txt")
        assert kamerqa.from_json((out / name).read_text(encoding="utf-8")) == kamerqa.parse_file(source)


def test_parallel_results_equal_serial_results(archive, tmp_path):
    paths = expand_inputs([archive])
    serial = convert_many(paths, tmp_path / "serial", "xlsx", jobs=1)
    parallel = convert_many(paths, tmp_path / "parallel", "xlsx", jobs=2)
    assert [(r.questions, r.problems, r.error) for r in serial] == [(r.questions, r.problems, r.error) for r in parallel]
    for result in serial:
        if result.ok:
            twin = tmp_path / "parallel" / Path(result.output).name
            a, b = openpyxl.load_workbook(result.output), openpyxl.load_workbook(twin)
            assert [[c.value for c in r] for r in a["Vragen"].iter_rows()] == [[c.value for c in r] for r in b["Vragen"].iter_rows()]
    assert [r.input for r in parallel] == [str(p) for p in paths]  # input order


def test_globs_and_missing_files(archive, tmp_path):
    paths = expand_inputs([str(archive / "0*.txt"), str(archive / "nope.txt"), str(archive / "0*.txt")])
    assert [p.name for p in paths][:2] == ["000_e50b7459da8d0f59.txt", "001_kst-31235-3_leren-van-parlementair-onderzoek.txt"]
    assert len(paths) == 9  # duplicates dropped, the missing file kept to be reported
    results = convert_many(paths, tmp_path / "out", "json", jobs=1)
    assert results[-1].error.startswith("No such file or directory")


def test_outputs_that_would_clash_are_reported(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(REFERENCE, tmp_path / folder / "lijst.txt")
    results = convert_many(expand_inputs([tmp_path / "a", tmp_path / "b"]), tmp_path / "out", "json", jobs=1)
    assert results[0].ok
    assert "also writes" in results[1].error


def test_cli_argument_errors(archive, tmp_path):
    two = [str(REFERENCE), str(archive / "001_kst-31235-3_leren-van-parlementair-onderzoek.txt")]
    result = CliRunner().invoke(main, ["convert", *two])
    assert result.exit_code == 2 and "need --outdir" in result.stderr
    result = CliRunner().invoke(main, ["convert", *two, "-o", str(tmp_path / "x.json")])
    assert result.exit_code == 2 and "use --outdir" in result.stderr


def test_documents_errors_and_results_pickle(reference):
    assert pickle.loads(pickle.dumps(reference)) == reference
    result = Result("a.txt", "a.json", 63, 4)
    assert pickle.loads(pickle.dumps(result)) == result
    error = kamerqa.ParseError("x", line=2, column=3, text="t", code="empty")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_the_dask_recipe_runs_as_a_script_on_the_local_scheduler(archive, tmp_path):
    pytest.importorskip("dask.bag")
    recipe = (Path(__file__).resolve().parents[1] / "docs" / "dask.md").read_text(encoding="utf-8")
    script = tmp_path / "recipe.py"
    script.write_text(recipe.split("```python")[2].split("```")[0], encoding="utf-8")  # the recipe as documented
    (tmp_path / "archief" / "kapot.txt").unlink()
    (tmp_path / "archief" / "leeg.txt").unlink()
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    texts = sorted((tmp_path / "archief").glob("*.txt"))
    expected = sum(bool(q.refers_to) for p in texts for q in kamerqa.parse_file(p).questions)
    assert done.stdout.strip() == f"{len(texts)} converted, 0 failed; {expected} answers refer to another"
    assert sorted(p.stem for p in (tmp_path / "json").glob("*.json")) == sorted(p.stem for p in texts)


def _dies_on_three(value: int) -> int:
    if value == 3:
        os._exit(1)  # as the OOM killer would end it
    return value * 10


def test_a_worker_that_dies_fails_its_items_and_the_run_ends(tmp_path):
    from kamerqa.batch import parallel_map

    results = parallel_map(_dies_on_three, [1, 2, 3, 4], jobs=2, on_crash=lambda item, error: f"crashed {item}")
    assert results[2] == "crashed 3" and len(results) == 4  # the run ends, every item has its result
    assert all(result in (value * 10, f"crashed {value}") for value, result in zip((1, 2, 3, 4), results))  # done, or lost


def test_special_files_symlinks_subfolders_and_case_in_a_folder(tmp_path):
    folder = tmp_path / "archief"
    (folder / "2023").mkdir(parents=True)
    shutil.copy(REFERENCE, folder / "2023" / "LIJST.TXT")  # a subfolder, an upper-case suffix
    os.mkfifo(folder / "wachtrij.txt")  # would hang a reader
    (folder / "weg.txt").symlink_to(tmp_path / "bestaat-niet.txt")
    out = tmp_path / "json"
    result = CliRunner().invoke(main, ["convert", str(folder), "--outdir", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "1 converted (1 with warnings), 2 failed" in result.stderr
    assert "wachtrij.txt: not a regular file" in result.stderr and "weg.txt: a dangling symlink" in result.stderr
    assert (out / "LIJST.json").is_file()


def test_an_empty_folder_is_an_error_not_a_success(tmp_path):
    (tmp_path / "leeg").mkdir()
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "leeg"), "--outdir", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no files to convert" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_a_batch_promptly_with_a_summary_and_exit_130(tmp_path):
    # Issue 14 (16): Ctrl-C went on converting for 30 s or more, then printed "Aborted!" and no summary.
    import signal
    import time

    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for k in range(400):
        shutil.copyfile(REFERENCE, inputs / f"lijst-{k:03}.txt")
    command = [sys.executable, "-m", "kamerqa", "convert", str(inputs), "--outdir", str(out), "--to", "json", "--jobs", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        while process.poll() is None and len(list(out.glob("*.json"))) < 5:
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGINT)  # what the terminal does: the whole group, workers too
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    written = len(list(out.glob("*.json")))
    assert process.returncode == 130, stderr
    assert written < 400  # it stopped, it did not convert everything first
    assert "interrupted: " in stderr and f"of 400 inputs done, into {out}" in stderr
    assert "Traceback" not in stderr
    assert not list(out.glob("*.partial")) and not list(out.glob(".*"))  # no half-written files left
