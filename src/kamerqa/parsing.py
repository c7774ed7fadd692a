"""The pipeline: text -> line tokens -> context decisions -> LALR parse ->
model, with error recovery.

Bad input never escapes as a Lark exception: a line the grammar does not
expect becomes a diagnostic (its text kept) and parsing goes on, or, with
``strict=True``, a :class:`~kamerqa.errors.ParseError` naming the problem.
Anything else that goes wrong inside is a bug and raises
:class:`~kamerqa.errors.InternalError`.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence

import attrs
from lark import Token
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken, VisitError

from .errors import InternalError, KamerqaError, ParseError
from .grammar import LayoutParser, layout_parser
from .header import read_heading
from .model import Document, Severity
from .postlex import FootnoteRef, ParseContext, TablePostLexer
from .reading import normalise_newlines, read_file
from .text import clean_line
from .transform import Role, ToDocument

__all__ = ["Analysis", "analyse", "parse", "parse_file"]

LAYOUT = "table"


@attrs.frozen
class Analysis:
    """A parse with its working: the document, and for every source line the
    places it went (see :data:`kamerqa.transform.Role`)."""

    document: Document
    roles: dict[int, list[Role]]
    lines: tuple[str, ...]
    footnote_refs: dict[str, FootnoteRef]

    def unaccounted(self) -> list[int]:
        """Non-blank source lines whose text cannot be found where their role
        says it went: the check behind "nothing is lost".

        A line is accounted for when it is layout (page number, footer,
        label, column header), belongs to a diagnostic that carries it, or
        its text - less the parts the parser lifts out (question number,
        page cell, answer label, footnote marker) - occurs in its field.
        """
        doc = self.document
        markers = {ref.line: ref for ref in self.footnote_refs.values()}
        diagnosed = {d.line for d in doc.diagnostics if d.text}
        fields: dict[Role, str] = {
            ("meta", "title"): doc.meta.title or "",
            ("meta", "intro"): doc.meta.intro or "",
        }
        for q in doc.questions:
            fields[("question", q.number)] = q.text
            fields[("answer", q.number)] = q.answer or ""
        for note in doc.footnotes:
            fields[("footnote", note.marker)] = note.marker + " " + note.text
        fields = {role: clean_line(text) for role, text in fields.items()}
        starts = {q.lines.first for q in doc.questions}

        missing = []
        for number, line in enumerate(self.lines, start=1):
            if not line.strip():
                continue
            roles = self.roles.get(number, [])
            if not roles:
                missing.append(number)
                continue
            kinds = {kind for kind, _ in roles}
            if kinds == {"layout"} or ("diagnostic" in kinds and number in diagnosed):
                continue
            if kinds == {"meta"} and not any(role in fields for role in roles):
                continue  # kind, vastgesteld, chair, clerk: read into typed fields
            content = self._content(line, markers.get(number), roles, number in starts)
            if not any(content in fields[role] for role in roles if role in fields):
                missing.append(number)
        return missing

    @staticmethod
    def _content(line: str, ref: FootnoteRef | None, roles: list[Role], starts_question: bool) -> str:
        """The clean text a line contributes, without what the parser lifts out."""
        if ref is not None:
            at = ref.column - 1
            line = line[:at] + line[at + len(ref.marker) :]
        if ("meta", "dossier") in roles:
            line = read_heading(line).title or ""
        if starts_question:
            line = re.sub(r"^\s*\d{1,4}[a-z]?\.?\s+", "", line, count=1)
        if ("layout", "page-cell") in roles:
            line = re.sub(r"\s\d{1,3}\s*$", "", line)
        if ("layout", "label") in roles:
            line = re.sub(r"^\s*Antwoord\s*:?", "", line)
        if any(kind == "footnote" for kind, _ in roles):
            line = re.sub(r"^\s*(\d{1,3})\s*", r"\1 ", line)
        return clean_line(line)


# Unexpected lines, named by example (Lark's match_examples): each example is
# a small document that fails at the kind of line the name describes.
_ERROR_EXAMPLES: dict[str, Sequence[str]] = {
    "answer-before-question": [
        "Antwoord\nJa.\n",
        "Lijst van vragen en antwoorden\n\nAntwoord: Ja.\n",
    ],
    "repeated-answer-label": [
        "1 Is dat zo?\n\nAntwoord\nJa.\n\nAntwoord\n",
        "1 Is dat zo?\nAntwoord: Ja.\nAntwoord: Nee.\n",
    ],
    "text-after-fragments": [
        "1 Is dat zo?\nAntwoord\nJa.\n\tJa.\nmeer tekst\n",
    ],
}
_ERROR_MESSAGES = {
    "answer-before-question": "an 'Antwoord' label before the first question; the label was ignored",
    "repeated-answer-label": "a second 'Antwoord' label in one question; the label was ignored",
    "text-after-fragments": "text after the indented fragments that follow the list; it was not placed",
    "unexpected-line": "this line does not fit the layout; it was not placed",
}


def _tokens(layout: LayoutParser, text: str, context: ParseContext) -> list[Token]:
    raw = list(layout.lex(text))
    return TablePostLexer(context).process(raw)


def _feed(layout: LayoutParser, tokens: Sequence[Token], context: ParseContext, *, recover: bool):
    """Feed tokens to the LALR parser.  With ``recover``, an unexpected line
    is reported and, where the grammar allows, kept as text in the current
    field; otherwise Lark's UnexpectedToken propagates."""
    parser = layout.lark.parse_interactive()
    last: Token | None = None
    for token in tokens:
        try:
            parser.feed_token(token)
        except UnexpectedToken as exc:
            if not recover:
                raise
            _recover(layout, parser, token, exc, context)
        last = token
    return parser.feed_eof(last)


