"""Answer letters of the Algemene Rekenkamer to a committee's questions.

What such a letter prints about itself, in the house styles of 2012 to 2025
(the letterhead fields in capitals, spaced capitals or lower case):

* "DATUM 14 februari 2013", "D A T U M 21 januari 2020", "datum 4 juni 2024"
  (and OCR's "patum 25 oktober 2012");
* "Hierbij bieden wij u de op 14 februari 2013 vastgestelde antwoorden aan
  op de door de vaste commissie voor Defensie gestelde vragen over het
  rapport Uitstapkosten Joint Strike Fighter (Tweede Kamer, vergaderjaar
  2012—2013, 26488 / 31300, nr 305)." — the adoption date, the committee,
  the report and its kamerstuk;
* the sender, "Algemene Rekenkamer", which answers the questions.
"""

from __future__ import annotations

import re
from typing import Any

from ..text import clean_line, parse_dutch_date

__all__ = ["KIND", "evidence", "read"]

KIND = "Brief van de Algemene Rekenkamer"
ANSWERER = "Algemene Rekenkamer"

#: The letter's own phrases stand on its first page.
HEAD = 6_000

_DATE = r"\d{1,2}\s+[^\W\d_]{3,10}\s+\d{4}"
# OCR reads the label's D as P or O now and then ("patum 25 oktober 2012"):
# no Dutch word, and the date after it decides.
_DATUM = re.compile(rf"\b(?:[DPO]\s?A\s?T\s?U\s?M|[DdPpOo]atum)\s+(?P<date>{_DATE})")
_ADOPTED = re.compile(rf"\bop\s+(?P<date>{_DATE})\s+(?:[a-z]{{3,10}}\s+)?vastgestelde\b")
_COMMITTEE = re.compile(
    r"\b(?:door\s+de|vragen\s+die\s+de|vragen\s+van\s+de)\s+"
    r"(?P<committee>(?:[Vv]aste\s+|[Aa]lgemene\s+|[Tt]ijdelijke\s+)?(?:[Kk]amer)?[Cc]ommissie\s+(?:van|voor)\s+[^.()]{1,120}?)"
    r"\s+(?:gestelde\b|heeft\s+gesteld\b|over\b)"
)
_OVER = re.compile(r"\bover\s+")
# The report's title after "over": up to its kamerstuk "(Tweede Kamer, ...",
# the end of the sentence, or "van <date>"; "(X)" inside it is part of it.
_TITLE = re.compile(
    r"(?:(?:ons|het|de)\s+)?(?:rapport\s+)?"
    r"(?P<title>(?:[^().]|\((?!Tweede\s+Kamer|vergaderjaar)[^()]{0,40}\)|\.(?=\S)){3,300}?)"
    r"\s*(?:\((?:Tweede\s+Kamer|vergaderjaar)|\.(?:\s|$)|\s+van\s+\d{1,2}\s+[^\W\d_]+\s+\d{4}|$)"
)
# "BETREFT Beantwoording vragen Tweede Kamer over het rapport X" up to the next letterhead field.
_SUBJECT = re.compile(
    r"\b(?:BETREFT|B\s?E\s?T\s?R\s?E\s?F\s?T|betreft)\s+[^.]{0,80}?\bover\s+(?:(?:ons|het|de)\s+)?(?:rapport\s+)?"
    r"(?P<title>[^()]{3,300}?)\s*(?=\((?:Tweede|vergaderjaar)|\b(?:UW|U\s?W|ONS|O\s?N\s?S|ons|uw)\s|Geachte\b|\d{1,2}/\d{1,2}\b|$)"
)
_KAMERSTUK = re.compile(r"\((?P<ref>(?:Tweede\s+Kamer,\s+)?vergaderjaar\s+[^()]{4,40}?,\s+[^()]{2,60}?\bnrs?\.?\s*\d{1,4})\)")


def evidence(text: str) -> int:
    """How strongly ``text`` reads as a Rekenkamer letter: one point per trait."""
    head = text[:HEAD]
    traits = (
        ANSWERER in head,
        "rekenkamer.nl" in head,
        "BEZORGEN" in head,
        _DATUM.search(head),
        re.search(r"\b(?:BETREFT|B\s?E\s?T\s?R\s?E\s?F\s?T|betreft)\b", head),
        _ADOPTED.search(head),
    )
    return sum(1 for trait in traits if trait)


def read(text: str) -> dict[str, Any]:
    """The metadata fields a Rekenkamer letter prints, by DocumentMeta name."""
    head = clean_line(text[:HEAD])
    found: dict[str, Any] = {"answered_by": ANSWERER}
    if datum := _DATUM.search(head):
        found["document_date"] = parse_dutch_date(datum.group("date"))
    if adopted := _ADOPTED.search(head):
        found["vastgesteld"] = parse_dutch_date(adopted.group("date"))
    offering = head.find("Hierbij")
    body = head[offering:] if offering >= 0 else head
    if committee := _COMMITTEE.search(body):
        found["committee"] = committee.group("committee")
        over = _OVER.search(body, committee.end("committee"), committee.end("committee") + 40)
        about = _TITLE.match(body, over.end()) if over else None
        if about:  # the offering sentence names the report in full
            found["title"] = _title(about.group("title"))
    if "title" not in found and (subject := _SUBJECT.search(head)):
        found["title"] = _title(subject.group("title"))
    if kamerstuk := _KAMERSTUK.search(head):
        found["report"] = kamerstuk.group("ref")
    return found


def _title(printed: str) -> str:
    """The report's title without the quotes around it or a trailing "aan"
    ("... beperken aan.")."""
    title = re.sub(r"\s+aan$", "", printed.strip())
    if len(title) > 2 and title[0] in "‘'\"“" and title[-1] in "’'\"”":
        title = title[1:-1].strip()
    return title
