"""A field's lines -> its clean text, and where every source line went.

Every reading of the parse tree (questions, answers, the header) turns a
field's tokens into text here, so that each line it consumes is recorded
once with its role (``spans``) and where on its line its text stands
(``pieces``): the conservation check reads both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from lark import Token, Tree

from ..errors import InternalError
from ..grammar import Run, line_of
from ..postlex import ParseContext
from ..text import Gap, Line, assemble, clean_line, footnote_lead, plain_run

__all__ = ["Field", "Fields", "Role", "children", "footnote_parts", "last_line", "lines", "retype_text"]

#: Where a source line went: ("question", "5"), ("answer", "5"),
#: ("meta", "title"), ("footnote", "1") (its first line), ("footnote-more",
#: "1") (the lines continuing it), ("layout", "page-number"),
#: ("diagnostic", "duplicate-fragment"), ...
Role = tuple[str, str]

_LAYOUT = {
    "PAGE_CELL": "page-cell",
    "PAGE_NUMBER": "page-number",
    "PAGE_BREAK": "page-break",
    "FOOTER": "footer",
    "COLUMN_HEADER": "column-header",
    "ANSWER_LABEL": "label",
    "QUESTION_LABEL": "label",
    "PRELUDE": "prelude",
}
_BLANK_GAP, _LAYOUT_GAP = Gap(blank=True), Gap(layout=True)
#: Line types a field holds that are not its text (anything else is text).
_NOT_TEXT = frozenset({"BLANK", "FOOTNOTE_BODY", "FOOTNOTE_MORE", "ANSWER_START", *_LAYOUT})


class Field(NamedTuple):
    """A field's clean text, the page numbers (Blz. cells) in it, and its
    last source line that is not blank (None: it has none)."""

    text: str
    pages: list[int]
    last: int | None


class Fields:
    """Assembles the fields of one parse and records where their lines went."""

    def __init__(self, context: ParseContext) -> None:
        self.context = context
        self.spans: list[tuple[int, int, Role]] = []  # (first line, last line, role), in the order found
        self._note = ""  # the marker of the last footnote body met: FOOTNOTE_MORE lines continue it
        #: Where on its first line each text token stands: line -> [(start, end)]
        #: (0-based, end exclusive).  Conservation reads a line's text from
        #: these, not by stripping labels again with patterns of its own.
        self.pieces: dict[int, list[tuple[int, int]]] = {}

    def role(self, token: Token, kind: str, key: str) -> None:
        """Record that ``token``'s line went to ``(kind, key)``."""
        line: int = token.line  # type: ignore[assignment]  # every token kamerqa makes has a line (hot path)
        self.spans.append((line, line, (kind, key)))

    def roles(self) -> dict[int, list[Role]]:
        """Where every source line went, by line number (built on request:
        a plain parse does not need it)."""
        roles: dict[int, list[Role]] = defaultdict(list)
        for first, last, role in self.spans:
            for line in range(first, last + 1):
                roles[line].append(role)
        return dict(roles)

    def text(self, tokens: Iterable[Token], role: Role, notes: list[Token]) -> Field:
        """Assemble the TEXT lines of a field; note layout lines and
        footnote bodies on the way."""
        items: list[Line | Gap] = []
        pages: list[int] = []
        last: int | None = None
        texts = 0
        single: Line | None = None  # the text, when it is one line or run
        # The last text line so far: a run's first line is measured by it.  A
        # run plain_run lets through is joined without assemble, so it must
        # see every paragraph end assemble would (a false alarm only costs time).
        before: str | None = None
        for token in lines(tokens):
            kind = token.type
            if kind == "TEXT" or kind not in _NOT_TEXT:  # one line, or a run of consecutive lines merged for the parser
                value = token.value
                count = value.count("\n") or 1
                line: int = token.line  # type: ignore[assignment]  # every token kamerqa makes has a line (hot path)
                last = line + count - 1
                self.spans.append((line, last, role))
                if token.column is not None:
                    start = token.column - 1
                    newline = value.find("\n")
                    self.pieces.setdefault(line, []).append((start, start + (newline if newline >= 0 else len(value))))
                if count == 1 or plain_run(value, paragraphs=not self.context.reflowed, before=before):
                    single = Line(value, line)  # a run joins as one line would: soft wraps
                    items.append(single)
                    texts += 1
                else:
                    items.extend(Line(raw, line + offset) for offset, raw in enumerate(value.split("\n")[:-1]))
                    texts += 2
                before = value.rstrip("\n").rsplit("\n", 1)[-1]
                continue
            if kind == "BLANK":
                items.append(_BLANK_GAP)
                continue
            last = token.line
            if kind == "FOOTNOTE_BODY":
                notes.append(token)
                self._note = footnote_parts(token)[0]
                self.role(token, "footnote", self._note)
                items.append(_LAYOUT_GAP)
            elif kind == "FOOTNOTE_MORE":  # the post-lexer only continues a body it has seen
                notes.append(token)
                self.role(token, "footnote-more", self._note)
                items.append(_LAYOUT_GAP)
            elif kind == "ANSWER_START":
                continue
            else:  # a layout line
                self.role(token, "layout", _LAYOUT[kind])
                if kind == "PAGE_CELL":
                    pages.append(int(token.value))
                items.append(_LAYOUT_GAP)
        if texts == 1 and single is not None:  # most fields: one line or run, gaps around it (which assemble would ignore)
            text = clean_line(single.raw)
        else:
            text = assemble(items, paragraphs=not self.context.reflowed)
        return Field(text, pages, last)


def last_line(body: list[Token], label: Token) -> int:
    """The last source line of an item: its label's, or its body's."""
    last = line_of(label)
    for token in lines(body):
        last = max(last, line_of(token) + max(token.value.count("\n"), 1) - 1)
    return last


def footnote_parts(token: Token) -> tuple[str, str]:
    """ "1https://rsf.org/..." -> ("1", "https://rsf.org/...")."""
    lead = footnote_lead(token.value, parenthesis=True)
    assert lead is not None  # the post-lexer assigns FOOTNOTE_BODY only to lines led by a number
    return lead[0], clean_line(lead[1])


def children(node: Tree, rule: str) -> list:
    """A tree node's children, checking it is the node the grammar promises."""
    if node.data != rule:
        raise InternalError(f"expected a {rule!r} node in the parse tree, found {node.data!r}")
    return node.children


def lines(tokens: Iterable[Token]) -> Iterable[Token]:
    """The tokens with every :class:`~kamerqa.grammar.Run` replaced by its parts."""
    for token in tokens:
        if type(token) is Run:
            yield from token.parts
        else:
            yield token


def retype_text(token: Token) -> Token:
    """A header line the reading keeps as text of the introduction."""
    return Token("TEXT", token.value, token.start_pos, token.line, token.column)
