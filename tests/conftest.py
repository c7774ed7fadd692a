"""Shared fixtures.  Tests read files inside the repository only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import kamerqa
from kamerqa.parsing import Analysis, analyse

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "seeds" / "000_e50b7459da8d0f59.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Hypothesis budgets: "ci" keeps the whole suite well under ten minutes on
# two cores; "dev" searches much longer.  KAMERQA_HYPOTHESIS_PROFILE picks one.
settings.register_profile(
    "ci", max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "dev", max_examples=1000, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("KAMERQA_HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from the current output (then review the diff by reading the source)",
    )


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_analysis(reference_text: str) -> Analysis:
    return analyse(reference_text)


@pytest.fixture(scope="session")
def reference(reference_analysis: Analysis) -> kamerqa.Document:
    return reference_analysis.document
