"""A pre-pass for text whose line breaks were lost: a whole letter on one line.

PDF text of Algemene Rekenkamer letters (and other converted files) often
comes with every line break collapsed to a space.  The layouts read lines,
so such a line is broken again before lexing, at places that evidence says
are boundaries:

* question and answer labels from the vocabulary ("Vraag 12", "Antwoord:",
  "Antwoord op vraag 3", a bare "Antwoord" or "Vraag" after a sentence);
* page counters ("3/9") whose total recurs, so they are page furniture;
* running page headers: stretches of words that recur on many pages, and
  only where they stand next to a page counter (a sentence that recurs in
  a few answers is not a header);
* sentence ends, so that the question of an unlabelled answer ends with
  its last sentence ending in "?" as in line-broken text;
* runs of three or more spaces, where a converter replaced a line break,
  and numbered questions "1. Zijn er ..." after them;
* a bare number between a question label and its question ("Vraag 10 77
  Hoeveel": a page counter that lost its slash), and URLs;
* a footnote body after a sentence ("nr. 60.  2 Wet fiscale ..."), where
  its number stands as a marker earlier on the page.

Joining the pieces with single spaces gives the original text back, so
the re-breaking loses nothing; ``FlatText.origin`` maps every new line back
to its line and column in the original, for diagnostics and source spans.
This works with any layout: the layouts are detected on the re-broken text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Iterator

import attrs

from .text import footnote_marker_span
from .vocabulary import (
    ANSWER_REFERENCE,
    ANSWER_WORD_START,
    NOISE,
    NUMBERS,
    QUESTION_WORD,
    QUESTION_WORD_START,
)

__all__ = ["FlatText", "cut_line", "split_flat_text"]

#: A line at least this long that holds two question labels is flat text.
MIN_LENGTH = 1000
#: A run of at least this many words that recurs on half the pages next to
#: their page counters is a running header.
HEADER_WORDS = 8
#: How near (in characters) a running header stands to its page counter.
HEADER_REACH = 120
#: The longest running header looked for, in characters.
HEADER_LENGTH = 500
#: How far before a footnote body its marker is looked for, in characters
#: (about a page of text).
NOTE_MARKER_REACH = 6_000


@attrs.frozen
class FlatText:
    """Text re-broken at its boundaries: ``text`` to lex, for each of its
    lines the (1-based line, 0-based column) it starts at in the original,
    and the (0-based) indexes of the lines that are running page headers."""

    text: str
    origin: tuple[tuple[int, int], ...]
    headers: frozenset[int] = frozenset()


# The patterns below search whole flat lines of megabytes: each opens with a
# literal where it can (a word, "http", "/"), and checks what stands before
# it after that literal (vocabulary.QUESTION_WORD_START, _bare, _numbered_starts):
# a pattern opening with "\b" or a look-behind is tried at every position.
_QUESTION_LABEL = re.compile(rf"{QUESTION_WORD_START} {NOISE}?(?:{NUMBERS})\b")
# "1. Zijn er" at the start, after a sentence end and a space, or after two
# spaces.  Searched from its digits (a pattern that opens with look-behinds is
# tried at every position; this one only where a digit stands), what stands
# before it is checked on each match (:func:`_numbered_starts`).
_NUMBERED_CANDIDATE = re.compile(r"\d{1,3}\.\s+[A-Z]")
_NUMBERED_BEFORE = re.compile(r"[.?!:]\s|\s\s")
_LABEL = re.compile(
    rf"{QUESTION_WORD_START} {NOISE}?(?:{NUMBERS})\b|{ANSWER_WORD_START}(?: {ANSWER_REFERENCE}(?:{NUMBERS}))?:"
    rf"|{ANSWER_WORD_START} (?:{ANSWER_REFERENCE})?(?:{NUMBERS})\b(?=[ .:]|$)"
)
# Three or more spaces: where a converter replaced a line or paragraph break.
# Only before what starts a line of text: a capital, a quote, "1. Zijn", or
# "1 Algemene Rekenkamer (2019)." (a footnote body at the page's foot; a page
# number between such runs stays inside the piece before it).
_NUMBER_BEFORE = re.compile(r"(?<![\d/])\d{1,3}[.)]?$")  # "1.   Zijn er": the question's own number
_LOST_BREAK = re.compile(r"[ \t]{3,}(?=[\"'“‘(\[]?[A-ZÀ-Þ]|\d{1,3}\.\s+[A-Z]|\d{1,2} [A-ZÀ-Þ])")
# A bare "Antwoord" between a sentence and the answer (or its page counter);
# not a heading "Antwoord Algemene Rekenkamer op een vraag ..." (its words
# are a name: "Zie ons antwoord op vraag 1" after the label is an answer).
# Both bare labels stand after a sentence end and one or more spaces, which
# :func:`_bare` checks on each match.
_BARE_ANSWER = re.compile(
    r"Antwoord(?= +(?:[A-Z]|\d{1,3}/\d{1,3}\b))(?! +(?:(?:[A-Z]\S*|van|de|der|het) +){0,4}op +(?:de +|een +)?vra)"
)
# A bare "Vraag" between a sentence and the question's capital: a question
# printed without a number ("... (III). Vraag Heeft de ARK onderzocht ...?").
_BARE_QUESTION = re.compile(rf"{QUESTION_WORD}(?= +[\"'“‘(]?[A-Z])")
_SENTENCE_MARKS = ".?!)”’\""
# A footnote body right after a sentence, as the bodies at a page's foot run
# on in flat text ("... 32 800, nr. 60.  2 Wet fiscale maatregelen ..."): cut
# before its number where that number stands as a footnote marker earlier on
# the page ("... Klimaatakkoord.2"), see :func:`_note_bodies`.
_NOTE_AFTER_SENTENCE = re.compile(r"[.?!][\"'”’»)\]]*\s+(\d{1,2}) (?=[\"'“‘(\[]?[A-ZÀ-Þ])")


def _bare(pattern: re.Pattern[str], line: str) -> Iterator[re.Match[str]]:
    """The matches of a bare label ``pattern`` in ``line`` that stand after
    a sentence end and at least one space ("... (III). Vraag Heeft")."""
    for match in pattern.finditer(line):
        before = match.start()
        while before > 0 and line[before - 1] == " ":
            before -= 1
        if before < match.start() and before > 0 and line[before - 1] in _SENTENCE_MARKS:
            yield match


# The start of a sentence after one that ends in ".", "?" or "!": a capital
# (perhaps after a quote or bracket), or a numbered question "5. Heeft".
# (The match opens with the sentence's own ".", "?" or "!".)
_SENTENCE = re.compile(r"[.?!][\"'”’»)\]]*\s+(?=[\"'“‘(\[]?[A-ZÀ-Þ]|\d{1,3}\.\s+[A-Z])")
_LABEL_WORD = re.compile(rf"\b(?:{QUESTION_WORD}|Antwoord|ANTWOORD)\b")
_WORD = re.compile(r"\S+")
_LABEL_PAGE = re.compile(rf"{QUESTION_WORD_START} {NOISE}?(?:{NUMBERS}) (\d{{1,3}}) (?=[A-Z])")
_URL = re.compile(r"https?://(?<!\Shttps://)(?<!\Shttp://)\S+")
# A page counter "3/9", searched from its slash (the regex engine skips to each
# literal "/"; a pattern opening with a look-behind is tried everywhere).
_COUNTER_TOTAL = re.compile(r"/(\d{1,2})(?![\d/])")
_COUNTER_PAGE = re.compile(r"(?<![\d/])\d{1,2}$")
# OCR splits a two-digit total now and then: "10/1 1" for "10/11".
_COUNTER_SPLIT = re.compile(r"/(\d) (\d)(?![\d/])")  # the page before it: see _split_counters


def _numbered_starts(line: str) -> Iterator[int]:
    """Where "1. Zijn er ..." starts a question in ``line``: at its start,
    after a sentence end and a space, or after two spaces."""
    for match in _NUMBERED_CANDIDATE.finditer(line):
        start = match.start()
        if start == 0 or (start >= 2 and _NUMBERED_BEFORE.fullmatch(line, start - 2, start)):
            yield start


def _note_bodies(line: str) -> Iterator[int]:
    """Where a footnote body opens after a sentence in ``line``: its number
    is a footnote marker within :data:`NOTE_MARKER_REACH` characters before."""
    for match in _NOTE_AFTER_SENTENCE.finditer(line):
        start = match.start(1)
        if footnote_marker_span(line[max(0, start - NOTE_MARKER_REACH) : match.start() + 1], match.group(1)) is not None:
            yield start


def _is_flat(line: str) -> bool:
    if len(line) <= MIN_LENGTH:
        return False
    labels = _LABEL.finditer(line)  # a question label and an answer label, or two of either
    if _QUESTION_LABEL.search(line) and next(labels, None) is not None and next(labels, None) is not None:
        return True
    if sum(1 for _ in itertools.islice(_numbered_starts(line), 3)) >= 3:
        return True
    bare = next(_bare(_BARE_QUESTION, line), None)  # a question without a number, and a "?" after it
    return bare is not None and "?" in line[bare.end() :]


def split_flat_text(text: str) -> FlatText | None:
    """Re-break every flat line of ``text`` (see the module docstring);
    ``None`` when no line needs it."""
    lines = text.split("\n")
    if max(map(len, lines)) <= MIN_LENGTH:  # most texts: no long line at all
        return None
    if not any(_is_flat(line) for line in lines):
        return None
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    headers: set[int] = set()
    for number, line in enumerate(lines[:-1] if text.endswith("\n") else lines, start=1):
        if not _is_flat(line):
            out.append(line)
            origin.append((number, 0))
            continue
        cuts = {m.start() for m in _LABEL.finditer(line)}
        for match in (*_bare(_BARE_ANSWER, line), *_bare(_BARE_QUESTION, line)):
            cuts.update((match.start(), match.end()))
        for page in _LABEL_PAGE.finditer(line):  # "Vraag 10 77 Hoeveel": a page number ("7/7", slash lost) after the label
            cuts.update(page.span(1))
        for url in _URL.finditer(line):  # URL debris (footnote bodies) stands on a line of its own
            cuts.update(url.span())
        breaks = [(m.start() + 1, m.end()) for m in _SENTENCE.finditer(line)]  # after the sentence's "."
        breaks += [m.span() for m in _LOST_BREAK.finditer(line)]
        # ... but not between a question's number and its text ("1.   Zijn er")
        cuts.update(end for start, end in breaks if not _NUMBER_BEFORE.search(line, max(0, start - 6), start))
        cuts.update(_numbered_starts(line))
        cuts.update(_note_bodies(line))
        counters = _page_counters(line)
        for begin, end in counters:
            cuts.update((begin, end))
        running = _running_headers(line, counters)
        if running:  # a header is one piece, whatever it holds
            cuts = _outside(cuts, sorted(running))
        split_counters = set(counters)
        for index, span in cut_line(line, number, cuts, out, origin):
            # A running header, and a counter OCR split ("10/1 1"), which
            # no line shape reads as a counter: page furniture.
            if span in running or (span in split_counters and " " in out[index]):
                headers.add(index)
    return FlatText("\n".join(out) + "\n", tuple(origin), frozenset(headers))


def cut_line(
    line: str, number: int, cuts: set[int], out: list[str], origin: list[tuple[int, int]]
) -> list[tuple[int, tuple[int, int]]]:
    """Append the pieces of ``line`` between ``cuts`` to ``out`` (stripped;
    white-space-only pieces left out) and where each starts to ``origin``;
    give back each appended piece's index in ``out`` and its span in ``line``."""
    spans = []
    for begin, end in itertools.pairwise(sorted(cuts | {0, len(line)})):
        piece = line[begin:end]
        stripped = piece.lstrip()
        if not stripped.strip():
            continue
        out.append(stripped.rstrip())
        origin.append((number, begin + len(piece) - len(stripped)))
        spans.append((len(out) - 1, (begin, end)))
    return spans


