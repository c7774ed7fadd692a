"""The grammar files: found when installed, compiled strictly, and honest
about their terminals."""

from __future__ import annotations

import re
from pathlib import Path

import interegular
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Token
from lark.exceptions import GrammarError, LexError

from kamerqa.grammar import LINE_SHAPES, grammar_dir, lark_token, layout_parser, new_token
from kamerqa.reading import normalise_newlines
from kamerqa.vocabulary import lark_fragment as vocabulary_fragment

from .conftest import REFERENCE, ROOT


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
    """Every field of every token; ordinary text is TEXT (the shape lexer
    names the PLAIN_TEXT fast lane so, Lark's lexer does not)."""
    return [
        ("TEXT" if t.type == "PLAIN_TEXT" else t.type, t.value, t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos)
        for t in tokens
    ]


def _fsm(pattern: str):
    return interegular.parse_pattern(pattern).to_fsm()


def test_plain_text_is_text_that_no_other_shape_matches():
    # PLAIN_TEXT is tried before every other shape.  That changes nothing
    # only if each line it matches is TEXT and matches no shape that would
    # otherwise have won.  interegular (what Lark's strict mode uses to find
    # colliding terminals) proves both on the compiled patterns.  Its
    # negative lookaheads are unreliable, so the pattern is taken apart:
    # "(?!KEYWORDS)BODY" matches a line of BODY that does not start with
    # KEYWORDS, and any other shape's line in BODY must start with them.
    lark = layout_parser("qa").lark
    assert lark.lexer_conf.g_regex_flags == 0  # the flags are in the patterns, as Lark's strict mode reads them
    shapes = {t.name: t.pattern.to_regexp() for t in lark.terminals if t.name in LINE_SHAPES}
    parts = re.fullmatch(r"\(\?!(\(\?i:[a-z |\\.]+\))\)(\[A-Za-z\].*)", shapes["PLAIN_TEXT"], re.DOTALL)
    assert parts is not None, shapes["PLAIN_TEXT"]
    keywords, body = parts.groups()
    plain, led = _fsm(body), _fsm(keywords + "[^\n]*\n")
    assert plain.issubset(_fsm(shapes["TEXT"]))
    for name in set(LINE_SHAPES) - {"PLAIN_TEXT", "TEXT"}:
        # Without its lookaheads ("12a" not followed by a letter, "1 C"
        # followed by ":") a shape matches more lines, so proving it for
        # them proves it.
        wider = re.sub(r"\(\?[!=][^()]*\)", "", shapes[name])
        assert (plain & _fsm(wider)).issubset(led), name
    # ... and the proof can fail: without the "/" rule a page footer is plain.
    loose = _fsm("[A-Za-z][^\n]*\n")
    assert not (loose & _fsm(shapes["PAGE_COUNTER_LINE"])).issubset(led)


@pytest.mark.parametrize(
    "line, shape",
    [
        ("Het kabinet antwoordt.\n", "PLAIN_TEXT"),
        ("De minister antwoordt.\n", "TEXT"),  # "de " may start a role line
        ("de voorzitter van de commissie,\n", "ROLE_LINE"),
        ("Vraag 3\n", "QUESTION_LINE"),
        ("Lijst van vragen en antwoorden\n", "KIND_LINE"),
        ("Pagina 3 van 12\n", "PAGE_OF"),
        ("Kamerstuk 3/9\n", "PAGE_COUNTER_LINE"),
        ("Deze zin is tekst.\n", "PLAIN_TEXT"),
        ("(tekst tussen haakjes)\n", "TEXT"),
    ],
)
def test_larks_lexer_names_the_fast_lane(line, shape):
    [token] = layout_parser("qa").lex_with_lark(line)
    assert token.type == shape


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


def test_new_token_is_a_lark_token_that_keeps_its_text_once():
    made = new_token("TEXT", "tekst\n", 7, 3, 2, 4, 1, 13)
    expected = Token("TEXT", "tekst\n", 7, 3, 2, 4, 1, 13)
    assert isinstance(made, Token)
    assert [getattr(made, name) for name in Token.__slots__] == [getattr(expected, name) for name in Token.__slots__]
    assert str.__str__(made) == ""  # the text is in .value only
    copy = lark_token(made)
    assert type(copy) is Token and copy == expected and str.__str__(copy) == "tekst\n"
    assert [getattr(copy, name) for name in Token.__slots__] == [getattr(expected, name) for name in Token.__slots__]


def _grammar_pattern(name: str) -> str:
    source = (grammar_dir() / "vocabulary.lark").read_text(encoding="utf-8")
    match = re.search(rf"^{name}: /(.*)/$", source, re.MULTILINE)
    assert match is not None, name
    return match.group(1).replace("\\/", "/")


def test_the_text_rules_use_the_grammars_white_space_and_label_numbers():
    # The post-lexer and the transformer read lines with regular
    # expressions of their own; where those say "white space" or "a label's
    # numbers" they must mean what the line shapes mean (a crash on U+FEFF
    # once came from two white-space classes that differed).  Both are built
    # from kamerqa.vocabulary, and the grammar fragment is generated from it.
    from kamerqa import vocabulary
    from kamerqa.text import HSPACE, LABEL_NUMBERS

    grammar_space, text_space = re.compile(_grammar_pattern("HSPACE")), re.compile(HSPACE)
    differ = [hex(c) for c in range(0x10000) if bool(grammar_space.fullmatch(chr(c))) != bool(text_space.fullmatch(chr(c)))]
    assert differ == []
    assert LABEL_NUMBERS == _grammar_pattern("NUMBERS") == vocabulary.NUMBERS
    for name in ("QUESTION_WORD", "ANSWER_WORD", "ANSWER_REFERENCE", "NOISE"):
        assert _grammar_pattern(name) == getattr(vocabulary, name)


def test_the_grammar_fragment_is_generated_from_the_vocabulary():
    # grammars/vocabulary.lark is written by `python -m kamerqa.vocabulary`;
    # a change to the vocabulary without regenerating it fails here.
    fragment = ROOT / "grammars" / "vocabulary.lark"
    assert fragment.read_text(encoding="utf-8") == vocabulary_fragment()
