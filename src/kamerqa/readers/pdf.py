"""Text PDFs, through pypdfium2 (PDFium, Apache-2.0/BSD).

Why pypdfium2 (docs/inputs.md has the measurements): it is the fastest of
the permissively licensed libraries by far (pypdf is about 5 times slower,
pdfplumber about 100 times), its text keeps the reading order of the
typeset Aanhangsel pages, and it gives character boxes for column-aware
reading.  PyMuPDF would do as well but is AGPL.

What a PDF knows and text does not is kept: each line's page (for the
questions' ``page`` and for diagnostics), the running headers and footers,
found per page by their recurring at the page's top or bottom, taken out
before parsing (their text stays in one ``page-furniture`` info
diagnostic, so nothing is lost), and where the characters stand, for the
draft committee table (:mod:`.columns`).
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from typing import Any

from ..errors import InputError
from ..model import Diagnostic, Severity
from ..text import ENDS_SENTENCE
from ..vocabulary import ANSWER_WORD, HSPACE, MEDEDELING_LABEL, QUESTION_WORD
from . import Extracted
from .columns import Columns, find_columns, has_table_header, table_lines

__all__ = ["PdfReader", "page_texts"]

#: A page with fewer printable characters than this holds no text layer
#: worth the name (a scan, or a drawing).
MIN_PAGE_CHARACTERS = 20
#: How many lines at the top and at the bottom of a page may be a running
#: header or footer.
EDGE_LINES = 3
_DIGITS = re.compile(r"\d+")
_LABEL = re.compile(rf"{HSPACE}*(?:{QUESTION_WORD}|{ANSWER_WORD}|{MEDEDELING_LABEL})")


def _open(data: bytes, source: str | None):
    import pypdfium2 as pdfium

    where = source or "input"
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise InputError(f"{where}: the PDF is password-protected; remove the password first (e.g. qpdf --decrypt)") from None
        raise InputError(f"{where}: not a readable PDF ({reason}); is it damaged or cut short?") from None


_LABEL_LINE = re.compile(rf"[^\S\n]*(?:{QUESTION_WORD}|{ANSWER_WORD})[^\S\n]+\d")
#: Font weight from which a label counts as bold (400 is regular, 700 bold).
BOLD_WEIGHT = 600


def _page_lines(textpage: Any) -> list[tuple[str, int]]:
    """The page's lines as PDFium reads them, each with the index of its
    first character (for the character's font and box)."""
    text = textpage.get_text_range(0, textpage.count_chars())
    lines: list[tuple[str, int]] = []
    start = 0
    for line in text.split("\n"):
        lines.append((line.rstrip("\r"), start))
        start += len(line) + 1
    return lines


def _bold_labels(textpage: Any, lines: list[tuple[str, int]]) -> dict[int, bool]:
    """For each line of the page (0-based) that opens like a label ("Vraag
    3", "Antwoord 3"): is its first character bold?"""
    import pypdfium2.raw as pdfium_c

    out: dict[int, bool] = {}
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for index, (line, start) in enumerate(lines):
        if _LABEL_LINE.match(line):
            at = start + len(line) - len(line.lstrip())
            weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, at)
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, at, name, len(name), ctypes.byref(flags))
            out[index] = is_bold(weight, name.value.decode("latin-1"))
    return out


def is_bold(weight: int, font: str) -> bool:
    """A font of at least :data:`BOLD_WEIGHT`, or one whose name says bold
    (PDFs often give no weight: -1)."""
    font = font.lower()
    return weight >= BOLD_WEIGHT or any(word in font for word in ("bold", "black", "heavy", "semibold"))


#: A line stops short of the text's right edge when its next line's first
#: word, and a space, would have fitted; this much room (points) is kept
#: for justified lines whose spacing varies.
FIT_SLACK = 2.0