def _outside(cuts: set[int], spans: list[tuple[int, int]]) -> set[int]:
    """``cuts`` less those strictly inside one of the (sorted, disjoint)
    ``spans``, plus the spans' own edges."""
    begins = [begin for begin, _ in spans]
    kept = set()
    for cut in cuts:
        at = bisect.bisect_left(begins, cut) - 1
        if at < 0 or cut >= spans[at][1]:
            kept.add(cut)
    return kept | {edge for span in spans for edge in span}


def _page_counters(line: str) -> list[tuple[int, int]]:
    """Spans of the page counters "3/9" whose total is the most common one
    and occurs at least twice (a fraction "1/3" in the text is not one),
    also where OCR split the total ("10/1 1")."""
    counters = []  # (start, end, page, total)
    for match in _COUNTER_TOTAL.finditer(line):
        page = _COUNTER_PAGE.search(line, max(0, match.start() - 2), match.start())
        if page is not None:
            counters.append((page.start(), match.end(), page.group(), match.group(1)))
    totals = [total for *_, total in counters]
    if not totals:
        return []
    total = max(set(totals), key=totals.count)
    if totals.count(total) < 2:
        return []
    spans = [(start, end) for start, end, page, printed in counters if printed == total and 0 < int(page) <= int(total)]
    if len(total) == 2:  # "10/1 1": a counter of this total, as OCR split it
        spans += _split_counters(line, total)
        spans.sort()
    return spans


