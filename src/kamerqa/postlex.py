"""Context decisions: what each line *is*, given what came before and after.

The shape lexer (``grammars/lines.lark``) only says what a line looks like.
A context-free grammar cannot say whether "31 december 2023 zal uw Kamer"
starts question 31 (no: question 6 is next, and questions start with a
capital), whether a lone "9" is a page number or question 9, or where an
unlabelled answer begins.  Every such decision is made here, and nowhere
else; the layout grammar (``grammars/qa.lark``) then checks the structure.

Layouts differ in how a question starts:

=========  =============================================  ===============
form       a question starts with                         a lone number is
=========  =============================================  ===============
table      "21 Aangezien ..." (number, space, capital)     a page number
period     "1. Waar zijn ..."                              a page number
numbered   "1" alone, then the question (or "Vraag:")      the question's
labelled   "Vraag 1", "Vraag 4 en 5", "Vraag 1: ..."       a page number
=========  =============================================  ===============

:func:`detect_form` picks the form whose question numbers run longest in
sequence.  Answers start at an "Antwoord" label; where a question has none
before the next question, the answer starts after the question's last
line ending in "?" (unless the list has no answers at all).

:mod:`kamerqa.flat` first re-breaks text whose line breaks were lost (a
whole letter on one line), keeping a map back to the original positions.

The post-lexer also records what it learned on the side (footnote markers
it confirmed, numbering gaps) in a :class:`ParseContext`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import attrs
from lark import Token

from .codes import CODES
from .errors import InternalError
from .furniture import publication_footer_lines, publication_footers
from .grammar import Lines, new_token
from .header import read_role
from .layouts import REGISTRY
from .layouts import Start as _Start
from .layouts import names as layout_names
from .model import Diagnostic, Severity
from .text import (
    HSPACE,
    clean_line,
    covered_numbers,
    footnote_lead,
    footnote_marker_span,
    footnote_markers,
    number_label,
    starts_with_month,
)
from .vocabulary import ANSWER_LABEL, ANSWERS_HEADING, MEDEDELING_LABEL, NUMBERS, QUESTION_WORD

__all__ = [
    "FORMS",
    "FootnoteRef",
    "ParseContext",
    "PostLexer",
    "detect_form",
    "questions_only",
]

FORMS = layout_names()


@attrs.define
class FootnoteRef:
    """A confirmed footnote marker in running text (it stays there, as printed)."""

    marker: str
    line: int
    column: int
    length: int  # of the marker as printed: "1" or "[1 ]"


@attrs.define
class ParseContext:
    """What one parse learns besides the token stream."""

    diagnostics: list[Diagnostic] = attrs.Factory(list)
    footnote_refs: dict[str, FootnoteRef] = attrs.Factory(dict)
    form: str = "table"
    #: Each layout's evidence on this document (questions in sequence); empty when a layout was forced.
    layout_scores: dict[str, int] = attrs.Factory(dict)
    #: Each layout's lines whose shape could start a question, in or out of
    #: sequence: (number as printed, 1-based line), in document order.
    candidates: dict[str, list[tuple[str, int]]] = attrs.Factory(dict)
    questions_seen: bool = False
    #: The lines were re-broken by kamerqa (flat text, inline numbers): a
    #: short line then says nothing of where the writer ended a paragraph.
    reflowed: bool = False
    dropped: list[tuple[int, tuple[str, str]]] = attrs.Factory(list)  # (line, role) of tokens left out

    def report(
        self, severity: Severity, code: str, message: str, token: Token | None = None, *, text: str | None = None
    ) -> None:
        if code not in CODES:
            raise InternalError(f"unknown diagnostic code {code!r}")
        line = token.line if token is not None else None
        column = token.column if token is not None else None
        if text is None and token is not None:
            text = token.value.rstrip("\n")
        self.diagnostics.append(Diagnostic(severity, code, message, line, column, text))


def _retype(token: Token, type_: str, value: str | None = None, offset: int = 0) -> Token:
    """A token of another type for (part of) the same line; ``offset`` is the
    number of characters the new value starts after the old one."""
    return new_token(
        type_,
        token.value if value is None else value,
        (token.start_pos or 0) + offset,
        token.line,
        (token.column or 1) + offset,
        token.end_line,
        token.end_column,
        token.end_pos,
    )



_BARE_QUESTION_LABEL = re.compile(rf"^{HSPACE}*{QUESTION_WORD}{HSPACE}*:?{HSPACE}*")

_PAGE_CELL = re.compile(r"(?<=\S)[ \t]+(\d{1,3})$")
_DIGITS = re.compile(r"\d+")
#: A word of prose (four letters or more): a line with one is content.
_PROSE_WORD = re.compile(r"[^\W\d_]{4,}")
#: The lines at the top a running footer's title is looked for in.
HEADING_LINES = 40


def _word_runs(text: str, size: int = 4) -> set[tuple[str, ...]]:
    """Every run of ``size`` words in ``text`` (lower-cased)."""
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
_PAGE_COUNTER = re.compile(r"[ \t](\d{1,3})/(\d{1,3})" + HSPACE + r"*$")
_ANSWER_LABEL = re.compile(rf"^({HSPACE}*{ANSWER_LABEL})({HSPACE}*)(.*)$", re.DOTALL)
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*(?:\[\s*\d{1,3}\s*\]|\d{1,2})?\s*$")
_SENTENCE_END = re.compile(r"[.:;!?]['\"”’»)]*\s*$")
_TEXT_KINDS = frozenset({"TEXT", "NUMBERED", "DOSSIER_LINE", "KIND_LINE", "VASTGESTELD_LINE", "ROLE_LINE", "PAGE_COUNTER_LINE", "NR_LINE"})
_HEADER_KINDS = ("DOSSIER_LINE", "KIND_LINE", "NR_LINE", "VASTGESTELD_LINE")
_EMITTED_TEXT = frozenset({"TEXT", "TITLE_LINE"})


def _ends_question(text: str) -> bool:
    return bool(_QUESTION_END.search(text))


def _last_type(out: Sequence[Token]) -> str | None:
    """The type of the last non-blank token emitted."""
    for token in reversed(out):
        if token.type != "BLANK":
            return token.type
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and text[:1].isupper() and not text.endswith((".", ":", ";"))


def _numbers(label: str) -> set[int]:
    """The question numbers a label covers, as integers ("4, 5, 7 en 8" -> 4, 5, 7, 8)."""
    if label.isdecimal():  # most labels: "21"
        return {int(label)}
    return {int(re.match(r"\d+", number).group()) for number in covered_numbers(label)}  # type: ignore[union-attr]


def _in_sequence(start: _Start, expected: int, previous: tuple[int, str] | None, max_skip: int) -> bool:
    """Is ``start`` the next question: its number follows (skipping at most
    ``max_skip``), or it is the next sub-question ("1b" after "1a")?"""
    if expected <= start.first <= expected + max_skip:
        return True
    return previous is not None and start.first == previous[0] and start.letter > previous[1] != ""


def _continues_list(lines: Lines, index: int, start: _Start) -> bool:
    """ "2. Tweede punt." right under "1. Eerste punt.": the next item of a
    numbered list in an answer, not the next question."""
    if index == 0 or lines.kinds[index - 1] == "BLANK":
        return False
    marker = re.match(r"\s*(\d{1,3})[.)]\s", lines.values[index - 1])
    return marker is not None and int(marker.group(1)) == start.first - 1


def _shape_starts(lines: Lines, form: str) -> dict[int, _Start]:
    """The lines whose shape would start a question in ``form``, by index
    in order (whether each number is the next one is for the caller to check)."""
    starts = {}
    layout = REGISTRY[form]
    find_start = layout.find_start
    for index in sorted(index for kind in layout.start_shapes for index in lines.at.get(kind, ())):
        start = find_start(lines, index)  # the line has one of the layout's start shapes
        if start is not None:
            starts[index] = start
    return starts


#: A question label ("Vraag 3") is explicit where a bare number at a line
#: start may be anything (the footnote bodies at a PDF page's foot, "1 Zie
#: ...", "2 ..."): a run of labels counts this many times its length.
LABEL_WEIGHT = 2


def detect_form(
    lines: Lines,
    max_skip: int = 5,
    *,
    found: dict[str, dict[int, _Start]] | None = None,
    scores: dict[str, int] | None = None,
) -> str:
    """The form whose question numbers run longest in sequence; of forms
    with equally long runs, the one that skips fewest numbers ("1 De?" then
    a lone "2" is question 1 of a table, not question 2 of the numbered
    form); then the more explicit form: labels, then "1.", then lone
    numbers, then the table.  ``found``, if given, receives each form's
    possible question starts (for :meth:`PostLexer.process`), ``scores``
    each form's run: the evidence for it.  Labelled numbering may start
    anywhere ("Vraag 5" first); other forms count from 1.  A run of labels
    weighs :data:`LABEL_WEIGHT` times its length."""
    best, best_score = "table", (0, 0)
    for form in REGISTRY:  # detection order: the more explicit layouts first
        run, skipped, expected, previous = 0, 0, 1, None
        starts = _shape_starts(lines, form)
        if found is not None:
            found[form] = starts
        if starts and REGISTRY[form].labels_decide:
            expected = next(iter(starts.values())).first
        for start in starts.values():
            if _in_sequence(start, expected, previous, max_skip):
                run += 1
                skipped += max(0, start.first - expected)
                expected, previous = start.last + 1, (start.first, start.letter)
        if scores is not None:
            scores[form] = run
        weight = LABEL_WEIGHT if REGISTRY[form].labels_decide else 1
        if run and (run * weight, -skipped) > best_score:
            best, best_score = form, (run * weight, -skipped)
    return best


class _MarkerSites:
    """Where each footnote marker last stands in the text emitted so far,
    as (index in ``out``, start, end).  Tokens are scanned when a marker is
    looked for, each once: looking again after every confirmed footnote
    through all the text since the last one was quadratic."""

    def __init__(self, out: list[Token]) -> None:
        self.out = out
        self.scanned = 0
        self.sites: dict[str, tuple[int, int, int]] = {}

    def last_since(self, first: int, marker: str) -> tuple[int, int, int] | None:
        """The last occurrence of ``marker`` in ``out[first:]``, or ``None``."""
        out = self.out
        for index in range(self.scanned, len(out)):
            if out[index].type in _EMITTED_TEXT:
                for found, (start, end) in footnote_markers(out[index].value).items():
                    self.sites[found] = (index, start, end)
        self.scanned = len(out)
        site = self.sites.get(marker)
        return site if site is not None and site[0] >= first else None


class PostLexer:
    """Turns lines into tokens typed for the layout grammar, for one parse."""

    #: How far question numbering may jump before a numbered line is taken
    #: for text instead ("31 december" while question 6 is due).
    MAX_SKIP = 5

    def __init__(
        self,
        context: ParseContext,
        form: str,
        *,
        questions_only: bool = False,
        headers: frozenset[int] = frozenset(),
        relex: Callable[[str], Iterable[Token]] | None = None,
        text: str = "",
    ) -> None:
        if form not in FORMS:
            raise ValueError(f"unknown layout form {form!r}")
        self.context = context
        self.form = form
        self.questions_only = questions_only
        self.headers = headers  # indexes of lines known to be running headers (flat text)
        self.relex = relex  # the shape lexer, for indented lines inside the list
        self.text = text  # the text the lines are of, to look for furniture clues at once
        self._starts: dict[int, _Start] = {}  # the lines that could start a question (set by process)
        self._used: set[int] = set()  # the question numbers started in the current numbered set
        self._last_start = -1  # the line of the last question start
        self._mededeling_at: int | None = None  # the line of a Mededeling heading after the questions
        self._answers_at: int | None = None  # the "Antwoord" heading of a print whose questions come first
        self._furniture: set[int] = set()  # the lines of page furniture (set by process)

    def _unindent(self, lines: Lines) -> Lines:
        """Tab-indented lines are stray fragments only after the list (as in
        the reference document); inside it they are read as their text."""
        at = lines.at
        structure = ("NUMBERED", "NUMBER_ONLY", "QUESTION_LINE", "ANSWER_LINE", "DOSSIER_LINE")
        last = max((at[kind][-1] for kind in structure if kind in at), default=-1)
        inside = [index for index in at.get("INDENTED", ()) if index < last]
        if self.relex is None or not inside:
            return lines
        lines = Lines(list(lines.kinds), list(lines.values), {k: list(v) for k, v in at.items()}, dict(lines.offsets))
        changes = []
        for index in inside:
            value = lines.values[index]
            stripped = value.lstrip(" \t")
            [shape] = list(self.relex(stripped))
            changes.append((index, shape.type, stripped, len(value) - len(stripped)))
        lines.retype_all(changes)
        return lines

    # The one pass ---------------------------------------------------------

    def process(self, lines: Lines, starts: dict[int, _Start] | None = None) -> list[Token]:
        """The tokens for the layout grammar.  ``starts``: the possible
        question starts of this form in ``lines``, if :func:`detect_form`
        found them already."""
        given = lines
        lines = self._unindent(lines)
        kinds, values = lines.kinds, lines.values
        self._starts = starts if starts is not None and lines is given else _shape_starts(lines, self.form)
        footers = self._footer_lines(lines) | self.headers | self._publication_footers(lines)
        self._furniture = footers
        prelude = self._prelude(lines)
        paragraphs = len(lines.at.get("BLANK", ())) > 0.1 * len(lines)
        self._mededeling_at = self._mededeling(lines)
        self._answers_at = self._answers_heading(lines)
        answer_numbers: set[int] = set()  # the numbers answered after the heading
        heading_open = False  # the heading's lines go on
        out: list[Token] = []
        in_header = True
        expected, previous = 1, None
        self._used = set()
        self._last_start = -1
        current: set[int] = set()  # the numbers of the question being read
        seen: set[int] = set()  # every question number started, in any section
        gaps: list[tuple[Token, int, int]] = []  # (start, number expected there, number printed)
        title_open = awaiting_name = in_note = False
        answer_at: int | None = None
        next_note, note_text = 1, "1"
        candidate: tuple[int, int, int] | None = None  # (index in out, start and end in its value)
        sites = _MarkerSites(out)
        shape_starts = self._starts

        def emit_text(token: Token, type_: str = "TEXT") -> None:
            nonlocal candidate
            out.append(_retype(token, type_) if token.type != type_ else token)
            if note_text in token.value:  # most lines: no need to look further
                span = footnote_marker_span(token.value, note_text)
                if span is not None:
                    candidate = (len(out) - 1, *span)

        # Most lines are text or blank lines in a question or answer, as
        # every check below would find.  Consecutive text lines are emitted
        # as one TEXT token (the parser is fed them as one anyway); a line
        # that holds the next footnote marker is emitted alone, so the
        # marker can be taken out.
        pending = -1  # the first of the text lines not emitted yet (-1: none)

        def flush(end: int) -> None:
            nonlocal pending
            value = values[pending] if end - pending == 1 else "".join(values[pending:end])
            column = 1 + lines.offsets.get(pending, 0)
            out.append(new_token("TEXT", value, None, pending + 1, column, end + 1, 1, None))
            pending = -1

        # The lines where the rare blocks begin, as plain ints for the loop
        # (past the end when the document has none).
        answers_from = self._answers_at if self._answers_at is not None else len(kinds)
        special = min(answers_from, self._mededeling_at if self._mededeling_at is not None else len(kinds))
        for index, kind in enumerate(kinds):
            if index < special:
                pass  # most lines: no answers block, no Mededeling yet
            elif index >= answers_from:
                # After the heading of a print whose questions come first: the
                # heading's lines, then answers by number; any other line is
                # read as everywhere (text, footnotes, page furniture).
                value = values[index]
                if index == self._answers_at or (heading_open and _ANSWERS_HEADING.match(value)):
                    if pending >= 0:
                        flush(index)
                    out.append(_retype(lines.token(index), "ANSWERS"))  # "Antwoord", "Antwoord van X. (Ontvangen ...)"
                    heading_open = True
                    continue
                heading_open = False
                numbered = self._answer_start(lines, index, answer_numbers) if index not in footers else None
                if numbered is not None and not (candidate is not None and _is_note_body(value, next_note)):
                    if pending >= 0:
                        flush(index)
                    answer_numbers.update(_numbers(numbered.label))
                    label, rest, _ = self._start_tokens(lines.token(index), numbered, lines, index)
                    out.append(_retype(label, "ANSWER_NUMBER"))
                    if rest is not None:
                        emit_text(rest)
                    continue
            elif index == self._mededeling_at:
                if pending >= 0:
                    flush(index)
                out.extend(self._split_mededeling(lines.token(index)))
                answer_at = None
                continue
            plain = (
                (kind == "TEXT" or kind == "BLANK")
                and not in_header
                and not in_note
                and candidate is None
                and index not in footers
                and index not in prelude
            )
            if plain and index != answer_at:
                if kind == "BLANK":
                    if pending >= 0:
                        flush(index)
                    if out and out[-1].type == "BLANK":
                        continue  # a run of blank lines is one token: it parses as one, and a token a line cost memory
                    out.append(lines.token(index))
                    continue
                value = values[index]
                if note_text not in value or footnote_marker_span(value, note_text) is None:
                    if pending < 0:
                        pending = index
                    continue
            if pending >= 0:
                flush(index)
            token = lines.token(index)
            if index == answer_at:
                out.append(_retype(token, "ANSWER_START", ""))
                answer_at = None
            if plain and kind == "TEXT":
                emit_text(token)
                continue
            if index in footers:
                out.append(_retype(token, "FOOTER"))
                in_note = False  # a footnote ends with its page: the next page's text is no part of it
                continue
            if kind == "BLANK":
                if not out or out[-1].type != "BLANK":
                    out.append(token)
                title_open = in_note = False
                continue
            if kind == "PAGE_BREAK":
                out.append(token)
                in_note = False
                continue
            if index in prelude:
                out.append(_retype(token, "PRELUDE"))
                continue

            start = self._next_start(lines, index, expected, previous) if index in shape_starts else None

            # A footnote body: "1https://...", "1 Nederlands Dagblad, ..." after
            # a marker "media.1", "[1 ]".  A line that could also start the next
            # question is a footnote only when it follows another footnote body,
            # and never when it is written as a question ("2. ...", "Vraag 2").
            note = footnote_lead(token.value) if candidate is not None else None
            if (
                note
                and candidate is not None
                and int(note[0]) == next_note
                and (start is None or (self.form == "table" and _last_type(out) in ("FOOTNOTE_BODY", "FOOTNOTE_MORE")))
            ):
                self._confirm_footnote(out, candidate, str(next_note))
                next_note += 1
                note_text = str(next_note)
                candidate = sites.last_since(candidate[0], note_text)
                out.append(_retype(token, "FOOTNOTE_BODY"))
                in_note = not _SENTENCE_END.search(token.value)
                continue
            if in_note and start is None and kind in _TEXT_KINDS and token.value[:1] not in (" ", "\t", "\u00a0"):
                out.append(_retype(token, "FOOTNOTE_MORE"))
                in_note = not _SENTENCE_END.search(token.value)
                continue
            in_note = False

            if start is not None:
                if REGISTRY[self.form].labels_decide and start.first < expected and not _in_sequence(start, expected, previous, self.MAX_SKIP):
                    if start.first in self._used:  # "Vraag 1" again: a second numbered set (_next_start let only 1 through)
                        self._used = set()
                        self.context.report(Severity.INFO, "numbering-restart", "the numbering starts again at 1 here", token)
                        expected = 1
                    else:
                        self.context.report(
                            Severity.INFO,
                            "numbering-order",
                            f"question {start.label} is printed after question {expected - 1}",
                            token,
                        )
                if start.first > expected:
                    gaps.append((token, expected, start.first))
                numbers = _numbers(start.label)
                current = numbers
                self._last_start = index
                self._used.update(numbers)
                seen.update(numbers)
                expected, previous = max(expected, start.last + 1), (start.first, start.letter)
                in_header = title_open = awaiting_name = False
                label, rest, cell = self._start_tokens(token, start, lines, index)
                out.append(label)
                if rest is not None:
                    emit_text(rest)
                if cell is not None:
                    out.append(cell)
                answer_at = self._implicit_answer(lines, index, start, expected, previous, paragraphs)
                continue
            if kind == "NUMBER_ONLY" and REGISTRY[self.form].page_cells:
                out.append(_retype(token, "PAGE_CELL", clean_line(token.value)))  # the "Blz." column
                continue
            if kind in ("NUMBER_ONLY", "PAGE_OF"):
                out.append(_retype(token, "PAGE_NUMBER", clean_line(token.value)))  # the document's own page
                continue

            if in_header:
                if kind == "DOSSIER_LINE":
                    out.append(token)
                    title_open = True
                    continue
                if kind in ("KIND_LINE", "NR_LINE", "VASTGESTELD_LINE", "COLUMN_HEADER"):
                    out.append(token)
                    title_open = awaiting_name = False
                    continue
                if kind == "QUESTION_LINE" and _last_type(out) == "COLUMN_HEADER":
                    out.append(_retype(token, "COLUMN_HEADER"))  # "Nr" / "Vraag" header cells
                    continue
                if kind == "ROLE_LINE":
                    out.append(token)
                    title_open = False
                    awaiting_name = read_role(token.value)[1] is None
                    continue
                if title_open and kind in _TEXT_KINDS:
                    emit_text(token, "TITLE_LINE")
                    continue
                if awaiting_name and _looks_like_name(clean_line(token.value)):
                    out.append(_retype(token, "NAME_LINE"))
                    awaiting_name = False
                    continue
                awaiting_name = False
                if kind == "ANSWER_LINE":
                    out.extend(self._split_label(token, "ANSWER_LABEL"))  # the grammar reports it
                    continue
                emit_text(token)
                continue

            # In the list of questions.
            if kind == "ANSWER_LINE" and not self._answers_another(token.value, current):
                label, *rest_of_line = self._split_label(token, "ANSWER_LABEL")
                out.append(label)
                for part in rest_of_line:
                    emit_text(part)
                continue
            if kind == "QUESTION_LINE" and _BARE_QUESTION_LABEL.fullmatch(token.value.rstrip("\n")) and _last_type(out) == "QUESTION_START":
                out.append(_retype(token, "QUESTION_LABEL", clean_line(token.value)))
                continue
            if kind == "INDENTED":
                out.append(_retype(token, "FRAGMENT"))
                continue
            if kind == "COLUMN_HEADER":
                out.append(token)  # repeated at the top of a page
                continue
            emit_text(token)
        if pending >= 0:
            flush(len(lines))
        for token, expected_then, number in gaps:  # numbers printed later, out of order, are no gap
            missing = [n for n in range(expected_then, number) if n not in seen]
            if missing:
                self._report_gap(token, missing, number, expected_then)
        return out

    # Decisions -------------------------------------------------------------

    def _start_tokens(
        self, token: Token, start: _Start, lines: Lines, index: int
    ) -> tuple[Token, Token | None, Token | None]:
        """QUESTION_START (its value: the printed number), the text after it
        on the same line, and a glued page cell split off that text (table
        form).  ``token`` is line ``index`` of ``lines``."""
        label = _retype(token, "QUESTION_START", start.label, offset=token.value.index(start.label))
        if start.text_at is None:
            return label, None, None
        rest = _retype(token, "TEXT", token.value[start.text_at :], offset=start.text_at)
        if not REGISTRY[self.form].page_cells:
            return label, rest, None
        rest, cell = self._split_page_cell(rest, lines, index + 1)
        return label, rest, cell

    def _next_start(
        self, lines: Lines, index: int, expected: int, previous: tuple[int, str] | None
    ) -> _Start | None:
        """The question line ``index`` starts, if it is the next one: its
        shape fits the form, its number follows, and it does not continue a
        numbered list in an answer."""
        start = self._starts.get(index)
        if start is None:
            return None
        if not _in_sequence(start, expected, previous, self.MAX_SKIP):
            # A "Vraag N" label is a question whatever its number: printed out
            # of order (a number not used yet), or "Vraag 1" starting a
            # second numbered set.  Other forms need the sequence.
            # a second set follows a first set of questions with their text (not a label right after a label)
            restart = start.first == 1 and bool(self._used) and index - self._last_start > 2
            first_label = not self._used  # "Vraag 12" may open a partial set (only some questions answered)
            if (
                not REGISTRY[self.form].labels_decide
                or (start.first in self._used and not restart)
                or (start.first > expected + self.MAX_SKIP and not first_label)
            ):
                return None
        return None if _continues_list(lines, index, start) else start

    def _implicit_answer(
        self,
        source: Lines,
        index: int,
        start: _Start,
        expected: int,
        previous: tuple[int, str],
        paragraphs: bool,
    ) -> int | None:
        """Where an unlabelled answer to the question starting at ``index``
        begins, or None (labelled, no answer, or a list without answers).

        The question ends at its last line ending in "?": with blank lines
        between paragraphs, the question is its leading paragraphs that end
        in "?" (at least the first); otherwise its leading lines up to and
        including the last of the first run of lines ending in "?".
        """
        if self._answers_at is not None:
            return None  # the answers come after all questions, under their heading
        kinds, values, starts = source.kinds, source.values, self._starts
        lines: list[tuple[int, str, int]] = []  # (line index, text, paragraph)
        paragraph = 0
        if start.text_at is not None:
            lines.append((index, values[index][start.text_at :], 0))
        for j in range(index + 1, len(kinds)):
            kind = kinds[j]
            if kind == "ANSWER_LINE":
                return None  # labelled
            if j == self._mededeling_at:
                break  # a Mededeling takes the place of the answers
            if j in starts and self._next_start(source, j, expected, previous) is not None:
                break
            if kind == "BLANK":
                paragraph += 1
            elif kind in _TEXT_KINDS and j not in self._furniture:  # a running header is neither question nor answer
                lines.append((j, values[j], paragraph))
        if self.questions_only or not lines:
            return None
        if paragraphs:
            groups: list[list[tuple[int, str, int]]] = []
            for line in lines:
                if groups and groups[-1][-1][2] == line[2]:
                    groups[-1].append(line)
                else:
                    groups.append([line])
            count = 1  # the first paragraph, then more while both end in "?"
            while count < len(groups) and _ends_question(groups[count - 1][-1][1]) and _ends_question(groups[count][-1][1]):
                count += 1
            if count < len(groups):
                return groups[count][0][0]
            # one paragraph: perhaps the answer follows the "?" without a blank line
        ends = [i for i, (_, text, _) in enumerate(lines) if _ends_question(text)]
        if not ends:
            return None
        last = ends[0]
        while last + 1 < len(lines) and (_ends_question(lines[last + 1][1]) or _URL_ONLY.match(lines[last + 1][1])):
            last += 1  # further question sentences, and URL debris (footnote bodies) after the question
        return lines[last + 1][0] if last + 1 < len(lines) else None

    def _report_gap(self, token: Token, missing: list[int], number: int, expected: int) -> None:
        if missing == list(range(missing[0], missing[-1] + 1)):
            names = str(missing[0]) if len(missing) == 1 else f"{missing[0]} to {missing[-1]}"
        else:
            names = ", ".join(map(str, missing))
        self.context.report(
            Severity.WARNING,
            "numbering-gap",
            f"question {number} follows question {expected - 1}; no question {names} was found"
            if expected > 1
            else f"the first question is numbered {number}",
            token,
        )

    @staticmethod
    def _split_page_cell(token: Token, lines: Lines, following: int) -> tuple[Token, Token | None]:
        """Split the "Blz." cell off a question's first line (``following``:
        the index in ``lines`` of the line after it).

        The table's page cell is top-aligned with its row, so a converter
        glues it to the end of the question's first line: "... gebruikt
        worden 9" followed by a line that starts with white space (the rest
        of the question cell), or by a blank line after a question that ends
        in "?".  "... de einddatum 31 " + "december 2023" is text: a trailing
        space after the number, and a month name after it.
        """
        line = token.value.rstrip("\n")
        if not line[-1:].isdecimal():  # most lines (searching for the cell is slow: a look-behind at every position)
            return token, None
        match = _PAGE_CELL.search(line)
        if not match or following >= len(lines):
            return token, None
        before = line[: match.start()]
        if lines.kinds[following] == "BLANK":
            fits = before.rstrip().endswith("?")
        else:
            nxt = lines.values[following]
            fits = nxt[:1] in (" ", "\t", "\u00a0") and not starts_with_month(nxt)
        if not fits or not before.strip():
            return token, None
        return _retype(token, token.type, before + "\n"), _retype(token, "PAGE_CELL", match.group(1), offset=match.start(1))

    @staticmethod
    def _split_label(token: Token, type_: str) -> list[Token]:
        """ "Antwoord: Het kabinet ..." -> ANSWER_LABEL "Antwoord:" + TEXT "Het kabinet ..." """
        match = _ANSWER_LABEL.match(token.value)
        if match is None:
            raise InternalError(f"an ANSWER_LINE that is no answer label: {token.value!r}")
        label = _retype(token, type_, clean_line(match.group(1)))
        rest = match.group(3)
        if not rest.strip():
            return [label]
        return [label, _retype(token, "TEXT", rest, offset=len(match.group(1)) + len(match.group(2)))]

    def _confirm_footnote(self, out: list[Token], candidate: tuple[int, int, int], marker: str) -> None:
        """Remember where a confirmed marker stands; it stays in the text, as printed."""
        index, start, end = candidate
        token = out[index]
        self.context.footnote_refs[marker] = FootnoteRef(marker, token.line or 1, (token.column or 1) + start, end - start)

    @staticmethod
    def _answers_another(value: str, current: set[int]) -> bool:
        """A numbered answer label with text after it whose numbers do not
        include the question being read ("Antwoord 0 a." inside answer 1):
        text that happens to start with the word, not a label.  Labels name
        the question they answer."""
        if not current:
            return False
        label = _ANSWER_LABEL.match(value)
        if label is None or not label.group(3).strip():  # a label on its own line is a label
            return False
        numbers = _LABEL_NUMBERS_IN.search(label.group(1))
        return numbers is not None and not (_numbers(numbers.group(0)) & current)

    def _answers_heading(self, lines: Lines) -> int | None:
        """The "Antwoord" heading of a print whose questions come first: after
        the questions, followed by answers numbered again from the first
        question's number.  None in every other document."""
        if not self._starts or "ntwoord" not in self.text:
            return None
        labels = lines.at.get("ANSWER_LINE", ())
        if labels and labels[-1] - labels[0] > 1:
            return None  # answer labels under the questions: answers follow their questions
        starts = sorted(self._starts)
        first_number = self._starts[starts[0]].first
        candidates = [*labels, *(m.start() for m in _ANSWERS_HEADING_IN_TEXT.finditer(self.text))]
        for index in sorted(set(labels) | {self.text.count("\n", 0, at) for at in candidates[len(labels) :]}):
            if bisect.bisect_left(starts, index) < 2 or index >= len(lines):
                continue  # questions first means several questions before the heading
            if lines.kinds[index] not in ("ANSWER_LINE", "TEXT") or not _ANSWERS_HEADING.match(lines.values[index]):
                continue
            if lines.kinds[index] == "ANSWER_LINE" and clean_line(lines.values[index]) not in ("Antwoord", "ANTWOORD"):
                continue  # "Antwoord 1": an answer label, not a heading
            for following in range(index + 1, min(index + 4, len(lines))):
                start = _any_start(lines, following)
                if start is not None:
                    return index if start.first == first_number else None
            return None
        return None

    def _answer_start(self, lines: Lines, index: int, answered: set[int]) -> _Start | None:
        """An answer's number after the heading: "1 Ja.", "1. Ja.", "3 t/m 5 ...", "4 en 5 Ja.";
        a number not answered yet and printed among the questions."""
        start = _any_start(lines, index)
        if start is None or not _numbers(start.label) or _numbers(start.label) & answered:
            return None
        return start if start.first <= max(self._used | {start.first}) else None

    def _mededeling(self, lines: Lines) -> int | None:
        """The line of a "Mededeling" heading after the questions (the notice
        that the answers are deferred), or None.  Looked for in the text at
        once: most documents have none."""
        text = self.text
        at = max(text.find("\nMededeling"), text.find("\nMEDEDELING"))
        if at < 0 or not self._starts:
            return None
        last_question = max(self._starts)  # a Mededeling takes the place of the answers: after every question
        for match in _MEDEDELING_LINE.finditer(text, at):
            index = text.count("\n", 0, match.start())
            if index > last_question and index < len(lines) and lines.kinds[index] in ("TEXT", "PAGE_COUNTER_LINE"):
                return index
        return None

    def _split_mededeling(self, token: Token) -> list[Token]:
        """ "Mededeling van X. (Ontvangen D) Hierbij ..." -> MEDEDELING + TEXT."""
        match = _MEDEDELING_SPLIT.match(token.value)
        assert match is not None  # _mededeling found the heading here
        label = _retype(token, "MEDEDELING", clean_line(match.group(1)))
        rest = match.group(3)
        if not rest.strip():
            return [label]
        return [label, _retype(token, "TEXT", rest, offset=len(match.group(1)) + len(match.group(2)))]

    def _publication_footers(self, lines: Lines) -> set[int]:
        """Footers of a known shape ("ah-tk-20242025-562", "Tweede Kamer,
        vergaderjaar 2024–2025, Aanhangsel 1"): see :mod:`kamerqa.furniture`."""
        kinds = lines.kinds
        candidates = [i for i in publication_footer_lines(self.text) if i < len(kinds) and kinds[i] in ("TEXT", "PAGE_COUNTER_LINE")]
        return publication_footers(lines.values, candidates)

    @staticmethod
    def _footer_lines(lines: Lines) -> set[int]:
        """Indexes of running page headers and footers, found by evidence,
        never by shape alone (a page break falls mid-sentence in every PDF):

        * a short line just before a page break "-----" whose text (digits
          aside) stands before another page break too, or that holds no
          word of prose, only codes and numbers ("h tk 20232024 387");
        * a paragraph of at most three lines whose last line ends in a page
          counter "12/15", where another counter of the same total is
          printed elsewhere, or the counter stands alone, or its lines name
          the document as its heading does (four words in a row of the lines
          above the first question, at most :data:`HEADING_LINES`: a running
          footer repeats the title); "Irak krijgt 1/3" is text, and so are
          answer lines just above a footer.
        """
        footers: set[int] = set()
        kinds, values, at = lines.kinds, lines.values, lines.at
        before_breaks: dict[int, str] = {}
        for index in at.get("PAGE_BREAK", ()):
            before = index - 1
            while before >= 0 and kinds[before] == "BLANK":
                before -= 1
            if before >= 0 and kinds[before] == "TEXT":
                text = clean_line(values[before])
                if len(text.split()) <= 6 and not _SENTENCE_END.search(text) and not footnote_lead(text):
                    before_breaks[before] = _DIGITS.sub("#", text)
        shapes = Counter(before_breaks.values())
        footers.update(
            index for index, shape in before_breaks.items() if shapes[shape] >= 2 or not _PROSE_WORD.search(shape)
        )
        counters: list[tuple[int, re.Match[str]]] = []
        for index in at.get("PAGE_COUNTER_LINE", ()):
            match = _PAGE_COUNTER.search(values[index])
            if match and 0 < int(match.group(1)) <= int(match.group(2)):
                counters.append((index, match))
        totals = Counter(match.group(2) for _, match in counters)
        heading: set[tuple[str, ...]] | None = None
        for index, match in counters:
            if totals[match.group(2)] >= 2:  # counters of one total on several pages
                first = index
                while first > 0 and kinds[first - 1] == "TEXT" and index - first < 2:
                    first -= 1
                if first > 0 and kinds[first - 1] not in ("BLANK", "NUMBER_ONLY"):
                    continue  # the last line of a longer paragraph, not a footer
                footers.update(range(first, index + 1))
                continue
            # One counter of its total: the document's running footer only if
            # it is the counter alone or names the document (and so does each
            # line above it that belongs to it).
            if heading is None:  # the lines above the first question, at most HEADING_LINES
                starts = [at[kind][0] for kind in ("QUESTION_LINE", "NUMBERED") if at.get(kind)]
                top = min([HEADING_LINES, *starts])
                heading = _word_runs(" ".join(values[:top]))
            if values[index][: match.start()].strip() and not _word_runs(values[index]) & heading:
                continue  # text that happens to end in "1/3", naming nothing of the document
            first = index
            while first > 0 and kinds[first - 1] == "TEXT" and index - first < 2 and _word_runs(values[first - 1]) & heading:
                first -= 1
            footers.update(range(first, index + 1))
        return footers

    @staticmethod
    def _prelude(lines: Lines) -> set[int]:
        """Text before the document proper (a website's title line): the
        lines before the first header line, if one comes early - and only if
        they look like a page's title and navigation: none ends a sentence.  A sentence is the document's own
        text ("Vragen van het lid ... (ingezonden 3 juni 2024)." before a line
        that merely opens with five digits), and stays."""
        seen = 0
        for index, kind in enumerate(lines.kinds):
            if kind == "BLANK":
                continue
            if kind in _HEADER_KINDS:
                before = [i for i in range(index) if lines.kinds[i] == "TEXT"]
                if any(_SENTENCE_END.search(clean_line(lines.values[i])) for i in before):
                    return set()
                return set(before)
            seen += 1
            if seen > 8:
                break
        return set()


