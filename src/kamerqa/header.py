"""Reading metadata out of the header lines of a list.

The grammar says *which* lines form the heading, the kind line, the
"Vastgesteld" line, the signatures and the introduction; the functions here
read the values out of their (clean) text.  They never fail: what they
cannot read stays ``None`` and the text itself is kept by the caller.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from .model import KamerstukRef
from .text import clean_line, parse_dutch_date

__all__ = ["Heading", "Intro", "read_heading", "read_intro", "read_kind", "read_role", "read_vastgesteld"]


@attrs.frozen
class Heading:
    dossier: str | None
    number: str | None
    title: str | None


_HEADING = re.compile(
    r"^(?P<dossier>\d{2} ?\d{3})"
    r"(?:\s*-\s*(?P<number>\d+))?"
    r"(?:\s+(?P<part>[A-Z]{1,3}|[IVXLC]{1,6})(?=\s|$))?"
    r"\s*(?P<title>.*)$"
)


def read_heading(text: str) -> Heading:
    """ "27925- 919 Verlenging ..." -> dossier 27925, number 919, title.

    The dossier keeps its printed form ("31 235") with any part letter
    ("36 550 J").
    """
    match = _HEADING.match(clean_line(text))
    if not match:
        return Heading(None, None, clean_line(text) or None)
    dossier = match.group("dossier")
    if match.group("part"):
        dossier += " " + match.group("part")
    return Heading(dossier, match.group("number"), match.group("title") or None)


_KIND = re.compile(r"^(?:nr\.?\s*(?P<number>\d+)?\s*)?(?P<kind>.+?)\s*$", re.IGNORECASE)


def read_kind(text: str) -> tuple[str | None, str | None]:
    """ "nr. Lijst van vragen en antwoorden" -> ("Lijst van vragen en antwoorden", None);
    "Nr. 444 LIJST VAN VRAGEN EN ANTWOORDEN" -> ("Lijst van vragen en antwoorden", "444")."""
    match = _KIND.match(clean_line(text))
    if not match:
        return None, None
    kind = match.group("kind")
    if kind.isupper():
        kind = kind.lower()
    return kind[:1].upper() + kind[1:], match.group("number")


def read_vastgesteld(text: str) -> date | None:
    """The date after "Vastgesteld"; ``None`` for the draft's placeholder."""
    return parse_dutch_date(text)


_ROLE = re.compile(
    r"^(?:de\s+)?(?P<role>(?:(?:fungerend|waarnemend)\s+)?voorzitter|(?:adjunct-|waarnemend\s+)?griffier)"
    r"\s+van\s+de\s+(?:vaste\s+)?commissie\s*,?\s*(?P<name>.*)$",
    re.IGNORECASE,
)


def read_role(text: str) -> tuple[str, str | None]:
    """ "Voorzitter van de commissie, Heerema" -> ("chair", "Heerema");
    "Griffier van de commissie," -> ("clerk", None)."""
    match = _ROLE.match(clean_line(text))
    if not match:
        return "unknown", None
    role = "chair" if "voorzitter" in match.group("role").lower() else "clerk"
    return role, match.group("name").strip(" ,") or None


@attrs.frozen
class Intro:
    committee: str | None = None
    addressee: str | None = None
    letter_date: date | None = None
    about: KamerstukRef | None = None


_COMMITTEE = re.compile(
    r"\b(?:De|de)\s+(?P<committee>(?:vaste\s+|algemene\s+|tijdelijke\s+)?commissie\s+voor\s+.+?)"
    r"(?:,\s+belast\s+met|\s+heeft\s)",
)
_ADDRESSEE = re.compile(
    r"\bvragen\s+(?:voorgelegd|gesteld)\s+aan\s+(?:de\s+)?(?P<addressee>.+?)\s+(?:over|inzake|naar\s+aanleiding)\b",
)
_LETTER = re.compile(r"\bover\s+de\s+brief\s+van\s+(?P<date>\d{1,2}\s+\w+\s+\d{4})")
_ABOUT = re.compile(r"\((?:Kamerstuk(?:ken)?\s+)?(?P<dossier>\d{2}\s?\d{3}(?:\s+[A-Z]{1,3})?)\s*,\s*nr\.\s*(?P<number>\d+)\)")


def read_intro(text: str) -> Intro:
    """Committee, addressee, letter date and the paper the questions are
    about, from "De vaste commissie voor X heeft een aantal vragen voorgelegd
    aan de minister van Y over de brief van 28 oktober 2022 inzake ... (27925,
    nr. 919)."."""
    text = clean_line(text)
    committee = _COMMITTEE.search(text)
    addressee = _ADDRESSEE.search(text)
    letter = _LETTER.search(text)
    about = _ABOUT.search(text)
    return Intro(
        committee=committee.group("committee") if committee else None,
        addressee=addressee.group("addressee") if addressee else None,
        letter_date=parse_dutch_date(letter.group("date")) if letter else None,
        about=KamerstukRef(about.group("dossier"), about.group("number")) if about else None,
    )
