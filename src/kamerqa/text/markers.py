"""Footnote markers in clean text ("media.1 In", "Rijksuitgaven1 heeft",
"verschuiven»[2]?") and the lead of a footnote body ("1https://...")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .joining import HSPACE

__all__ = [
    "MarkerIndex",
    "find_footnote_marker",
    "footnote_lead",
    "footnote_marker_span",
    "footnote_markers",
    "marker_place",
    "typed_footnote_lead",
]

# A marker is a footnote number glued to the end of a word or to punctuation
# ("media.1 In", "Rijksuitgaven1 heeft", "begroting1?"), or in brackets as
# markdown converters write it ("verschuiven»[2]?", "Ceder[4 ] in").
_MARKER_BEFORE = r"(?:[^\W\d_]|[.,;:!?)\]”’\"»])"  # the character before the marker
_MARKER_AFTER = r"(?=[\s.,;:!?)\]]|$)"


# One pattern for every marker number, so that a document with a thousand
# footnotes compiles one regex, not a thousand.  PDF text extractors also put
# a superscript marker at the start of the next line, before the closing
# quote or mark it belongs to ("verdwijnt\n1»"), or before the rest of the
# sentence ("Consumentenbond\n4 die").
# Word letters also type a marker as "1)" after the sentence it belongs to,
# at the end of its line ("... is afgenomen? 1)"), with the bodies "1) ..."
# at the end of the letter.
_MARKERS = re.compile(
    rf"(?<={_MARKER_BEFORE})(\d{{1,3}}){_MARKER_AFTER}|\[\s*(\d{{1,3}})\s*\]"
    rf"|(?<![^\n])(\d{{1,3}})(?=[»”’\"?,;:\]]|\)(?![ \t]+\S)| [a-zà-ÿ])"  # "1) tekst" opens a list item
    rf"|(?<=[.?!»”] )(\d{{1,3}})\)(?=[ \t]*(?:\n|$))"
    # PyPDF2 text sets superscript markers on a line of their own under the
    # line they belong to: "1", "2 3" (a second number after one or two digits).
    rf"|(?:(?<![^\n])|(?<=(?<![^\n])\d[ \t])|(?<=(?<![^\n])\d\d[ \t]))(\d{{1,3}})(?=(?:[ \t]+\d{{1,3}})*[ \t]*(?:\n|$))"
)


def footnote_markers(text: str) -> dict[str, tuple[int, int]]:
    """Every footnote marker in ``text`` and where its last occurrence
    stands (start, end), found in one scan."""
    found: dict[str, tuple[int, int]] = {}
    for match in _MARKERS.finditer(text):
        found[match.group(match.lastindex or 0)] = match.span()
    return found


def _marker_spans(text: str, marker: str) -> Iterator[tuple[int, int]]:
    """Where ``marker`` stands as a footnote marker in ``text``, in order.
    Found from each occurrence of its digits (``str.find``), the pattern
    tried only there: scanning a long text with it for one marker is slow."""
    at = text.find(marker)
    last = -1
    while at >= 0:
        before = at - 1
        while before >= 0 and text[before] in " \t\n\u00a0":
            before -= 1
        for start in (before, at) if before >= 0 and text[before] == "[" else (at,):
            match = _MARKERS.match(text, start)
            if match is not None and match.start() > last and match.group(match.lastindex or 0) == marker:
                last = match.start()
                yield match.span()
                break
        at = text.find(marker, at + len(marker))


# "1https://...", "1 Nederlands Dagblad", and in brackets "[1] NOS Nieuws" (Word and web text);
# not a page counter "1/2" or a date "1/3".
_FOOTNOTE_LEAD = re.compile(rf"^{HSPACE}*(?:(\d{{1,3}})(?![\d.)/])|\[(\d{{1,3}})\]){HSPACE}*(\S.*)$", re.DOTALL)


_FOOTNOTE_LEAD_PARENTHESIS = re.compile(rf"^{HSPACE}*(\d{{1,3}})\){HSPACE}+(\S.*)$", re.DOTALL)


def footnote_lead(line: str, *, parenthesis: bool = False) -> tuple[str, str] | None:
    """A line led by a footnote number, as a footnote body at the foot of a
    page is ("1https://...", "1 Nederlands Dagblad, ...", "[1] NOS"): the
    number and the rest of the line, or ``None``.  "1." and "1)" open list items, not
    footnotes - except, with ``parenthesis``, "1) ..." where the marker was
    typed "1)" (Word letters)."""
    match = _FOOTNOTE_LEAD.match(line)
    if match is None:
        return typed_footnote_lead(line) if parenthesis else None
    return match.group(1) or match.group(2), match.group(3)


def typed_footnote_lead(line: str) -> tuple[str, str] | None:
    """A line led by a footnote number typed "1)", as a Word letter's note
    body is ("1) Nederlandse Orde ..."): the number and the rest, or ``None``."""
    match = _FOOTNOTE_LEAD_PARENTHESIS.match(line)
    return (match.group(1), match.group(2)) if match else None


def find_footnote_marker(text: str, marker: int) -> int | None:
    """The index in ``text`` of the last occurrence of footnote ``marker``,
    glued or in brackets, or ``None``."""
    span = footnote_marker_span(text, str(marker))
    return span[0] if span is not None else None


def footnote_marker_span(text: str, marker: str) -> tuple[int, int] | None:
    """Where the last occurrence of footnote ``marker`` stands in ``text``
    (start, end), glued or in brackets; ``None`` if it is not there."""
    if not marker.isdigit() or marker not in text:
        return None
    spans = list(_marker_spans(text, marker))
    return spans[-1] if spans else None


class MarkerIndex:
    """Where footnote markers stand in texts, each text scanned once
    however many markers are looked up in it (an answer with a thousand
    footnotes is read once, not a thousand times)."""

    def __init__(self) -> None:
        self._texts: dict[int, tuple[str, dict[str, tuple[int, int]]]] = {}

    def span(self, text: str, marker: str) -> tuple[int, int] | None:
        entry = self._texts.get(id(text))
        if entry is None or entry[0] is not text:
            entry = self._texts[id(text)] = (text, footnote_markers(text))
        return entry[1].get(marker)


def marker_place(
    question: Any, marker: str, first: str = "answer", index: MarkerIndex | None = None
) -> tuple[str | None, int | None]:
    """Which text of ``question`` ("question" or "answer") holds footnote
    ``marker`` and where: the ``first`` field is searched first.  Pass one
    ``index`` for many lookups in the same questions."""
    order = ("answer", "question") if first == "answer" else ("question", "answer")
    for field in order:
        text = question.answer if field == "answer" else question.text
        span = index.span(text or "", marker) if index is not None else footnote_marker_span(text or "", marker)
        if span is not None:
            return field, span[0]
    return None, None


