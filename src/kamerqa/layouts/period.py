"""Numbered paragraphs: "1. Waar zijn ...?" or "1) Waar zijn ...?"."""

from __future__ import annotations

import re

from ..vocabulary import DIGITS, HSPACE
from .base import Layout, number_then_question

_START = re.compile(rf"^{HSPACE}*({DIGITS})[.)]{HSPACE}+(?=\S)")


find_start = number_then_question(_START)


LAYOUT = Layout(
    name="period",
    summary='numbered paragraphs: "1. question" or "1) question"',
    question='"1. Waar zijn ...?" or "1) Waar zijn ...?" at the start of a line',
    answer="unlabelled after the question's last sentence ending in \"?\", or an \"Antwoord vraag 1:\" label",
    lone_number="the document's page number",
    furniture="page numbers, footers",
    example="1. Waar zijn de kosten?\nDe kosten zijn ...\n",
    start_shapes=("NUMBERED",),
    find_start=find_start,
)
