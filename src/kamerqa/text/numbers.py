"""Question numbers as printed: the numbers a label covers ("4 t/m 6" ->
4, 5, 6) and a number's sort key."""

from __future__ import annotations

import re

from .. import vocabulary

__all__ = ["LABEL_NUMBERS", "covered_numbers", "number_label"]

#: A printed question label's numbers: "5", "12a", "1 b", "4 en 5", "4 t/m 6",
#: "1, 2 en 3", "1,2en3", "4-7" (the vocabulary's NUMBERS).
LABEL_NUMBERS = vocabulary.NUMBERS

_LABEL_PART = re.compile(rf"({vocabulary.DIGITS})(?:[ ]?([a-z])(?![a-z/])|[ ]?([A-Z])(?=[.:]))?")
_LABEL_RANGE = re.compile(rf"({vocabulary.DIGITS})\s*(?:t/[ ]?m|tot en met|-|–)\s*({vocabulary.DIGITS})")


def covered_numbers(label: str) -> tuple[str, ...]:
    """The question numbers a printed label covers: "4 en 5" -> ("4", "5"),
    "4 t/m 6" -> ("4", "5", "6"), "1 b" -> ("1b",)."""
    if label.isdecimal():  # most labels: "21"
        return (label,)
    label = _LABEL_RANGE.sub(
        lambda m: " en ".join(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
        if 0 <= int(m.group(2)) - int(m.group(1)) <= 100
        else m.group(0),
        label,
    )
    return tuple(number + (small or capital).lower() for number, small, capital in _LABEL_PART.findall(label))


def number_label(label: str) -> tuple[int, str, int]:
    """(first number, its sub-question letter, last number) of a printed label."""
    if label.isdecimal():  # most labels: "21"
        number = int(label)
        return number, "", number
    parts = _LABEL_PART.findall(label)
    numbers = [int(n) for n, _, _ in parts]
    span = _LABEL_RANGE.search(label)
    if span:
        numbers.append(int(span.group(2)))
    return numbers[0], (parts[0][1] or parts[0][2]).lower(), max(numbers)


