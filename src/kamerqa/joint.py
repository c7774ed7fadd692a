"""Joint questions: the text of each question under one joint label.

"Vraag 4 en 5" stands over two questions printed one after the other, and
the answer covers both.  The model keeps the whole text and also each
question in ``Question.parts``.  Where a part ends is read from evidence, the
strongest first:

1. a paragraph break or a line of its own;
2. a question mark glued to the next question ("...bijstaan?Waarom zou"),
   which PDF text extractors leave where a paragraph ended;
3. a question mark followed by a space and a new question.

A follow-up sentence is never a new part: "Zo ja, ...?", "Zo nee, ...?",
"Indien ...", or a question of fewer than ``MIN_WORDS`` words ("Waarom?").
With more boundaries of one strength than needed, the earliest win: a
question's follow-ups come after it.
"""

from __future__ import annotations

import re

__all__ = ["MIN_WORDS", "split_parts"]

#: A sentence after a "?" shorter than this is a follow-up, not a question of its own.
MIN_WORDS = 4

# A "?" (closing marks after it) and the space before the next question;
# a footnote marker set after the "?" on a line of its own ("...?" / "1")
# stays with the question it belongs to.
_BOUNDARY = re.compile(r"\?[\"'”’»)\]]*(?:[ \t]*\d{1,3}(?:[ \t]+\d{1,3})*(?=\s))?(\s*)(?=[\"'“‘(\[]?[A-ZÀ-Þ])")
_FOLLOW_UP = re.compile(r"[\"'“‘(\[]?(?:Zo\b|En zo\b|Indien\b|Zo ja\b|Zo nee\b|Zo niet\b|Of\b|En\b|Waarom niet\b)")
_SENTENCE = re.compile(r"[^?.!]*[?.!]?")


def _strength(space: str) -> int:
    if "\n" in space:
        return 3
    return 2 if space == "" else 1


def split_parts(text: str, count: int) -> tuple[str, ...]:
    """``text`` split into ``count`` questions, or ``()`` if it holds fewer
    boundaries than that."""
    if count < 2:
        return ()
    candidates: list[tuple[int, int, int]] = []  # (strength, end of the part, start of the next)
    for match in _BOUNDARY.finditer(text):
        after = text[match.end() :]
        if _FOLLOW_UP.match(after):
            continue
        sentence = _SENTENCE.match(after)
        if sentence is None or len(sentence.group(0).split()) < MIN_WORDS:
            continue
        candidates.append((_strength(match.group(1)), match.start(1), match.end()))
    if len(candidates) < count - 1:
        return ()
    chosen = sorted(sorted(candidates, key=lambda c: (-c[0], c[1]))[: count - 1], key=lambda c: c[1])
    parts, start = [], 0
    for _, end, following in chosen:
        parts.append(text[start:end].strip())
        start = following
    parts.append(text[start:].strip())
    return tuple(parts)
