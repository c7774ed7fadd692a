"""The post-lexer: runs the pre-passes, walks the lines through the line
passes, and holds the decisions the passes ask of it (is this the next
question? where does its unlabelled answer start?)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lark import Token

from ..errors import InternalError
from ..grammar import Lines
from ..layouts import REGISTRY
from ..layouts import Start as _Start
from ..layouts.base import ends_question
from ..layouts.base import start as _start
from ..layouts.base import unnumbered as _unnumbered
from ..model import Severity
from ..text import HSPACE, clean_line, footnote_marker_span, starts_with_month
from ..vocabulary import BARE_QUESTION_LABEL, MEDEDELING_LABEL, MEDEDELING_WORD, NUMBERS, TOELICHTING_WORD
from . import prepass
from .blocks import answers_section, closing_heading
from .context import ANSWER_LABEL_SPLIT, FORMS, TEXT_KINDS, FootnoteRef, ParseContext, numbers, retype
from .detect import continues_list, in_sequence, shape_starts
from .passes import LINE_RULES, State

__all__ = ["PostLexer"]

_BARE_QUESTION_LABEL = re.compile(rf"^{HSPACE}*{BARE_QUESTION_LABEL}")
_PAGE_CELL = re.compile(r"(?<=\S)[ \t]+(\d{1,3})$")
_LABEL_NUMBERS_IN = re.compile(NUMBERS)
_MEDEDELING_SPLIT = re.compile(rf"^({HSPACE}*{MEDEDELING_LABEL})({HSPACE}*)(.*)$", re.DOTALL)
_MEDEDELING_FROM = re.compile(rf"^{HSPACE}*{MEDEDELING_WORD}{HSPACE}+van\b")
# "Toelichting:" is the heading; of "Toelichting bij vraag 4:" only the word
# is, so that the text keeps which question it is about.
_TOELICHTING_SPLIT = re.compile(rf"^({HSPACE}*{TOELICHTING_WORD}(?:{HSPACE}*:)?)({HSPACE}*)(.*)$", re.DOTALL)
_URL_ONLY = re.compile(rf"{HSPACE}*https?://\S+{HSPACE}*\n?$")


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
        self.starts: dict[int, _Start] = {}  # the lines that could start a question (set by process)
        self.used: set[int] = set()  # the question numbers started in the current numbered set
        self.last_start = -1  # the line of the last question start
        self.mededeling_at: int | None = None  # the line of a Mededeling heading after the questions
        self.answers_at: int | None = None  # the "Antwoord" heading of a print whose questions come first
        self.answers_only = False  # a list of answers only: its questions are printed elsewhere
        self.printed_answers: set[int] = set()  # there, every number an answer is printed with
        self.toelichting_at: int | None = None  # the question letter's "Toelichting:" after the last answer
        self.typed_notes_at: int | None = None  # where the footnotes typed "1) ..." that end a letter begin
        self.lost: dict[int, int] = {}  # the lines of questions whose number OCR lost, and that number
        self.furniture: set[int] = set()  # the lines of page furniture (set by process)

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

    # The walk -----------------------------------------------------------------

    def process(self, lines: Lines, starts: dict[int, _Start] | None = None) -> list[Token]:
        """The tokens for the layout grammar.  ``starts``: the possible
        question starts of this form in ``lines``, if :func:`detect_form`
        found them already."""
        given = lines
        lines = self._unindent(lines)
        kinds, values = lines.kinds, lines.values
        self.starts = starts if starts is not None and lines is given else shape_starts(lines, self.form)
        # The pre-passes.
        footers = (
            prepass.footer_lines(lines)
            | self.headers
            | prepass.publication_footers(lines, self.text)
            | prepass.link_debris(lines, self.starts)
        )
        self.furniture = footers
        prelude = prepass.prelude(lines)
        self.mededeling_at = prepass.mededeling(lines, self.starts, self.text)
        self.answers_at = prepass.answers_heading(lines, self.starts, self.text)
        self.answers_only, self.printed_answers = False, set()
        if self.answers_at is None:  # "LIJST VAN ANTWOORDEN": the answers section, and no question before it
            self.answers_at = prepass.answers_list(lines, self.text)
            if self.answers_at is not None:
                self.answers_only, self.printed_answers = True, prepass.answer_numbers(lines, self.answers_at)
        if self.mededeling_at is not None and self.answers_at is None and not lines.at.get("ANSWER_LINE"):
            self.questions_only = True  # a deferral notice after the questions, and no answer anywhere
        self.toelichting_at = prepass.toelichting(lines, self.starts, self.text, unanswered=self.questions_only)
        self.typed_notes_at = prepass.typed_notes(lines)
        if self.questions_only or self.answers_at is not None:  # no answers beside the questions
            end = min(at for at in (self.answers_at, self.mededeling_at, len(kinds)) if at is not None)
            self.lost = prepass.lost_numbers(lines, self.starts, end)
            if self.lost:
                # The number may survive on the answer ("3 Van deze ...", 370): then the question keeps it.
                answered = prepass.answer_numbers(lines, self.answers_at) if self.answers_at is not None else set()
                unnumbered = {
                    index: _start(str(number), 0) if number in answered else _unnumbered(0) for index, number in self.lost.items()
                }
                self.starts = dict(sorted({**self.starts, **unnumbered}.items()))
        self.used, self.last_start = set(), -1
        state = State(self, lines, footers, prelude, paragraphs=len(lines.at.get("BLANK", ())) > 0.1 * len(lines))
        out = state.out

        # The lines where the rare blocks begin, as plain ints for the loop
        # (past the end when the document has none).
        answers_from = self.answers_at if self.answers_at is not None else len(kinds)
        closing = {at: kind for at, kind in ((self.mededeling_at, "MEDEDELING"), (self.toelichting_at, "TOELICHTING")) if at is not None}
        if self.mededeling_at is not None:  # "Mededeling" / "Mededeling van X. (Ontvangen D)": one heading
            second = self.mededeling_at + 1
            if second < len(kinds) and _MEDEDELING_FROM.match(values[second]):
                closing[second] = "MEDEDELING_FROM"
        special = min([answers_from, *closing])
        # Questions that open with plain text (paragraphs that ask, a number
        # OCR lost) must not take the fast lane.
        text_starts = self.starts if REGISTRY[self.form].candidates is not None else self.lost
        for index, kind in enumerate(kinds):
            if index >= special:
                if index in closing:
                    closing_heading(state, index, closing[index])
                    continue
                if index >= answers_from and answers_section(state, index):
                    continue
            # The fast lane: most lines are text or blank lines in a question
            # or answer, as every rule would find.  Consecutive text lines
            # are emitted as one TEXT token (the parser is fed them as one
            # anyway); a line that holds the next footnote marker is emitted
            # alone, so the marker can be found.
            plain = (
                (kind == "TEXT" or kind == "BLANK")
                and not state.in_header
                and not state.in_note
                and state.candidate is None
                and index not in footers
                and index not in prelude
                and index not in text_starts
            )
            if plain and index != state.answer_at:
                if kind == "BLANK":
                    if state.pending >= 0:
                        state.flush(index)
                    if out and out[-1].type == "BLANK":
                        continue  # a run of blank lines is one token: it parses as one, and a token a line cost memory
                    out.append(lines.token(index))
                    continue
                value = values[index]
                note_text = state.note_text
                if note_text not in value or footnote_marker_span(value, note_text) is None:
                    if state.pending < 0:
                        state.pending = index
                    continue
            if state.pending >= 0:
                state.flush(index)
            token = lines.token(index)
            if index == state.answer_at:
                out.append(retype(token, "ANSWER_START", ""))
                state.answer_at = None
            if plain and kind == "TEXT":
                state.emit_text(token)
                continue
            for rule in LINE_RULES:
                if rule(state, index, kind, token):
                    break
        if state.pending >= 0:
            state.flush(len(lines))
        for token, expected_then, number in state.gaps:  # numbers printed later, out of order, are no gap
            missing = [n for n in range(expected_then, number) if n not in state.seen]
            if missing:
                self.report_gap(token, missing, number, expected_then)
        return out

    # Decisions -------------------------------------------------------------

    def start_tokens(self, token: Token, start: _Start, lines: Lines, index: int) -> tuple[Token, Token | None, Token | None]:
        """QUESTION_START (its value: the printed number), the text after it
        on the same line, and a glued page cell split off that text (table
        form).  ``token`` is line ``index`` of ``lines``."""
        # A number OCR lost on the question (read from its answer) stands nowhere on the line.
        offset = 0 if index in self.lost else token.value.index(start.label)
        label = retype(token, "QUESTION_START", start.label, offset=offset)
        if start.text_at is None:
            return label, None, None
        rest = retype(token, "TEXT", token.value[start.text_at :], offset=start.text_at)
        if not REGISTRY[self.form].page_cells:
            return label, rest, None
        rest, cell = self._split_page_cell(rest, lines, index + 1)
        return label, rest, cell

    def next_start(self, lines: Lines, index: int, expected: int, previous: tuple[int, str] | None) -> _Start | None:
        """The question line ``index`` starts, if it is the next one: its
        shape fits the form, its number follows, and it does not continue a
        numbered list in an answer."""
        start = self.starts.get(index)
        if start is None:
            return None
        if not start.label:
            return start  # printed without a number: the next question wherever it stands
        if not in_sequence(start, expected, previous, self.MAX_SKIP):
            # A "Vraag N" label is a question whatever its number: printed out
            # of order (a number not used yet), or "Vraag 1" starting a
            # second numbered set.  Other forms need the sequence.
            # a second set follows a first set of questions with their text (not a label right after a label)
            restart = start.first == 1 and bool(self.used) and index - self.last_start > 2
            first_label = not self.used  # "Vraag 12" may open a partial set (only some questions answered)
            if (
                not REGISTRY[self.form].labels_decide
                or (start.first in self.used and not restart)
                or (start.first > expected + self.MAX_SKIP and not first_label)
            ):
                return None
        # "2." right under "1." continues a list in an answer - except in a
        # print whose questions all come first, or that has no answers: there
        # the questions are the list.
        questions_first = self.questions_only or (self.answers_at is not None and index < self.answers_at)
        return None if not questions_first and continues_list(lines, index, start) else start

    def implicit_answer(
        self, source: Lines, index: int, start: _Start, expected: int, previous: tuple[int, str], paragraphs: bool
    ) -> int | None:
        """Where an unlabelled answer to the question starting at ``index``
        begins, or None (labelled, no answer, or a list without answers).

        The question ends at its last line ending in "?": with blank lines
        between paragraphs, the question is its leading paragraphs that end
        in "?" (at least the first); otherwise its leading lines up to and
        including the last of the first run of lines ending in "?".
        """
        if self.answers_at is not None:
            return None  # the answers come after all questions, under their heading
        kinds, values, starts = source.kinds, source.values, self.starts
        lines: list[tuple[int, str, int]] = []  # (line index, text, paragraph)
        paragraph = 0
        if start.text_at is not None:
            lines.append((index, values[index][start.text_at :], 0))
        for j in range(index + 1, len(kinds)):
            kind = kinds[j]
            if kind == "ANSWER_LINE":
                return None  # labelled
            if j == self.mededeling_at or j == self.toelichting_at:
                break  # a Mededeling takes the place of the answers; a Toelichting follows them
            if j in starts and self.next_start(source, j, expected, previous) is not None:
                break
            if kind == "BLANK":
                paragraph += 1
            elif kind in TEXT_KINDS and j not in self.furniture:  # a running header is neither question nor answer
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
            while count < len(groups) and ends_question(groups[count - 1][-1][1]) and ends_question(groups[count][-1][1]):
                count += 1
            if count < len(groups):
                return groups[count][0][0]
            # one paragraph: perhaps the answer follows the "?" without a blank line
        ends = [i for i, (_, text, _) in enumerate(lines) if ends_question(text)]
        if not ends:
            return None
        last = ends[0]
        while last + 1 < len(lines) and (ends_question(lines[last + 1][1]) or _URL_ONLY.match(lines[last + 1][1])):
            last += 1  # further question sentences, and URL debris (footnote bodies) after the question
        return lines[last + 1][0] if last + 1 < len(lines) else None

    def report_gap(self, token: Token, missing: list[int], number: int, expected: int) -> None:
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
            expected=str(expected),
            found=str(number),
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
        return retype(token, token.type, before + "\n"), retype(token, "PAGE_CELL", match.group(1), offset=match.start(1))

    @staticmethod
    def split_label(token: Token, type_: str) -> list[Token]:
        """ "Antwoord: Het kabinet ..." -> ANSWER_LABEL "Antwoord:" + TEXT "Het kabinet ..." """
        match = ANSWER_LABEL_SPLIT.match(token.value)
        if match is None:
            raise InternalError(f"an ANSWER_LINE that is no answer label: {token.value!r}")
        label = retype(token, type_, clean_line(match.group(1)))
        rest = match.group(3)
        if not rest.strip():
            return [label]
        return [label, retype(token, "TEXT", rest, offset=len(match.group(1)) + len(match.group(2)))]

    @staticmethod
    def bare_question_label(value: str) -> bool:
        """A "Vraag" or "Vraag:" label alone on its line (under the number)."""
        return _BARE_QUESTION_LABEL.fullmatch(value.rstrip("\n")) is not None

    def confirm_footnote(self, out: list[Token], candidate: tuple[int, int, int], marker: str) -> None:
        """Remember where a confirmed marker stands; it stays in the text, as printed."""
        index, start, end = candidate
        token = out[index]
        self.context.footnote_refs[marker] = FootnoteRef(marker, token.line or 1, (token.column or 1) + start, end - start)

    @staticmethod
    def answers_another(value: str, current: set[int]) -> bool:
        """A numbered answer label with text after it whose numbers do not
        include the question being read ("Antwoord 0 a." inside answer 1):
        text that happens to start with the word, not a label.  Labels name
        the question they answer."""
        if not current:
            return False
        label = ANSWER_LABEL_SPLIT.match(value)
        if label is None or not label.group(3).strip():  # a label on its own line is a label
            return False
        found = _LABEL_NUMBERS_IN.search(label.group(1))
        return found is not None and not (numbers(found.group(0)) & current)

    def answer_start(self, lines: Lines, index: int, answered: set[int]) -> _Start | None:
        """An answer's number after the heading: "1 Ja.", "1. Ja.", "3 t/m 5 ...", "4 en 5 Ja.";
        a number not answered yet and printed among the questions."""
        start = prepass.any_start(lines, index)
        if start is None or not numbers(start.label) or numbers(start.label) & answered:
            return None
        return start if start.first <= max(self.used | {start.first}) else None

    @staticmethod
    def split_heading(token: Token, type_: str) -> list[Token]:
        """ "Mededeling van X. (Ontvangen D) Hierbij ..." -> MEDEDELING + TEXT;
        "Toelichting: Deze vragen ..." -> TOELICHTING + TEXT."""
        match = (_TOELICHTING_SPLIT if type_ == "TOELICHTING" else _MEDEDELING_SPLIT).match(token.value)
        assert match is not None  # the pre-pass found the heading here
        label = retype(token, type_, clean_line(match.group(1)))
        rest = match.group(3)
        if not rest.strip():
            return [label]
        return [label, retype(token, "TEXT", rest, offset=len(match.group(1)) + len(match.group(2)))]
