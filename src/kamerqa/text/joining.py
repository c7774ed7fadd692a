"""Joining source lines into clean text.

Clean text means: runs of white space (including no-break and zero-width
spaces) become one space; soft line wraps are joined with a single space;
a paragraph break is one blank line ("\\n\\n"); a list item starts a line of
its own ("\\n").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import attrs

from .. import vocabulary

__all__ = ["ENDS_SENTENCE", "HSPACE", "SHORT_LINE", "Gap", "Line", "assemble", "clean_line", "ends_paragraph", "plain_run", "split_list_marker"]


#: White space as the line shapes see it (the vocabulary's HSPACE), as a
#: regex character class: also the no-break and zero-width spaces PDF
#: converters leave behind (Python's ``\s`` leaves out the zero-width ones).
HSPACE = vocabulary.HSPACE


def clean_line(raw: str) -> str:
    """Collapse every run of white space to one space and strip the ends
    (no-break and zero-width spaces count as white space)."""
    if "\u200b" in raw or "\ufeff" in raw:  # str.split() does not split on these two
        raw = raw.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(raw.split())


class Line(NamedTuple):
    """A source line that carries text, as the lexer saw it (``raw`` keeps
    trailing white space, which matters for joining hyphenated words).
    A named tuple: one is made for every line of text."""

    raw: str
    number: int


@attrs.frozen
class Gap:
    """What lay between two text lines: blank lines and/or layout lines
    (page numbers, footers, footnote bodies) that were taken out."""

    blank: bool = False
    layout: bool = False


# A list marker ("1.", "2)", "a.", "•", "-") and the start of the item's text.
_ITEM_MARKER = r"(?:\d{1,2}[.)]|[a-z][.)]|[•·▪●◦*\-–])\s+\S"
_LIST_ITEM = re.compile("^" + _ITEM_MARKER)
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")
_ITEM_LEAD = re.compile(r"[:;.!?]['\"”’)]*$")


def split_list_marker(line: str) -> tuple[str | None, str]:
    """ "1. de Target ..." -> ("1.", "de Target ..."); no marker -> (None, line)."""
    match = _LIST_ITEM.match(line)
    if not match:
        return None, line
    marker, _, rest = line.partition(" ")
    return marker, rest.lstrip()


def _is_list_item(line: str, previous: str | None) -> bool:
    """A line that starts with a list marker ("1.", "2)", "a.", "•", "-")
    after a line that ends a sentence or introduces a list (":").

    "1) de Joint Coordination Centers en 2) Joint Brigades" is an inline
    enumeration that happens to start a line, not a list: the next marker
    follows on the same line.
    """
    match = _LIST_ITEM.match(line)
    if not match:
        return False
    marker = match.group(0).split()[0]
    if marker[:-1].isdigit():
        following = f" {int(marker[:-1]) + 1}{marker[-1]} "
        if following in line:
            return False
    return previous is None or bool(_ITEM_LEAD.search(previous))


def _continues(previous: str, following: str, gap: Gap) -> bool:
    """Does ``following`` continue ``previous``'s sentence across ``gap``?

    A blank line is a paragraph break, except where the text plainly runs on:
    the next line starts in lower case, or a page break (layout lines) came
    between a line that does not end a sentence and the next one.
    """
    if not gap.blank:
        return True
    first = following[:1]
    if first.islower():
        return True
    return gap.layout and not _SENTENCE_END.search(previous)


# A line that could be a list item: matched at the start of a run, and
# searched after a literal "\n", which the regex engine finds fast.
_ITEM = r"(?:[^\S\n]|[\u200b\ufeff])*" + _ITEM_MARKER
_FIRST_ITEM = re.compile(_ITEM)
_ITEM_START = re.compile(r"\n" + _ITEM)
_INNER_HYPHEN_END = re.compile(r"\w-\n(?=.)", re.DOTALL)


def plain_run(raw: str, *, paragraphs: bool = True, before: str | None = None) -> bool:
    """Is this run of lines ("\\n"-separated) nothing but soft wraps - no
    line a list item, no line but the last ending in a hyphen, no paragraph
    ending on a short line (:func:`ends_paragraph`, unless ``paragraphs`` is
    false: lines kamerqa re-broke itself; ``before`` is the text line just
    before the run, to measure its first line by) - so that it can be
    assembled as one line?"""
    if _FIRST_ITEM.match(raw) or _ITEM_START.search(raw):
        return False
    if "-\n" in raw and _INNER_HYPHEN_END.search(raw):
        return False
    if not paragraphs:
        return True
    for match in _SENTENCE_THEN_CAPITAL.finditer(raw):
        start = raw.rfind("\n", 0, match.start()) + 1
        above = raw.rfind("\n", 0, max(start - 1, 0)) + 1 if start else None
        end = raw.find("\n", match.end())
        previous = raw[start : match.end() - 1]
        following = raw[match.end() : end if end >= 0 else len(raw)]
        earlier = raw[above : start - 1] if above is not None and start else before
        if ends_paragraph(clean_line(previous), clean_line(following), clean_line(earlier) if earlier is not None else None):
            return False
    return True


# A line that ends a sentence (as ENDS_SENTENCE), and the next line starting
# with a letter (after white space: markdown emphasis normalised to spaces).
# Wider than ends_paragraph looks, never narrower: a false alarm only costs time.
_SENTENCE_THEN_CAPITAL = re.compile(r"[.!?]['\"”’»)]*[^\S\n]*\n(?=\s*[\"'“‘(]?[^\W\d_])")


def ends_paragraph(previous: str, following: str, earlier: str | None) -> bool:
    """Does a paragraph end with ``previous``, although no blank line follows?

    Where text was wrapped at a fixed width, a line that ends a sentence
    and is clearly shorter than the lines around it ends its paragraph: the
    next line's first word would have fitted on it ("resultaten te
    bestendigen." before "De Iraakse behoefte ..."), so the writer broke
    the line on purpose.  ``earlier`` is the line before ``previous`` in
    the same paragraph (``None``: none, and the rule needs one to measure).
    "Around" is the shorter of ``earlier`` and ``following``, and "clearly
    shorter" at most :data:`SHORT_LINE` of it: one long line (a long word
    the wrap could not break) makes no paragraph.
    """
    if earlier is None or not ENDS_SENTENCE.search(previous) or not following[:1].isupper():
        return False
    around = min(len(earlier), len(following))
    first_word = following.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) <= around and len(previous) <= SHORT_LINE * around


#: A line that ends a sentence (a full stop, "!" or "?", closing marks after it).
ENDS_SENTENCE = re.compile(r"[.!?]['\"”’»)]*\s*$")
#: How much shorter than the lines around it a sentence-ending line must be
#: to end its paragraph (the seed's paragraph ends are 26 and 43 characters
#: among lines of 72-81; a wrapped line is rarely under 90% of its neighbours).
SHORT_LINE = 0.9


def _hyphen_end(raw: str) -> bool:
    """Does the raw line end in a hyphen right after a letter or digit (no
    space after it): "ISIS-"?"""
    if raw.endswith("\n"):
        raw = raw[:-1]
    return len(raw) > 1 and raw[-1] == "-" and (raw[-2].isalnum() or raw[-2] == "_")


def assemble(items: Iterable[Line | Gap], *, paragraphs: bool = True) -> str:
    """Join text lines and the gaps between them into clean text.

    ``items`` is the content of one field in source order; leading and
    trailing gaps are ignored.  A paragraph ends at a blank line (see
    :func:`_continues`) and, where ``paragraphs`` (the writer's own line
    breaks), on a short line that ends a sentence (:func:`ends_paragraph`).
    Linear in the text's length: the pieces of a line are joined once, at
    the end.
    """
    done: list[list[list[str]]] = []  # paragraph -> lines -> pieces
    current: list[list[str]] = []
    previous_raw: str | None = None
    previous: str | None = None
    # The last two printed lines so far, for ends_paragraph: an item may be a
    # run of printed lines joined (a plain run), measured by its own lines.
    last_line: str | None = None
    earlier: str | None = None
    blank = layout = False
    for item in items:
        if isinstance(item, Gap):
            if current:
                blank, layout = blank or item.blank, layout or item.layout
            continue
        text = clean_line(item.raw)
        if not text:
            continue
        run = item.raw.rstrip("\n").split("\n") if "\n" in item.raw.rstrip("\n") else None
        first_line = clean_line(run[0]) if run else text
        if previous is not None and (
            ((blank or layout) and not _continues(previous, text, Gap(blank, layout)))
            or (paragraphs and not (blank or layout) and last_line is not None and ends_paragraph(last_line, first_line, earlier))
        ):
            done.append(current)
            current = []
            previous = previous_raw = last_line = earlier = None
        if previous is None or _is_list_item(text, previous):
            current.append([text])
        elif previous_raw is not None and _hyphen_end(previous_raw) and text[:1].isalnum():
            current[-1].append(text)  # "ISIS-" + "strijders": a hyphenated compound wrapped at its hyphen
        else:
            current[-1].append(" " + text)
        if run:
            earlier = clean_line(run[-2])
            last_line = clean_line(run[-1])
        else:
            earlier, last_line = last_line, text
        previous, previous_raw = text, item.raw
        blank = layout = False
    if current:
        done.append(current)
    return "\n\n".join("\n".join("".join(pieces) for pieces in lines) for lines in done)


