"""Input normalisation before lexing: what converters leave that is not text.

Every change keeps each line's length, so lines and columns in diagnostics
and source spans still point at the original input:

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

__all__ = ["normalise"]

_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "•", "\uf076": "•", "\uf0d8": "•", "\uf0fc": "•", "\uf0a8": "•"})
_EMPHASIS = re.compile(r"(?m)^([ \t]*)(\*\*|__)(?=\S)([^\n]*?\S)\2([ \t]*)$")


def normalise(text: str) -> str:
    """``text`` with converter debris made neutral, every line as long as before."""
    if any(ch in text for ch in "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"):
        text = text.translate(_BULLETS)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: f"{m.group(1)}  {m.group(3)}  {m.group(4)}", text)
    return text
