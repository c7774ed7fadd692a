"""The document families kamerqa reads, and what each prints about itself.

Each family module knows one family's header phrases and gives the
metadata fields they hold (``read``) and how strongly a text looks like
that family (``evidence``: one point per trait it shows):

* :mod:`.kamervragen` — Kamervragen in the Aanhangsel van de Handelingen
  and ministry answer letters;
* :mod:`.letter` — answer letters of the Algemene Rekenkamer;
* :mod:`.committee` — committee lists ("Lijst van vragen en antwoorden"),
  whose header lines :mod:`kamerqa.header` reads; the family adds what old
  prints put elsewhere, and fills gaps only (``OVERRIDES = False``).

:func:`complete` runs after the parse: it picks the family with the most
evidence, records it in ``meta.kind`` and fills the fields the parse left
empty.  A family needs at least ``MIN_EVIDENCE`` traits.
"""

from __future__ import annotations

from types import ModuleType

import attrs

from ..model import DocumentMeta
from . import committee, kamervragen, letter

__all__ = ["FAMILIES", "MIN_EVIDENCE", "complete"]

FAMILIES: tuple[ModuleType, ...] = (kamervragen, letter, committee)
MIN_EVIDENCE = 2


def complete(meta: DocumentMeta, text: str) -> DocumentMeta:
    """``meta`` with the fields of the document's family filled in."""
    scores = [(family.evidence(text), index) for index, family in enumerate(FAMILIES)]
    best, index = max(scores)
    if best < MIN_EVIDENCE:
        return meta
    family = FAMILIES[index]
    # Only fields the header lines left empty: what the grammar read from a
    # heading (a dossier line and its title) is the document's own word, and
    # the text behind it must stay where the conservation check finds it.
    values = {name: value for name, value in family.read(text).items() if getattr(meta, name) in (None, ())}
    if meta.kind is None:
        values.setdefault("kind", family.KIND)  # a family may read a narrower kind from the text
    return attrs.evolve(meta, **values)
