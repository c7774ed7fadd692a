"""Building the Lark parsers from the ``.lark`` files, once per process.

The grammars live in the repository's top-level ``grammars/`` directory and
are shipped inside the wheel as ``kamerqa/grammars``.  Each layout grammar is
compiled once (LALR, ``strict=True`` so colliding terminals and grammar
conflicts fail at build time, ``cache=True`` so later processes load the
compiled tables instead of rebuilding them).

kamerqa drives the parser itself: the shape lexer turns text into one token
per line, :mod:`kamerqa.postlex` re-types those tokens with context, and the
tokens are fed to Lark's interactive LALR parser.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import attrs
from lark import Lark, Token
from lark.lexer import BasicLexer, LexerThread

__all__ = ["LINE_SHAPES", "LayoutParser", "build_lark", "grammar_dir", "layout_parser"]

#: The line-shape terminals of ``lines.lark`` (the raw lexer's vocabulary).
LINE_SHAPES: tuple[str, ...] = (
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


def grammar_dir() -> Path:
    """Where the ``.lark`` files are: inside the installed package, or the
    repository's ``grammars/`` when running from a source checkout."""
    packaged = Path(str(resources.files("kamerqa"))) / "grammars"
    if (packaged / "lines.lark").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "grammars"
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

    def lex(self, text: str) -> Iterator[Token]:
        """One line-shape token per line of ``text`` (which ends with ``\\n``)."""
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


@functools.cache
def layout_parser(name: str) -> LayoutParser:
    """The compiled parser of layout ``name`` (``grammars/<name>.lark``), built once."""
    lark = build_lark(name)
    return LayoutParser(name=name, lark=lark, lexer=BasicLexer(lark.lexer_conf))
