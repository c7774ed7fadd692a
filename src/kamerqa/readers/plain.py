"""Plain text: the encodings people have (see :mod:`.encoding`)."""

from __future__ import annotations

from . import Extracted
from .encoding import decode


class TextReader:
    name = "text"
    suffixes = (".txt", ".text")
    description = "plain text in UTF-8, UTF-16 or cp1252/Latin-1 (detected; --encoding forces one)"

    def sniff(self, head: bytes) -> bool:
        return True

    def read(self, data: bytes, *, source: str | None, encoding: str | None) -> Extracted:
        text, diagnostics = decode(data, source=source, encoding=encoding)
        return Extracted(text, self.name, diagnostics=diagnostics)
