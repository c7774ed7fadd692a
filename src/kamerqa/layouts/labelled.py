"""Labelled questions: "Vraag 1" (Kamervragen, Rekenkamer letters, web pages)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import HSPACE, NOISE, NUMBERS, QUESTION_WORD
from .base import Layout, Start, bare_label, start, starts_question

if TYPE_CHECKING:
    from ..grammar import Lines

START = re.compile(rf"^{HSPACE}*{QUESTION_WORD}{HSPACE}+{NOISE}?({NUMBERS})\.?{HSPACE}*:?{HSPACE}*")


def find_start(lines: Lines, index: int) -> Start | None:
    value = lines.values[index].rstrip("\n")
    match = START.match(value)
    if not match:
        # A bare "Vraag" among numbered labels: a question printed without
        # its number (detection counts numbers only, so it is no evidence).
        return bare_label(lines, index)
    text_at = match.end() if match.end() < len(value) else None
    if text_at is not None and not starts_question(value[text_at:]):
        return None
    return start(match.group(1).strip(), text_at)


LAYOUT = Layout(
    name="labelled",
    summary='"Vraag 1" labels, answers after "Antwoord 1" or unlabelled',
    question='"Vraag 1", "Vraag 4 en 5", "VRAAG 2", "Vr. 3", "Vraag 1: ..." on a line of its own or before the question',
    answer='"Antwoord", "Antwoord 1", "Antwoorden 5 en 6", "Antwoord op vraag 1:", or unlabelled after the last "?"',
    lone_number="the document's page number",
    furniture="running headers, page counters 3/8, publication footers, footnote bodies",
    example="Vraag 1\nIs dat zo?\nAntwoord 1\nJa.\n",
    start_shapes=("QUESTION_LINE",),
    find_start=find_start,
    labels_decide=True,
)
