"""The JSON format: ``to_json(doc)`` and ``from_json(text)`` round-trip exactly.

(Un)structuring is cattrs'; this module only fixes the few choices a
reader of the JSON relies on: dates are ISO 8601 strings, enums their
values, tuples lists, and the top level carries a format name and version.
The JSON Schema ships inside the package (``kamerqa.schema.json``; :func:`schema`).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import cattrs
import orjson
from cattrs.preconf.json import make_converter

from .errors import InputError
from .model import Document

__all__ = ["FORMAT", "FORMAT_VERSION", "from_dict", "from_json", "schema", "to_dict", "to_json"]

FORMAT = "kamerqa"
#: Bumped when a field is removed or changes meaning; new optional fields do not bump it.
FORMAT_VERSION = 1

_converter = make_converter(forbid_extra_keys=True)
_converter.register_unstructure_hook(date, date.isoformat)
_converter.register_structure_hook(date, lambda value, _: date.fromisoformat(value))


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the format, as shipped in the package."""
    from importlib.resources import files

    return json.loads(files("kamerqa").joinpath("kamerqa.schema.json").read_text(encoding="utf-8"))


def to_dict(document: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data (dicts, lists, str, int, None)."""
    data = _converter.unstructure(document)
    return {"format": FORMAT, "version": FORMAT_VERSION, **data}


def to_json(document: Document, *, indent: int | None = 2) -> str:
    """The document as JSON text (UTF-8 safe: non-ASCII is written as is).

    With the default indent of 2 the text is written by orjson, ten times
    faster than the standard library's indenting encoder (which is pure
    Python) and byte for byte the same (a test checks this); other
    indents go through :func:`json.dumps`.
    """
    data = to_dict(document)
    if indent == 2:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def from_dict(data: Any) -> Document:
    """Rebuild a :class:`Document` from :func:`to_dict` output."""
    if not isinstance(data, dict):
        raise InputError(f"not a kamerqa JSON document: expected an object, got {type(data).__name__}")
    data = dict(data)
    fmt, version = data.pop("format", None), data.pop("version", None)
    if fmt != FORMAT:
        raise InputError(f"not a kamerqa JSON document: format is {fmt!r}, expected {FORMAT!r}")
    if version != FORMAT_VERSION:
        raise InputError(f"kamerqa JSON version {version!r} is not supported (this kamerqa reads version {FORMAT_VERSION})")
    try:
        return _converter.structure(data, Document)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        details = "; ".join(cattrs.transform_error(exc)) if isinstance(exc, cattrs.BaseValidationError) else str(exc)
        raise InputError(f"not a valid kamerqa JSON document: {details}") from None


def from_json(text: str | bytes) -> Document:
    """Rebuild a :class:`Document` from :func:`to_json` output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return from_dict(data)
