"""The official publication: a question number alone on a line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import DIGITS, HSPACE
from .base import Layout, Start, next_text, start, starts_question

if TYPE_CHECKING:
    from ..grammar import Lines

_ALONE = re.compile(rf"^{HSPACE}*({DIGITS}){HSPACE}*$")


def find_start(lines: Lines, index: int) -> Start | None:
    match = _ALONE.match(lines.values[index])
    following = next_text(lines, index) if match else None
    if match is None or following is None:
        return None
    text, kind = lines.values[following].strip(), lines.kinds[following]
    if kind == "ANSWER_LINE" or not (starts_question(text) or kind == "QUESTION_LINE"):
        return None  # a question number is followed by its question (or "Vraag:"), not by "Antwoord"
    return start(match.group(1).strip(), None)


LAYOUT = Layout(
    name="numbered",
    summary="a question number alone on a line, then the question",
    question='"1" alone on a line, then the question (or a "Vraag:" line)',
    answer='unlabelled after the question\'s last sentence ending in "?", or an "Antwoord" / "Antwoord:" line',
    lone_number="the next question's number",
    furniture="footnote bodies, page headers",
    example="1\nIs dat zo?\nJa.\n",
    start_shapes=("NUMBER_ONLY", "DOSSIER_LINE"),  # a lone five-digit number lexes as a dossier number
    find_start=find_start,
)
