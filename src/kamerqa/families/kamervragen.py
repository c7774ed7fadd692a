"""Kamervragen: questions of members, answered in the Aanhangsel van de
Handelingen (or in a ministry's answer letter).

What the family prints about itself, in the phrasings of 1961 to 2025:

* "Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken
  over de situatie ... (ingezonden 2 oktober 2023)." (older prints leave out
  "aan ...", 1961 writes "VRAGEN van de heer ... in verband met ...");
* "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen
  13 november 2023)." ("ANTWOORD van de heer ... (Ingezonden ...)" in 1961);
* "Mededeling van ... (ontvangen ...)" where the answers are postponed;
* "Vergaderjaar 2023–2024" / "Zitting 1976-1977"; the Aanhangsel number
  above "Vragen van", the publication identifier "ah-tk-20232024-387" in the
  page footers, "AH 608" and "2024Z14419" at the top of an answer letter.

Every pattern is bounded: no search here can take more than linear time
(issue 14, item 7: nested lazy groups before "(ingezonden" took seconds).
"""

from __future__ import annotations

import re
from typing import Any

from ..header import SESSION
from ..text import clean_line, parse_dutch_date

__all__ = ["KIND", "evidence", "read"]

KIND = "Kamervragen"

#: How much of the text the header phrases are looked for in: they stand at
#: the top (old prints: the answer heading after the questions).
HEAD = 30_000

_DATE = r"\d{1,2}\s*[^\W\d_]{3,10}\s+\d{4}"
_ASKED = re.compile(r"\b(?:Vragen|VRAGEN)\s+van\s+(?:het\s+lid|de\s+leden|de\s+heer|mevrouw)\s+")
_SUBMITTED = re.compile(rf"\(\s*(?:ingezonden|Ingezonden|In-\s?gezonden)\s+(?P<date>{_DATE})\.?\s*\)")
_ASKERS_END = re.compile(r"\)\s+(?=aan\s|over\s|in\s+ver-?\s?band\s+met\s)")
_OVER = re.compile(r"\s*\bover(?:\s+|(?=het\b|de\b|een\b))")
_REPLY = re.compile(
    r"\b(?P<kind>Antwoord|ANTWOORD|Mededeling)\s+van\s+(?P<who>[^\n]{1,400}?)\.?\s*"
    # "(ontvangen (ontvangen 7 juni 2024)": a word the print repeats
    rf"\(\s*(?:(?:ontvangen|Ontvangen)\s+\(\s*)?"
    rf"(?P<how>ontvangen|Ontvangen|ingezonden|Ingezonden|In-\s?gezonden)\s+(?P<date>{_DATE})\.?\s*\)"
)
_PUBLICATION = re.compile(r"ah-tk-\d{8}-(?P<nr>\d{1,5})\b")
_PRINTED_NR = re.compile(r"(?<![\w])(?P<nr>\d{1,5})\.?\s+(?:Vragen|VRAGEN)\s+van\s")
_LETTER_AH = re.compile(r"(?m)^[ \t]*(?P<ah>AH[ \t]+\d{1,5})[ \t]*$")
_ZAAK = re.compile(r"\b(?P<zaak>(?:19|20)\d{2}Z\d{5})\b")
_SHARED_PARTY = re.compile(r"\((?:beiden|allen)\s+(?P<party>[^()]{1,60})\)$")
_JOINED = re.compile(r"\s*,\s*|\s+en\s+")
_PARAGRAPH_END = re.compile(r"\n[ \t\u00a0]*\n")


def _publication(text: str) -> re.Match[str] | None:
    """The first publication identifier "ah-tk-20232024-387" (found with
    str.find: a regex search through a long text costs more than the parse)."""
    at = text.find("ah-tk-")
    while at >= 0:
        match = _PUBLICATION.match(text, at)
        if match:
            return match
        at = text.find("ah-tk-", at + 1)
    return None


def evidence(text: str) -> int:
    """How strongly ``text`` reads as Kamervragen: one point per trait."""
    head = text[:HEAD]
    traits = (
        _ASKED.search(head),
        _SUBMITTED.search(head),
        _REPLY.search(head),
        "Aanhangsel van de Handelingen" in head,
        _publication(text),
        _LETTER_AH.search(head[:200]),
    )
    return sum(1 for trait in traits if trait)


