"""Readers: the first step of the pipeline, from a file's bytes to what the
parser reads.

A reader is any object with

- ``name``: the input format's name (``--from pdf``);
- ``suffixes``: the file suffixes it claims (``(".pdf",)``);
- ``description``: one line for ``kamerqa formats``;
- ``sniff(head)``: does this content (the file's first bytes) look like the
  format?  Content decides, not the suffix;
- ``read(data, source=, encoding=)``: an :class:`Extracted` text for the
  parser, or a finished :class:`~kamerqa.model.Document` where the format
  marks questions and answers itself (official XML, its HTML rendering).

Built-in readers are registered here; third parties add theirs through the
entry-point group ``kamerqa.readers``.  Readers import the model and the
text helpers, never the parser: arrows point one way.
"""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path
from typing import Protocol, runtime_checkable

import attrs

from ..errors import InputError
from ..model import Diagnostic, Document, DocumentMeta
from ..plugins import check_plugin
from ..reading import MAX_INPUT_BYTES, read_bytes

__all__ = [
    "ENTRY_POINT_GROUP",
    "Extracted",
    "Reader",
    "available",
    "builtins",
    "detect",
    "load",
    "load_bytes",
]

ENTRY_POINT_GROUP = "kamerqa.readers"


@attrs.frozen
class Extracted:
    """Text a reader took from a file, for the parser, with where each line
    came from: ``pages[i]`` is the page of line ``i + 1`` (PDF) and
    ``page_lines[i]`` its line on that page, and
    ``elements[i]`` the path of its element (XML, HTML); empty when the
    format has no such thing.  ``layout`` forces a layout where the format
    settles it; ``meta`` holds what the file's own metadata says (filled in
    where the text's header is silent); ``attachments`` the "Bijlage" cells
    of a table read by position, by the line of their row; ``plain`` the
    (0-based) lines that look like labels but are text by what the file
    says (a PDF whose labels are bold: a "Vraag 3 ..." line in the body
    font); ``diagnostics`` are the reader's."""

    text: str
    format: str
    pages: tuple[int, ...] = ()
    page_lines: tuple[int, ...] = ()
    elements: tuple[str, ...] = ()
    layout: str | None = None
    meta: DocumentMeta | None = None
    attachments: tuple[tuple[int, str], ...] = ()
    plain: frozenset[int] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()


@runtime_checkable
class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]
    description: str

    def sniff(self, head: bytes) -> bool: ...

    def read(self, data: bytes, *, source: str | None, encoding: str | None) -> Extracted | Document: ...


# In the order content is tried: the most specific signatures first, plain
# text last (it takes whatever is left).
_BUILTIN: dict[str, str] = {
    "pdf": "kamerqa.readers.pdf:PdfReader",
    "docx": "kamerqa.readers.word:DocxReader",
    "xml": "kamerqa.readers.xml:XmlReader",
    "html": "kamerqa.readers.html:HtmlReader",
    "text": "kamerqa.readers.plain:TextReader",
}

_problems: list[str] = []


def _load(target: str) -> Reader:
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute)
    return value() if isinstance(value, type) else value


@functools.cache
def builtins() -> dict[str, Reader]:
    """The built-in readers by name (no plugin scan: a text or PDF file needs none)."""
    return {name: _load(target) for name, target in _BUILTIN.items()}


@functools.cache
def available() -> dict[str, Reader]:
    """Every reader by name: the built-in ones, then plugins (a plugin that
    fails to load, or takes a built-in name, is skipped and reported by
    :func:`plugin_problems`)."""
    from importlib.metadata import entry_points  # a scan of the installed packages: only when needed

    readers = dict(builtins())
    text = readers.pop("text")
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            reader = entry.load()
            reader = reader() if isinstance(reader, type) else reader
            if not isinstance(reader, Reader):
                raise TypeError("it is not a reader (needs name, suffixes, description, sniff, read)")
            check_plugin(reader, "reader")
        except (Exception, SystemExit) as exc:  # a broken plugin (even one that exits) must not break kamerqa
            _problems.append(f"reader plugin {entry.name!r} failed to load: {exc!r}")
            continue
        if reader.name in readers or reader.name == "text":
            _problems.append(f"reader plugin {entry.name!r} takes the name {reader.name!r}, which is taken; skipped")
        else:
            readers[reader.name] = reader
    readers["text"] = text  # last: it claims what nothing else does
    return readers


def plugin_problems() -> list[str]:
    available()
    return list(_problems)


#: Signatures of files that are no input kamerqa reads, with what to do.
_REFUSED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) or other OLE file; save it as .docx first"),
    (b"\x89PNG", "an image (PNG); kamerqa reads text: run OCR first (e.g. ocrmypdf)"),
    (b"\xff\xd8\xff", "an image (JPEG); kamerqa reads text: run OCR first (e.g. ocrmypdf)"),
    (b"II*\x00", "an image (TIFF); kamerqa reads text: run OCR first (e.g. ocrmypdf)"),
    (b"MM\x00*", "an image (TIFF); kamerqa reads text: run OCR first (e.g. ocrmypdf)"),
    (b"{\\rtf", "an RTF file; save it as .docx or text first"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
)


def detect(data: bytes, name: str | None = None) -> Reader:
    """The reader for ``data``, chosen by its content.  ``name`` (a file
    name) only makes the error clearer when the suffix promises a format the
    content is not."""
    head = data[:8192]
    for reader in builtins().values():
        if reader.name != "text" and reader.sniff(head):
            return reader
    where = name or "input"
    for signature, what in _REFUSED:
        if head.startswith(signature):
            raise InputError(f"{where}: {what}")
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]:
            raise InputError(f"{where}: an OpenDocument file (.odt); save it as .docx first")
        raise InputError(f"{where}: a ZIP archive that is not a Word (.docx) file")
    suffix = Path(name).suffix.lower() if name else ""
    for reader in builtins().values():
        if reader.name != "text" and suffix in reader.suffixes and reader.name in ("pdf", "docx"):
            raise InputError(f"{where}: the name says {reader.name}, but the content is not a {reader.name} file")
    text = builtins()["text"]
    if suffix in ("", *text.suffixes):
        return text  # a text file: no plugin is asked (scanning for them costs a start-up)
    for reader in available().values():  # another suffix: a plugin's format, perhaps
        if reader.name not in _BUILTIN and reader.sniff(head):
            return reader
    return text


def _reader_named(format: str) -> Reader:
    readers = available()
    if format not in readers:
        raise InputError(f"unknown input format {format!r}; choose from {', '.join(readers)}")
    return readers[format]


def load_bytes(
    data: bytes, *, source: str | None = None, format: str | None = None, encoding: str | None = None
) -> Extracted | Document:
    """Read ``data`` (a whole file's bytes) with the reader its content
    asks for, or the one named by ``format``."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source or 'input'}: {len(data):,} bytes is more than the {MAX_INPUT_BYTES:,} bytes kamerqa reads")
    reader = _reader_named(format) if format else detect(data, source)
    return reader.read(data, source=source, encoding=encoding)


def load(
    path: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None
) -> Extracted | Document:
    """Read a file (``-``: standard input) with the reader its content asks for."""
    source = "<stdin>" if str(path) == "-" else str(path)
    return load_bytes(read_bytes(path), source=source, format=format, encoding=encoding)
