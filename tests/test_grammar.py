"""The grammar files: found when installed, compiled strictly, and honest
about their terminals."""

from __future__ import annotations

import re

import pytest
from lark import Lark
from lark.exceptions import GrammarError, LexError

from kamerqa.grammar import LINE_SHAPES, grammar_dir, layout_parser


def test_grammar_files_are_found():
    directory = grammar_dir()
    assert (directory / "lines.lark").is_file()
    assert (directory / "qa.lark").is_file()


def test_layout_parser_is_built_once():
    assert layout_parser("qa") is layout_parser("qa")


def test_every_line_shape_is_defined_and_kept():
    source = (grammar_dir() / "lines.lark").read_text(encoding="utf-8")
    defined = set(re.findall(r"^([A-Z_]+)(?:\.\d+)?:", source, re.MULTILINE)) - {"HSPACE", "NUMBERS"}
    assert defined == set(LINE_SHAPES)
    assert set(LINE_SHAPES) <= layout_parser("qa").terminals


def test_line_shapes_have_distinct_priorities():
    # Shapes overlap by design (a lone number is also text); a distinct
    # priority for each makes every overlap an explicit decision.
    priorities = {t.name: t.priority for t in layout_parser("qa").lark.terminals if t.name in LINE_SHAPES}
    assert len(priorities) == len(LINE_SHAPES)
    assert len(set(priorities.values())) == len(LINE_SHAPES)
    assert min(priorities, key=priorities.get) == "TEXT"


def test_strict_mode_catches_what_it_should():
    # The same options kamerqa uses reject colliding terminals and conflicts,
    # so a change to the grammars that introduces either fails at build time.
    with pytest.raises(LexError, match="Collision"):
        Lark('start: A | B\nA: /a+/\nB: /a/\n', parser="lalr", lexer="basic", strict=True)
    with pytest.raises(GrammarError, match="Shift/Reduce"):
        Lark("start: x*\nx: A A*\nA: \"a\"\n", parser="lalr", lexer="basic", strict=True)


def test_every_line_lexes_as_exactly_one_token():
    text = "a\n\n 1 \n\tx\nAntwoord: ja\n27925- 919 T\n3 Vraag\nnr. Lijst van vragen\nVastgesteld\nGriffier van de commissie,\nx 1/2\n\u00a0\n"
    tokens = list(layout_parser("qa").lex(text))
    assert [t.line for t in tokens] == list(range(1, text.count("\n") + 1))
    assert "".join(tokens) == text
