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
  text extraction may glue to the running footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["publication_footer_lines", "publication_footers"]

_FOOTER = re.compile(
    r"[ \t]*(?:"
    r"(?:ah|kv)-tk-(?:\d{8}-\d{1,5}|\d{4}Z\d{5})"
    r"|(?:ISSN[ \t]*\d{4}[ \t]*-?[ \t]*\d{3}[\dX])?(?:’s-Gravenhage[ \t]*\d{4})?"
    r"[ \t]*Tweede Kamer, (?:vergaderjaar|zitting)[ \t]+\d{4}[–—-]\d{4}, (?:Aanhangsel|Vragen)(?:[ \t]+\d{1,4})?"
    r"|ISSN[ \t]*\d{4}[ \t]*-?[ \t]*\d{3}[\dX](?:[ \t]*’s-Gravenhage[ \t]*\d{4})?"
    r")[ \t]*\n?"
)
_CLUES = ("-tk-", "Tweede Kamer, vergaderjaar", "ISSN")


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
