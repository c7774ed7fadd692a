"""The documentation stays in step with the code."""

from __future__ import annotations

import re

from kamerqa.codes import CODES

from .conftest import ROOT


def test_every_code_is_documented_and_every_documented_code_exists():
    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", text, re.MULTILINE))
    assert documented == set(CODES)


def test_every_code_used_in_the_source_is_listed():
    used = set()
    for path in (ROOT / "src" / "kamerqa").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'code="([a-z0-9-]+)"', source))
        used |= set(re.findall(r'report\(\s*Severity\.\w+,\s*"([a-z0-9-]+)"', source))
        used |= set(re.findall(r'code, message = "([a-z0-9-]+)"', source))
    assert used and used <= set(CODES), used - set(CODES)


def test_readme_gives_the_two_set_up_commands_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in ci.splitlines() if "pytest" in line)
    assert test_command in readme
    assert "kamerqa convert seeds/000_e50b7459da8d0f59.txt" in readme


def test_the_layouts_page_shows_the_registry():
    from kamerqa.layouts import markdown_table

    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    table = text.split("<!-- layouts:start -->\n", 1)[1].split("<!-- layouts:end -->", 1)[0]
    assert table == markdown_table()
