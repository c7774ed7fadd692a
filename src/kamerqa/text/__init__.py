"""Text rules: turning source lines into clean text (:mod:`.joining`), and
reading things out of clean text: question numbers (:mod:`.numbers`),
footnote markers (:mod:`.markers`), cross-references (:mod:`.references`)
and Dutch dates (:mod:`.dates`).  Everything is importable from here."""

from __future__ import annotations

from .dates import MONTHS, format_dutch_date, parse_dutch_date, starts_with_month
from .joining import (
    ENDS_SENTENCE,
    HSPACE,
    SHORT_LINE,
    Gap,
    Line,
    assemble,
    clean_line,
    ends_paragraph,
    plain_run,
    split_list_marker,
)
from .markers import (
    MarkerIndex,
    find_footnote_marker,
    footnote_lead,
    footnote_marker_span,
    footnote_markers,
    marker_place,
    typed_footnote_lead,
)
from .numbers import LABEL_NUMBERS, covered_numbers, number_label
from .references import cross_references, reference_spans

__all__ = [
    "ENDS_SENTENCE",
    "HSPACE",
    "LABEL_NUMBERS",
    "MONTHS",
    "SHORT_LINE",
    "Gap",
    "Line",
    "MarkerIndex",
    "assemble",
    "clean_line",
    "covered_numbers",
    "cross_references",
    "ends_paragraph",
    "find_footnote_marker",
    "footnote_lead",
    "footnote_marker_span",
    "footnote_markers",
    "format_dutch_date",
    "marker_place",
    "number_label",
    "parse_dutch_date",
    "plain_run",
    "reference_spans",
    "split_list_marker",
    "starts_with_month",
    "typed_footnote_lead",
]
