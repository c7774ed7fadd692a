"""The layouts kamerqa reads: one module each, in a registry.

A layout says how its questions start, how its answers start and what its
page furniture looks like (:class:`~kamerqa.layouts.base.Layout`).  The
registry feeds ``parse(layout=...)``, the command line's ``--layout``
choices and docs/layouts.md.  Detection scores every registered layout on
the document (kamerqa.postlex.detect_form).  To add a layout, write a
module with a ``LAYOUT`` like the ones here and :func:`register` it.

Text whose line breaks were lost is not a layout: :mod:`kamerqa.flat`
re-breaks it first, and the layouts are then detected as usual.
"""

from __future__ import annotations

from .base import Layout, Start
from .labelled import LAYOUT as LABELLED
from .numbered import LAYOUT as NUMBERED
from .period import LAYOUT as PERIOD
from .table import LAYOUT as TABLE
from .unnumbered import LAYOUT as UNNUMBERED

__all__ = ["REGISTRY", "Layout", "Start", "markdown_table", "names", "register"]

#: Every layout by name, in the order they are tried when scores tie (the
#: more explicit first: labels, then "1.", then lone numbers, then the table;
#: questions without numbers last).
REGISTRY: dict[str, Layout] = {}


def register(layout: Layout) -> Layout:
    """Add ``layout`` to the registry (its name must be new)."""
    if layout.name in REGISTRY:
        raise ValueError(f"a layout named {layout.name!r} is registered already")
    REGISTRY[layout.name] = layout
    return layout


for _layout in (LABELLED, PERIOD, NUMBERED, TABLE, UNNUMBERED):
    register(_layout)


def names() -> tuple[str, ...]:
    """The registered layout names, in detection order."""
    return tuple(REGISTRY)


def markdown_table() -> str:
    """The registry as the table in docs/layouts.md (``python -m kamerqa.layouts``)."""
    rows = ["| layout | a question starts with | an answer starts with | a number alone is | page furniture |", "|---|---|---|---|---|"]
    for layout in REGISTRY.values():
        rows.append(f"| `{layout.name}` | {layout.question} | {layout.answer} | {layout.lone_number} | {layout.furniture} |")
    return "\n".join(rows) + "\n"
