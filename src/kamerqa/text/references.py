"""Cross-references in answers: "Zie het antwoord op vraag 5", "vragen 4
t/m 6"."""

from __future__ import annotations

import re

from .. import vocabulary

__all__ = ["cross_references", "reference_spans"]

_NUMBER = vocabulary.DIGITS + "[a-z]?"
_REFERENCE = re.compile(
    r"\bantwoord(?:en)?\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen)\s+"
    rf"(?P<numbers>{_NUMBER}(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*(?:vraag\s+)?{_NUMBER})*)",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"({_NUMBER})\s*(?:t/m|tot\s+en\s+met)\s*({_NUMBER})", re.IGNORECASE)


def _references(text: str) -> list[re.Match[str]]:
    """The cross-references in ``text``, in order: read where a word
    "antwoord" is written in lower case, with a capital, or in capitals
    (found with ``str.find``, so that an answer is not searched through
    with a case-insensitive pattern)."""
    starts = []
    for word in ("ntwoord", "NTWOORD"):
        at = text.find(word, 1)
        while at >= 0:
            starts.append(at - 1)
            at = text.find(word, at + 1)
    matches = []
    end = 0
    for start in sorted(starts):
        if start >= end and (match := _REFERENCE.match(text, start)):
            matches.append(match)
            end = match.end()
    return matches


def reference_spans(text: str) -> list[tuple[int, int, str]]:
    """Where the question numbers of cross-references stand in ``text``:
    ``(start, end, number)`` for every number written in a reference."""
    spans = []
    for match in _references(text):
        base = match.start("numbers")
        for number in re.finditer(_NUMBER, match.group("numbers")):
            spans.append((base + number.start(), base + number.end(), number.group(0)))
    return spans


def cross_references(text: str) -> tuple[str, ...]:
    """Question numbers an answer points to, in order of first mention.

    Reads "(zie) het antwoord op vraag 5", "de antwoorden op vragen 10 en 33",
    "antwoord op vraag 1 en vraag 6" and ranges "vragen 4 t/m 6", in any
    case except a word "antwoord" in mixed case ("AntWoord").
    """
    found: dict[str, None] = {}  # an ordered set: membership in constant time
    for match in _references(text):
        numbers = match.group("numbers")
        expanded = _RANGE.sub(
            lambda m: " ".join(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
            if m.group(1).isdigit() and m.group(2).isdigit() and 0 <= int(m.group(2)) - int(m.group(1)) <= 100
            else m.group(0),
            numbers,
        )
        found.update(dict.fromkeys(re.findall(_NUMBER, expanded)))
    return tuple(found)


