"""The wheel: built from this checkout, installed into a fresh virtual
environment, it finds its grammars and converts the reference document from
a directory outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import REFERENCE, ROOT

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    [built] = out.glob("kamerqa-*.whl")
    return built


def test_wheel_ships_the_grammars_and_the_console_script(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "kamerqa/grammars/lines.lark" in names
    assert "kamerqa/grammars/qa.lark" in names
    assert "kamerqa/py.typed" in names  # the package says "Typing :: Typed"
    assert "kamerqa/kamerqa.schema.json" in names  # kamerqa.jsonio.schema()
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kamerqa = kamerqa.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_wheel_installs_and_converts_outside_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(REFERENCE, work / REFERENCE.name)
    done = subprocess.run(
        [str(bin_dir / "kamerqa"), "convert", REFERENCE.name, "-o", "out.json"],
        cwd=work,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((work / "out.json").read_text(encoding="utf-8"))
    assert len(data["questions"]) == 63
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import kamerqa.grammar as g; print(g.grammar_dir())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir), where
    # a fresh install reads PDFs (its PDF library is a dependency) and has the schema
    pdf = next((ROOT / "tests" / "corpus").glob("340_*.pdf"))
    shutil.copy(pdf, work / "aanhangsel.pdf")
    read = subprocess.run(
        [str(bin_dir / "kamerqa"), "convert", "aanhangsel.pdf", "-o", "aanhangsel.json"], cwd=work, capture_output=True, text=True
    )
    assert read.returncode == 0, read.stderr
    assert len(json.loads((work / "aanhangsel.json").read_text(encoding="utf-8"))["questions"]) == 9
    schema = subprocess.run(
        [str(bin_dir / "python"), "-c", "import kamerqa.jsonio as j; print(j.schema()['$schema'])"],
        cwd=work, capture_output=True, text=True, check=True,
    ).stdout
    assert "2020-12" in schema
