"""Word files (.docx), through python-docx: ministry answer letters come so.

The body is read in order, paragraphs and tables alike, one line per
paragraph.  What Word keeps out of the paragraph text is put back as
printed: automatic list numbers ("1." from the numbering definitions, the
way Word shows them, so a numbered question keeps its number), and footnote
references (the marker glued to the word before it, the note's text on a
line of its own after the paragraph, as at a page's foot).  A table row
whose first cell is a bare number ("12") is read as that number and the
next cell's text ("12 Welke ...?"), the way the draft committee table
prints; other cells follow on lines of their own.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from . import Extracted

__all__ = ["MAX_UNPACKED_BYTES", "DocxReader"]

#: A .docx whose parts unpack to more than this is refused before it is
#: opened (a ZIP bomb; real answer letters unpack to a few MB).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_archive(data: bytes, where: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{where}: not a Word file (a damaged or cut-short ZIP archive)") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{where}: a ZIP archive without word/document.xml, not a Word (.docx) file")
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise InputError(
                f"{where}: the Word file unpacks to {unpacked:,} bytes, more than the {MAX_UNPACKED_BYTES:,} kamerqa opens"
            )


def _roman(value: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for size, numeral in numerals:
        while value >= size:
            out.append(numeral)
            value -= size
    return "".join(out)


def _letters(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerLetter": _letters,
    "upperLetter": lambda v: _letters(v).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda v: _roman(v).upper(),
    "decimalZero": lambda v: f"{v:02d}",
}


class _Numbering:
    """Word's automatic list numbers, counted as Word counts them."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}  # (numId, ilvl) -> (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for level in node.findall(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                levels[level.get(f"{_W}ilvl")] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, level in abstract.get(ref.get(f"{_W}val"), {}).items():
                self.levels[(num.get(f"{_W}numId"), ilvl)] = level

    def label(self, num_id: str, ilvl: str) -> str | None:
        """The list number of the next paragraph of this list and level
        ("3.", "b)"); ``None`` for bullets and unknown lists."""
        level = self.levels.get((num_id, ilvl))
        if level is None:
            return None
        depth = int(ilvl) if ilvl.isdigit() else 0
        counters = self.counters.setdefault(num_id, {})
        counters[depth] = counters.get(depth, level[2] - 1) + 1
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        fmt, text, _ = level
        if fmt not in _FORMATS:
            return None  # a bullet, or a numbering kamerqa does not print
        for d in range(depth + 1):
            shape = self.levels.get((num_id, str(d)), level)
            value = counters.get(d, shape[2])
            text = text.replace(f"%{d + 1}", _FORMATS.get(shape[0], str)(value))
        return text.strip() or None


def _num_pr(paragraph: Any) -> tuple[str, str] | None:
    """(numId, ilvl) of a numbered paragraph, from its own properties or its style's."""
    style = getattr(paragraph.style, "element", None)
    for holder in (paragraph._p.pPr, style.pPr if style is not None else None):
        if holder is None:
            continue
        num = holder.find(f"{_W}numPr")
        if num is None:
            continue
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        if num_id is not None and num_id.get(f"{_W}val") != "0":
            return num_id.get(f"{_W}val"), ilvl.get(f"{_W}val") if ilvl is not None else "0"
    return None


def _footnotes(document: Any) -> dict[str, str]:
    """Footnote id -> text, from the footnotes part (python-docx has no API for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    notes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype != RT.FOOTNOTES:
            continue
        from lxml import etree

        root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        for note in root.findall(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p"))
            notes[note.get(f"{_W}id")] = " ".join(text.split())
    return notes


class _Body:
    """The lines of a document body, with the footnotes each paragraph cites."""

    def __init__(self, document: Any) -> None:
        self.numbering = _Numbering(document)
        self.notes = _footnotes(document)
        self.markers: dict[str, int] = {}
        self.lines: list[str] = []

    def paragraph_text(self, paragraph: Any) -> tuple[str, list[str]]:
        """The paragraph's text with footnote markers, and the notes it cites."""
        parts: list[str] = []
        cited: list[str] = []
        for node in paragraph._p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}footnoteReference"):
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag == f"{_W}br":
                parts.append("\n")
            else:
                note = node.get(f"{_W}id")
                marker = self.markers.setdefault(note, len(self.markers) + 1)
                parts.append(str(marker))
                cited.append(note)
        return "".join(parts), cited

    def add_paragraph(self, paragraph: Any, prefix: str = "") -> None:
        text, cited = self.paragraph_text(paragraph)
        numbered = _num_pr(paragraph)
        label = self.numbering.label(*numbered) if numbered else None
        if label and text.strip():
            text = f"{label} {text}"
        if prefix:
            text = f"{prefix} {text}".rstrip()
        self.lines.extend(text.split("\n"))
        for note in cited:
            if note in self.notes:
                self.lines.extend(["", f"{self.markers[note]} {self.notes[note]}", ""])

    def add_table(self, table: Any) -> None:
        for row in table.rows:
            cells: list[Any] = []
            for cell in row.cells:
                if not cells or cell._tc is not cells[-1]._tc:  # a merged cell comes back once per grid column
                    cells.append(cell)
            prefix = ""
            first = cells[0].text.strip() if cells else ""
            if len(cells) > 1 and first and len(first) <= 5 and first[0].isdigit():
                prefix, cells = first, cells[1:]
            for cell in cells:
                for paragraph in cell.paragraphs:
                    self.add_paragraph(paragraph, prefix)
                    prefix = ""
                for inner in cell.tables:
                    self.add_table(inner)
            if prefix:
                self.lines.append(prefix)
            self.lines.append("")


class DocxReader:
    name = "docx"
    suffixes = (".docx", ".docm")
    description = "Word documents (.docx): paragraphs, list numbering, tables and footnotes"

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and (b"word/" in head or b"[Content_Types].xml" in head)

    def read(self, data: bytes, *, source: str | None, encoding: str | None) -> Extracted:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        where = source or "input"
        _check_archive(data, where)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many kinds for a broken package
            raise InputError(f"{where}: not a readable Word file ({exc})") from None
        body = _Body(document)
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                body.add_paragraph(Paragraph(child, document))
            elif child.tag == f"{_W}tbl":
                body.add_table(Table(child, document))
        text = "\n".join(line.rstrip() for line in body.lines)
        if not text.strip():
            raise InputError(f"{where}: the Word file holds no text")
        return Extracted(text + "\n", self.name)