_LABEL_NUMBERS_IN = re.compile(NUMBERS)
_ANSWERS_HEADING_IN_TEXT = re.compile(rf"(?m)^{HSPACE}*{ANSWERS_HEADING}(?={HSPACE}+(?:Antwoord{HSPACE}+)?van\b)")
_ANSWERS_HEADING = re.compile(rf"^{HSPACE}*{ANSWERS_HEADING}")
_ANSWER_NUMBERS_START = re.compile(
    rf"^{HSPACE}*(\d{{1,3}}(?:(?:{HSPACE}*,{HSPACE}*|{HSPACE}+en{HSPACE}+|{HSPACE}+t/m{HSPACE}+)\d{{1,3}})*)\.?{HSPACE}+(?=\S)"
)


def _is_note_body(value: str, marker: int) -> bool:
    """Does this line open the body of footnote ``marker`` ("1 Ter inzage ...")?"""
    lead = footnote_lead(value)
    return lead is not None and int(lead[0]) == marker


def _any_start(lines: Lines, index: int) -> _Start | None:
    """A line that opens with a number or a list or range of numbers and text:
    how the answers of a questions-first print are numbered."""
    if lines.kinds[index] not in ("NUMBERED", "TEXT", "DOSSIER_LINE"):
        return None
    value = lines.values[index]
    match = _ANSWER_NUMBERS_START.match(value)
    if match is None or not value[match.end() :].strip():
        return None
    first, letter, last = number_label(match.group(1))
    return _Start(match.group(1), first, letter, last, match.end())


