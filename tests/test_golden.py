"""The whole JSON output for the reference document, against a golden file.

The golden file was checked by reading it beside the source text; when the
output changes on purpose, run ``pytest --update-golden`` and review the
diff the same way before committing it.
"""

from __future__ import annotations

import difflib

import pytest

import kamerqa

from .conftest import GOLDEN, REFERENCE


def test_reference_matches_golden_json(reference, request):
    golden = GOLDEN / (REFERENCE.stem + ".json")
    actual = kamerqa.to_json(reference)
    if request.config.getoption("--update-golden"):
        golden.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote {golden.name}; review the diff")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "actual", n=1))
        pytest.fail(f"output differs from {golden.name} (run pytest --update-golden if intended):\n{diff[:5000]}")
