"""The grammar files: found when installed, compiled strictly, and honest
about their terminals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Token
from lark.exceptions import GrammarError, LexError

from kamerqa.grammar import LINE_SHAPES, grammar_dir, layout_parser, new_token
from kamerqa.reading import normalise_newlines

from .conftest import REFERENCE


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


def _positions(tokens) -> list[tuple]:
    return [(t.type, t.value, t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos) for t in tokens]


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).resolve().parent / "corpus").glob("*.txt")) + [REFERENCE],
    ids=lambda p: p.name[:3],
)
def test_the_line_scanner_gives_larks_tokens_on_real_documents(path):
    text = normalise_newlines(path.read_text(encoding="utf-8"))
    layout = layout_parser("qa")
    assert _positions(layout.lex(text)) == _positions(layout.lex_with_lark(text))


_LINE_ALPHABET = st.sampled_from(
    ["\n", " ", "\t", "\u00a0", "\u200b", "1", "9", "a", "V", "Vraag", "Antwoord", ":", ".", "/", "-", "_", "*", "Nr",
     "van", "en", "t/m", "Vastgesteld", "lijst van vragen", "voorzitter van de commissie", "27925", "é", "\x0c", "?"]
)


@given(st.lists(_LINE_ALPHABET, max_size=60).map("".join))
def test_the_line_scanner_gives_larks_tokens_on_any_text(text):
    text = normalise_newlines(text)
    layout = layout_parser("qa")
    assert _positions(layout.lex(text)) == _positions(layout.lex_with_lark(text))


def test_the_line_scanner_wants_a_final_line_break():
    with pytest.raises(ValueError, match="line break"):
        layout_parser("qa").lex("no line break")


def test_new_token_is_a_lark_token():
    made = new_token("TEXT", "tekst\n", 7, 3, 2, 4, 1, 13)
    expected = Token("TEXT", "tekst\n", 7, 3, 2, 4, 1, 13)
    assert isinstance(made, Token) and made == expected and made.value == expected.value
    assert [getattr(made, name) for name in Token.__slots__] == [getattr(expected, name) for name in Token.__slots__]
