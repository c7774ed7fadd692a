"""The official XML of officielebekendmakingen.nl (``officiele-publicatie``).

Kamervragen (``<kamervragen>``: ``<vraag>`` / ``<antwoord>`` with ``<nr>``
and ``<al>`` paragraphs) map straight to the model through
:mod:`.structured`; the dates come from ``<datum isodatum>``, the numbers
from ``<kamervraagnummer>`` and the publication identifier from the
metadata.  A ``<kamerstuk>`` (a committee list) gives its envelope
(``dossiernummer``, ``ondernummer``, ``titel``) as metadata and its body as
text for the parser, one line per paragraph, each line knowing its element.

The parser is hardened: no DTD is loaded, no entity resolved, no network
used, and a huge tree is refused.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs

from ..errors import InputError
from ..header import read_intro, read_kind, read_role, read_vastgesteld
from ..model import Diagnostic, Document, DocumentMeta, Severity
from . import Extracted
from .structured import Block, Note, build

__all__ = ["XmlReader", "parse_xml"]

_PUBLICATION = re.compile(r"\b(?:ah|kv|kst|h)-tk-[\w-]+?(?=/|\.|$|\s)")


def parse_xml(data: bytes, where: str) -> Any:
    """The element tree of ``data``, parsed without DTDs, entities or network."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: not well-formed XML (line {exc.lineno}: {exc.msg})") from None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _plain(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


class _Paragraphs:
    """The paragraphs of an element, with footnotes (``<noot>``) taken out:
    the marker stays glued where it stood, the note's text becomes a Note."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def _note(self, note: Any, block: int | None) -> str:
        marker = (note.findtext("noot.nr") or str(len(self.notes) + 1)).strip()
        body = " ".join(_plain(al) for al in note.findall("noot.al")) or _plain(note)
        self.notes.append(Note(marker, body, note.sourceline or 1, block))
        return marker

    def text(self, element: Any, block: int | None) -> str:
        parts: list[str] = [element.text or ""]
        for child in element:
            if not isinstance(child.tag, str):
                parts.append(child.tail or "")
                continue
            if child.tag == "noot":
                parts.append(self._note(child, block))
            else:
                parts.append(self.text(child, block))
            parts.append(child.tail or "")
        return "".join(parts)

    def of(self, element: Any, block: int | None) -> tuple[str, ...]:
        """One paragraph per ``<al>``, list item and table row, in order."""
        out: list[str] = []
        for child in element:
            if isinstance(child.tag, str) and child.tag != "nr":
                out.extend(self.one(child, block))
        return tuple(p for p in out if p.strip())

    def one(self, element: Any, block: int | None) -> list[str]:
        """The paragraphs of one element: itself for a paragraph, a list
        item or a table row; its children's for a container; its own text
        for any other element that holds text (nothing is dropped)."""
        tag = element.tag
        if tag in ("al", "tussenkop", "kop"):
            return [self.text(element, block)]
        if tag == "li":
            label = element.findtext("li.nr") or ""
            items = [self.text(al, block) for al in element if isinstance(al.tag, str) and al.tag != "li.nr"]
            return [" ".join(p for p in [label.strip(), *items] if p.strip())]
        if tag == "row":
            return [" | ".join(self.text(entry, block) for entry in element if isinstance(entry.tag, str))]
        if tag == "noot":
            self._note(element, block)  # a note between paragraphs: kept as a Note, no marker to place
            return []
        inner = list(self.of(element, block))
        if not inner and _plain(element):
            return [self.text(element, block)]
        return inner


def _identifier(root: Any) -> str | None:
    for meta in root.iter("meta"):
        found = _PUBLICATION.search(meta.get("content") or "")
        if found:
            return found.group(0)
    return None


#: Elements whose text is read as the header, of Kamervragen and of a kamerstuk.
KAMERVRAGEN_HEADER = frozenset("kamervraagkop kamervraagnummer kamervraagomschrijving".split())
KAMERSTUK_HEADER = frozenset("titel al tekstregel dossiernummer ondernummer stuknummer datumtekst".split())


def _left_over(element: Any, header: frozenset[str]) -> str:
    """The text of ``element`` that no ``header`` element holds."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node.tag, str) and node.tag in header:
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def _blocks(
    container: Any, tree: Any, paragraphs: _Paragraphs, header: frozenset[str]
) -> tuple[list[Block], str | None, list[Diagnostic]]:
    """The ``<vraag>`` and ``<antwoord>`` children of ``container`` as blocks,
    the text of a ``<mededeling>`` among them, and a ``stray-fragment``
    diagnostic keeping the text of any other child that is no header."""
    blocks: list[Block] = []
    mededeling = None
    stray: list[Diagnostic] = []
    for element in container:
        if not isinstance(element.tag, str):
            continue
        if element.tag not in ("vraag", "antwoord", "mededeling", "nr") and (text := _left_over(element, header)):
            stray.append(
                Diagnostic(
                    Severity.WARNING, "stray-fragment", f"text in <{element.tag}> outside the questions and answers; kept here",
                    element.sourceline, None, text, element=tree.getpath(element),
                )
            )
            continue
        if element.tag in ("vraag", "antwoord"):
            label = _plain(element.find("nr")) if element.find("nr") is not None else ""
            last = max((e.sourceline or 0) for e in element.iter() if isinstance(e.tag, str))
            blocks.append(
                Block(
                    "question" if element.tag == "vraag" else "answer",
                    label,
                    paragraphs.of(element, len(blocks)),
                    element.sourceline or 1,
                    tree.getpath(element),
                    last or element.sourceline or 1,
                )
            )
        elif element.tag == "mededeling":
            mededeling = " ".join(paragraphs.of(element, None)) or _plain(element)
    return blocks, mededeling, stray


def _kamervragen(root: Any, questions: Any, where: str) -> Document:
    tree = root.getroottree()
    header: list[str] = [_plain(line) for line in questions.iter("tekstregel")]
    number = questions.findtext("kamervraagnummer")
    if number:
        header.append(number.strip())
    values: dict[str, Any] = {}
    for description in questions.iter("kamervraagomschrijving"):
        text = _plain(description)
        kind = description.get("type") or ""
        header.append(text)
        when = _iso(next((d.get("isodatum") for d in description.iter("datum")), None))
        if kind == "vraag":
            values["submitted"] = when
            subject = description.find(".//kamervraagonderwerp")
            if subject is not None:
                values["title"] = _plain(subject)
        elif kind == "antwoord":
            values["received"] = when
        elif "mededeling" in kind:
            values["mededeling_received"] = when
    paragraphs = _Paragraphs()
    blocks, mededeling, stray = _blocks(questions, tree, paragraphs, KAMERVRAGEN_HEADER)
    if not blocks:
        raise InputError(f"{where}: official XML of Kamervragen without <vraag> elements")
    identifier = _identifier(root)
    meta = DocumentMeta(
        number=number.strip() if number else None,
        aanhangsel=identifier if identifier and identifier.startswith("ah-") else None,
        **{k: v for k, v in values.items() if v is not None},
    )
    return build("\n".join(header), blocks, paragraphs.notes, meta=meta, mededeling=mededeling, diagnostics=stray)


def _lines(element: Any, tree: Any, lines: list[str], paths: list[str]) -> None:
    """Text for the parser: a line per paragraph-like element, blank lines between."""
    block = ("al", "tekstregel", "titel", "kop", "tussenkop", "li", "row", "nr", "dossiernummer", "ondernummer",
             "datumtekst", "vraag", "antwoord", "noot")
    paragraphs = _Paragraphs()
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag not in block:
            continue
        if any(isinstance(a.tag, str) and a.tag in block for a in node.iterancestors()):
            continue  # its text is in its block ancestor's line
        if node.tag in ("vraag", "antwoord"):
            texts = list(paragraphs.of(node, None))
            if node.find("nr") is not None:
                texts.insert(0, _plain(node.find("nr")))
        elif node.tag in ("li", "row"):
            texts = paragraphs.one(node, None)
        else:
            texts = [" ".join(paragraphs.text(node, None).split())]
        for text in texts:
            if text.strip():
                lines.extend([text, ""])
                paths.extend([tree.getpath(node)] * 2)
    for note in paragraphs.notes:
        lines.extend([f"{note.marker} {note.text}", ""])
        paths.extend(["noot"] * 2)


def _envelope(stuk: Any, header: list[str]) -> DocumentMeta:
    """What a kamerstuk says of itself: its envelope (dossier, number, the
    dossier's title, the kind of paper), and from the paragraphs before the
    questions what a committee list's heading says (vastgesteld, the
    introduction, chair and clerk), read with the text parser's header rules."""
    dossier = stuk.find(".//dossiernummer")
    number = stuk.find(".//ondernummer")
    title = stuk.find(".//dossier/titel")
    kind = stuk.find(".//stuk/titel")
    values: dict[str, Any] = {
        "dossier": _plain(dossier) if dossier is not None else None,
        "number": _plain(number) if number is not None else None,
        "title": _plain(title) if title is not None else None,
        "kind": read_kind(_plain(kind))[0] if kind is not None else None,
    }
    intro: list[str] = []
    for line in header:
        role, name = read_role(line)
        if role != "unknown":
            values["chair" if role == "chair" else "clerk"] = name
        elif line.lower().startswith("vastgesteld"):
            values["vastgesteld"] = read_vastgesteld(line)
        elif len(line.split()) > 8:
            intro.append(line)
    if intro:
        read = read_intro("\n\n".join(intro))
        values.update(intro="\n\n".join(intro), **{k: v for k, v in attrs.asdict(read, recurse=False).items() if v is not None})
    return DocumentMeta(**{k: v for k, v in values.items() if v is not None})


def _kamerstuk(root: Any, stuk: Any, where: str) -> Extracted | Document:
    """A kamerstuk: questions and answers marked as ``<vraag>`` /
    ``<antwoord>`` map straight to the model, the text before them is the
    header; without such elements, the body is text for the parser."""
    tree = root.getroottree()
    first = stuk.find(".//vraag")
    if first is not None:
        container = first.getparent()
        paragraphs = _Paragraphs()
        blocks, mededeling, stray = _blocks(container, tree, paragraphs, KAMERSTUK_HEADER)
        inside = {e for child in container if child.tag in ("vraag", "antwoord", "mededeling") for e in child.iter()}
        header = [
            _plain(node) for node in stuk.iter(*KAMERSTUK_HEADER)
            if node not in inside and _plain(node)
        ]
        meta = _envelope(stuk, header)
        return build("\n".join(header), blocks, paragraphs.notes, meta=meta, mededeling=mededeling, diagnostics=stray)
    meta = _envelope(stuk, [])
    lines: list[str] = []
    paths: list[str] = []
    _lines(stuk, tree, lines, paths)
    if not lines:
        raise InputError(f"{where}: official XML without text")
    return Extracted("\n".join(lines) + "\n", "xml", elements=tuple(paths), meta=meta)


class XmlReader:
    name = "xml"
    suffixes = (".xml",)
    description = "official XML of officielebekendmakingen.nl (Kamervragen, kamerstukken)"

    def sniff(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
        return start.startswith(b"<") and b"<officiele-publicatie" in head

    def read(self, data: bytes, *, source: str | None, encoding: str | None) -> Extracted | Document:
        where = source or "input"
        root = parse_xml(data, where)
        questions = root.find(".//kamervragen")
        if questions is not None:
            return _kamervragen(root, questions, where)
        body = root.find(".//kamerstuk")
        if body is None:
            body = root
        return _kamerstuk(root, body, where)
