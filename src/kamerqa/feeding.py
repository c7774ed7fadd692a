"""Lines -> tokens -> the LALR parse, with error recovery.

The line scanner and the post-lexer give the tokens (:func:`line_tokens`); runs
of body lines are merged into one token each (:func:`merge_runs`: the
grammar treats them alike, so the parse is the same at a fraction of the
work); the parser is fed them (:func:`feed`).  A line the grammar does not
expect is reported and, where the grammar allows, kept as text; its
diagnostic is named by example documents that fail the same way (Lark's
``match_examples``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lark import Token
from lark.exceptions import UnexpectedToken

from .flat import FlatText
from .grammar import LayoutParser, Run, lark_token, layout_parser, line_of, new_token
from .model import Severity
from .postlex import ParseContext, PostLexer, detect_form, questions_only

__all__ = ["ERROR_MESSAGES", "feed", "line_tokens", "merge_runs", "name_error", "unmerge"]

# Unexpected lines other than answer labels, named by example (Lark's
# match_examples): each example is a small document that fails at the kind
# of line the name describes.  An unexpected answer label is named by what
# came before it (see name_error): examples that fail at a label would
# match other lines too, wherever the parser happens to be in the same state.
_ERROR_EXAMPLES: dict[str, Sequence[str]] = {
    "text-after-fragments": [
        "1 Is dat zo?\nAntwoord\nJa.\n\tJa.\nmeer tekst\n",
    ],
}
ERROR_MESSAGES = {
    "answer-before-question": "an 'Antwoord' label before the first question; the label was ignored",
    "repeated-answer-label": "a second 'Antwoord' label in one question; the label was ignored",
    "text-after-fragments": "text after the indented fragments that follow the list; it was not placed",
    "unexpected-line": "this line does not fit the layout; it was not placed",
}


def line_tokens(
    layout: LayoutParser,
    text: str,
    context: ParseContext,
    form: str | None = None,
    flat: FlatText | None = None,
    plain: frozenset[int] = frozenset(),
) -> list[Token]:
    """The tokens of ``text``: its lines scanned into shapes, the layout
    detected (or ``form``), then the post-lexer's decisions.  ``plain``:
    0-based lines a reader knows are text, never labels."""
    lines = layout.scan(text)
    # The reader knows these lines are no labels (a PDF's body font).
    lines.retype_all(
        (index, "TEXT", lines.values[index], 0)
        for index in sorted(plain)
        if index < len(lines) and lines.kinds[index] in ("QUESTION_LINE", "ANSWER_LINE")
    )
    found: dict = {}
    context.form = form or detect_form(lines, found=found, scores=context.layout_scores)
    context.candidates = {name: [(s.label, index + 1) for index, s in starts.items()] for name, starts in found.items()}
    headers = flat.headers if flat is not None else frozenset()
    postlexer = PostLexer(
        context, context.form, questions_only=questions_only(lines, text), headers=headers, relex=layout.lex, text=text
    )
    return postlexer.process(lines, found.get(context.form))


#: Line types the grammar accepts wherever it accepts TEXT (in the preamble
#: and in question and answer bodies).
_BODY = frozenset(
    {"TEXT", "BLANK", "PAGE_CELL", "PAGE_NUMBER", "PAGE_BREAK", "FOOTER", "FOOTNOTE_BODY", "FOOTNOTE_MORE", "COLUMN_HEADER"}
)


def merge_runs(tokens: Sequence[Token]) -> list[Token]:
    """The tokens as the parser is fed them: each run of body lines becomes
    one :class:`~kamerqa.grammar.Run`, in which TEXT tokens on consecutive
    lines are merged into one (its value keeps every line, "\\n"-terminated)
    and a run of blank lines into one BLANK; a run of blank lines alone is
    its first BLANK token.  The grammar treats body lines alike, so the parse
    is the same and the parser does a fraction of the work."""
    fed: list[Token] = []
    parts: list[Token] = []  # the body lines of the current run
    texts: list[Token] = []  # the TEXT tokens on consecutive lines that end it, not yet merged

    def merged() -> Token:
        if len(texts) == 1:
            return texts[0]
        first, last = texts[0], texts[-1]
        value = "".join([text.value for text in texts])
        return new_token("TEXT", value, first.start_pos, first.line, first.column, last.end_line, last.end_column, last.end_pos)

    for token in tokens:
        kind = token.type
        if kind == "TEXT":
            if texts and token.line != texts[-1].end_line:  # not on the line after the last
                parts.append(merged())
                texts = []
            texts.append(token)
            continue
        if texts:
            parts.append(merged())
            texts = []
        if kind in _BODY:
            if kind != "BLANK" or not parts or parts[-1].type != "BLANK":
                parts.append(token)
            continue
        if parts:
            fed.append(parts[0] if len(parts) == 1 else Run.of(parts))
            parts = []
        fed.append(token)
    if texts:
        parts.append(merged())
    if parts:
        fed.append(parts[0] if len(parts) == 1 else Run.of(parts))
    return fed


def feed(layout: LayoutParser, tokens: Sequence[Token], context: ParseContext, *, recover: bool):
    """Feed tokens (merged by :func:`merge_runs`) to the LALR parser.  With
    ``recover``, an unexpected line is reported and, where the grammar
    allows, kept as text in the current field; otherwise Lark's
    UnexpectedToken propagates."""
    parser = layout.lark.parse_interactive()
    feed_token = parser.parser_state.feed_token
    last: Token | None = None
    context.questions_seen = False
    for token in tokens:
        if token.type == "QUESTION_START":
            context.questions_seen = True
        try:
            feed_token(token)
        except UnexpectedToken as exc:
            exc.token = lark_token(exc.token)  # Lark names errors by comparing tokens as strings
            lines = unmerge(token)
            if len(lines) == 1:
                if not recover:
                    raise
                _recover(layout, parser, token, exc, context)
            else:  # feed the lines one by one, to report (or raise at) the ones that do not fit
                for line in lines:
                    try:
                        feed_token(line)
                    except UnexpectedToken as line_exc:
                        line_exc.token = lark_token(line_exc.token)
                        if not recover:
                            raise
                        _recover(layout, parser, line, line_exc, context)
        last = token
    return parser.feed_eof(last)


def unmerge(token: Token) -> list[Token]:
    """The single-line tokens a merged token was made of."""
    if isinstance(token, Run):
        return [line for part in token.parts for line in unmerge(part)]
    if token.type != "TEXT" or token.value.count("\n") <= 1:
        return [token]
    lines = token.value.split("\n")[:-1]
    return [
        Token("TEXT", line + "\n", None, line_of(token) + offset, token.column if offset == 0 else 1)
        for offset, line in enumerate(lines)
    ]


def _recover(layout: LayoutParser, parser, token: Token, exc: UnexpectedToken, context: ParseContext) -> None:
    code = name_error(layout.name, exc, context)
    if token.type != "ANSWER_LABEL":
        as_text = Token("TEXT", token.value, token.start_pos, token.line, token.column)
        try:
            parser.feed_token(as_text)
        except UnexpectedToken:
            pass
        else:
            context.report(Severity.WARNING, code, "this line does not fit the layout here; kept as text", token)
            return
    if token.type == "ANSWER_LABEL":
        context.dropped.append((line_of(token), ("layout", "label")))
        context.report(Severity.WARNING, code, ERROR_MESSAGES[code], token)
    else:
        context.dropped.append((line_of(token), ("diagnostic", code)))
        context.report(Severity.ERROR, code, ERROR_MESSAGES[code], token)


def name_error(layout_name: str, exc: UnexpectedToken, context: ParseContext) -> str:
    """Name a parser error: an unexpected answer label by whether a question
    came before it, anything else by the example documents that fail the same
    way (Lark's ``match_examples``), remembered per parser state."""
    if exc.token.type == "ANSWER_LABEL":
        return "repeated-answer-label" if context.questions_seen else "answer-before-question"
    key = (layout_name, exc.state.position, len(exc.state.state_stack), exc.token.type)
    if key not in _error_names:
        label = exc.match_examples(
            functools.partial(_strict_tree, layout_name), _ERROR_EXAMPLES, token_type_match_fallback=True
        )
        _error_names[key] = label or "unexpected-line"
    return _error_names[key]


_error_names: dict[tuple[str, int, int, str], str] = {}


def _strict_tree(layout_name: str, text: str):
    """The tree of an example document, failing as the parse would (for match_examples)."""
    layout = layout_parser(layout_name)
    context = ParseContext()
    return feed(layout, merge_runs(line_tokens(layout, text, context, "table")), context, recover=False)

