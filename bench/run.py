"""kamerqa benchmark: prints parse, lex, export, memory and start-up figures.

    python bench/run.py [--quick]

Documents: the reference document and renumbered copies of it (x10, x100:
about 630 and 6,300 questions), plus constructed worst cases.  Each timing
is the best of several runs (the minimum is the least disturbed by other
work on the machine).  Speed goals are checked here, not in unit tests.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.synthetic import renumbered_copies  # noqa: E402
from tests.worst_cases import CASES  # noqa: E402

import kamerqa  # noqa: E402
from kamerqa.grammar import layout_parser  # noqa: E402

REFERENCE = ROOT / "seeds" / "000_e50b7459da8d0f59.txt"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (figures are noisier)")
    args = parser.parse_args()
    repeat = 2 if args.quick else 5
    text = REFERENCE.read_text(encoding="utf-8")
    docs = {"x1": text, "x10": renumbered_copies(text, 10), "x100": renumbered_copies(text, 100)}
    lexer = layout_parser("qa")
    print(f"kamerqa {kamerqa.__version__} on {machine()}")
    print()
    print(f"{'parse':<8} {'size':>9} {'questions':>9} {'parse s':>9} {'MB/s':>7} {'q/s':>9} {'lex s':>8} {'lex MB/s':>9} {'ratio':>6}")
    parse_times = {}
    parsed = {}
    for name, source in docs.items():
        size = len(source.encode("utf-8"))
        parsed[name] = kamerqa.parse(source)
        questions = len(parsed[name].questions)
        # Parse and lex runs alternate, so that a slow spell of the machine
        # does not fall on one side of the ratio only.
        seconds = lex_seconds = float("inf")
        for _ in range(repeat):
            seconds = min(seconds, best(lambda: kamerqa.parse(source), 1))
            lex_seconds = min(lex_seconds, best(lambda: sum(1 for _ in lexer.lex_with_lark(source)), 1))
        parse_times[name] = seconds
        print(
            f"{name:<8} {size / 1e6:>7.2f}MB {questions:>9} {seconds:>9.3f} {size / 1e6 / seconds:>7.2f} "
            f"{questions / seconds:>9.0f} {lex_seconds:>8.3f} {size / 1e6 / lex_seconds:>9.2f} {lex_seconds / seconds:>6.2f}"
        )
    print(f"scaling: x100 input takes {parse_times['x100'] / parse_times['x1']:.0f}x the time of x1 (goal: at most 110x)")
    print("(ratio = parse throughput / Lark line-lexer throughput on the same text; goal: at least 0.5)")

    print()
    print("worst cases (tests/worst_cases.py): time at n, 10n, 100n (linear: x10 each step), peak memory at 10n")
    for label, make in CASES.items():
        times = []
        for n in (300, 3000, 30000):
            text = make(n)
            times.append(best(lambda: kamerqa.parse(text), 1 if n == 30000 else 2))
        text = make(3000)
        gc.collect()
        tracemalloc.start()
        kamerqa.parse(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  {label:<31} {times[0]:7.3f}s {times[1]:7.3f}s {times[2]:7.3f}s  x{times[1] / times[0]:5.1f} x{times[2] / times[1]:5.1f}"
            f"  memory {peak / len(text.encode('utf-8')):5.0f}x"
        )

    print()
    print(f"{'export':<8} {'questions':>9} {'seconds':>9} {'q/s':>9}")
    for fmt in ("json", "docx", "xlsx", "txt", "csv", "html"):
        for name in ("x1", "x100"):
            doc = parsed[name]
            kamerqa.export(doc, io.BytesIO(), fmt)  # import the format's library first
            seconds = best(lambda: kamerqa.export(doc, io.BytesIO(), fmt), 2 if name == "x100" else repeat)
            print(f"{fmt:<8} {len(doc.questions):>9} {seconds:>9.3f} {len(doc.questions) / seconds:>9.0f}")
    print("(goals: docx >= 1,000 q/s, xlsx and html >= 10,000 q/s, json and csv far faster)")

    print()
    source = docs["x100"]
    gc.collect()
    tracemalloc.start()
    kamerqa.parse(source)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(source.encode("utf-8"))
    print(f"peak memory parsing x100: {peak / 1e6:.1f} MB for {size / 1e6:.1f} MB of input = {peak / size:.1f}x (goal: at most 20x)")

    # Flattened text: a real Rekenkamer letter whose line breaks were lost,
    # renumbered and repeated (one line of 0.2, 2 and 7 MB).
    print()
    letter = next((ROOT / "tests" / "corpus").glob("354_*.txt")).read_text(encoding="utf-8").strip()
    flat_times = {}
    for copies in (10, 100, 300):
        flat = " ".join(letter.replace("Vraag ", f"Vraag {k}0") for k in range(1, copies + 1))
        size = len(flat.encode("utf-8"))
        seconds = best(lambda: kamerqa.parse(flat), 1 if copies == 300 else repeat)
        flat_times[copies] = seconds
        gc.collect()
        tracemalloc.start()
        kamerqa.parse(flat)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"flat letter x{copies:<4} {size / 1e6:6.2f}MB {seconds:7.3f}s {size / 1e6 / seconds:6.2f} MB/s"
            f"  peak memory {peak / size:5.1f}x the input"
        )
    print(f"flat x100 against x10: {flat_times[100] / flat_times[10]:.1f}x the time (linear: about 10x); goals: >= 3 MB/s, <= 20x memory")

    layout_figures(repeat)
    pdf_figures(repeat)

    command = [sys.executable, "-m", "kamerqa", "convert", str(REFERENCE), "--to", "json"]
    # As a user's machine runs it: byte-code caches written (some sandboxes
    # set PYTHONDONTWRITEBYTECODE), the grammar cache warm.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, check=True, env=env)
    starts = []
    for _ in range(repeat + 2):
        begin = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        starts.append(time.perf_counter() - begin)
    print(f"cold start of 'kamerqa convert <reference> --to json': {statistics.median(starts):.3f}s median (goal: 0.3s)")
    return 0


def layout_figures(repeat: int) -> None:
    """MB/s on every registered layout: for each, the largest corpus document
    of that layout whose renumbered copies parse to exactly its entries
    times the copies (so the figure is of a real reading, not of text the
    copies garbled), made about 0.2 and 2 MB long."""
    from kamerqa.layouts import REGISTRY

    chosen: dict[str, tuple[str, str]] = {}
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = kamerqa.parse(text)
        name = doc.meta.layout
        if len(doc.questions) < 2 or len(text) <= len(chosen.get(name, ("", ""))[1]):
            continue
        copied = kamerqa.parse(renumbered_copies(text, 3))
        if copied.meta.layout == name and len(copied.questions) == 3 * len(doc.questions):
            chosen[name] = (path.name, text)
    print()
    print("every layout: the largest corpus document of each, in renumbered copies of about 0.2 and 2 MB")
    for name in REGISTRY:
        if name not in chosen:
            print(f"  {name:<11} (no corpus document of this layout copies cleanly)")
            continue
        source, text = chosen[name]
        seconds = {}
        for target in (200_000, 2_000_000):
            big = renumbered_copies(text, max(1, target // len(text.encode("utf-8"))))
            size = len(big.encode("utf-8"))
            seconds[target] = best(lambda: kamerqa.parse(big), 1 if target > 200_000 else repeat)
        gc.collect()
        tracemalloc.start()
        kamerqa.parse(big)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  {name:<11} {size / 1e6:5.2f}MB {seconds[2_000_000]:6.3f}s {size / 1e6 / seconds[2_000_000]:6.2f} MB/s"
            f"  x{seconds[2_000_000] / seconds[200_000]:4.1f} for 10x the text  peak memory {peak / size:4.1f}x  ({source[:40]})"
        )
    print("(goals on every layout: >= 3 MB/s, linear (about 10x), <= 20x memory)")


PDFS = sorted((ROOT / "tests" / "corpus").glob("*.pdf"))


def _pages_per_second(extract, repeat: int) -> float:
    pages = 0
    for path in PDFS:
        pages += extract(path)
    return pages / best(lambda: [extract(path) for path in PDFS], repeat)


def pdf_figures(repeat: int) -> None:
    """PDF pages per second: kamerqa end to end against the PDF libraries'
    own text extraction on the same corpus files, and a batch on all cores."""
    import tempfile

    import pypdfium2 as pdfium

    from kamerqa.batch import convert_many

    def pdfium_text(path: Path) -> int:
        document = pdfium.PdfDocument(str(path))
        for page in document:
            page.get_textpage().get_text_bounded()
        count = len(document)
        document.close()
        return count

    def kamerqa_pages(path: Path) -> int:
        document = kamerqa.parse_file(path)
        return max(q.page or 1 for q in document.questions)

    print()
    print(f"PDF ({len(PDFS)} corpus files, {sum(pdfium_text(p) for p in PDFS)} pages), pages per second on one core:")
    print(f"  pypdfium2 text extraction alone   {_pages_per_second(pdfium_text, repeat):8.0f}")
    for name, extract in _other_libraries():
        print(f"  {name + ' text extraction alone':<33} {_pages_per_second(extract, 1):8.0f}")
    print(f"  kamerqa parse_file, end to end    {_pages_per_second(kamerqa_pages, repeat):8.0f}   (goal: at least 200)")
    draft = ROOT / "tests" / "fixtures" / "draft-table" / "draft-table.pdf"
    seconds = best(lambda: kamerqa.parse_file(draft), repeat)
    print(f"  the draft table, read by character positions: {pdfium_text(draft) / seconds:.0f} pages/s ({pdfium_text(draft)} pages)")
    with tempfile.TemporaryDirectory() as folder:
        copies = []
        for index in range(20):
            for path in PDFS:
                copy = Path(folder) / f"{index:02d}_{path.name}"
                copy.write_bytes(path.read_bytes())
                copies.append(copy)
        pages = 20 * sum(pdfium_text(p) for p in PDFS)
        begin = time.perf_counter()
        results = convert_many(copies, Path(folder) / "out", "json")
        seconds = time.perf_counter() - begin
        assert all(r.ok for r in results)
    print(f"  batch of {len(copies)} PDFs to JSON on {os.cpu_count()} cores: {pages / seconds:.0f} pages/s ({seconds:.2f}s)")


def _other_libraries():
    """pypdf and pdfplumber, where installed (they are no dependency; for the comparison in docs/inputs.md)."""
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its fontTools notice, once per font
    try:
        import pypdf

        def with_pypdf(path: Path) -> int:
            reader = pypdf.PdfReader(str(path))
            for page in reader.pages:
                page.extract_text()
            return len(reader.pages)

        yield "pypdf", with_pypdf
    except ImportError:
        pass
    try:
        import pdfplumber

        def with_pdfplumber(path: Path) -> int:
            with pdfplumber.open(str(path)) as document:
                for page in document.pages:
                    page.extract_text()
                return len(document.pages)

        yield "pdfplumber", with_pdfplumber
    except ImportError:
        pass


if __name__ == "__main__":
    sys.exit(main())
