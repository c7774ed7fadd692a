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
Soft hyphens (U+00AD) stay: they are invisible, keep a word whole and
mean the same in every output format.  Ligatures (ﬁ, ﬂ) and Unicode
composition (NFC) would change line lengths and so move every column after
them; they are left as printed for now (the corpus keeps decomposed
diacritics as printed, "Kostic ´").
"""

from __future__ import annotations

import re

__all__ = ["normalise", "unsafe_characters"]

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
