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

#: The session a print names: "Vergaderjaar 2023–2024", "Zitting 1976-1977".
SESSION = re.compile(r"\b(?:Vergaderjaar|vergaderjaar|Zitting)\s+(?P<session>\d{4}\s*[–—-]\s*\d{4})")

__all__ = [
    "SESSION",
    "Heading",
    "Intro",
    "read_heading",
    "read_intro",
    "read_kind",
    "read_number",
    "read_role",
    "read_vastgesteld",
    "split_vastgesteld",
]


@attrs.frozen
class Heading:
    dossier: str | None
    number: str | None
    title: str | None


_HEADING = re.compile(
    r"^(?P<dossier>\d{2} ?\d{3})"
    r"(?:\s*-\s*(?P<number>\d+))?"
    r"(?:\s+(?P<part>[A-Z]{1,3}|[IVXLC]{1,6})(?=\s|$))?"
    r"(?:\s+(?P<qualifier>\([^()\n]{1,40}\))(?=\s*$))?"
    r"\s*(?P<title>.*)$"
)


def read_heading(text: str) -> Heading:
    """ "27925- 919 Verlenging ..." -> dossier 27925, number 919, title.

    The dossier keeps its printed form ("31 235") with any part letter
    ("36 550 J") and a qualifier in brackets that ends the line ("21 800 V
    (NAVO-deel)": the title follows on the lines below).
    """
    match = _HEADING.match(clean_line(text))
    if not match:
        return Heading(None, None, clean_line(text) or None)
    dossier, title = match.group("dossier"), match.group("title")
    if match.group("part"):
        if match.group("number"):  # "27925- 919 A ...": no part letter after a paper's number
            title = f"{match.group('part')} {title}".strip()
        else:
            dossier += " " + match.group("part")
    if match.group("qualifier"):
        dossier += " " + match.group("qualifier")
    return Heading(dossier, match.group("number"), title or None)


_KIND = re.compile(r"^(?:\d{4}D\d{5}\s+)?(?:nr\.?\s*(?P<number>\d+)?\s*)?(?P<kind>.+?)\s*$", re.IGNORECASE)


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


def read_number(text: str) -> str | None:
    """ "nr. 3" -> "3"."""
    match = re.search(r"\d+", text)
    return match.group(0) if match else None


def read_vastgesteld(text: str) -> date | None:
    """The date after "Vastgesteld"; ``None`` for the draft's placeholder."""
    return parse_dutch_date(text)


_VASTGESTELD = re.compile(r"^\s*Vastgesteld\s*:?\s*(?:(?P<date>\d{1,2}\s*[^\W\d_]+\s+\d{4})\.?|(?P<draft>\(.*?\)))?\s*(?P<rest>.*)$", re.DOTALL)


def split_vastgesteld(text: str) -> tuple[date | None, str] | None:
    """A "Vastgesteld" line: (its date, the text after it), ``(None, "")``
    for the draft's placeholder "Vastgesteld (wordt door griffie ingevuld
    ...)", and ``None`` for a sentence that merely starts with the word
    ("Vastgesteld is dat de kosten stijgen.")."""
    match = _VASTGESTELD.match(text)
    if match is None:
        return None
    if match.group("date"):
        when = parse_dutch_date(match.group("date"))
        if when is not None:
            return when, match.group("rest").strip()
    if match.group("draft") and not match.group("rest").strip():
        return None, ""
    if not match.group("rest").strip() and not match.group("draft"):
        return None, ""  # "Vastgesteld" alone
    return None


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
    """What a committee list's introduction says (Kamervragen and letters:
    see :mod:`kamerqa.families`)."""

    committee: str | None = None
    addressee: str | None = None
    letter_date: date | None = None
    about: KamerstukRef | None = None


_INTRO_LIMIT = 4000
_DATE_TEXT = r"\d{1,2}\s+[^\W\d_]+\s+\d{4}"
_COMMITTEE = re.compile(
    r"\b(?:De|de)\s+(?P<committee>(?:vaste\s+|algemene\s+|tijdelijke\s+)?commissie\s+voor\s+.+?)"
    r"(?:,\s+belast\s+met|\s+heeft\s|\s+gestelde\s)",
)
_ADDRESSEE = re.compile(
    r"\bvoorgelegd\s+aan\s+(?:de\s+|het\s+)?(?P<addressee>[^.]+?)(?:\s+(?:over|inzake|naar\s+aanleiding)\b|\.)",
)
_LETTER = re.compile(rf"\bover\s+de\s+brief\s+van\s+(?P<date>{_DATE_TEXT})")
_ABOUT = re.compile(r"\((?:Kamerstuk(?:ken)?\s+)?(?P<dossier>\d{2}\s?\d{3}(?:\s+[A-Z]{1,3})?)\s*,\s*nr\.\s*(?P<number>\d+)\)")
_MARKDOWN = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+|\*\*")
_GLUED_NOTE = re.compile(r"(?<=[^\W\d_])\d{1,2}$")


def read_intro(text: str) -> Intro:
    """Metadata from a committee list's introduction: "De vaste commissie
    voor X heeft een aantal vragen voorgelegd aan de minister van Y over de
    brief van 28 oktober 2022 inzake ... (27925, nr. 919)."."""
    # The phrases stand at the top; reading further only risks slow matching on huge inputs.
    paragraphs = _MARKDOWN.sub("", text[:_INTRO_LIMIT])
    text = clean_line(paragraphs)
    found: dict = {}
    if match := _COMMITTEE.search(text):
        found["committee"] = _GLUED_NOTE.sub("", match.group("committee"))  # "Rijksuitgaven1": a footnote marker
    if match := _ADDRESSEE.search(text):
        found["addressee"] = match.group("addressee")
    if match := _LETTER.search(text):
        found["letter_date"] = parse_dutch_date(match.group("date"))
    if match := _ABOUT.search(text):
        found["about"] = KamerstukRef(match.group("dossier"), match.group("number"))
    return Intro(**found)