def _split_counters(line: str, total: str) -> list[tuple[int, int]]:
    """The spans of "10/1 1" counters of ``total`` in ``line``.  The pattern
    opens with the literal "/", so the regex engine skips to each slash."""
    spans = []
    for match in _COUNTER_SPLIT.finditer(line):
        if match.group(1) + match.group(2) != total:
            continue
        page = _COUNTER_PAGE.search(line, max(0, match.start() - 3), match.start())
        if page is not None and 0 < int(page.group()) <= int(total):
            spans.append((page.start(), match.end()))
    return spans


def _running_headers(line: str, counters: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Spans of ``line`` after its first question that repeat as a running
    page header: stretches of words whose every run of ``HEADER_WORDS``
    words recurs on at least half the pages, and that stand within
    ``HEADER_REACH`` characters of a page counter."""
    pages = len(counters)
    first_label = _QUESTION_LABEL.search(line)
    if pages < 4 or first_label is None:
        return set()
    body = first_label.start()  # a letter's own heading lines before the questions stay text
    n = HEADER_WORDS
    # Only the words near a counter can be a header: read those alone, window
    # by window (memory and time in proportion to the pages, not the text).
    reach = HEADER_REACH + HEADER_LENGTH
    windows: list[list[int]] = []
    for begin, end in counters:
        if windows and begin - reach <= windows[-1][1]:
            windows[-1][1] = end + reach
        else:
            windows.append([max(body, begin - reach), end + reach])
    # Each word as its start and end (arrays of machine ints), and each run of
    # n words as a hash of its lower-cased words joined by single spaces (a
    # slice of one joined string: a few bytes a word instead of objects).
    words = _Words(line)
    window_of = array("l")
    lowered: list[str] = []
    for number, (begin, end) in enumerate(windows):
        stop = min(end, len(line))
        first = len(words.starts)
        words.starts.extend(match.start() for match in _WORD.finditer(line, begin, stop))
        window = line[begin:stop].lower()
        if len(window) == stop - begin:  # lower() kept every character one character: the same words, as long
            low = window.split()
            words.ends.extend(start + len(word) for start, word in zip(words.starts[first:], low))
        else:  # "İ" lowers to two characters: word by word
            spans = [match.span() for match in _WORD.finditer(line, begin, stop)]
            low = [line[start:finish].lower() for start, finish in spans]
            words.ends.extend(finish for _, finish in spans)
        del window
        window_of.extend(array("l", [number]) * len(low))
        lowered.extend(low)
        del low
    count = len(lowered)
    joined = " ".join(lowered)
    offsets = array("l", itertools.accumulate((len(word) + 1 for word in lowered), initial=0))
    del lowered
    # Zipped, not indexed: run i is words i to i + n - 1, within one window.
    keys = array(
        "q",
        (
            hash(joined[begin : end - 1]) if first == last else 0
            for begin, end, first, last in zip(offsets, offsets[n:], window_of, window_of[n - 1 :])
        ),
    )
    del joined, offsets
    starts = [begin for begin, _ in counters]
    word_starts = words.starts
    # For each run of words: the last page it was seen on, and on how many
    # pages (words come in page order, so a page is counted once).
    seen: dict[int, list[int]] = {}
    page, next_start = 0, starts[0]
    for i, key in enumerate(keys):
        while word_starts[i] >= next_start:
            page += 1
            next_start = starts[page] if page < len(starts) else len(line) + 1
        record = seen.get(key)
        if record is None:
            seen[key] = [page, 1]
        elif record[0] != page:
            record[0] = page
            record[1] += 1
    marked = [False] * count
    least = pages // 2
    for i, key in enumerate(keys):
        if key and seen[key][1] >= least:
            marked[i : i + n] = [True] * n
    edges = sorted(position for span in counters for position in span)

    def near_counter(begin: int, end: int) -> bool:
        at = bisect.bisect_left(edges, begin - HEADER_REACH)
        return at < len(edges) and edges[at] <= end + HEADER_REACH

    spans_found: set[tuple[int, int]] = set()
    i = 0
    while i < count:
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < count and window_of[j + 1] == window_of[i] and (marked[j + 1] or any(marked[j + 2 : j + 4])):
            j += 1
        while not marked[j]:
            j -= 1
        for first, last in _titles(words, i, j):
            if last - first + 1 < n:
                continue
            begin, end = words.starts[first], words.ends[last]
            if line.count("(", begin, end) > line.count(")", begin, end):
                close = line.find(")", end, end + 60)  # "(Tweede Kamer, vergaderjaar" + "2013-20 14, ... nr. 2)"
                end = close + 1 if close >= 0 else end
            label = _LABEL_WORD.search(line, begin, end)  # "... nr. 1) Vraag": a header never holds a label
            if label is not None:
                end = len(line[: label.start()].rstrip())
            if end - begin > 0 and begin >= body and near_counter(begin, end):
                spans_found.add((begin, end))
        i = j + 1
    return spans_found


_SENTENCE_END = re.compile(r"[.?!][\"'”’»)\]]*$")


class _Words:
    """The words of a line as two arrays of positions."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.starts = array("l")
        self.ends = array("l")

    def __len__(self) -> int:
        return len(self.starts)

    def text(self, index: int) -> str:
        return self.line[self.starts[index] : self.ends[index]]


def _titles(words: _Words, first: int, last: int) -> list[tuple[int, int]]:
    """The word ranges of a recurring stretch that can be a running header:
    what follows its last sentence end inside it.  A header is a title
    ("Antwoorden ... over het rapport X", perhaps ending in a full stop), so
    a recurring answer sentence before it ("Wij beschikken niet over deze
    gegevens.") is not part of it."""
    start = first
    for k in range(first, last + 1):
        if k < last and _SENTENCE_END.search(words.text(k)) and words.text(k + 1)[:1].isupper():
            start = k + 1
    return [(start, last)] if start <= last else []
