"""The rare blocks: rules that run before the fast lane, only from the line
where their block begins (:meth:`PostLexer.process
<kamerqa.postlex.lexer.PostLexer.process>`).

* :func:`answers_section`: after the heading of a print whose questions come
  first (or of a list of answers only), answers by number;
* :func:`closing_heading`: a Mededeling that takes the place of the
  answers, or the question letter's Toelichting.
"""

from __future__ import annotations

from ..layouts.base import starts_question
from ..model import Severity
from .context import SENTENCE_END, numbers, retype
from .passes import State, is_note_body
from .prepass import ANSWERS_HEADING_LINE

__all__ = ["LOST_REACH", "answers_section", "closing_heading"]


def answers_section(state: State, index: int) -> bool:
    """After the heading of a print whose questions come first: the
    heading's lines, then answers by number; any other line is read as
    everywhere (text, footnotes, page furniture)."""
    lexer, lines = state.lexer, state.lines
    value = lines.values[index]
    if index == lexer.answers_at or (state.heading_open and ANSWERS_HEADING_LINE.match(value)):
        if state.pending >= 0:
            state.flush(index)
        # "Antwoord", "Antwoord van X. (Ontvangen ...)", "LIJST VAN ANTWOORDEN1 Ontvangen ...":
        # emitted as text is, so that a footnote marker on it is found.
        state.emit_text(lines.token(index), "ANSWERS")
        state.heading_open = True
        return True
    state.heading_open = False
    numbered = lexer.answer_start(lines, index, state.answer_numbers) if index not in state.footers else None
    if numbered is None and index not in state.footers and _lost_number(state, index):
        return True
    # A numbered line that could open the body of the next footnote is one,
    # except the first under the heading: a footnote's body follows text.
    if numbered is None or (state.answer_numbers and state.candidate is not None and is_note_body(value, state.next_note)):
        return False
    if state.pending >= 0:
        state.flush(index)
    state.answer_numbers.update(numbers(numbered.label))
    label, rest, _ = lexer.start_tokens(lines.token(index), numbered, lines, index)
    state.out.append(retype(label, "ANSWER_NUMBER"))
    if rest is not None:
        state.emit_text(rest)
    return True



#: How far on the next numbered answer is looked for, in lines.
LOST_REACH = 40



def _lost_number(state: State, index: int) -> bool:
    """An answer whose number OCR lost: the numbers run 1, then 3, question
    2 is unanswered, and after answer 1's sentence a new one opens its own
    line ("1 Ja." / "De aanvankelijk ..." / "3 In het kader ..."): that line
    starts answer 2.  Reported, since the number is read, not printed.

    In a list of answers only there are no questions to read the number
    from: where answer 2 is printed nowhere in it, such a line starts an
    answer of its own, without a number (it may be answer 2, or a second
    answer to 1's question; which, the print does not say)."""
    lexer, lines = state.lexer, state.lines
    kinds, values = lines.kinds, lines.values
    if not state.answer_numbers or kinds[index] != "TEXT" or index == 0 or kinds[index - 1] == "BLANK":
        return False
    missing = max(state.answer_numbers) + 1
    if not starts_question(values[index]) or not SENTENCE_END.search(values[index - 1]):
        return False
    # Answers only: the skipped number is answered nowhere.  Else: its question is printed.
    if (missing in lexer.printed_answers) if lexer.answers_only else (missing not in state.seen):
        return False
    for following in range(index + 1, min(index + LOST_REACH, len(kinds))):
        after = lexer.answer_start(lines, following, state.answer_numbers) if following not in state.footers else None
        if after is not None:
            if after.first != missing + 1:
                return False
            break
    else:
        return False
    if state.pending >= 0:
        state.flush(index)
    token = lines.token(index)
    if lexer.answers_only:
        number, message = "", (
            f"an answer without a printed number after answer {missing - 1}, and answer {missing} is printed nowhere; "
            "kept as an answer of its own, without a number"
        )
    else:
        number, message = str(missing), f"answer {missing} has no printed number (lost in the print or its OCR); read from the numbers around it"
    state.out.append(retype(token, "ANSWER_NUMBER", number))
    lexer.context.report(Severity.INFO, "answer-number-lost", message, token, text=None, expected=str(missing))
    state.answer_numbers.add(missing)
    state.emit_text(token)
    return True


def closing_heading(state: State, index: int, type_: str) -> None:
    """The heading of a block that ends the list: a Mededeling that takes
    the place of the answers, or the question letter's Toelichting."""
    if state.pending >= 0:
        state.flush(index)
    state.out.extend(state.lexer.split_heading(state.lines.token(index), type_))
    state.answer_at = None
