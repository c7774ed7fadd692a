"""Large documents made from a real one by renumbered copies (shared by the
tests and bench/run.py)."""

from __future__ import annotations

import re

import kamerqa

_NUMBER = re.compile(r"(?<![\d/.-])\d+(?![\d/])")


def renumbered_copies(text: str, copies: int) -> str:
    """The document's header, its entries ``copies`` times with the numbers
    on their question and answer start lines counted on (1..63, 64..126,
    ...), then its trailer.

    Works for every layout: only numbers that are question numbers of the
    document and stand on a line where an entry or its answer starts are
    changed (the first printing of the entry's own numbers), so "Vraag 3",
    "3. Wat ...", "Antwoord op vraag 3 en 4" and a table row alike count
    on, and page references and dates do not."""
    doc = kamerqa.parse(text)
    lines = text.split("\n")
    first = doc.questions[0].lines.first
    last = doc.questions[-1].lines.last
    def own_numbers(question: kamerqa.Question) -> set[int]:
        return {int(n) for n in (question.covers or (question.number,)) if n and n.isdigit()}

    step = max((n for q in doc.questions for n in own_numbers(q)), default=0)
    starts: dict[int, set[int]] = {}
    for q in doc.questions:
        starts.setdefault(q.lines.first - first, set()).update(own_numbers(q))
        if q.answer_lines:
            starts.setdefault(q.answer_lines.first - first, set()).update(own_numbers(q))
    body = lines[first - 1 : last]
    out = lines[: first - 1]
    for copy in range(copies):
        for offset, line in enumerate(body):
            out.append(_count_on(line, starts[offset], copy * step) if offset in starts else line)
        out.append("")
    out.extend(lines[last:])
    return "\n".join(out)


def _count_on(line: str, numbers: set[int], by: int) -> str:
    """``line`` with the first printing of each of ``numbers`` raised by ``by``."""
    left = set(numbers)

    def raise_(match: re.Match[str]) -> str:
        value = int(match.group())
        if value not in left:
            return match.group()
        left.discard(value)
        return str(value + by)

    return _NUMBER.sub(raise_, line)
