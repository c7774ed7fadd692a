"""Committee lists: "Lijst van vragen en antwoorden", "Lijst van vragen",
"Verslag houdende een lijst van vragen en antwoorden".

Their header lines (dossier, title, "nr.", "Vastgesteld", the chair and
clerk) are read by the layout grammar and :mod:`kamerqa.header`.  This
module adds what printed lists of 1986-1990 put on other lines: "Vergaderjaar
1989-1990" above the dossier, and "Ontvangen 22 januari 1990" or
"Vastgesteld 7 maart 1989" on the line of the kind ("LIJST VAN VRAGEN EN
ANTWOORDEN Ontvangen ..."), and "De vaste Commissie voor X zou gaarne ...";
a "LIJST VAN ANTWOORDEN" (the answers alone) is kind ``ANSWERS_KIND``.
Like every family, it fills only fields the header left empty.
"""

from __future__ import annotations

import re
from typing import Any

from ..text import clean_line, parse_dutch_date
from ..vocabulary import ANSWERS_LIST

__all__ = ["ANSWERS_KIND", "KIND", "evidence", "read"]

KIND = "Lijst van vragen en antwoorden"
ANSWERS_KIND = "Lijst van antwoorden"
HEAD = 3_000

_DATE = r"\d{1,2}\s*[^\W\d_]{3,10}\s+\d{4}"
_KIND = re.compile(r"\b(?:lijst\s+van\s+(?:vragen|antwoorden)|verslag\s+houdende\s+een\s+lijst)", re.IGNORECASE)
_SESSION = re.compile(r"\bVergaderjaar\s+(?P<session>\d{4}\s*[–—-]\s*\d{4})")
_RECEIVED = re.compile(rf"(?i:lijst\s+van\s+[^\n]{{0,40}}?)\bOntvangen\s+(?P<date>{_DATE})")
_ADOPTED = re.compile(rf"\bVastgesteld\s+(?P<date>{_DATE})")
_ANSWERS_ONLY = re.compile(ANSWERS_LIST)
_SIGNATURE = re.compile(r"(?i)\b(?:voorzitter|griffier)\s+van\s+de\s+(?:vaste\s+)?commissie")
_COMMITTEE = re.compile(
    r"\b[Dd]e\s+(?P<committee>(?:vaste\s+|algemene\s+|tijdelijke\s+)?[Cc]ommissie\s+voor\s+[^.,;'’]{1,80}?)['’]?\s+"
    r"(?:zou\s+gaarne|heeft\b|belast\b)"
)


def evidence(text: str) -> int:
    head = text[:HEAD]
    traits = (
        _KIND.search(head),
        _ADOPTED.search(head) or _RECEIVED.search(head),
        _SIGNATURE.search(text[:HEAD]) or _SIGNATURE.search(text[-HEAD:]),  # signed at the top or the end
        _SESSION.search(head) and not re.search(r"Aanhangsel|Vragen\s+van\s+(?:het\s+lid|de\s+leden)", head),
    )
    return sum(1 for trait in traits if trait)


def read(text: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if _ANSWERS_ONLY.search(text, 0, HEAD):  # opening a line: the kind, not words of a sentence
        found["kind"] = ANSWERS_KIND
    head = clean_line(text[:HEAD])
    if session := _SESSION.search(head):
        found["session"] = re.sub(r"\s", "", session.group("session"))
    if received := _RECEIVED.search(head):
        found["received"] = parse_dutch_date(received.group("date"))
    if adopted := _ADOPTED.search(head):
        found["vastgesteld"] = parse_dutch_date(adopted.group("date"))
    if committee := _COMMITTEE.search(head):
        found["committee"] = committee.group("committee")
    return found
