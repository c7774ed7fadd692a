"""The fuzzing property, shared by the suite (``tests/test_fuzz.py``, under
hypothesis) and the coverage-guided harness (``tools/fuzz.py``, under
atheris): for any text,

- ``parse`` gives a Document or a ParseError whose position is inside the
  text, nothing else;
- nothing is lost: every non-blank line is accounted for;
- every exporter writes the Document, and the report read back with the
  format's own reader shows the same questions;
- ``from_json(to_json(d)) == d``;
- the parse takes no longer than the worst-case table allows for its size.
"""

from __future__ import annotations

import io
import time

import kamerqa
from kamerqa import ParseError
from kamerqa.parsing import analyse

from .readback import expected_numbers, shown_numbers

#: Seconds a parse may take: a fixed part plus a part per character, ten
#: times the slowest figure of bench/run.py's worst cases (about 1.5 µs a
#: character) so that a loaded machine does not fail it, while a quadratic
#: step on a large input does.
FIXED_SECONDS = 0.5
SECONDS_PER_CHARACTER = 15e-6

FORMS = ("json", "csv", "xlsx", "docx", "html", "txt")


def split_lines(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_parse(text: str, *, timed: bool = True) -> kamerqa.Document | None:
    """The parse's part of the property: a Document with every line
    accounted for and every position inside the text, or a ParseError inside
    the text (then None); with ``timed``, within the time bound."""
    lines = split_lines(text)
    start = time.perf_counter()
    try:
        analysis = analyse(text.removeprefix("\ufeff"))
    except ParseError as error:
        assert 1 <= error.line <= len(lines), error
        assert 1 <= error.column <= len(lines[error.line - 1]) + 1, error
        return None
    finally:
        seconds = time.perf_counter() - start
        if timed:
            assert seconds < FIXED_SECONDS + SECONDS_PER_CHARACTER * len(text), f"{seconds:.2f}s for {len(text):,} characters"
    lost = analysis.unaccounted()
    assert lost == [], [(n, analysis.lines[n - 1][:80]) for n in lost]  # lines as lexed (flat text is re-broken)
    document = analysis.document
    assert document.questions
    for diagnostic in document.diagnostics:
        if diagnostic.line is not None:
            assert 1 <= diagnostic.line <= len(lines), diagnostic
    for question in document.questions:
        assert 1 <= question.lines.first <= question.lines.last <= len(lines)
    return document


def check_exports(document: kamerqa.Document, forms: tuple[str, ...] = FORMS) -> None:
    """Every exporter writes ``document`` and its report reads back."""
    assert kamerqa.from_json(kamerqa.to_json(document)) == document
    for form in forms:
        buffer = io.BytesIO()
        kamerqa.export(document, buffer, form)
        if form == "txt":
            # The txt report is kamerqa's own table layout: read back, it
            # parses to questions again (the round-trip tests check the
            # fields on generated documents).
            assert kamerqa.parse(buffer.getvalue().decode("utf-8")).questions
            continue
        assert shown_numbers(buffer.getvalue(), form) == expected_numbers(document, form), form


def check_everything(text: str, forms: tuple[str, ...] = FORMS) -> bool:
    """The whole property; whether the text got as far as the exporters."""
    document = check_parse(text)
    if document is not None:
        check_exports(document, forms)
    return document is not None
