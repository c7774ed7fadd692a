"""Exceptions: bad input is a :class:`ParseError`; a bug in kamerqa is an
:class:`InternalError`, so callers can tell "fix your file" from "report this"."""

from __future__ import annotations

__all__ = ["InputError", "InternalError", "KamerqaError", "ParseError"]


class KamerqaError(Exception):
    """Base class of every exception kamerqa raises on purpose."""


class ParseError(KamerqaError, ValueError):
    """The input is not a document kamerqa can read.

    ``line`` and ``column`` are 1-based and point into the input text;
    ``text`` is the offending source line (or a short excerpt of it);
    ``code`` names the kind of problem (the same codes as diagnostics).
    """

    def __init__(
        self,
        message: str,
        *,
        line: int,
        column: int = 1,
        text: str = "",
        code: str,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.text = text
        self.code = code
        self.source = source
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.source}:" if self.source else "line "
        excerpt = self.text.strip()
        if len(excerpt) > 80:
            excerpt = excerpt[:77] + "..."
        shown = f": {excerpt!r}" if excerpt else ""
        return f"{where}{self.line}:{self.column}: {self.code}: {self.message}{shown}"

    def __reduce__(self):  # keep pickling (multiprocessing) working with keyword-only args
        return (_rebuild_parse_error, (self.message, self.line, self.column, self.text, self.code, self.source))


def _rebuild_parse_error(message, line, column, text, code, source):
    return ParseError(message, line=line, column=column, text=text, code=code, source=source)


class InputError(KamerqaError, ValueError):
    """The input could not be read at all (undecodable, too large, not a file)."""


class InternalError(KamerqaError, RuntimeError):
    """kamerqa itself went wrong; please report it with the input that caused it."""
