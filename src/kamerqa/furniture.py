"""Page furniture with a known shape: the footers publishers print on every
page of a Kamervragen or Aanhangsel PDF.

A line is furniture only with evidence (issue 14): either the same text on
several pages (running headers, found per document) or one of these shapes,
which no question or answer takes as a line of its own:

* the publication identifier: "ah-tk-20242025-562", "kv-tk-2024Z18439";
* the running footer "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1"
  or "..., Vragen 2" (the page number at its end or, in old prints, on the
  next line; "zitting 1976-1977" before 1978);
* the printer's line "ISSN 0921 - 7398" / "’s-Gravenhage 2024", which PDF
  text extraction may glue to the running footer; in old prints with the
  order number and the printer before the place ("265906F ISSN 0921 7398
  Sdu Uitgeverij Plantijnstraat 's Gravenhage 1992", OCR may split it after
  the apostrophe);
* an old kamerstuk's running footer "Tweede Kamer, vergaderjaar 1990-1991,
  21 800 V en X, nr. 30" (the dossier and the paper's number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["publication_footer_lines", "publication_footers"]

_ISSN = r"ISSN[ \t]*\d{4}[ \t]*-?[ \t]*\d{3}[\dX]"
# "'s-Gravenhage 1992", "s Gravenhage 1992" (OCR), with the year of printing.
_PLACE = r"[’']?s[ -]?Gravenhage[ \t]*\d{4}"
# "265906F ISSN 0921 7398 Sdu Uitgeverij Plantijnstraat '": an old print's
# order number, then the printer (OCR: "Uitgevenj", "SPU").
_PRINTER = rf"(?:\d{{5,6}}[ \t]*F[ \t]*)?{_ISSN}(?:[ \t]+S[A-Za-z]{{2}}[ \t]+[Uu]itge[a-z]{{2,6}}(?:[ \t]+Plantijnstraat)?)?"
_FOOTER = re.compile(
    r"[ \t]*(?:"
    r"(?:ah|kv)-tk-(?:\d{8}-\d{1,5}|\d{4}Z\d{5})"
    rf"|(?:{_ISSN})?(?:’s-Gravenhage[ \t]*\d{{4}})?"
    r"[ \t]*Tweede Kamer, (?:vergaderjaar|zitting)[ \t]+\d{4}[–—-]\d{4}, "
    r"(?:(?:Aanhangsel|Vragen)(?:[ \t]+\d{1,4})?|\d{2}[ \t]?\d{3}(?:,?[ \t]+[^\n,]{1,30}){0,2}, nr\.[ \t]*\d{1,5})"
    rf"|{_PRINTER}(?:[ \t]*[’']|[ \t]*{_PLACE})?"
    rf"|{_PLACE}"
    r")[ \t]*\n?"
)
_CLUES = ("-tk-", "Tweede Kamer, vergaderjaar", "ISSN", "Gravenhage")


def publication_footer_lines(text: str) -> list[int]:
    """The (0-based) lines of ``text`` that hold a clue of such a footer,
    found with str.find: only they need a closer look."""
    found: set[int] = set()
    for clue in _CLUES:
        at = text.find(clue)
        line, counted = 0, 0
        while at >= 0:
            line += text.count("\n", counted, at)  # counted incrementally: linear in the text
            counted = at
            found.add(line)
            at = text.find(clue, at + 1)
    return sorted(found)


def publication_footers(values: Sequence[str], candidates: Sequence[int]) -> set[int]:
    """Indexes (among ``candidates``, into ``values``) of lines that are a
    publication footer as a whole."""
    return {index for index in candidates if _FOOTER.fullmatch(values[index])}