def _paragraph_ends(textpage: Any, lines: list[tuple[str, int]]) -> set[int]:
    """Lines (0-based) that end a paragraph by where they stop: the line
    ends a sentence, the next starts with a capital, and the next line's
    first word would have fitted after it before the page's right text
    edge, so the typesetter ended the line on purpose."""
    rights: list[float | None] = []
    for line, at in lines:
        stripped = line.rstrip()
        rights.append(textpage.get_charbox(at + len(stripped) - 1, loose=True)[2] if stripped else None)
    known = [r for r in rights if r is not None]
    if not known:
        return set()
    edge = max(known)
    out = set()
    for index in range(len(lines) - 1):
        line, _ = lines[index]
        following, at = lines[index + 1]
        right = rights[index]
        word = following.lstrip().split(" ", 1)[0]
        if right is None or not word[:1].isupper() or not ENDS_SENTENCE.search(line):
            continue
        first = at + len(following) - len(following.lstrip())
        left = textpage.get_charbox(first, loose=True)[0]
        word_right = textpage.get_charbox(first + len(word) - 1, loose=True)[2]
        space = textpage.get_charbox(first, loose=True)[2] - left  # about a character's width
        if right + space + (word_right - left) + FIT_SLACK <= edge:
            out.add(index)
    return out


def plain_label_lines(bold: list[bool]) -> bool:
    """Do the labels of this document tell themselves by a bold font?  Then
    a label-like line in the body font is text: at least two labels, and
    at least 80% of them, bold."""
    strong = sum(bold)
    return strong >= 2 and strong >= 0.8 * len(bold) and strong < len(bold)


def page_texts(data: bytes, source: str | None = None) -> list[str]:
    """The text of every page (see :func:`read_pages`)."""
    return read_pages(data, source)[0]


def read_pages(
    data: bytes, source: str | None = None
) -> tuple[list[str], list[dict[int, str]], list[dict[int, bool]], list[set[int]]]:
    """The text of every page, its lines as PDFium reads them (a page of
    the draft committee table cell by cell, :mod:`.columns`), with the
    words broken at a line end put back together (:func:`join_breaks`); and
    per page the table's "Bijlage" cells by the line of their row, for
    each line that looks like a label whether its font is bold, and the
    lines that end a paragraph by where they stop (:func:`_paragraph_ends`)."""
    document = _open(data, source)
    try:
        texts: list[str] = []
        attachments: list[dict[int, str]] = []
        bold: list[dict[int, bool]] = []
        ends: list[set[int]] = []
        columns: Columns | None = None
        for page in document:
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            found = find_columns(textpage) if has_table_header(text) else None
            if found is not None:
                columns = found[0]
            cells: dict[int, str] = {}
            labels: dict[int, bool] = {}
            stops: set[int] = set()
            if columns is not None:  # the draft committee table: read by where the characters stand
                lines, cells = table_lines(textpage, columns, found[1] if found else None)
                text = "\n".join(lines)
            else:
                printed = _page_lines(textpage)
                labels = _bold_labels(textpage, printed)
                stops = _paragraph_ends(textpage, printed)
            textpage.close()
            page.close()
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            texts.append("\n".join(line.rstrip() for line in text.split("\n")))
            attachments.append(cells)
            bold.append(labels)
            ends.append(stops)
        return join_breaks(texts), attachments, bold, ends
    finally:
        document.close()


_BREAK = re.compile(r"([^\W\d_][\w-]*)?\x02(\n?)((?:\w[\w-]*)?)(\S*)")
_WORD = re.compile(r"[\w-]+")


def join_breaks(texts: list[str]) -> list[str]:
    """PDFium joins a word broken at a line end and marks the break with
    U+0002, for a typesetter's hyphenation ("beperk-" / "tere") and for a
    compound that breaks at its own hyphen ("Iraaks-" / "Turkse") alike.
    Which it was is read from the document itself: the way it writes the
    word elsewhere ("beperktere" or "Iraaks-Turkse") decides; a word it
    writes nowhere else is joined when both parts are lower-case letters and
    the first holds no hyphen ("beperk" + "tere"), and keeps its hyphen
    otherwise ("al-" + "Sudani", "opvang-in-" + "de-regio", "Fighters-" +
    "werkgroep").  Where the break still stands between two lines (a table
    read cell by cell), the word's end moves up and the lines stay as many."""
    elsewhere = {word.lower() for text in texts for word in _WORD.findall(text.replace("\x02", " "))}

    def joined(match: re.Match[str]) -> str:
        before, newline, after, tail = match.group(1) or "", match.group(2), match.group(3), match.group(4)
        if after.endswith("-"):
            after, tail = after[:-1], "-" + tail
        whole, hyphened = (before + after).lower(), f"{before}-{after}".lower()
        if hyphened in elsewhere and whole not in elsewhere:
            word = f"{before}-{after}"
        elif whole in elsewhere and hyphened not in elsewhere:
            word = before + after
        elif before.isalpha() and before.islower() and after[:1].islower():
            word = before + after
        else:
            word = f"{before}-{after}"
        return word + tail + newline  # the word's end (and its punctuation) moves up a line; the line count stays

    return [_BREAK.sub(joined, text) for text in texts]


