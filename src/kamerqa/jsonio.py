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
from cattrs.errors import IterableValidationNote
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from .errors import InputError
from .model import Document, Severity

__all__ = ["FORMAT", "FORMAT_VERSION", "READS", "from_dict", "from_json", "schema", "to_dict", "to_json"]

FORMAT = "kamerqa"
#: Bumped when a field is removed or changes meaning; new optional fields do not bump it.
#: Version 2: a question's ``number`` may be null (none printed), and a
#: footnote names its question by position too (``entry``).
FORMAT_VERSION = 2
#: The versions :func:`from_dict` reads (a version 1 footnote gets its
#: ``entry`` from its question's number).
READS = (1, 2)

_converter = make_converter(forbid_extra_keys=True)
_converter.register_unstructure_hook(date, date.isoformat)


def _strict(kind: type, name: str):
    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"{value!r} is not {name}")
        return value

    return structure


def _date(value: Any, _: Any) -> date:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a date (YYYY-MM-DD)")
    return date.fromisoformat(value)


def _tuple_hook(kind: Any):
    (item,) = kind.__args__[:1]

    def structure(value: Any, _: Any) -> tuple:
        if not isinstance(value, list):
            raise TypeError(f"{value!r} is not an array")
        out, errors = [], []
        for index, element in enumerate(value):
            try:
                out.append(_converter.structure(element, item))
            except Exception as exc:  # noted with its index, as cattrs does for lists, for the JSON path
                exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ index {index}", index, item)]  # type: ignore[attr-defined]
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(out)

    return structure


# Strict types: cattrs would make "12345" of 12345, ("1", "2") of "12" and 1 of 1.9.
_converter.register_structure_hook(str, _strict(str, "a string"))
_converter.register_structure_hook(int, _strict(int, "an integer"))
_converter.register_structure_hook(bool, _strict(bool, "true or false"))
_converter.register_structure_hook(date, _date)


def _severity(value: Any, _: Any) -> Severity:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a severity")
    return Severity(value)  # ValueError for a value that is none


# Before the str hook would take it: Severity is a str enum.
_converter.register_structure_hook(Severity, _severity)
_converter.register_structure_hook_factory(
    lambda kind: getattr(kind, "__origin__", None) is tuple and len(getattr(kind, "__args__", ())) == 2 and kind.__args__[1] is Ellipsis,
    _tuple_hook,
)


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
    """Rebuild a :class:`Document` from :func:`to_dict` output.

    Strictly: a string must be a string, an integer an integer (not a float
    or a boolean), a list a list; unknown keys are refused.  The first
    problem is one :class:`InputError` naming its JSON path
    ("at $.questions[3].text: 12345 is not a string")."""
    if not isinstance(data, dict):
        raise InputError(f"not a kamerqa JSON document: expected an object, got {type(data).__name__}")
    data = dict(data)
    fmt, version = data.pop("format", None), data.pop("version", None)
    if fmt != FORMAT:
        raise InputError(f"not a kamerqa JSON document: format is {fmt!r}, expected {FORMAT!r}")
    if version not in READS or isinstance(version, bool):
        readable = " and ".join(map(str, READS))
        raise InputError(f"kamerqa JSON version {version!r} is not supported (this kamerqa reads versions {readable})")
    if version == 1:
        data = _from_version_1(data)
    try:
        return _converter.structure(data, Document)
    except cattrs.BaseValidationError as exc:
        first = cattrs.transform_error(exc, path="$", format_exception=_describe)[0]
        problem, _, where = first.rpartition(" @ ")
        raise InputError(f"not a valid kamerqa JSON document: at {where}: {problem}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"not a valid kamerqa JSON document: {exc}") from None


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 named a footnote's question by number only: its ``entry``
    is the position of the first question with that number."""
    questions, footnotes = data.get("questions"), data.get("footnotes")
    if not isinstance(questions, list) or not isinstance(footnotes, list):
        return data  # not a document: structuring says what is wrong
    first: dict[Any, int] = {}
    for position, question in enumerate(questions):
        if isinstance(question, dict) and isinstance(question.get("number"), str):
            first.setdefault(question["number"], position)
    def entry(note: dict[str, Any]) -> int | None:
        number = note.get("question")
        return first.get(number) if isinstance(number, str) else None  # a wrong type: structuring says so

    upgraded = [{**note, "entry": entry(note)} if isinstance(note, dict) and "entry" not in note else note for note in footnotes]
    return {**data, "footnotes": upgraded}


def _describe(exc: BaseException, type_: type | None) -> str:
    """cattrs' wording, but a model validator's own message ("line must be
    at least 1, not -1") where it says more than "invalid value"."""
    if isinstance(exc, ValueError) and " must be " in str(exc):
        return str(exc)
    return format_exception(exc, type_)


def from_json(text: str | bytes) -> Document:
    """Rebuild a :class:`Document` from :func:`to_json` output (text or
    UTF-8 bytes).  Whatever the input, the only exception is
    :class:`InputError`: for text that is not JSON (nested too deep, numbers
    out of range, lone surrogates, bytes that are not UTF-8 included) and for
    JSON that is not a valid document (see :func:`from_dict`)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return from_dict(data)
