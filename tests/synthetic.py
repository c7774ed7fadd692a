"""Large documents made from the reference document by renumbered copies
(shared by the tests and bench/run.py)."""

from __future__ import annotations

import re

import kamerqa


def renumbered_copies(text: str, copies: int) -> str:
    """The reference's header, its list of questions ``copies`` times with
    the questions numbered on (1..63, 64..126, ...), then its trailer."""
    doc = kamerqa.parse(text)
    lines = text.split("\n")
    first = doc.questions[0].lines.first
    last = doc.questions[-1].lines.last
    starts = {q.lines.first - first: int(q.number) for q in doc.questions}
    count = len(doc.questions)
    body = lines[first - 1 : last]
    out = lines[: first - 1]
    for copy in range(copies):
        for offset, line in enumerate(body):
            if offset in starts:
                number = starts[offset] + copy * count
                line = re.sub(r"^(\s*)\d+", lambda m: m.group(1) + str(number), line, count=1)
            out.append(line)
        out.append("")
    out.extend(lines[last:])
    return "\n".join(out)