def _furniture(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page, line) of running headers and footers: a line among the first
    or last :data:`EDGE_LINES` of a page whose shape (digits ignored) stands
    at an edge of at least half the pages, and of two at least.  A shape
    without digits (no page number, no year) must stand on every page of
    three or more, so that a short answer ("Ja.") at two page tops stays
    text; a question or answer label is never furniture."""
    if len(pages) < 2:
        return set()
    shapes: Counter[str] = Counter()
    edges: list[list[tuple[int, str]]] = []
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        at_edge = sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))
        edge = [(i, _DIGITS.sub("#", lines[i].strip())) for i in at_edge]
        edges.append(edge)
        shapes.update({shape for _, shape in edge})
    needed = max(2, (len(pages) + 1) // 2)
    furniture = set()
    for page, edge in enumerate(edges):
        for index, shape in edge:
            if not shape.strip("#") or _LABEL.match(shape):
                continue
            if shapes[shape] >= (needed if "#" in shape else max(3, len(pages))):
                furniture.add((page, index))
    return furniture


class PdfReader:
    name = "pdf"
    suffixes = (".pdf",)
    description = "text PDFs (a scan needs OCR first, e.g. ocrmypdf)"

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, *, source: str | None, encoding: str | None) -> Extracted:
        texts, cells, bold, ends = read_pages(data, source)
        where = source or "input"
        if not texts:
            raise InputError(f"{where}: the PDF has no pages")
        printable = sum(len("".join(text.split())) for text in texts)
        if printable < MIN_PAGE_CHARACTERS * len(texts):
            raise InputError(
                f"{where}: the PDF has no text layer (a scan?); run OCR first, e.g. 'ocrmypdf {where} out.pdf'"
            )
        pages = [text.split("\n") for text in texts]
        furniture = _furniture(pages)
        kept: list[str] = []
        page_of: list[int] = []
        line_of: list[int] = []
        removed: list[str] = []
        attachments: list[tuple[int, str]] = []
        labels: list[tuple[int, bool]] = []  # (0-based kept line, bold)
        for number, lines in enumerate(pages):
            for index, line in enumerate(lines):
                if (number, index) in furniture:
                    removed.append(line.strip())
                    continue
                kept.append(line)
                page_of.append(number + 1)
                line_of.append(index + 1)
                if index in cells[number]:
                    attachments.append((len(kept), cells[number][index]))
                if index in bold[number]:
                    labels.append((len(kept) - 1, bold[number][index]))
                if index in ends[number]:  # a paragraph ends here: a blank line, at the same place on the page
                    kept.append("")
                    page_of.append(number + 1)
                    line_of.append(index + 1)
        diagnostics: tuple[Diagnostic, ...] = ()
        if removed:
            shown = sorted(set(removed), key=removed.index)
            diagnostics = (
                Diagnostic(
                    Severity.INFO,
                    "page-furniture",
                    f"{len(removed)} running header and footer lines were left out (they repeat on the pages)",
                    text=" | ".join(shown),
                    repeats=len(removed),
                ),
            )
        plain = frozenset(line for line, strong in labels if not strong) if plain_label_lines([b for _, b in labels]) else frozenset()
        return Extracted(
            "\n".join(kept) + "\n", self.name, pages=tuple(page_of), page_lines=tuple(line_of),
            attachments=tuple(attachments), plain=plain, diagnostics=diagnostics,
        )
