"""What every pass of the post-lexer shares: the parse's side record
(:class:`ParseContext`), re-typing a line's token, and the small tests on
line text the passes agree on."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from lark import Token

from ..codes import CODES
from ..errors import InternalError
from ..grammar import new_token
from ..layouts import names as layout_names
from ..model import Diagnostic, Severity
from ..text import HSPACE, covered_numbers, footnote_markers
from ..vocabulary import ANSWER_LABEL

__all__ = ["FORMS", "FootnoteRef", "MarkerSites", "ParseContext", "retype"]

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
        self,
        severity: Severity,
        code: str,
        message: str,
        token: Token | None = None,
        *,
        text: str | None = None,
        expected: str | None = None,
        found: str | None = None,
        repeats: int | None = None,
    ) -> None:
        """Record a diagnostic at ``token`` (its text kept unless ``text``
        is given), with its typed details."""
        if code not in CODES:
            raise InternalError(f"unknown diagnostic code {code!r}")
        line = token.line if token is not None else None
        column = token.column if token is not None else None
        if text is None and token is not None:
            text = token.value.rstrip("\n")
        self.diagnostics.append(
            Diagnostic(severity, code, message, line, column, text, expected=expected, found=found, repeats=repeats)
        )


def retype(token: Token, type_: str, value: str | None = None, offset: int = 0) -> Token:
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


ANSWER_LABEL_SPLIT = re.compile(rf"^({HSPACE}*{ANSWER_LABEL})({HSPACE}*)(.*)$", re.DOTALL)
SENTENCE_END = re.compile(r"[.:;!?]['\"”’»)]*\s*$")
#: Line shapes that are text where they do not do their own job.
TEXT_KINDS = frozenset(
    {"TEXT", "NUMBERED", "DOSSIER_LINE", "KIND_LINE", "VASTGESTELD_LINE", "ROLE_LINE", "PAGE_COUNTER_LINE", "NR_LINE"}
)
HEADER_KINDS = ("DOSSIER_LINE", "KIND_LINE", "NR_LINE", "VASTGESTELD_LINE")
_EMITTED_TEXT = frozenset({"TEXT", "TITLE_LINE"})


def last_type(out: Sequence[Token]) -> str | None:
    """The type of the last non-blank token emitted."""
    for token in reversed(out):
        if token.type != "BLANK":
            return token.type
    return None


def looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and text[:1].isupper() and not text.endswith((".", ":", ";"))


def numbers(label: str) -> set[int]:
    """The question numbers a label covers, as integers ("4, 5, 7 en 8" -> 4, 5, 7, 8)."""
    if label.isdecimal():  # most labels: "21"
        return {int(label)}
    return {int(re.match(r"\d+", number).group()) for number in covered_numbers(label)}  # type: ignore[union-attr]


class MarkerSites:
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

    def place(self, marker: str, site: tuple[int, int, int]) -> None:
        """Note a marker the text patterns do not find, the lexer having
        read it from its place ("1 Herkent u" under the sentence it marks)."""
        self.last_since(len(self.out), marker)  # everything before it scanned first: it is the last
        self.sites[marker] = site
