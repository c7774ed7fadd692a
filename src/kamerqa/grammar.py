"""Building the Lark parsers from the ``.lark`` files, once per process.

The grammars live in the repository's top-level ``grammars/`` directory and
are shipped inside the wheel as ``kamerqa/grammars``.  Each layout grammar is
compiled once (LALR, ``strict=True`` so colliding terminals and grammar
conflicts fail at build time, ``cache=True`` so later processes load the
compiled tables instead of rebuilding them).

kamerqa drives the parser itself: the shape lexer says what shape every
line has (:class:`Lines`), :mod:`kamerqa.postlex` turns the lines into
tokens typed with context, and the tokens are fed to Lark's interactive
LALR parser.

The shape lexer matches each line against the line-shape terminals Lark
compiled from ``lines.lark``, tried in Lark's order (highest priority
first).  It gives the same tokens as Lark's own lexer (a test checks this on
every document and on generated input) at about twice its speed: every token
is one whole line, so Lark's general loop - counting lines and columns
inside tokens, callbacks - has nothing to do; and it makes no token at all
until one is needed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
from lark import Lark, Token
from lark.lexer import BasicLexer, LexerThread

from .errors import InternalError

__all__ = [
    "LINE_SHAPES",
    "LayoutParser",
    "Lines",
    "Run",
    "build_lark",
    "grammar_dir",
    "lark_token",
    "layout_parser",
    "line_of",
    "new_token",
]

#: The line-shape terminals of ``lines.lark`` (the raw lexer's vocabulary).
LINE_SHAPES: tuple[str, ...] = (
    "PLAIN_TEXT",
    "BLANK",
    "INDENTED",
    "PAGE_BREAK",
    "NUMBER_ONLY",
    "PAGE_OF",
    "COLUMN_HEADER",
    "QUESTION_LINE",
    "ANSWER_LINE",
    "NR_LINE",
    "DOSSIER_LINE",
    "NUMBERED",
    "KIND_LINE",
    "VASTGESTELD_LINE",
    "ROLE_LINE",
    "PAGE_COUNTER_LINE",
    "TEXT",
)


_new_str = str.__new__


def new_token(
    type_: str,
    value: str,
    start_pos: int | None,
    line: int | None,
    column: int | None,
    end_line: int | None,
    end_column: int | None,
    end_pos: int | None,
    cls: type[Token] = Token,
) -> Token:
    """``Token(type_, value, start_pos, line, column, end_line, end_column,
    end_pos)`` at a fraction of the cost, but with an empty string as the
    token's own str content: only ``.value`` holds the text.

    A Lark token is a str equal to its value and keeps the value as a
    second string; kamerqa reads only ``.value``, and Lark's parser only
    ``.type``, so the copy is saved (a tenth of a large parse).  Where Lark
    compares tokens as strings - naming an error by example - kamerqa hands
    it :func:`lark_token` copies.  Lark's ``Token.__new__`` also checks its
    arguments in Python; this does not.
    """
    token = _new_str(cls)
    token.type = type_
    token.value = value
    token.start_pos = start_pos
    token.line = line
    token.column = column
    token.end_line = end_line
    token.end_column = end_column
    token.end_pos = end_pos
    return token


def line_of(token: Token) -> int:
    """The line ``token`` starts on.  Every token kamerqa makes has one;
    Lark's type for it is optional."""
    line = token.line
    if line is None:
        raise InternalError(f"a {token.type} token without a line")
    return line


def lark_token(token: Token) -> Token:
    """``token`` as Lark makes it: a str equal to its value."""
    return Token(
        token.type, token.value, token.start_pos, token.line, token.column, token.end_line, token.end_column, token.end_pos
    )


@attrs.define
class Lines:
    """The shape lexer's output: for every line (0-based index) its shape
    and its text, with the "\\n"; and for every shape but TEXT (most lines)
    the indexes of its lines, in order, so that the post-lexer can go
    straight to the lines a decision is about.

    Tokens are made only for the lines that need one (:meth:`token`): most
    lines are text, which the post-lexer passes on in runs.
    """

    kinds: list[str]
    values: list[str]
    at: dict[str, list[int]]
    #: Lines whose text starts after column 1 (an indented line read as
    #: its text): how many characters after.
    offsets: dict[int, int] = attrs.Factory(dict)

    def __len__(self) -> int:
        return len(self.kinds)

    def token(self, index: int) -> Token:
        """Line ``index`` as a token (its source line is ``index + 1``)."""
        column = 1 + self.offsets.get(index, 0)
        return new_token(self.kinds[index], self.values[index], None, index + 1, column, index + 2, 1, None)

    def retype_all(self, changes: Iterable[tuple[int, str, str, int]]) -> None:
        """Read each line ``index`` of ``changes`` as ``value``, of shape
        ``kind``, which starts ``offset`` characters into the line.  The
        shape index is rebuilt once (one removal from a long list per line
        was quadratic)."""
        touched = set()
        for index, kind, value, offset in changes:
            touched.add(self.kinds[index])
            touched.add(kind)
            self.kinds[index], self.values[index] = kind, value
            self.offsets[index] = self.offsets.get(index, 0) + offset
        touched.discard("TEXT")
        for kind in touched:
            self.at[kind] = [index for index, shape in enumerate(self.kinds) if shape == kind]
            if not self.at[kind]:
                del self.at[kind]


