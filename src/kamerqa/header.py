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

__all__ = ["Heading", "Intro", "read_heading", "read_intro", "read_kind", "read_number", "read_role", "read_vastgesteld"]


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
    dossier, title = match.group("dossier"), match.group("title")
    if match.group("part"):
        if match.group("number"):  # "27925- 919 A ...": no part letter after a paper's number
            title = f"{match.group('part')} {title}".strip()
        else:
            dossier += " " + match.group("part")
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
    askers: tuple[str, ...] = ()
    answered_by: str | None = None
    submitted: date | None = None
    received: date | None = None
    session: str | None = None
    number: str | None = None
    title: str | None = None
    document_date: date | None = None
    vastgesteld: date | None = None


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
# Kamervragen (Aanhangsel van de Handelingen)
_ASKED = re.compile(
    r"\bVragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<askers>.+?)\s+aan\s+(?:de\s+|het\s+)?(?P<addressee>.+?)"
    rf"(?:\s+over\s+(?P<subject>.+?))?\s*\(ingezonden\s+(?P<date>{_DATE_TEXT})\)",
)
_ANSWERED = re.compile(rf"\bAntwoord\s+van\s+(?P<who>.+?)\s*\(ontvangen\s+(?P<date>{_DATE_TEXT})\)")
_SESSION = re.compile(r"\bVergaderjaar\s+(?P<session>\d{4}\s*[–-]\s*\d{4})")
_AANHANGSEL_NR = re.compile(r"(?:^|\n)[#*\s]*(?P<number>\d{1,5})[#*\s]*\n+[#*\s]*Vragen\s+van\b")
# Letters (e.g. of the Algemene Rekenkamer)
_DATUM = re.compile(rf"\bDATUM\s+(?P<date>{_DATE_TEXT})")
_ADOPTED = re.compile(rf"\bop\s+(?P<date>{_DATE_TEXT})\s+vastgestelde\b")
_SUBJECT = re.compile(r"\bBETREFT\b.*?\brapport\s+(?P<title>[^()]+?)\s*\(")
_MARKDOWN = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+|\*\*")
_GLUED_NOTE = re.compile(r"(?<=[^\W\d_])\d{1,2}$")


def _askers(text: str) -> tuple[str, ...]:
    """ "Boswijk (CDA)" -> ("Boswijk (CDA)",); "A (PvdA), B (SP) en C (VVD)" -> three."""
    parts = re.split(r",\s*|\s+en\s+(?![^()]*\))", text)
    return tuple(part.strip() for part in parts if part.strip())


def read_intro(text: str) -> Intro:
    """Metadata from the introduction, in the phrasings lists, Kamervragen
    and letters use: "De vaste commissie voor X heeft een aantal vragen
    voorgelegd aan de minister van Y over de brief van 28 oktober 2022 inzake
    ... (27925, nr. 919).", "Vragen van het lid X (PARTY) aan de Minister van Y
    over Z (ingezonden 2 oktober 2023).", "Antwoord van Minister W (ontvangen
    13 november 2023)."."""
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
    if match := _ASKED.search(text):
        found.update(
            askers=_askers(match.group("askers")),
            addressee=match.group("addressee"),
            submitted=parse_dutch_date(match.group("date")),
        )
        if match.group("subject"):
            found["title"] = match.group("subject")
    if match := _ANSWERED.search(text):
        found.update(answered_by=match.group("who"), received=parse_dutch_date(match.group("date")))
    if match := _SESSION.search(text):
        found["session"] = re.sub(r"\s", "", match.group("session"))
    if match := _AANHANGSEL_NR.search(paragraphs):
        found["number"] = match.group("number")
    if match := _DATUM.search(text):
        found["document_date"] = parse_dutch_date(match.group("date"))
    if match := _ADOPTED.search(text):
        found["vastgesteld"] = parse_dutch_date(match.group("date"))
    if match := _SUBJECT.search(text):
        found["title"] = match.group("title")
    return Intro(**found)
