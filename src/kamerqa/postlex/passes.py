"""The line passes: an ordered chain of small named rules over one shared
:class:`State` (markdown-it-py's block rules are the model).

:meth:`PostLexer.process <kamerqa.postlex.lexer.PostLexer.process>` walks
the lines once.  Plain text and blank lines inside a question or answer -
most lines - take a fast lane; every other line is offered to the rules of
:data:`LINE_RULES` in order, and the first that takes it emits its tokens.
Rules for rare blocks (:mod:`.blocks`) run before the fast lane, only from
the line where their block begins.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from lark import Token

from ..grammar import Lines, new_token
from ..header import read_role
from ..layouts import REGISTRY
from ..layouts import Start as _Start
from ..model import Severity
from ..text import ENDS_SENTENCE, clean_line, footnote_lead, footnote_marker_span
from .context import SENTENCE_END, TEXT_KINDS, MarkerSites, last_type, looks_like_name, numbers, retype
from .detect import in_sequence

if TYPE_CHECKING:
    from .lexer import PostLexer

__all__ = ["LINE_RULES", "NOTE_REACH", "State", "is_note_body"]


class State:
    """What the line passes share while reading one document."""

    def __init__(self, lexer: PostLexer, lines: Lines, footers: set[int], prelude: set[int], paragraphs: bool) -> None:
        self.lexer = lexer
        self.lines = lines
        self.footers = footers
        self.prelude = prelude
        self.paragraphs = paragraphs  # blank lines separate paragraphs (more than a tenth of the lines)
        self.out: list[Token] = []
        self.in_header = True
        self.expected = 1  # the next question number
        self.previous: tuple[int, str] | None = None  # the last question's (number, letter)
        self.current: set[int] = set()  # the numbers of the question being read
        self.seen: set[int] = set()  # every question number started, in any section
        self.gaps: list[tuple[Token, int, int]] = []  # (start, number expected there, number printed)
        self.title_open = self.awaiting_name = self.in_note = False
        self.answer_at: int | None = None  # where an unlabelled answer starts
        self.next_note, self.note_text = 1, "1"  # the next footnote marker, and as text
        self.candidate: tuple[int, int, int] | None = None  # (index in out, start and end in its value)
        self.sites = MarkerSites(self.out)
        self.pending = -1  # the first of the text lines not emitted yet (-1: none)
        self.start: _Start | None = None  # the question the current line starts, if any
        self.answer_numbers: set[int] = set()  # the numbers answered after an answers heading
        self.heading_open = False  # the answers heading's lines go on
        #: The lines each number opens as a footnote body would, built when a
        #: marker on a line of its own is first looked at (see _body_below).
        self.note_bodies: dict[int, list[int]] | None = None

    def flush(self, end: int) -> None:
        """Emit the pending text lines (up to ``end``) as one TEXT token."""
        pending, values = self.pending, self.lines.values
        value = values[pending] if end - pending == 1 else "".join(values[pending:end])
        column = 1 + self.lines.offsets.get(pending, 0)
        self.out.append(new_token("TEXT", value, None, pending + 1, column, end + 1, 1, None))
        self.pending = -1

    def emit_text(self, token: Token, type_: str = "TEXT") -> None:
        """Emit a text line; note it if it holds the next footnote marker."""
        self.out.append(retype(token, type_) if token.type != type_ else token)
        if self.note_text in token.value:  # most lines: no need to look further
            span = footnote_marker_span(token.value, self.note_text)
            if span is not None:
                self.candidate = (len(self.out) - 1, *span)


Rule = Callable[[State, int, str, Token], bool]


# The line rules, in order --------------------------------------------------------


def page_furniture(state: State, index: int, kind: str, token: Token) -> bool:
    """A running header or footer (found by the pre-passes)."""
    if index not in state.footers:
        return False
    state.out.append(retype(token, "FOOTER"))
    state.in_note = False  # a footnote ends with its page: the next page's text is no part of it
    return True


def blank_line(state: State, index: int, kind: str, token: Token) -> bool:
    """A blank line: one token for a run of them (they parse as one)."""
    if kind != "BLANK":
        return False
    if not state.out or state.out[-1].type != "BLANK":
        state.out.append(token)
    state.title_open = state.in_note = False
    return True


def page_break(state: State, index: int, kind: str, token: Token) -> bool:
    if kind != "PAGE_BREAK":
        return False
    state.out.append(token)
    state.in_note = False
    return True


def prelude_line(state: State, index: int, kind: str, token: Token) -> bool:
    """Text before the document proper (found by the pre-passes)."""
    if index not in state.prelude:
        return False
    state.out.append(retype(token, "PRELUDE"))
    return True


def question_number(state: State, index: int, kind: str, token: Token) -> bool:
    """Not a rule of its own: whether the line starts the next question,
    for the rules after it.  Never takes the line."""
    lexer = state.lexer
    # Under the heading of the answers that follow all questions, no question starts.
    answers = lexer.answers_at is not None and index > lexer.answers_at
    state.start = (
        lexer.next_start(state.lines, index, state.expected, state.previous) if index in lexer.starts and not answers else None
    )
    return False


def footnote_body(state: State, index: int, kind: str, token: Token) -> bool:
    """A footnote body: "1https://...", "1 Nederlands Dagblad, ..." after a
    marker "media.1", "[1 ]".  A line that could also start the next
    question is a footnote only when it follows another footnote body, and
    never when it is written as a question ("2. ...", "Vraag 2")."""
    candidate = state.candidate
    if candidate is None:
        return False
    # A marker typed "1)" (Word letters) has its body among the notes that
    # end the letter: "1) ..." anywhere else is a list item.
    typed = state.out[candidate[0]].value[candidate[1] : candidate[2]].endswith(")")
    trailing = state.lexer.typed_notes_at
    note = footnote_lead(token.value, parenthesis=typed and trailing is not None and index >= trailing)
    if note is None or int(note[0]) != state.next_note:
        return False
    if state.start is not None and not (
        state.lexer.form == "table" and last_type(state.out) in ("FOOTNOTE_BODY", "FOOTNOTE_MORE")
    ):
        return False
    state.lexer.confirm_footnote(state.out, candidate, state.note_text)
    state.next_note += 1
    state.note_text = str(state.next_note)
    state.candidate = state.sites.last_since(candidate[0], state.note_text)
    state.out.append(retype(token, "FOOTNOTE_BODY"))
    state.in_note = not SENTENCE_END.search(token.value) or _counter_follows(state, index)
    return True


def footnote_continuation(state: State, index: int, kind: str, token: Token) -> bool:
    """The next line of a footnote body that did not end its sentence."""
    if state.in_note and state.start is None and kind in TEXT_KINDS and token.value[:1] not in (" ", "\t", "\u00a0"):
        state.out.append(retype(token, "FOOTNOTE_MORE"))
        state.in_note = not SENTENCE_END.search(token.value) or _counter_follows(state, index)
        return True
    state.in_note = False
    return False


def question_start(state: State, index: int, kind: str, token: Token) -> bool:
    """The start of the next question: its number, text and page cell; and
    where its unlabelled answer begins, if it has one."""
    start = state.start
    if start is None:
        return False
    lexer, context = state.lexer, state.lexer.context
    expected = state.expected
    numbered = bool(start.label)  # "": a question printed without a number
    lost = lexer.lost.get(index)
    if lost is not None:  # its number was lost: the numbering goes on after it
        kept = f"its answer is numbered {lost}" if numbered else "read as a question without one"
        context.report(
            Severity.INFO,
            "question-number-lost",
            f"question {lost} has no printed number (lost in the print or its OCR); {kept}",
            token,
            expected=str(lost),
        )
        state.seen.add(lost)
        lexer.used.add(lost)
        state.expected, state.previous = max(expected, lost + 1), (lost, "")
    if numbered and REGISTRY[lexer.form].labels_decide and start.first < expected and not in_sequence(start, expected, state.previous, lexer.MAX_SKIP):
        if start.first in lexer.used:  # "Vraag 1" again: a second numbered set (next_start let only 1 through)
            lexer.used = set()
            context.report(
                Severity.INFO, "numbering-restart", "the numbering starts again at 1 here", token, expected=str(expected), found=start.label
            )
            state.expected = expected = 1
        else:
            context.report(
                Severity.INFO,
                "numbering-order",
                f"question {start.label} is printed after question {expected - 1}",
                token,
                expected=str(expected),
                found=start.label,
            )
    if numbered and start.first > expected:
        state.gaps.append((token, expected, start.first))
    started = numbers(start.label)
    state.current = started
    lexer.last_start = index
    lexer.used.update(started)
    state.seen.update(started)
    state.expected, state.previous = max(expected, start.last + 1), (start.first, start.letter)
    state.in_header = state.title_open = state.awaiting_name = False
    label, rest, cell = lexer.start_tokens(token, start, state.lines, index)
    state.out.append(label)
    if rest is not None:
        state.emit_text(rest)
    if cell is not None:
        state.out.append(cell)
    state.answer_at = lexer.implicit_answer(state.lines, index, start, state.expected, state.previous, state.paragraphs)
    return True


def lone_number(state: State, index: int, kind: str, token: Token) -> bool:
    """A number alone on its line: the table's "Blz." cell, a footnote
    marker set on a line of its own, else a page number."""
    if kind == "NUMBER_ONLY" and REGISTRY[state.lexer.form].page_cells:
        state.out.append(retype(token, "PAGE_CELL", clean_line(token.value)))  # the "Blz." column
        return True
    if kind == "NUMBER_ONLY" and _marker_line(state, index):
        state.emit_text(token)
        return True
    if kind in ("NUMBER_ONLY", "PAGE_OF"):
        state.out.append(retype(token, "PAGE_NUMBER", clean_line(token.value)))  # the document's own page
        return True
    return False


def header_line(state: State, index: int, kind: str, token: Token) -> bool:
    """Before the first question: dossier and title, kind, number,
    Vastgesteld, the signatures and their names, the column header."""
    if not state.in_header:
        return False
    out = state.out
    if kind == "DOSSIER_LINE":
        out.append(token)
        state.title_open = True
    elif kind in ("KIND_LINE", "NR_LINE", "VASTGESTELD_LINE", "COLUMN_HEADER"):
        out.append(token)
        state.title_open = state.awaiting_name = False
    elif kind == "QUESTION_LINE" and last_type(out) == "COLUMN_HEADER":
        out.append(retype(token, "COLUMN_HEADER"))  # "Nr" / "Vraag" header cells
    elif kind == "ROLE_LINE":
        out.append(token)
        state.title_open = False
        state.awaiting_name = read_role(token.value)[1] is None
    elif state.title_open and kind in TEXT_KINDS:
        state.emit_text(token, "TITLE_LINE")
    elif state.awaiting_name and looks_like_name(clean_line(token.value)):
        out.append(retype(token, "NAME_LINE"))
        state.awaiting_name = False
    else:
        state.awaiting_name = False
        if kind == "ANSWER_LINE":
            out.extend(state.lexer.split_label(token, "ANSWER_LABEL"))  # the grammar reports it
        else:
            state.emit_text(token)
    return True


def list_line(state: State, index: int, kind: str, token: Token) -> bool:
    """In the list of questions: an answer label, a bare question label
    under its number, a stray fragment, a repeated column header, or text."""
    lexer, out = state.lexer, state.out
    if kind == "ANSWER_LINE" and not lexer.answers_another(token.value, state.current):
        label, *rest_of_line = lexer.split_label(token, "ANSWER_LABEL")
        out.append(label)
        for part in rest_of_line:
            state.emit_text(part)
    elif kind == "QUESTION_LINE" and lexer.bare_question_label(token.value) and last_type(out) == "QUESTION_START":
        out.append(retype(token, "QUESTION_LABEL", clean_line(token.value)))
    elif kind == "INDENTED":
        out.append(retype(token, "FRAGMENT"))
    elif kind == "COLUMN_HEADER":
        out.append(token)  # repeated at the top of a page
    else:
        state.emit_text(token)
        if kind == "NUMBERED" and (number := _marker_at_start(state, index)) is not None:
            site = (len(out) - 1, *number)
            marker = token.value[number[0] : number[1]]
            if marker == state.note_text:
                state.candidate = site
            else:
                state.sites.place(marker, site)
    return True


#: The rules a line that is not plain text is offered to, in order.
LINE_RULES: tuple[Rule, ...] = (
    page_furniture,
    blank_line,
    page_break,
    prelude_line,
    question_number,
    footnote_body,
    footnote_continuation,
    question_start,
    lone_number,
    header_line,
    list_line,
)


#: How many lines a footnote of flat text may run on to its page's counter.
NOTE_REACH = 4


def _counter_follows(state: State, index: int) -> bool:
    """In text whose line breaks were lost, footnote bodies run to the page
    counter ("3/7") that ends their page; the sentence breaks re-breaking
    put inside them are no ends.  Does the counter follow within
    :data:`NOTE_REACH` lines, with no question or label before it (a
    number the questions have passed is none)?"""
    if not state.lexer.context.reflowed:
        return False
    kinds, starts = state.lines.kinds, state.lexer.starts
    # Without labels, numbers run on: "No. 20. Paris: OECD" after question
    # 20 has started is part of the body, not a question.
    passed = state.expected if not REGISTRY[state.lexer.form].labels_decide else 0
    for following in range(index + 1, min(index + 1 + NOTE_REACH, len(kinds))):
        kind = kinds[following]
        if kind == "PAGE_OF":
            return True
        start = starts.get(following)
        if kind in ("QUESTION_LINE", "ANSWER_LINE", "BLANK") or (start is not None and not (start.label and start.first < passed)):
            return False
    return False


def is_note_body(value: str, marker: int) -> bool:
    """Does this line open the body of footnote ``marker`` ("1 Ter inzage ...")?"""
    lead = footnote_lead(value)
    return lead is not None and int(lead[0]) == marker


#: How far below a marker set on a line of its own its footnote body may
#: stand, in lines (about a page of PDF text).
MARKER_LINE_REACH = 60


def _marker_at_start(state: State, index: int) -> tuple[int, int] | None:
    """PyPDF2 text also sets a marker at the start of the line under the
    sentence it marks ("... onder vuur»?" / "1 Herkent u"): a numbered line
    that starts no question, under a sentence's end, is a footnote's marker
    (where it stands on the line) where that footnote's body opens a line
    within :data:`MARKER_LINE_REACH` lines below."""
    kinds, values = state.lines.kinds, state.lines.values
    lead = footnote_lead(values[index])
    # Under a sentence's end, not under "... als volgt:", where a list follows.
    if lead is None or index == 0 or kinds[index - 1] not in TEXT_KINDS or not ENDS_SENTENCE.search(values[index - 1]):
        return None
    number = int(lead[0])
    if number < state.next_note or not _body_below(state, index, number):
        return None
    start = values[index].index(lead[0])
    return start, start + len(lead[0])


def _body_below(state: State, index: int, number: int) -> bool:
    """Does footnote ``number``'s body open a line within :data:`MARKER_LINE_REACH` lines below ``index``?"""
    if state.note_bodies is None:  # where each number opens a line, read once when first asked
        state.note_bodies = {}
        for at, value in enumerate(state.lines.values):
            lead = footnote_lead(value)
            if lead is not None:
                state.note_bodies.setdefault(int(lead[0]), []).append(at)
    lines = state.note_bodies.get(number, [])
    after = bisect.bisect_right(lines, index)
    return after < len(lines) and lines[after] <= index + MARKER_LINE_REACH


def _marker_line(state: State, index: int) -> bool:
    """PyPDF2 text sets a superscript footnote marker on a line of its own
    under the text it belongs to ("... onderzoekers»?" / "1"): the number
    alone right under a text line is a footnote's marker (the next one, or
    one after it: markers 1 and 2 may stand before body 1) where that
    footnote's body ("1NOS, 22 oktober 2024, ...") opens a line within
    :data:`MARKER_LINE_REACH` lines below; else it is a page number."""
    kinds, values = state.lines.kinds, state.lines.values
    number = int(values[index])
    if index == 0 or kinds[index - 1] not in TEXT_KINDS or number < state.next_note:
        return False
    return _body_below(state, index, number)
