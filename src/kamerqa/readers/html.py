"""Web pages: the officielebekendmakingen.nl XHTML renditions and
tweedekamer.nl pages, through lxml's HTML parser.

Why lxml: it is already the XML parser, it is fast (libxml2), it repairs
broken HTML the way browsers mostly do, and it gives each element's source
line and path.  BeautifulSoup would add a layer on top of it; selectolax
has no source lines.

Where the page marks questions and answers (``div.vraag`` /
``div.antwoord``, as the publisher renders Kamervragen), they map straight
to the model (:mod:`.structured`).  Otherwise the page's text goes to the
parser with its line structure: a line per paragraph, heading, list item
and table row.  Page chrome never becomes content: scripts, styles,
navigation, headers and footers of the site, and links such as "Download
PDF" or "Naar boven".
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..model import Document, DocumentMeta
from . import Extracted
from .encoding import decode
from .structured import Block, Note, build

__all__ = ["HtmlReader"]

_CHROME_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "form", "button", "iframe", "svg", "template")
#: Class, id and role words of site chrome (compared word by word, so
#: that "no-toc" on a heading is not "toc").
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs skip skiplink skiplinks cookie cookies cookiebar footer header "
    "kopregel voetregel inhoudsopgave toc share social search zoeken sidebar banner downloads".split()
)
_CONTAINERS = frozenset("div section aside ul ol".split())
_CHROME_TEXT = re.compile(r"^\s*(?:Download (?:PDF|ODT|XML)|Naar boven|Terug naar boven|Printen|Print|Delen)\s*$", re.IGNORECASE)
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li tr dt dd blockquote pre caption figcaption".split())
_PUBLICATION = re.compile(r"^(?:ah|kv|kst)-tk-[\w-]+$")


def _chrome(element: Any) -> bool:
    words = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}".lower().split()
    return element.tag in _CONTAINERS and any(word in _CHROME_WORDS for word in words)


def _strip_chrome(root: Any) -> None:
    for element in list(root.iter(*_CHROME_TAGS)):
        element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if _chrome(element) and not any(_is_question_block(e) for e in element.iter("div")):
            element.drop_tree()
        elif element.tag in ("a", "span", "p", "li") and _CHROME_TEXT.match(element.text_content() or ""):
            element.drop_tree()


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _is_question_block(element: Any) -> str | None:
    classes = (element.get("class") or "").split()
    if "vraag" in classes:
        return "question"
    if "antwoord" in classes:
        return "answer"
    return None


def _structured(root: Any, paths: dict[Any, str]) -> Document | None:
    found = [(kind, e) for e in root.iter("div") if (kind := _is_question_block(e))]
    if not any(kind == "question" for kind, _ in found):
        return None
    header = [_text(h) for h in root.iter("h1")]
    blocks: list[Block] = []
    notes: list[Note] = []
    for kind, element in found:
        heading = next((h for h in element if isinstance(h.tag, str) and re.fullmatch(r"h[1-6]", h.tag)), None)
        label = _text(heading) if heading is not None else ""
        paragraphs = tuple(_text(p) for p in element.iter(*_BLOCKS) if p is not heading and _text(p))
        last = max((e.sourceline or 0) for e in element.iter() if isinstance(e.tag, str))
        blocks.append(Block(kind, label, paragraphs, element.sourceline or 1, paths[element], last or element.sourceline or 1))
    for note in root.iter():
        if isinstance(note.tag, str) and "noot" in (note.get("class") or "").split() and note.tag in ("div", "p", "li"):
            text = _text(note)
            marker, _, body = text.partition(" ")
            if marker.isdigit():
                notes.append(Note(marker, body, note.sourceline or 1, None))
    meta = _head_meta(root)
    return build("\n".join(header), blocks, notes, meta=meta)


def _head_meta(root: Any) -> DocumentMeta:
    values: dict[str, Any] = {}
    for meta in root.iter("meta"):
        name, content = meta.get("name") or "", (meta.get("content") or "").strip()
        if name == "DC.identifier" and _PUBLICATION.match(content):
            if content.startswith("ah-"):
                values["aanhangsel"] = content
        elif name == "OVERHEIDop.aanhangselNummer" and content:
            values["number"] = content
        elif name == "OVERHEIDop.vergaderjaar" and content:
            values["session"] = content
    return DocumentMeta(**values)


def _lines(body: Any, where: dict[Any, str]) -> tuple[list[str], list[str]]:
    """A line per block element (its own text, without nested blocks), a
    ``<br>`` a line break; blank lines between blocks."""
    lines: list[str] = []
    paths: list[str] = []

    def add(text: str, element: Any) -> None:
        for line in text.split("\n"):
            line = " ".join(line.split())
            if line:
                lines.append(line)
                paths.append(where[element])

    def walk(element: Any) -> None:
        own: list[str] = [element.text or ""]
        for child in element:
            if not isinstance(child.tag, str):
                own.append(child.tail or "")
                continue
            if child.tag == "br":
                own.append("\n")
            elif child.tag in _BLOCKS or child.tag in ("div", "section", "article", "table", "ul", "ol", "dl", "main"):
                add("".join(own), element)
                own = []
                if child.tag == "tr":
                    add(" | ".join(_text(cell) for cell in child if isinstance(cell.tag, str)), child)
                else:
                    walk(child)
                if lines and lines[-1] != "":
                    lines.append("")
                    paths.append(where[child])
            else:
                own.append(child.text_content())  # inline markup: its text
            own.append(child.tail or "")
        add("".join(own), element)

    walk(body)
    return lines, paths


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")
    description = "web pages: officielebekendmakingen.nl renditions, tweedekamer.nl pages"

    def sniff(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
        return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in start)

    def read(self, data: bytes, *, source: str | None, encoding: str | None) -> Extracted | Document:
        from lxml import etree, html

        where = source or "input"
        text, diagnostics = decode(data, source=source, encoding=encoding or _declared(data))
        try:
            root = html.document_fromstring(text.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8", no_network=True))
        except (etree.ParserError, ValueError) as exc:
            raise InputError(f"{where}: not a readable HTML page ({exc})") from None
        tree = root.getroottree()
        paths = {element: tree.getpath(element) for element in root.iter()}  # as in the file, before chrome goes
        meta = _head_meta(root)
        _strip_chrome(root)
        document = _structured(root, paths)
        if document is not None:
            return document
        body = root.find("body")
        lines, elements = _lines(body if body is not None else root, paths)
        if not any(lines):
            raise InputError(f"{where}: the page holds no text")
        return Extracted("\n".join(lines) + "\n", self.name, elements=tuple(elements), meta=meta, diagnostics=diagnostics)


_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([\w-]+)""")


def _declared(data: bytes) -> str | None:
    """The encoding the page declares (``<meta charset>``, the XML declaration)."""
    head = data[:4096]
    match = _XML_ENCODING.match(head.lstrip(b"\xef\xbb\xbf")) or _CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    return "utf-8-sig" if name in ("utf-8", "utf8") else name
