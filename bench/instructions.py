"""Parse cost against Lark's lexer in executed instructions (needs valgrind).

    python bench/instructions.py [--copies 10]

Wall-clock figures on a shared machine vary by tens of percent between runs;
instruction counts do not.  This runs the ×10 document (or ``--copies``)
through ``kamerqa.parse`` and through Lark's line lexer alone under
valgrind's callgrind, subtracts a run that only loads everything, and prints
the ratio of the two costs - the same ratio as bench/run.py's, counted
instead of timed.  Instructions are not time (cache misses are not counted),
so read it next to bench/run.py's figures, not instead of them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORKLOAD = """
import sys
sys.path.insert(0, {root!r})
import kamerqa
from kamerqa.grammar import layout_parser
from tests.synthetic import renumbered_copies

text = renumbered_copies(open({reference!r}, encoding="utf-8").read(), {copies})
lexer = layout_parser("qa")
kamerqa.parse(text)  # warm: byte code, grammar, regular expressions
for _ in range({runs}):
    if {what!r} == "parse":
        kamerqa.parse(text)
    elif {what!r} == "lark":
        sum(1 for _ in lexer.lex_with_lark(text))
"""


def count(what: str, copies: int, runs: int) -> int:
    """Instructions executed by a Python process doing ``what`` ``runs`` times."""
    script = _WORKLOAD.format(
        root=str(ROOT), reference=str(ROOT / "seeds" / "000_e50b7459da8d0f59.txt"), copies=copies, runs=runs, what=what
    )
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(script)
    try:
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, handle.name],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(handle.name).unlink()
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="renumbered copies of the reference document (default 10)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; nothing to count", file=sys.stderr)
        return 1
    runs = 2
    base = count("none", args.copies, runs)
    parse = (count("parse", args.copies, runs) - base) / runs
    lark = (count("lark", args.copies, runs) - base) / runs
    print(f"x{args.copies}: kamerqa.parse {parse / 1e6:,.0f}M instructions, Lark's line lexer {lark / 1e6:,.0f}M")
    print(f"ratio (Lark lexer / parse): {lark / parse:.2f}  (bench/run.py's goal: at least 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
