"""Third-party exporters through the ``kamerqa.exporters`` entry-point group,
shown end to end with a throwaway distribution on the path."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kamerqa
from kamerqa import exporters

from .conftest import REFERENCE

PLUGIN = '''
import csv


class TsvExporter:
    name = "tsv"
    suffixes = (".tsv",)
    binary = False
    description = "questions as tab-separated values (demo plugin)"

    def write(self, document, stream, **options):
        writer = csv.writer(stream, delimiter="\t")
        writer.writerow(["nr", "vraag", "antwoord"])
        for q in document.questions:
            writer.writerow([q.number, q.text, q.answer or ""])
'''


def make_distribution(root: Path, name: str, entry_points: str, module: str | None = None) -> Path:
    """A minimal installed distribution: a module and a dist-info directory."""
    root.mkdir(parents=True, exist_ok=True)
    if module is not None:
        (root / f"{name}.py").write_text(module, encoding="utf-8")
    info = root / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")
    return root


def kamerqa_cli(*args: str, path: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(path))
    return subprocess.run(
        [sys.executable, "-m", "kamerqa.cli", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture
def plugin_path(tmp_path) -> Path:
    return make_distribution(
        tmp_path / "site",
        "kamerqa_demo_tsv",
        "[kamerqa.exporters]\ntsv = kamerqa_demo_tsv:TsvExporter\n",
        PLUGIN,
    )


def test_plugin_is_listed_and_used_through_the_cli(plugin_path, tmp_path):
    listed = kamerqa_cli("formats", path=plugin_path, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "tsv      .tsv" in listed.stdout
    assert listed.stderr == ""
    converted = kamerqa_cli("convert", str(REFERENCE), "-o", "out.tsv", path=plugin_path, cwd=tmp_path)
    assert converted.returncode == 0, converted.stderr
    with open(tmp_path / "out.tsv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0] == ["nr", "vraag", "antwoord"]
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 64)]
    assert rows[7][2] == "Zie het antwoord op vraag 5."
    by_name = kamerqa_cli("convert", str(REFERENCE), "--to", "tsv", path=plugin_path, cwd=tmp_path)
    assert by_name.stdout.startswith("nr\tvraag\tantwoord")


def test_plugin_through_the_library(plugin_path, monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(plugin_path))
    exporters.reload()
    try:
        assert "tsv" in exporters.available()
        assert exporters.exporter_for(path="x.tsv").name == "tsv"
    finally:
        monkeypatch.undo()
        exporters.reload()
    assert "tsv" not in exporters.available()


def test_a_broken_plugin_is_reported_not_fatal(tmp_path):
    broken = make_distribution(
        tmp_path / "site",
        "kamerqa_broken",
        "[kamerqa.exporters]\nbroken = kamerqa_no_such_module:Exporter\nbad = kamerqa_broken:NotAnExporter\n",
        "class NotAnExporter:\n    pass\n",
    )
    listed = kamerqa_cli("formats", path=broken, cwd=tmp_path)
    assert listed.returncode == 0
    out = listed.stdout.splitlines()
    writes = out[out.index("output formats (from the output's suffix; --to names one):") + 1 :]
    assert [line.split()[0] for line in writes] == ["json", "docx", "xlsx", "txt", "csv", "html"]
    reads = out[1 : out.index(writes[0]) - 1]
    assert [line.split()[0] for line in reads] == ["pdf", "docx", "xml", "html", "text"]
    assert "exporter plugin 'broken'" in listed.stderr and "No module named 'kamerqa_no_such_module'" in listed.stderr
    assert "exporter plugin 'bad'" in listed.stderr and "does not implement the exporter protocol" in listed.stderr
    converted = kamerqa_cli("convert", str(REFERENCE), "-o", "out.json", path=broken, cwd=tmp_path)
    assert converted.returncode == 0, converted.stderr
    assert (tmp_path / "out.json").stat().st_size > 10_000


def test_a_plugin_cannot_replace_a_built_in(tmp_path, monkeypatch):
    impostor = make_distribution(
        tmp_path / "site",
        "kamerqa_impostor",
        "[kamerqa.exporters]\njson = kamerqa_impostor:Fake\n",
        "class Fake:\n    name = 'json'\n    suffixes = ('.json',)\n    binary = False\n    description = 'x'\n"
        "    def write(self, document, stream, **options):\n        stream.write('fake')\n",
    )
    monkeypatch.syspath_prepend(str(impostor))
    exporters.reload()
    try:
        assert type(exporters.available()["json"]).__module__ == "kamerqa.exporters.json"
        assert any("would replace the built-in 'json'" in p for p in exporters.plugin_problems())
    finally:
        monkeypatch.undo()
        exporters.reload()


def test_built_in_formats_need_no_plugin_scan(monkeypatch):
    # Looking up a built-in by name or suffix must not scan installed
    # packages (slow at start-up); listing or an unknown name does.
    def no_scan():
        raise AssertionError("scanned the entry points")

    monkeypatch.setattr(exporters, "_build_registry", no_scan)
    exporters.reload()
    assert exporters.exporter_for("json").name == "json"
    assert exporters.exporter_for(path="rapport.DOCX").name == "docx"
    assert exporters.exporter_for(path="lijst.csv").name == "csv"
    with pytest.raises(AssertionError, match="scanned"):
        exporters.exporter_for("tsv")
    monkeypatch.undo()
    exporters.reload()


def test_the_built_in_suffix_table_matches_the_exporters():
    table = exporters._BUILTIN_SUFFIXES
    assert table == {suffix: name for name in exporters._BUILTIN for suffix in exporters._builtin(name).suffixes}


READER_PLUGIN = """
from kamerqa.readers import Extracted


