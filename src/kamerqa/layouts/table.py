"""The draft committee table: "Nr | Vraag | Bijlage | Blz. (van) | t/m"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import DIGITS, HSPACE
from .base import Layout, Start, ends_question, number_then_question, start, starts_question

if TYPE_CHECKING:
    from ..grammar import Lines

# "21 Aangezien ...", and a sub-question "2a Betreft ..." (the letter glued, as the shape NUMBERED has it).
_START = re.compile(rf"^{HSPACE}*({DIGITS}[a-z]?){HSPACE}+(?=\S)")


_on_its_line = number_then_question(_START)
_HEADING_END = re.compile(r"\((?:[Ii]ngezonden|[Oo]ntvangen)[^()]{1,40}\)\.?\s*$")  # the heading above the first question
_ALONE = re.compile(rf"^{HSPACE}*({DIGITS}){HSPACE}*$")


def find_start(lines: Lines, index: int) -> Start | None:
    """ "21 Aangezien ...": the number and the question on one line.  Also a
    number alone between a question's last line ("... ?") and a line that
    opens the next question (an old print whose OCR put the number at the
    end of the line before: "... beperkingen? 9" / "Bent U bereid ..."); a
    number alone anywhere else is the row's page cell."""
    if lines.kinds[index] != "NUMBER_ONLY":
        return _on_its_line(lines, index)
    match = _ALONE.match(lines.values[index])
    if match is None or index == 0 or not (ends_question(lines.values[index - 1]) or _HEADING_END.search(lines.values[index - 1])):
        return None
    following = index + 1
    if following >= len(lines) or lines.kinds[following] != "TEXT" or not starts_question(lines.values[following]):
        return None
    return start(match.group(1), None)


LAYOUT = Layout(
    name="table",
    summary="the draft committee table: number, question and page cells in one row",
    question='a number, a space and the question on one line: "21 Aangezien ..."',
    answer='an "Antwoord" line, then the answer',
    lone_number='the "Blz." page cell of the row',
    furniture='the column header "Nr Vraag Bijlage Blz. (van) t/m", page footers "Totaallijst ... 3/15"',
    example="1 Aangezien de regering ...?\nAntwoord\nHet kabinet ...\n\n2 Welke kosten?\n9\nAntwoord\nGeen.\n",
    start_shapes=("NUMBERED", "DOSSIER_LINE", "NUMBER_ONLY"),
    find_start=find_start,
    page_cells=True,
)