# A Mededeling heading on a line of its own, or followed by its text after
# the sender and date: never the word "Mededeling" opening a sentence.
_MEDEDELING_LINE = re.compile(
    rf"(?m)^{HSPACE}*{MEDEDELING_LABEL}(?:{HSPACE}*$|(?<=\)){HSPACE}+\S|(?<=\.){HSPACE}+\S)"
)
_MEDEDELING_SPLIT = re.compile(rf"^({HSPACE}*{MEDEDELING_LABEL})({HSPACE}*)(.*)$", re.DOTALL)
_URL_ONLY = re.compile(rf"{HSPACE}*https?://\S+{HSPACE}*\n?$")
_QUESTIONS_ONLY = re.compile(r"Vragen gesteld door de leden der Kamer(?![ \t\n]*,[ \t\n]*met)")


def questions_only(lines: Lines, text: str = "") -> bool:
    """Does the header call this a list of questions without answers
    ("Verslag houdende een lijst van vragen"; Kamervragen as submitted,
    "Vragen gesteld door de leden der Kamer" without "met de daarop ...
    gegeven antwoorden", or a "Mededeling van ..." instead of the answer
    heading, and no answer label anywhere)?"""
    kind_lines = lines.at.get("KIND_LINE")
    if kind_lines:
        kind = lines.values[kind_lines[0]].lower()
        return "lijst van vragen" in kind and "antwoord" not in kind
    head = text[:2000]
    unanswered = bool(_QUESTIONS_ONLY.search(head)) or "Mededeling van" in head  # a notice instead of answers
    return unanswered and not lines.at.get("ANSWER_LINE") and "Antwoord van" not in head
