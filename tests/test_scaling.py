"""Time and memory grow linearly with the input on every constructed worst
case (issue 14, items 7-12): each case is parsed at n and 10n and the
ratios are checked, never a wall-clock time.  A quadratic step shows as
about 100x."""

from __future__ import annotations

import gc
import time
import tracemalloc

import pytest

import kamerqa

from .worst_cases import CASES

#: Large enough that a quadratic step outweighs the fixed cost of a parse.
N = 1000
#: tracemalloc slows a parse down several times; memory is compared at a smaller size.
N_MEMORY = 300


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the least disturbed of three runs
        start = time.perf_counter()
        kamerqa.parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def _peak(text: str) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        kamerqa.parse(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", CASES)
def test_time_grows_linearly(name):
    make = CASES[name]
    small, large = _seconds(make(N)), _seconds(make(10 * N))
    # 10x the input: linear is about 10x, quadratic about 100x.  The floor
    # keeps timer noise on tiny inputs from counting.
    assert large < 30 * max(small, 0.002), f"{name}: {small:.4f}s at n, {large:.4f}s at 10n"


@pytest.mark.parametrize("name", CASES)
def test_memory_grows_linearly(name):
    make = CASES[name]
    small, large = _peak(make(N_MEMORY)), _peak(make(10 * N_MEMORY))
    assert large < 20 * small, f"{name}: peak {small:,} bytes at n, {large:,} at 10n"


def test_a_long_run_of_blank_lines_costs_no_token_a_line():
    # Issue 14 (12): 5 MB of blank lines peaked at 1.5 GB (306x the input).
    text = CASES["blank lines"](20_000)
    assert _peak(text) < 80 * len(text)
    doc = kamerqa.parse(text)
    assert [(q.number, q.answer) for q in doc.questions] == [("1", "Ja."), ("2", "Nee.")]


def test_inputs_of_too_many_lines_are_refused_before_parsing(monkeypatch):
    # Issue 14 (12): 50 MB of blank lines ended in a raw MemoryError.
    import kamerqa.parsing
    from kamerqa.errors import InputError

    monkeypatch.setattr(kamerqa.parsing, "MAX_LINES", 1000)
    kamerqa.parse("1 Vraag?\n" * 1000)  # at the limit
    with pytest.raises(InputError, match="1,001 lines is more than the 1,000 lines"):
        kamerqa.parse("1 Vraag?\n" * 1001)


def test_running_out_of_memory_is_an_input_error(monkeypatch):
    import kamerqa.feeding
    from kamerqa.errors import InputError

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(kamerqa.feeding, "merge_runs", exhausted)
    with pytest.raises(InputError, match="not enough memory to parse"):
        kamerqa.parse("1 Vraag?\nAntwoord\nJa.\n")


def test_the_conservation_check_takes_linear_time():
    # Issue 14 (6): a 50,000-line answer took 0.2 s to parse and 11.9 s to check.
    from kamerqa.parsing import analyse

    def seconds(n: int) -> float:
        analysis = analyse("1 Is dat zo?\nAntwoord\n" + "".join(f"Dit is regel {k} van het antwoord.\n" for k in range(n)))
        start = time.perf_counter()
        assert analysis.unaccounted() == []
        return time.perf_counter() - start

    small, large = min(seconds(2000) for _ in range(3)), min(seconds(20000) for _ in range(3))
    assert large < 30 * max(small, 0.002), f"{small:.4f}s at n, {large:.4f}s at 10n"
