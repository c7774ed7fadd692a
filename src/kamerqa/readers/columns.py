"""The draft committee table in a PDF, read column by column from where
each character stands.

A PDF does not say which text belongs to which cell; a producer may write
a row's cells one after the other, or its lines across the columns ("1 Is er
een exit-strategie? 9", the page cell glued to the question's line end).
Where a page shows the table's column header ("Nr Vraag Bijlage Blz. (van)
t/m"), the x position of each header word fixes the columns, and every
character below it is put in the column it stands in.  Each row (a number
in the Nr column) is then written the way the table layout reads it: the
number and the question, the "Blz." and "t/m" cells as lone numbers, the
"Bijlage" cell, then the answer.  Pages after the header keep its columns.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..vocabulary import DIGITS

__all__ = ["Columns", "find_columns", "has_table_header", "table_lines"]

_HEADER = re.compile(r"\bNr\s+Vraag\s+Bijlage\s+Blz\.(?:\s*\(van\))?\s+t/m\b")
_ROW_NUMBER = re.compile(rf"^{DIGITS}[a-z]?$")
_HEADER_WORD = re.compile(r"^(?:Nr|\(van\))$")
_ANSWER = re.compile(r"^Antwoord\b")
#: Two characters whose baselines differ by at most this (points) stand on one line.
BASELINE_TOLERANCE = 2.0
#: A gap (points) between two characters' loose boxes (their advance
#: widths) that separates words where the PDF holds no space: letters of a
#: word touch (gaps under 0.1 in the draft table), a space is 2.6 or more.
WORD_GAP = 1.0

Columns = tuple[float, float, float, float]  # where Vraag, Bijlage, Blz. and t/m begin


def _chars(textpage: Any) -> list[tuple[int, str, float, float, float]]:
    """(index, character, left, line, right) of every character on the page,
    from its loose box (its advance width; ``line`` is the box's bottom,
    the same for the characters of one printed line); a space PDFium
    generated between words is kept (it separates them)."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    out = []
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in (0x0A, 0x0D) or (code != 0x20 and pdfium_c.FPDFText_IsGenerated(raw, index)):
            continue  # U+0002, PDFium's mark of a word broken at the line end, is kept for join_breaks
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        # PDFium gives a hyphen it takes for a line-end break as U+FFFE here (U+0002 in its page text)
        out.append((index, "\x02" if code == 0xFFFE else chr(code), box.left, box.bottom, box.right))
    return out


def has_table_header(text: str) -> bool:
    """Does a page's text show the draft table's column header?"""
    return _HEADER.search(text) is not None


def find_columns(textpage: Any) -> tuple[Columns, float] | None:
    """The columns of a table header on this page, and the top of the
    header's first line (the table starts there); ``None`` without a header."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    match = _HEADER.search(text)
    if match is None:
        return None
    starts = [match.start() + m.start() for m in re.finditer(r"Vraag|Bijlage|Blz\.|t/m", match.group(0))]
    lefts = [textpage.get_charbox(index)[0] for index in starts]
    top = max(textpage.get_charbox(index)[3] for index in range(match.start(), match.start() + 2))
    vraag, bijlage, blz, tm = lefts
    return (vraag, bijlage, blz, tm), top


def _column(x: float, starts: list[float]) -> int:
    """0 for Nr, 1 for Vraag, ... (``starts``: where each column begins, less
    a margin: a character a little left of its header word belongs to it)."""
    return bisect.bisect_right(starts, x)


def _lines(chars: list[tuple[int, str, float, float, float]]) -> list[list[tuple[int, str, float, float, float]]]:
    """Characters grouped into printed lines, top to bottom, each left to right."""
    lines: list[list[tuple[int, str, float, float, float]]] = []
    for char in sorted(chars, key=lambda c: (-c[3], c[2])):
        if lines and abs(lines[-1][0][3] - char[3]) <= BASELINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c[2]) for line in lines]


def _text(chars: list[tuple[int, str, float, float, float]]) -> str:
    """A cell's characters on one line, with the spaces between words: where
    the PDF has a space (or PDFium put one), or a gap of :data:`WORD_GAP`."""
    out: list[str] = []
    previous = None
    for char in chars:
        if previous is not None and char[1] != " " and out and out[-1] != " " and char[2] - previous[4] > WORD_GAP:
            out.append(" ")
        out.append(char[1])
        previous = char
    return " ".join("".join(out).split())


def table_lines(textpage: Any, columns: Columns, top: float | None) -> tuple[list[str], dict[int, str]]:
    """The page's lines with the table (from ``top`` down, or the whole page
    on a page after the header's) rewritten row by row, cell by cell; the
    header's lines ("Blz." over "(van)") become one.  The "Bijlage" cells
    are returned apart, by the index of their row's first line (the model
    has a field for them; as text they would read as page numbers)."""
    lines = _lines(_chars(textpage))
    starts = [left - 3.0 for left in columns]
    out: list[str] = []
    row: dict[str, list[str]] | None = None
    header: dict[int, list[str]] = {}  # the header's words by column, over its lines ("Blz." / "(van)")
    attachments: dict[int, str] = {}
    nr = ""

    def flush() -> None:
        if row is None:
            return
        vraag = row["vraag"]
        split = next((i for i, line in enumerate(vraag) if _ANSWER.match(line)), len(vraag))
        question, answer = vraag[:split], vraag[split:]
        first = f"{nr} {question[0]}" if question else nr
        if row["bijlage"]:
            attachments[len(out)] = " ".join(row["bijlage"])
        out.extend([first, *question[1:]])
        out.extend(cell for cell in (" ".join(row["blz"]), " ".join(row["tm"])) if cell)
        out.extend(answer)
        out.append("")

    for line in lines:
        above = top is not None and line[0][3] > top + BASELINE_TOLERANCE
        cells: dict[int, list[tuple[int, str, float, float, float]]] = {}
        for char in line:
            cells.setdefault(_column(char[2], starts), []).append(char)
        texts = {column: _text(chars) for column, chars in cells.items()}
        if above:
            out.append(_text(line))  # the page above the table
            continue
        if top is not None and row is None and _HEADER_WORD.match(texts.get(0, "") or texts.get(3, "")):
            for column, text in texts.items():
                header.setdefault(column, []).append(text)
            continue
        if header:
            out.append(" ".join(" ".join(header[k]) for k in sorted(header)))  # "Nr Vraag Bijlage Blz. (van) t/m"
            header = {}
        number = texts.get(0, "")
        if _ROW_NUMBER.match(number):
            flush()
            nr, row = number, {"vraag": [], "bijlage": [], "blz": [], "tm": []}
        elif row is None:
            out.append(" ".join(texts[k] for k in sorted(texts)))
            continue
        elif number:
            row["vraag"].append(number)  # text left of the Vraag column that is no row number
        for key, column in (("vraag", 1), ("bijlage", 2), ("blz", 3), ("tm", 4)):
            if texts.get(column):
                row[key].append(texts[column])
    flush()
    return out, attachments
