"""Reading input: bytes -> text with normalised line endings.

Everything after this module sees ``str`` whose only line break is ``\\n`` and
which ends in one, so line numbers agree with what an editor shows for the
original file (CRLF and a lone CR each count as one break).
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .errors import InputError, ParseError

__all__ = ["MAX_INPUT_BYTES", "decode", "normalise_newlines", "read_file"]

#: Inputs larger than this are refused: the largest real lists (budget lists
#: with 1,500+ questions) are a few MB, and a parse needs a multiple of the
#: input size in memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a final line break is added if missing."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        text += "\n"
    return text


def decode(data: bytes, *, source: str | None = None) -> str:
    """Decode UTF-8 (with or without a byte-order mark).

    Undecodable bytes raise :class:`ParseError` pointing at the line and
    column of the first bad byte, showing the bytes around it.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{source or 'input'}: {len(data):,} bytes is more than the {MAX_INPUT_BYTES:,} bytes kamerqa reads"
        )
    try:
        return codecs.decode(data, "utf-8-sig")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8-sig", errors="replace")
        good = good.replace("\r\n", "\n").replace("\r", "\n")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        bad = data[exc.start : exc.start + 8]
        raise ParseError(
            f"the input is not UTF-8 text ({exc.reason}: byte {bad[:1]!r} at offset {exc.start}); "
            "convert it to UTF-8 first",
            line=line,
            column=column,
            text=repr(bad)[2:-1],
            code="not-utf8",
            source=source,
        ) from None


def read_file(path: str | os.PathLike[str]) -> str:
    """Read and decode a file, refusing oversized ones before loading them."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a text file")
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{p}: {size:,} bytes is more than the {MAX_INPUT_BYTES:,} bytes kamerqa reads")
    return decode(p.read_bytes(), source=str(p))