def _recover(layout: LayoutParser, parser, token: Token, exc: UnexpectedToken, context: ParseContext) -> None:
    code = _name_error(layout.name, exc)
    if token.type != "ANSWER_LABEL":
        as_text = Token("TEXT", token.value, token.start_pos, token.line, token.column)
        try:
            parser.feed_token(as_text)
        except UnexpectedToken:
            pass
        else:
            context.report(Severity.WARNING, code, "this line does not fit the layout here; kept as text", token)
            return
    context.report(Severity.ERROR if token.type != "ANSWER_LABEL" else Severity.WARNING, code, _ERROR_MESSAGES[code], token)


def _name_error(layout_name: str, exc: UnexpectedToken) -> str:
    """Name a parser error by the example documents that fail the same way
    (Lark's ``match_examples``), remembering the answer per parser state."""
    key = (layout_name, exc.state.position, len(exc.state.state_stack), exc.token.type)
    if key not in _error_names:
        label = exc.match_examples(
            functools.partial(_strict_tree, layout_name), _ERROR_EXAMPLES, token_type_match_fallback=True
        )
        _error_names[key] = label or "unexpected-line"
    return _error_names[key]


_error_names: dict[tuple[str, int, int, str], str] = {}


def _strict_tree(layout_name: str, text: str):
    layout = layout_parser(layout_name)
    context = ParseContext()
    return _feed(layout, _tokens(layout, text, context), context, recover=False)


def analyse(text: str, *, strict: bool = False, source: str | None = None) -> Analysis:
    """Parse ``text`` and keep the working (see :class:`Analysis`)."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() or decode bytes first")
    text = normalise_newlines(text)
    if not text.strip():
        raise ParseError("the input is empty", line=1, column=1, code="empty", source=source)
    try:
        layout = layout_parser(LAYOUT)
        context = ParseContext()
        tokens = _tokens(layout, text, context)
        try:
            tree = _feed(layout, tokens, context, recover=not strict)
        except UnexpectedToken as exc:
            code = _name_error(layout.name, exc)
            raise ParseError(
                _ERROR_MESSAGES[code].split(";")[0],
                line=exc.token.line,
                column=exc.token.column,
                text=str(exc.token.value),
                code=code,
                source=source,
            ) from None
        transformer = ToDocument(context, layout.name)
        document = transformer.transform(tree)
    except KamerqaError:
        raise
    except VisitError as exc:
        if isinstance(exc.orig_exc, KamerqaError):
            raise exc.orig_exc from None
        raise InternalError(f"kamerqa failed while building the document: {exc.orig_exc!r}") from exc.orig_exc
    except (LarkError, UnexpectedInput) as exc:
        raise InternalError(f"kamerqa's parser failed unexpectedly: {exc}") from exc
    if not document.questions:
        raise ParseError(
            "no numbered questions found: expected lines such as '1 Is er ...?' followed by 'Antwoord'",
            line=1,
            column=1,
            text=text.split("\n", 1)[0],
            code="no-questions",
            source=source,
        )
    if strict and document.problems:
        first = document.problems[0]
        raise ParseError(
            first.message,
            line=first.line or 1,
            column=first.column or 1,
            text=first.text or "",
            code=first.code,
            source=source,
        )
    return Analysis(document, dict(transformer.roles), tuple(text.split("\n")[:-1]), dict(context.footnote_refs))


def parse(text: str, *, strict: bool = False, source: str | None = None) -> Document:
    """Parse the text of a question-and-answer list into a :class:`Document`.

    Problems in the input become ``document.diagnostics``; with
    ``strict=True`` the first warning or error raises :class:`ParseError`
    instead.  ``source`` (e.g. a file name) is only used in error messages.
    """
    return analyse(text, strict=strict, source=source).document


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Document:
    """Read a UTF-8 text file (with or without BOM) and parse it."""
    return parse(read_file(path), strict=strict, source=str(path))
