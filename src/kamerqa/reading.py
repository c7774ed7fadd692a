"""Reading input: bytes -> text with normalised line endings.

Everything after this module sees ``str`` whose only line break is ``\\n`` and
which ends in one, so line numbers agree with what an editor shows for the
original file (CRLF and a lone CR each count as one break).
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

from .errors import InputError, ParseError

__all__ = ["MAX_INPUT_BYTES", "decode", "normalise_newlines", "read_bytes", "read_file"]

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
        # utf-8-sig counts its error offsets after a byte-order mark: count from the file's first byte
        start = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        good = data[:start].decode("utf-8-sig", errors="replace")
        good = good.replace("\r\n", "\n").replace("\r", "\n")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        bad = data[start : start + 8]
        raise ParseError(
            f"the input is not UTF-8 text ({exc.reason}: byte {bad[:1]!r} at offset {start}); "
            "convert it to UTF-8 first",
            line=line,
            column=column,
            text=repr(bad)[2:-1],
            code="not-utf8",
            source=source,
        ) from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes (``-``: standard input), refusing oversized ones: the
    limit is checked while reading (at most one byte more than it is read),
    so a pipe or a device such as /dev/zero is refused too instead of
    filling the memory."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        where = "standard input"
    else:
        p = Path(path)
        where = str(p)
        if p.is_dir():
            raise InputError(f"{p}: is a directory, not a file")
        if p.is_file() and p.stat().st_size > MAX_INPUT_BYTES:  # refused before reading anything
            raise InputError(f"{p}: {p.stat().st_size:,} bytes is more than the {MAX_INPUT_BYTES:,} bytes kamerqa reads")
        with p.open("rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{where}: more than the {MAX_INPUT_BYTES:,} bytes kamerqa reads")
    return data


def read_file(path: str | os.PathLike[str]) -> str:
    """Read and decode a UTF-8 text file (see :func:`read_bytes`)."""
    return decode(read_bytes(path), source=str(path))