def askers(printed: str) -> tuple[str, ...]:
    """ "Omtzigt en Palmen (beiden NSC)" -> ("Omtzigt (NSC)", "Palmen (NSC)");
    "Van den Hil (VVD) en Bikker (ChristenUnie)" -> both as printed."""
    printed = printed.strip()
    shared = _SHARED_PARTY.search(printed)
    if shared:
        names = _JOINED.split(printed[: shared.start()].strip())
        return tuple(f"{name.strip()} ({shared.group('party').strip()})" for name in names if name.strip())
    items = re.split(r"(?<=\))\s*(?:,|\ben\b)\s*", printed)
    return tuple(item.strip() for item in items if item.strip())


def read(text: str) -> dict[str, Any]:
    """The metadata fields Kamervragen print, by DocumentMeta name."""
    head = text[:HEAD]
    found: dict[str, Any] = {}
    asked = _ASKED.search(head)
    if asked:
        submitted = _SUBMITTED.search(head, asked.end(), asked.end() + 2000)
        # The heading ends at "(ingezonden ...)", else with its paragraph (a
        # letter prints the date above it: "2024Z18887 (ingezonden ...)").
        paragraph = _PARAGRAPH_END.search(head, asked.end(), asked.end() + 600)
        ends = [match.start() for match in (submitted, paragraph) if match is not None]
        end = min(ends) if ends else min(len(head), asked.end() + 600)
        _read_question_heading(clean_line(head[asked.end() : end]), found)
    if not asked or not submitted:
        submitted = _SUBMITTED.search(head)
    if submitted:
        found["submitted"] = parse_dutch_date(_spaced(submitted.group("date")))
    for reply in _REPLY.finditer(clean_line(head)):
        who = _who(reply.group("who"))
        when = parse_dutch_date(_spaced(reply.group("date")))
        if reply.group("kind") == "Mededeling":
            found.setdefault("mededeling_by", who)
            found.setdefault("mededeling_received", when)
        elif "answered_by" not in found:
            found["answered_by"] = who
            if len(several := answerers(who)) > 1:
                found["answerers"] = several
            found["received" if reply.group("how").lower() == "ontvangen" else "answer_submitted"] = when
    if session := SESSION.search(head):
        found["session"] = re.sub(r"\s", "", session.group("session"))
    if publication := _publication(text):
        found["aanhangsel"], found["number"] = publication.group(0), publication.group("nr")
    elif letter := _LETTER_AH.search(head[:200]):
        found["aanhangsel"] = " ".join(letter.group("ah").split())
    if "number" not in found:
        printed = _PRINTED_NR.search(clean_line(head[: asked.end() + 20])) if asked else None
        zaak = _ZAAK.search(head)
        if printed:
            found["number"] = printed.group("nr")
        elif zaak:
            found["number"] = zaak.group("zaak")
    return found


def _read_question_heading(heading: str, found: dict[str, Any]) -> None:
    """ "Boswijk (CDA) aan de Minister van X over Y" into askers, addressee, title."""
    end = _ASKERS_END.search(heading)
    if end is None:
        return
    found["askers"] = askers(heading[: end.start() + 1])
    rest = heading[end.end() :]
    if rest.startswith("aan "):
        rest = re.sub(r"^aan\s+(?:de\s+|het\s+)?", "", rest)
        over = _OVER.search(rest)
        found["addressee"] = (rest[: over.start()] if over else rest).strip(" .")
        if over:
            found["title"] = rest[over.end() :].strip(" .")
    elif rest.startswith("over "):
        found["title"] = rest[5:].strip(" .")
    else:  # "in verband met ..."
        found["title"] = re.sub(r"^in\s+ver-?\s?band\s+met\s+", "", rest).strip(" .")


def _who(printed: str) -> str:
    """Who answered, as printed; two answerers ("Minister X (Y) en antwoord
    van Staatssecretaris Z (Y)") joined by "en"."""
    return re.sub(r"\s+en\s+antwoord\s+van\s+", " en ", printed.strip())


# Between two answerers: "(Justitie en Veiligheid) en Staatssecretaris",
# also printed "(BZ) van Minister" where "en antwoord" was lost.
_NEXT_ANSWERER = re.compile(r"(?<=\))\s+(?:en|van)\s+(?=(?:[Mm]inister|[Ss]taatssecretaris)\b)")


def answerers(who: str) -> tuple[str, ...]:
    """Each answerer of ``who`` as printed ("Minister X (Y) en
    Staatssecretaris Z (Y)" -> the two); one answerer alone, as it is."""
    return tuple(part.strip() for part in _NEXT_ANSWERER.split(who) if part.strip())


def _spaced(date_text: str) -> str:
    """ "16juni 1992" -> "16 juni 1992" (OCR glue)."""
    return re.sub(r"^(\d{1,2})(?=[^\W\d_])", r"\1 ", date_text)
