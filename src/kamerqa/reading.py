"""Reading input: a file's bytes within the size limit, and line endings.

Everything after the readers sees ``str`` whose only line break is ``\\n`` and
which ends in one, so line numbers agree with what an editor shows for the
original file (CRLF and a lone CR each count as one break).  Decoding is the
text reader's (:mod:`kamerqa.readers.encoding`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import InputError

__all__ = ["MAX_INPUT_BYTES", "MAX_LINES", "normalise_newlines", "read_bytes"]

#: Inputs larger than this are refused: the largest real lists (budget lists
#: with 1,500+ questions) are a few MB, and a parse needs a multiple of the
#: input size in memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: Inputs of more lines than this are refused too.  A parse costs a few
#: hundred bytes a line whatever the line holds, so 64 MB of blank lines or
#: lone numbers (32-64 million lines) would need tens of GB; real documents
#: have 20-60 characters a line (64 MB of them: 1-3 million lines).
MAX_LINES = 4_000_000


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a final line break is added if missing."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        text += "\n"
    return text


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
