"""The JSON exporter (the format itself is defined in :mod:`kamerqa.jsonio`)."""

from __future__ import annotations

from typing import IO, Any

from ..jsonio import to_json
from ..model import Document
from . import reject_options

__all__ = ["JsonExporter"]


class JsonExporter:
    name = "json"
    suffixes = (".json",)
    binary = False
    description = "kamerqa JSON (see docs/json-format.md); round-trips with kamerqa.from_json"

    def write(self, document: Document, stream: IO[str], *, indent: int | None = 2, **options: Any) -> None:
        reject_options(self.name, options)
        stream.write(to_json(document, indent=indent))
