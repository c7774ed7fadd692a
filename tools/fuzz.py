"""Coverage-guided fuzzing of kamerqa with atheris (libFuzzer for Python).

Hypothesis searches at random; this searches by coverage: libFuzzer keeps
every mutated input that reaches new code and mutates those further.  The
property is the suite's (tests/fuzzing.py): a Document or a ParseError
inside the text, nothing lost, every exporter writes and reads back, JSON
round trips, time within the worst-case bound.

    pip install -e '.[fuzz]'
    python tools/fuzz.py parse --seconds 600       # parse, conservation, JSON round trip
    python tools/fuzz.py exports --seconds 600     # ... and every exporter, read back
    python tools/fuzz.py json --seconds 600        # from_json on any bytes

The seeds are the corpus documents (as text, or as kamerqa JSON for
``json``); what libFuzzer finds is kept in ``.fuzz/<target>/`` and a
failing input is written to ``crash-*`` in the current folder.  Turn each
into a regression test (tests/test_robustness.py), then fix it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # a tool outside the test extras: say how to get it
    sys.exit("tools/fuzz.py needs atheris: pip install -e '.[fuzz]'")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["kamerqa"]):
    import kamerqa
    from kamerqa import InputError

from tests.fuzzing import check_everything, check_exports, check_parse  # noqa: E402

SOURCES = [ROOT / "seeds" / "000_e50b7459da8d0f59.txt", *sorted((ROOT / "tests" / "corpus").glob("*.txt"))]


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def parse_target(data: bytes) -> None:
    document = check_parse(_text(data))
    if document is not None:
        assert kamerqa.from_json(kamerqa.to_json(document)) == document


def exports_target(data: bytes) -> None:
    check_everything(_text(data))


def json_target(data: bytes) -> None:
    try:
        document = kamerqa.from_json(_text(data))
    except InputError:
        return  # refused with a clear error: the contract
    check_exports(document)


TARGETS = {"parse": parse_target, "exports": exports_target, "json": json_target}


def _seed(target: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        return  # go on from what earlier runs found
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        if target == "json":
            try:
                text = kamerqa.to_json(kamerqa.parse(text))
            except kamerqa.ParseError:
                continue
        (folder / path.stem).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=TARGETS)
    parser.add_argument("--seconds", type=int, default=600, help="how long to fuzz (default: 600)")
    parser.add_argument("--max-len", type=int, default=200_000, help="largest input libFuzzer makes, in bytes")
    args, libfuzzer_args = parser.parse_known_args()
    folder = ROOT / ".fuzz" / args.target
    _seed(args.target, folder)
    argv = [sys.argv[0], *libfuzzer_args, f"-max_total_time={args.seconds}", f"-max_len={args.max_len}", str(folder)]
    atheris.Setup(argv, TARGETS[args.target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
