"""The draft committee table: "Nr | Vraag | Bijlage | Blz. (van) | t/m"."""

from __future__ import annotations

import re

from ..vocabulary import DIGITS, HSPACE
from .base import Layout, number_then_question

# "21 Aangezien ...", and a sub-question "2a Betreft ..." (the letter glued, as the shape NUMBERED has it).
_START = re.compile(rf"^{HSPACE}*({DIGITS}[a-z]?){HSPACE}+(?=\S)")


find_start = number_then_question(_START)


LAYOUT = Layout(
    name="table",
    summary="the draft committee table: number, question and page cells in one row",
    question='a number, a space and the question on one line: "21 Aangezien ..."',
    answer='an "Antwoord" line, then the answer',
    lone_number='the "Blz." page cell of the row',
    furniture='the column header "Nr Vraag Bijlage Blz. (van) t/m", page footers "Totaallijst ... 3/15"',
    example="1 Aangezien de regering ...?\nAntwoord\nHet kabinet ...\n\n2 Welke kosten?\n9\nAntwoord\nGeen.\n",
    start_shapes=("NUMBERED", "DOSSIER_LINE"),
    find_start=find_start,
    page_cells=True,
)
