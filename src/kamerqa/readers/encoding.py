"""Text files in the encodings people have: which one, by a documented rule.

The rule (docs/inputs.md), in order:

1. ``encoding=`` given: that encoding, strictly (a bad byte is an error
   that names it, with its line and column).
2. A byte-order mark: UTF-8, UTF-16 or UTF-32 as the mark says.
3. No mark, but NUL bytes in every other position of the first kilobyte:
   UTF-16 (little- or big-endian by where the NULs stand).
4. Valid UTF-8: UTF-8.
5. Otherwise a single-byte legacy file.  Dutch text written on Windows is
   cp1252 (which is Latin-1 plus typographic quotes, dashes and the euro
   sign); bytes cp1252 leaves undefined make it Latin-1.

A general detector (charset-normalizer 3.5) was measured and left out: given
the cp1252 bytes of the 48 corpus texts with non-ASCII characters, it named
cp1250 or cp852 for every one, and 24 of them came out with wrong
characters; the rule above is what Dutch files are.  Whatever is
not UTF-8 gets an ``encoding`` info diagnostic that names the encoding
used, so a wrong guess is visible; ``--encoding`` overrides it.

Binary data (NUL bytes that are not UTF-16, or many control characters)
is refused: it is not text, whatever the encoding.
"""

from __future__ import annotations

import codecs

from ..errors import InputError, ParseError
from ..model import Diagnostic, Severity

__all__ = ["decode", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: Control characters (other than tab, line feed, form feed and carriage
#: return) in more than this share of the first 4 KB mean binary data.
BINARY_SHARE = 0.01
_CONTROLS = frozenset(range(32)) - frozenset(b"\t\n\x0c\r")


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` / ``-be`` when NULs fill one byte of every pair."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / (len(sample) // 2)
    odd = sample[1::2].count(0) / (len(sample) // 2)
    if odd > 0.9 and even < 0.1:
        return "utf-16-le"
    if even > 0.9 and odd < 0.1:
        return "utf-16-be"
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or many control characters: not a text file."""
    sample = head[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROLS)
    return controls > BINARY_SHARE * len(sample)


def _position(data: bytes, start: int, encoding: str) -> tuple[int, int]:
    """Line and column (1-based) of byte offset ``start``."""
    good = data[:start].decode(encoding, errors="replace")
    good = good.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return good.count("\n") + 1, len(good) - (good.rfind("\n") + 1) + 1


def _strict(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return codecs.decode(data, encoding)
    except UnicodeDecodeError as exc:
        bom = next((len(mark) for mark, name in _BOMS if name == encoding and data.startswith(mark)), 0)
        start = exc.start + (bom if encoding == "utf-8-sig" else 0)
        line, column = _position(data, start, encoding)
        bad = data[start : start + 8]
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        code = "not-utf8" if encoding.startswith("utf-8") else "bad-encoding"
        hint = "give its encoding with --encoding (e.g. cp1252)" if code == "not-utf8" else "is it another encoding?"
        raise ParseError(
            f"the input is not {name} text ({exc.reason}: byte {bad[:1]!r} at offset {start}); {hint}",
            line=line,
            column=column,
            text=repr(bad)[2:-1],
            code=code,
            source=source,
        ) from None
    except LookupError:
        raise InputError(f"{source or 'input'}: unknown encoding {encoding!r}") from None


def decode(data: bytes, *, source: str | None = None, encoding: str | None = None) -> tuple[str, tuple[Diagnostic, ...]]:
    """The text of ``data`` by the rule above, and an ``encoding`` info
    diagnostic when it was not UTF-8."""
    if encoding is not None:
        return _strict(data, encoding, source), ()
    for mark, name in _BOMS:
        if data.startswith(mark):
            text = _strict(data, name, source)
            return text, (() if name == "utf-8-sig" else (_used(name.upper(), "its byte-order mark"),))
    utf16 = _utf16_without_bom(data[:1024])
    if utf16 is not None:
        return _strict(data, utf16, source), (_used(utf16.upper(), "NUL bytes in every other position"),)
    if looks_binary(data):
        raise InputError(
            f"{source or 'input'}: binary data, not a text file or a format kamerqa reads (see 'kamerqa formats')"
        )
    try:
        return codecs.decode(data, "utf-8"), ()
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start, "utf-8")
    legacy = "latin-1" if _CP1252_UNDEFINED.intersection(data) else "cp1252"
    text = codecs.decode(data, legacy)
    return text, (_used(legacy, f"not UTF-8 from line {line}, column {column}", line, column),)


def _used(name: str, why: str, line: int | None = None, column: int | None = None) -> Diagnostic:
    return Diagnostic(
        Severity.INFO,
        "encoding",
        f"read as {name} ({why}); give --encoding if that is wrong",
        line,
        column,
        found=name,
    )