class QaReader:
    name = "qa"
    suffixes = (".qa",)
    description = "questions as Q:/A: lines"

    def sniff(self, head):
        return head.startswith(b"Q: ")

    def read(self, data, *, source, encoding):
        lines = []
        number = 0
        for line in data.decode("utf-8").splitlines():
            if line.startswith("Q: "):
                number += 1
                lines += [f"Vraag {number}", line[3:]]
            elif line.startswith("A: "):
                lines += [f"Antwoord {number}", line[3:]]
        return Extracted("\\n".join(lines) + "\\n", self.name, layout="labelled")
"""


def test_a_reader_plugin_reads_its_format(tmp_path):
    """A third-party reader, registered under kamerqa.readers, is listed,
    chosen by content, and its text goes through the parser."""
    site = make_distribution(tmp_path / "site", "kamerqa_qa", "[kamerqa.readers]\nqa = kamerqa_qa:QaReader\n", READER_PLUGIN)
    listed = kamerqa_cli("formats", path=site, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert any(line.split()[:2] == ["qa", ".qa"] for line in listed.stdout.splitlines())
    (tmp_path / "lijst.qa").write_text("Q: Is dat zo?\nA: Ja.\nQ: Waarom?\nA: Daarom.\n", encoding="utf-8")
    converted = kamerqa_cli("convert", "lijst.qa", "-o", "out.json", path=site, cwd=tmp_path)
    assert converted.returncode == 0, converted.stderr
    document = kamerqa.from_json((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [(q.number, q.text, q.answer) for q in document.questions] == [("1", "Is dat zo?", "Ja."), ("2", "Waarom?", "Daarom.")]


BAD_PLUGINS = """
import sys


class NoName:
    name = None
    suffixes = (".x",)
    binary = False
    description = "no name"

    def write(self, document, stream, **options):
        stream.write("x")


class Upper:
    name = "CSVX"
    suffixes = (".csvx",)
    binary = False
    description = "upper-case name"

    def write(self, document, stream, **options):
        stream.write("x")


class First:
    name = "dup"
    suffixes = (".dup",)
    binary = False
    description = "the first of two with one name"

    def write(self, document, stream, **options):
        stream.write("first")


class Second(First):
    description = "the second of two with one name"

    def write(self, document, stream, **options):
        stream.write("second")


class Broken:
    name = "kapot"
    suffixes = (".kapot",)
    binary = False
    description = "raises while writing"

    def write(self, document, stream, **options):
        raise ValueError("plugin bug")
"""

EXITING = "import sys\nsys.exit(3)\n"


def test_unusable_plugins_are_reported_and_skipped_never_fatal(tmp_path):
    site = make_distribution(
        tmp_path / "site",
        "kamerqa_bad",
        "[kamerqa.exporters]\nnoname = kamerqa_bad:NoName\nupper = kamerqa_bad:Upper\n"
        "first = kamerqa_bad:First\nsecond = kamerqa_bad:Second\nkapot = kamerqa_bad:Broken\n"
        "exits = kamerqa_exits:Nothing\n",
        BAD_PLUGINS,
    )
    (site / "kamerqa_exits.py").write_text(EXITING, encoding="utf-8")
    listed = kamerqa_cli("formats", path=site, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert "'noname'" in listed.stderr and "is not a lower-case word" in listed.stderr
    assert "'upper'" in listed.stderr
    assert "'exits'" in listed.stderr and "SystemExit(3)" in listed.stderr  # sys.exit at import does not end kamerqa
    assert "'second' ignored: another plugin already has the name 'dup'" in listed.stderr
    names = [line.split()[0] for line in listed.stdout.splitlines() if line.startswith("  ")]
    assert "dup" in names and "kapot" in names and "CSVX" not in names
    one = kamerqa_cli("convert", str(REFERENCE), "--to", "kapot", path=site, cwd=tmp_path)
    assert one.returncode == 2 and "Traceback" not in one.stderr and "plugin bug" in one.stderr
    (tmp_path / "in").mkdir()
    shutil.copy(REFERENCE, tmp_path / "in" / "a.txt")
    shutil.copy(REFERENCE, tmp_path / "in" / "b.txt")
    batch = kamerqa_cli("convert", "in", "--outdir", "out", "--to", "kapot", "--jobs", "1", path=site, cwd=tmp_path)
    assert batch.returncode == 1 and "Traceback" not in batch.stderr
    assert batch.stderr.count("the kapot export failed unexpectedly: ValueError('plugin bug')") == 2  # every file reported
