"""Input normalisation before lexing: what converters leave that is not text.

Every change keeps each line's length, so lines and columns in diagnostics
and source spans still point at the original input:

* characters no output format can hold (control characters, U+FFFE/U+FFFF,
  lone surrogates) become U+FFFD, reported once in a ``text-cleaned``
  diagnostic (:func:`unsafe_characters`): text is made safe here, once, so
  every exporter can write every document the parser gives;

* the private-use bullet glyphs PDF converters leave (U+F0B7 and its kin,
  from the Symbol and Wingdings fonts) become "•";
* markdown emphasis around a whole line ("**Vraag 1**", "__Antwoord__"),
  which PDF-to-markdown converters write around labels, becomes spaces;
One change alters line lengths, so it keeps a map back instead
(:func:`compose`): Unicode composition (NFC: "e" + U+0301 becomes "é"),
ligatures PDF converters leave ("ﬁ" becomes "fi") and soft hyphens (U+00AD,
invisible hyphenation points that break words apart for search) are
normalised, and :class:`Columns` gives every column of a changed line its
column in the input, for diagnostics.  (A spacing accent, "Kostic ´", is
no combining mark and stays as printed.)
"""

from __future__ import annotations

import re
import unicodedata
from array import array

import attrs

__all__ = ["Columns", "compose", "normalise", "unsafe_characters"]

_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "•", "\uf076": "•", "\uf0d8": "•", "\uf0fc": "•", "\uf0a8": "•"})
_EMPHASIS = re.compile(r"(?m)^([ \t]*)(\*\*|__)(?=\S)([^\n]*?\S)\2([ \t]*)$")


# Characters no XML-based output (Word, Excel, HTML) can hold and no text
# needs: C0 controls other than tab, line feed, carriage return and the
# white-space form feed / vertical tab, the non-characters U+FFFE and U+FFFF,
# and lone surrogates (which str.encode refuses).
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def unsafe_characters(text: str) -> tuple[str, int, int]:
    """``text`` with every unsafe character replaced by U+FFFD (one for one:
    positions stay), how many there were, and the index of the first (-1)."""
    first = _UNSAFE.search(text)
    if first is None:
        return text, 0, -1
    cleaned, count = _UNSAFE.subn("\ufffd", text)
    return cleaned, count, first.start()


def normalise(text: str) -> str:
    """``text`` with converter debris made neutral, every line as long as before."""
    if any(ch in text for ch in "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"):
        text = text.translate(_BULLETS)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: f"{m.group(1)}  {m.group(3)}  {m.group(4)}", text)
    return text


_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_SOFT_HYPHEN = "\u00ad"
_CHANGED = ("\u00ad", *_LIGATURES)


def _unchanged(text: str) -> bool:
    """Would :func:`compose` leave ``text`` as it is?  (``in`` per character:
    faster on megabytes than a pattern.)"""
    return text.isascii() or (unicodedata.is_normalized("NFC", text) and not any(ch in text for ch in _CHANGED))


@attrs.frozen
class Columns:
    """For each line :func:`compose` changed (1-based), the input column
    (1-based) of every column of the changed line."""

    lines: dict[int, array] = attrs.Factory(dict)

    def original(self, line: int, column: int) -> int:
        """The input column of ``column`` on ``line``."""
        columns = self.lines.get(line)
        if columns is None:
            return column
        if column - 1 < len(columns):
            return columns[column - 1]
        return (columns[-1] if columns else 0) + column - len(columns)  # past the end: the "\n"


def compose(text: str) -> tuple[str, Columns]:
    """``text`` in NFC, with ligatures spelled out and soft hyphens taken
    out, and the map back to the input's columns.  Most text (ASCII, or
    already composed without ligatures) is returned as it is, at once."""
    if _unchanged(text):
        return text, Columns()
    out: list[str] = []
    changed: dict[int, array] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if _unchanged(line):
            out.append(line)
            continue
        pieces: list[str] = []
        columns = array("l")
        at = 0
        while at < len(line):
            end = at + 1
            while end < len(line) and unicodedata.combining(line[end]):
                end += 1  # a character and the marks combining with it compose together
            piece = line[at:end]
            if piece == _SOFT_HYPHEN:
                piece = ""
            else:
                piece = unicodedata.normalize("NFC", "".join(_LIGATURES.get(ch, ch) for ch in piece))
            pieces.append(piece)
            columns.extend([at + 1] * len(piece))
            at = end
        new = "".join(pieces)
        out.append(new)
        if new != line:
            changed[number] = columns
    return "\n".join(out), Columns(changed)
