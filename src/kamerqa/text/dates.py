"""Dutch dates: "16 juni 1992" (and OCR's "16juni 1992") read and written."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["MONTHS", "format_dutch_date", "parse_dutch_date", "starts_with_month"]

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

_DATE = re.compile(r"\b(\d{1,2})\s*(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)  # "16juni 1992": OCR glue


def parse_dutch_date(text: str) -> date | None:
    """The first date written like "28 oktober 2022" in ``text``, or ``None``."""
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def format_dutch_date(value: date) -> str:
    """date(2022, 10, 28) -> "28 oktober 2022" (the way the documents write dates)."""
    return f"{value.day} {_MONTH_NAMES[value.month]} {value.year}"


_MONTH_NAMES = {number: name for name, number in MONTHS.items()}


def starts_with_month(text: str) -> bool:
    """Does ``text`` start with a Dutch month name ("december 2023 ...")?"""
    match = re.match(r"\s*([^\W\d_]+)", text)
    return match is not None and match.group(1).lower() in MONTHS
