"""Text rules: turning source lines into clean text, and reading things out
of clean text (footnote markers, cross-references, Dutch dates).

Clean text means: runs of white space (including no-break and zero-width
spaces) become one space; soft line wraps are joined with a single space;
a paragraph break is one blank line ("\\n\\n"); a list item starts a line of
its own ("\\n").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

import attrs

from . import vocabulary

__all__ = [
    "ENDS_SENTENCE",
    "HSPACE",
    "LABEL_NUMBERS",
    "MONTHS",
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
    "typed_footnote_lead",
]

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

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


# Question numbers -----------------------------------------------------------

#: A printed question label's numbers: "5", "12a", "1 b", "4 en 5", "4 t/m 6",
#: "1, 2 en 3", "1,2en3", "4-7" (the vocabulary's NUMBERS).
LABEL_NUMBERS = vocabulary.NUMBERS

_LABEL_PART = re.compile(rf"({vocabulary.DIGITS})(?:[ ]?([a-z])(?![a-z/])|[ ]?([A-Z])(?=[.:]))?")
_LABEL_RANGE = re.compile(rf"({vocabulary.DIGITS})\s*(?:t/[ ]?m|tot en met|-|–)\s*({vocabulary.DIGITS})")


def covered_numbers(label: str) -> tuple[str, ...]:
    """The question numbers a printed label covers: "4 en 5" -> ("4", "5"),
    "4 t/m 6" -> ("4", "5", "6"), "1 b" -> ("1b",)."""
    if label.isdecimal():  # most labels: "21"
        return (label,)
    label = _LABEL_RANGE.sub(
        lambda m: " en ".join(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
        if 0 <= int(m.group(2)) - int(m.group(1)) <= 100
        else m.group(0),
        label,
    )
    return tuple(number + (small or capital).lower() for number, small, capital in _LABEL_PART.findall(label))


def number_label(label: str) -> tuple[int, str, int]:
    """(first number, its sub-question letter, last number) of a printed label."""
    if label.isdecimal():  # most labels: "21"
        number = int(label)
        return number, "", number
    parts = _LABEL_PART.findall(label)
    numbers = [int(n) for n, _, _ in parts]
    span = _LABEL_RANGE.search(label)
    if span:
        numbers.append(int(span.group(2)))
    return numbers[0], (parts[0][1] or parts[0][2]).lower(), max(numbers)


# Footnote markers -----------------------------------------------------------

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


# "1https://...", "1 Nederlands Dagblad", and in brackets "[1] NOS Nieuws" (Word and web text).
_FOOTNOTE_LEAD = re.compile(rf"^{HSPACE}*(?:(\d{{1,3}})(?![\d.)])|\[(\d{{1,3}})\]){HSPACE}*(\S.*)$", re.DOTALL)


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


# Cross-references ----------------------------------------------------------

_NUMBER = vocabulary.DIGITS + "[a-z]?"
_REFERENCE = re.compile(
    r"\bantwoord(?:en)?\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen)\s+"
    rf"(?P<numbers>{_NUMBER}(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*(?:vraag\s+)?{_NUMBER})*)",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"({_NUMBER})\s*(?:t/m|tot\s+en\s+met)\s*({_NUMBER})", re.IGNORECASE)


def _references(text: str) -> list[re.Match[str]]:
    """The cross-references in ``text``, in order: read where a word
    "antwoord" is written in lower case, with a capital, or in capitals
    (found with ``str.find``, so that an answer is not searched through
    with a case-insensitive pattern)."""
    starts = []
    for word in ("ntwoord", "NTWOORD"):
        at = text.find(word, 1)
        while at >= 0:
            starts.append(at - 1)
            at = text.find(word, at + 1)
    matches = []
    end = 0
    for start in sorted(starts):
        if start >= end and (match := _REFERENCE.match(text, start)):
            matches.append(match)
            end = match.end()
    return matches


def reference_spans(text: str) -> list[tuple[int, int, str]]:
    """Where the question numbers of cross-references stand in ``text``:
    ``(start, end, number)`` for every number written in a reference."""
    spans = []
    for match in _references(text):
        base = match.start("numbers")
        for number in re.finditer(_NUMBER, match.group("numbers")):
            spans.append((base + number.start(), base + number.end(), number.group(0)))
    return spans


def cross_references(text: str) -> tuple[str, ...]:
    """Question numbers an answer points to, in order of first mention.

    Reads "(zie) het antwoord op vraag 5", "de antwoorden op vragen 10 en 33",
    "antwoord op vraag 1 en vraag 6" and ranges "vragen 4 t/m 6", in any
    case except a word "antwoord" in mixed case ("AntWoord").
    """
    found: dict[str, None] = {}  # an ordered set: membership in constant time
    for match in _references(text):
        numbers = match.group("numbers")
        expanded = _RANGE.sub(
            lambda m: " ".join(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
            if m.group(1).isdigit() and m.group(2).isdigit() and 0 <= int(m.group(2)) - int(m.group(1)) <= 100
            else m.group(0),
            numbers,
        )
        found.update(dict.fromkeys(re.findall(_NUMBER, expanded)))
    return tuple(found)


# Dates ---------------------------------------------------------------------

_DATE = re.compile(r"\b(\d{1,2})\s*(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)  # "16juni 1992": OCR glue


def parse_dutch_date(text: str) -> date | None:
    """The first date written like "28 oktober 2022" in ``text``, or ``None``."""
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def format_dutch_date(value: date) -> str:
    """date(2022, 10, 28) -> "28 oktober 2022" (the way the documents write dates)."""
    return f"{value.day} {_MONTH_NAMES[value.month]} {value.year}"


_MONTH_NAMES = {number: name for name, number in MONTHS.items()}


def starts_with_month(text: str) -> bool:
    """Does ``text`` start with a Dutch month name ("december 2023 ...")?"""
    match = re.match(r"\s*([^\W\d_]+)", text)
    return match is not None and match.group(1).lower() in MONTHS