class Run(Token):
    """Consecutive body lines (text, blank and layout lines, which the
    grammar accepts in the same places) fed to the parser as one TEXT token:
    the parse is the same, with a fraction of the parser's work.  ``parts``
    are the tokens it stands for; its own value is empty."""

    __slots__ = ("parts",)
    parts: list[Token]

    @classmethod
    def of(cls, parts: list[Token]) -> Run:
        first, last = parts[0], parts[-1]
        run = new_token(
            "TEXT", "", first.start_pos, first.line, first.column, last.end_line, last.end_column, last.end_pos, cls
        )
        run.parts = parts  # type: ignore[attr-defined]  # new_token made a Run: it has the slot
        return run  # type: ignore[return-value]


def grammar_dir() -> Path:
    """Where the ``.lark`` files are: inside the installed package, or the
    repository's ``grammars/`` when running from a source checkout.  (Lark
    reads them from the file system, so the package's own folder is the
    place to look; importlib.resources would add to every start-up.)"""
    here = Path(__file__).resolve().parent
    packaged = here / "grammars"
    if (packaged / "lines.lark").is_file():
        return packaged
    checkout = here.parents[1] / "grammars"
    if (checkout / "lines.lark").is_file():
        return checkout
    raise FileNotFoundError(f"kamerqa's grammar files are missing (looked in {packaged} and {checkout})")



class _KeepLineShapes:
    """A do-nothing Lark postlexer whose only job is ``always_accept``: it keeps
    the line-shape terminals in the compiled grammar although the layout rules
    use the re-typed tokens instead."""

    always_accept = LINE_SHAPES

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


@attrs.frozen
class LayoutParser:
    """A compiled layout grammar: its Lark LALR parser and its line lexer."""

    name: str
    lark: Lark
    lexer: BasicLexer
    shapes: re.Pattern[str]  # every line shape, one named group each, in Lark's order

    def scan(self, text: str) -> Lines:
        """The shape and text of every line of ``text`` (which must end with
        ``\\n``; :func:`kamerqa.reading.normalise_newlines` sees to that)."""
        if text and not text.endswith("\n"):
            raise ValueError("the text to lex must end with a line break")
        # Every line matches a shape (TEXT or BLANK at least), so the matches
        # follow each other without gaps, one per line.  PLAIN_TEXT is the
        # fast lane for ordinary text, which is TEXT.
        kinds: list[str] = []
        values: list[str] = []
        at: dict[str, list[int]] = {}
        for index, match in enumerate(self.shapes.finditer(text)):
            kind = match.lastgroup
            if kind == "PLAIN_TEXT":
                kind = "TEXT"
            elif kind != "TEXT":
                if kind in at:
                    at[kind].append(index)
                else:
                    at[kind] = [index]  # type: ignore[index]  # every alternative is a named group
            kinds.append(kind)  # type: ignore[arg-type]  # every alternative is a named group
            values.append(match.group())
        return Lines(kinds, values, at)

    def lex(self, text: str) -> list[Token]:
        """One line-shape token per line of ``text``, as Lark's lexer makes
        them (but ordinary text is TEXT): see :meth:`scan`."""
        tokens = []
        start = 0
        lines = self.scan(text)
        for index, (kind, value) in enumerate(zip(lines.kinds, lines.values)):
            end = start + len(value)
            tokens.append(Token(kind, value, start, index + 1, 1, index + 2, 1, end))
            start = end
        return tokens

    def lex_with_lark(self, text: str) -> Iterator[Token]:
        """The same tokens from Lark's own lexer (for tests and the benchmark),
        except that ordinary text comes as PLAIN_TEXT rather than TEXT."""
        return LexerThread.from_text(self.lexer, text).lex(None)

    @property
    def terminals(self) -> frozenset[str]:
        return frozenset(t.name for t in self.lark.terminals)


def build_lark(name: str, *, cache: bool = True) -> Lark:
    """Compile ``grammars/<name>.lark`` (LALR, strict).  With ``cache`` Lark
    stores the compiled tables and later loads skip the analysis; a cached
    load has no ``.grammar`` (tools such as hypothesis' from_lark need
    ``cache=False``)."""
    directory = grammar_dir()
    return Lark.open(
        str(directory / f"{name}.lark"),
        parser="lalr",
        lexer="basic",
        strict=True,
        cache=cache,
        maybe_placeholders=False,
        propagate_positions=False,
        postlex=_KeepLineShapes(),
        import_paths=[str(directory)],
    )


def _shape_pattern(lark: Lark) -> re.Pattern[str]:
    """The line shapes as one regular expression, highest priority first.

    With a basic lexer Lark tries terminals in this order and takes the
    first that matches; the shapes' priorities are all different (strict
    mode has checked that equal ones cannot collide), so the order is fixed.
    """
    shapes = [t for t in lark.terminals if t.name in LINE_SHAPES]
    if {t.name for t in shapes} != set(LINE_SHAPES):
        raise InternalError(f"the grammar lacks line shapes: {sorted(set(LINE_SHAPES) - {t.name for t in shapes})}")
    shapes.sort(key=lambda t: -t.priority)
    return re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in shapes), lark.lexer_conf.g_regex_flags)


@functools.cache
def layout_parser(name: str) -> LayoutParser:
    """The compiled parser of layout ``name`` (``grammars/<name>.lark``), built once."""
    lark = build_lark(name)
    return LayoutParser(name=name, lark=lark, lexer=BasicLexer(lark.lexer_conf), shapes=_shape_pattern(lark))
