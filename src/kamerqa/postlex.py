"""Context decisions: what each line *is*, given what came before and after.

The shape lexer (``grammars/lines.lark``) only says what a line looks like.
A context-free grammar cannot say whether "31 december 2023 zal uw Kamer"
starts question 31 (no: question 6 is next, and questions start with a
capital) or whether the "9" at the end of a question's first line is a page
cell.  Every such decision is made here, in one pass over the line tokens,
and nowhere else; the layout grammar then checks the structure.

The post-lexer also records what it learned on the side (footnote markers it
confirmed, numbering gaps) in a :class:`ParseContext` for the transformer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from lark import Token

from .codes import CODES
from .errors import InternalError
from .header import read_role
from .model import Diagnostic, Severity
from .text import clean_line, find_footnote_marker, starts_with_month

__all__ = ["FootnoteRef", "ParseContext", "TablePostLexer"]


@attrs.define
class FootnoteRef:
    """A confirmed footnote marker in running text (removed from the text)."""

    marker: str
    line: int
    column: int


@attrs.define
class ParseContext:
    """What one parse learns besides the token stream."""

    diagnostics: list[Diagnostic] = attrs.Factory(list)
    footnote_refs: dict[str, FootnoteRef] = attrs.Factory(dict)

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
    value = token.value if value is None else value
    return Token(
        type_,
        value,
        (token.start_pos or 0) + offset,
        token.line,
        (token.column or 1) + offset,
        token.end_line,
        token.end_column,
        token.end_pos,
    )


_NUMBER_LEAD = re.compile(r"^[^\S\n]*(\d{1,4})[^\S\n]+(\S.*)$", re.DOTALL)
_NOTE_LEAD = re.compile(r"^[^\S\n]*(\d{1,3})(?!\d)[^\S\n]*(\S.*)$", re.DOTALL)
_PAGE_CELL = re.compile(r"(?<=\S)[ \t]+(\d{1,3})$")
_PAGE_COUNTER = re.compile(r"[ \t](\d{1,3})/(\d{1,3})[^\S\n]*$")
_ANSWER_LABEL = re.compile(r"^([^\S\n]*Antwoord[^\S\n]*:?)([^\S\n]*)(.*)$", re.DOTALL)
_TEXT_TYPES = frozenset({"TEXT", "QUESTION_START", "TITLE_LINE"})
_OPENING = re.compile(r"^[\"'“‘(\[]?[^\W\d_]")


def _starts_question(text: str) -> bool:
    """Question text starts with a capital (possibly after a quote or bracket)."""
    match = _OPENING.match(text)
    return bool(match) and match.group(0)[-1].isupper()


def _last_type(out: Sequence[Token]) -> str | None:
    """The type of the last non-blank token emitted."""
    for token in reversed(out):
        if token.type != "BLANK":
            return token.type
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and text[:1].isupper() and not text.endswith((".", ":", ";"))


class TablePostLexer:
    """Context decisions for the draft table layout (``grammars/table.lark``)."""

    #: How far question numbering may jump before a numbered line is taken
    #: for text instead ("31 december" while question 6 is due).
    MAX_SKIP = 5

    def __init__(self, context: ParseContext) -> None:
        self.context = context

    # The one pass ---------------------------------------------------------

    def process(self, raw: Sequence[Token]) -> list[Token]:
        footers = self._footer_lines(raw)
        out: list[Token] = []
        in_header = True
        expected = 1
        title_open = False
        awaiting_name = False
        next_note = 1
        candidate: tuple[int, int] | None = None  # (index in out, index in value)

        def emit_text(token: Token, type_: str = "TEXT") -> None:
            nonlocal candidate
            out.append(_retype(token, type_) if token.type != type_ else token)
            position = find_footnote_marker(token.value, next_note)
            if position is not None:
                candidate = (len(out) - 1, position)

        for index, token in enumerate(raw):
            kind = token.type
            nxt = raw[index + 1] if index + 1 < len(raw) else None

            if index in footers:
                out.append(_retype(token, "FOOTER"))
                continue
            if kind == "BLANK":
                out.append(token)
                title_open = False
                continue
            if kind == "NUMBER_ONLY":
                out.append(_retype(token, "PAGE_NUMBER", clean_line(token.value)))
                continue

            # A footnote body: "1https://..." after a glued marker "media.1".
            # When the line could also start the next question, it is a footnote
            # only if it follows another footnote body.
            note = _NOTE_LEAD.match(token.value)
            if (
                note
                and candidate is not None
                and int(note.group(1)) == next_note
                and (self._question_number(token, expected) is None or _last_type(out) == "FOOTNOTE_BODY")
            ):
                self._confirm_footnote(out, candidate, str(next_note))
                next_note += 1
                candidate = self._find_marker(out, candidate[0], next_note)
                out.append(_retype(token, "FOOTNOTE_BODY"))
                continue

            if kind in ("NUMBERED", "DOSSIER_LINE", "TEXT", "PAGE_COUNTER_LINE", "KIND_LINE"):
                number = self._question_number(token, expected)
                if number is not None:
                    if number > expected:
                        self._report_gap(token, expected, number)
                    expected = number + 1
                    in_header = title_open = awaiting_name = False
                    start, cell = self._split_page_cell(token, nxt)
                    emit_text(start, "QUESTION_START")
                    if cell is not None:
                        out.append(cell)
                    continue

            if in_header:
                if kind == "DOSSIER_LINE":
                    out.append(token)
                    title_open = True
                    continue
                if kind in ("KIND_LINE", "VASTGESTELD_LINE", "COLUMN_HEADER"):
                    out.append(token)
                    title_open = awaiting_name = False
                    in_header = kind != "COLUMN_HEADER"
                    continue
                if kind == "ROLE_LINE":
                    out.append(token)
                    title_open = False
                    awaiting_name = read_role(token.value)[1] is None
                    continue
                if title_open:
                    emit_text(token, "TITLE_LINE")
                    continue
                if awaiting_name and _looks_like_name(clean_line(token.value)):
                    out.append(_retype(token, "NAME_LINE"))
                    awaiting_name = False
                    continue
                awaiting_name = False
                if kind == "ANSWER_LINE":
                    out.extend(self._split_answer_label(token))  # the grammar reports it
                    continue
                emit_text(token)
                continue

            # In the table.
            if kind == "ANSWER_LINE":
                label, *rest = self._split_answer_label(token)
                out.append(label)
                for part in rest:
                    emit_text(part)
                continue
            if kind == "INDENTED":
                out.append(_retype(token, "FRAGMENT"))
                continue
            if kind == "COLUMN_HEADER":
                out.append(token)  # repeated at the top of a page
                continue
            emit_text(token)
        return out

    # Decisions -------------------------------------------------------------

    def _question_number(self, token: Token, expected: int) -> int | None:
        """The question number ``token`` starts, if it starts one: its number
        is the next in sequence (or skips at most MAX_SKIP) and its text
        starts with a capital."""
        match = _NUMBER_LEAD.match(token.value)
        if not match:
            return None
        number = int(match.group(1))
        if not expected <= number <= expected + self.MAX_SKIP:
            return None
        return number if _starts_question(match.group(2)) else None

    def _report_gap(self, token: Token, expected: int, number: int) -> None:
        missing = str(expected) if number == expected + 1 else f"{expected} to {number - 1}"
        self.context.report(
            Severity.WARNING,
            "numbering-gap",
            f"question {number} follows question {expected - 1}; no question {missing} was found"
            if expected > 1
            else f"the first question is numbered {number}",
            token,
        )

    @staticmethod
    def _split_page_cell(token: Token, nxt: Token | None) -> tuple[Token, Token | None]:
        """Split the "Blz." cell off a question's first line.

        The table's page cell is top-aligned with its row, so a converter
        glues it to the end of the question's first line: "... gebruikt
        worden 9" followed by a line that starts with white space (the rest
        of the question cell), or by a blank line after a question that ends
        in "?".  "... de einddatum 31 " + "december 2023" is text: a trailing
        space after the number, and a month name after it.
        """
        line = token.value.rstrip("\n")
        match = _PAGE_CELL.search(line)
        if not match or nxt is None:
            return token, None
        before = line[: match.start()]
        if nxt.type == "BLANK":
            fits = before.rstrip().endswith("?")
        else:
            fits = nxt.value[:1] in (" ", "\t", "\u00a0") and not starts_with_month(nxt.value)
        if not fits or not _NUMBER_LEAD.match(before):
            return token, None
        start = _retype(token, token.type, before + "\n")
        cell = _retype(token, "PAGE_CELL", match.group(1), offset=match.start(1))
        return start, cell

    @staticmethod
    def _split_answer_label(token: Token) -> list[Token]:
        """ "Antwoord: Het kabinet ..." -> ANSWER_LABEL "Antwoord:" + TEXT "Het kabinet ..." """
        match = _ANSWER_LABEL.match(token.value)
        assert match is not None  # the ANSWER_LINE shape guarantees it
        label = _retype(token, "ANSWER_LABEL", match.group(1).strip())
        rest = match.group(3)
        if not rest.strip():
            return [label]
        return [label, _retype(token, "TEXT", rest, offset=len(match.group(1)) + len(match.group(2)))]

    @staticmethod
    def _find_marker(out: Sequence[Token], start: int, marker: int) -> tuple[int, int] | None:
        """The last candidate for footnote ``marker`` in the text emitted since
        ``start`` (markers 1 and 2 can share a line)."""
        found = None
        for index in range(start, len(out)):
            if out[index].type in _TEXT_TYPES:
                position = find_footnote_marker(out[index].value, marker)
                if position is not None:
                    found = (index, position)
        return found

    def _confirm_footnote(self, out: list[Token], candidate: tuple[int, int], marker: str) -> None:
        """Take a confirmed marker out of the running text and remember where it was."""
        index, position = candidate
        token = out[index]
        value = token.value[:position] + token.value[position + len(marker) :]
        out[index] = _retype(token, token.type, value)
        self.context.footnote_refs[marker] = FootnoteRef(marker, token.line, (token.column or 1) + position)

    @staticmethod
    def _footer_lines(raw: Sequence[Token]) -> set[int]:
        """Indexes of running page-footer lines: a paragraph of at most three
        lines whose last line ends in a page counter "12/15"."""
        footers: set[int] = set()
        for index, token in enumerate(raw):
            if token.type != "PAGE_COUNTER_LINE":
                continue
            match = _PAGE_COUNTER.search(token.value)
            if not match or not 0 < int(match.group(1)) <= int(match.group(2)):
                continue
            first = index
            while first > 0 and raw[first - 1].type == "TEXT" and index - first < 2:
                first -= 1
            if first > 0 and raw[first - 1].type not in ("BLANK", "NUMBER_ONLY"):
                continue  # the last line of a longer paragraph, not a footer
            footers.update(range(first, index + 1))
        return footers
