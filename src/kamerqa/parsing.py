"""The pipeline: text -> line tokens -> context decisions -> LALR parse ->
model, with error recovery.

Bad input never escapes as a Lark exception: a line the grammar does not
expect becomes a diagnostic (its text kept) and parsing goes on, or, with
``strict=True``, a :class:`~kamerqa.errors.ParseError` naming the problem.
Anything else that goes wrong inside is a bug and raises
:class:`~kamerqa.errors.InternalError`.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Iterator, Sequence

import attrs
from lark import Token
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken

from . import families, readers
from .errors import InputError, InternalError, KamerqaError, ParseError
from .flat import FlatText, split_flat_text
from .grammar import LayoutParser, Run, lark_token, layout_parser, line_of, new_token
from .header import read_heading, split_vastgesteld
from .inline import split_inline_numbers
from .layouts import REGISTRY
from .model import Diagnostic, Document, LineSpan, Severity
from .normalise import Columns, compose, normalise, unsafe_characters
from .placing import place
from .postlex import FORMS, FootnoteRef, ParseContext, PostLexer, detect_form, questions_only
from .reading import MAX_INPUT_BYTES, MAX_LINES, normalise_newlines
from .text import clean_line, footnote_lead
from .transform import Role, ToDocument

__all__ = ["LAYOUTS", "Analysis", "analyse", "parse", "parse_file"]

GRAMMAR = "qa"
#: The layouts kamerqa reads (see docs/layouts.md); ``parse(layout=...)`` forces one.
LAYOUTS = (*FORMS, "flat")
_LOOKED_FOR = (
    "no numbered questions found; looked for questions such as '1 Is er ...?' followed by 'Antwoord' "
    "(table), '1. Is er ...?' (period), a number alone on a line followed by the question (numbered) "
    "and 'Vraag 1' labels (labelled)"
)


@attrs.frozen
class Analysis:
    """A parse with its working: the document, and for every source line the
    places it went (see :data:`kamerqa.transform.Role`)."""

    document: Document
    roles: dict[int, list[Role]]
    lines: tuple[str, ...]
    footnote_refs: dict[str, FootnoteRef]
    #: The diagnostics at the positions of ``lines`` (text whose line breaks
    #: were lost is re-broken before lexing: the document's diagnostics
    #: point into the original, these into ``lines``).
    working: tuple[Diagnostic, ...] = ()
    #: Where the text the parser read from a line stands on it: line ->
    #: [(start, end)], 0-based.  What lies outside (a question number, an
    #: "Antwoord" label, a page cell) the parser lifted into a field.
    pieces: dict[int, list[tuple[int, int]]] = attrs.Factory(dict)

    def unaccounted(self) -> list[int]:
        """Non-blank source lines whose text cannot be found where their role
        says it went: the check behind "nothing is lost".

        A line is accounted for when it is layout (page number, footer,
        label, column header), belongs to a diagnostic that carries it, or
        its text - less the parts the parser lifts out (question number,
        page cell, answer label) - occurs in its field.  Footnote markers
        stay in the text, as printed.
        """
        doc = self.document
        kept: dict[int, list[str]] = {}  # the text diagnostics keep, by line
        for d in self.working or doc.diagnostics:
            if d.text and d.line is not None:
                kept.setdefault(d.line, []).append(clean_line(d.text))
        texts: dict[Role, list[str]] = {
            ("meta", "title"): [doc.meta.title or ""],
            ("meta", "intro"): [doc.meta.intro or ""],
            ("meta", "mededeling"): [doc.meta.mededeling or ""],
            ("meta", "toelichting"): [doc.meta.toelichting or ""],
        }
        for q in doc.questions:
            # A number printed twice (numbering that restarts) has both texts;
            # questions joined under one answer label keep their own numbers too.
            for label in {q.number or "", *q.covers}:  # "": printed without a number
                texts.setdefault(("question", label), []).append(q.text)
                texts.setdefault(("answer", label), []).append(q.answer or "")
        for note in doc.footnotes:
            texts[("footnote", note.marker)] = [note.marker + " " + note.text]
            texts[("footnote-more", note.marker)] = [note.text]
        for d in self.working or doc.diagnostics:  # text a diagnostic keeps, for the lines given to it
            if d.text:
                texts.setdefault(("diagnostic", d.code), []).append(d.text)
        # Joined once: adding to a string per question or diagnostic was quadratic.
        fields = {role: clean_line("\n".join(parts)) for role, parts in texts.items()}

        found = _Finder(fields)
        missing = []
        for number, line in enumerate(self.lines, start=1):
            clean = clean_line(line)
            if not clean:
                continue  # blank, also when only no-break or zero-width spaces
            if clean in kept.get(number, ()):
                continue  # kept in a diagnostic
            roles = self.roles.get(number, [])
            if not roles:
                missing.append(number)
                continue
            kinds = {kind for kind, _ in roles}
            if kinds == {"layout"}:
                continue
            if kinds == {"meta"} and not any(role in fields for role in roles):
                continue  # kind, vastgesteld, chair, clerk: read into typed fields
            targets = [role for role in roles if role in fields]
            for content in self._contents(number, line, roles):
                if not content or content in kept.get(number, ()):
                    continue  # its text (without a label the parser lifted) is kept in a diagnostic
                if not any(found.at(role, content) for role in targets):
                    missing.append(number)
                    break
        return missing

    def _contents(self, number: int, line: str, roles: list[Role]) -> list[str]:
        """The clean texts line ``number`` contributes to its fields: the
        pieces the parser read as text (:attr:`pieces`; what lies outside
        them, a label, number or page cell, it lifted into a field); for
        lines it read no text piece from, the header's own readers (a
        heading, a "Vastgesteld" line, a footnote body), else the line."""
        if number in self.pieces:
            return [clean_line(line[start:end]) for start, end in self.pieces[number]]
        if ("meta", "dossier") in roles:
            line = read_heading(line).title or ""
        if ("meta", "vastgesteld") in roles:  # "Vastgesteld 29 mei 2024 De vaste commissie ...": the rest is intro
            dated = split_vastgesteld(line)
            line = dated[1] if dated is not None else line
        if any(kind == "footnote" for kind, _ in roles):  # a body's first line: "1https://..." -> "1 https://..."
            lead = footnote_lead(line, parenthesis=True)
            line = f"{lead[0]} {lead[1]}" if lead else line
        return [clean_line(line)]


class _Finder:
    """Finds each line's text in its field, searching on from where the
    field's previous line was found: a field's lines come in order, so the
    check reads each field about once (searching every field from its start
    for each line was quadratic: 21 s for a 50,000-line answer)."""

    def __init__(self, fields: dict[Role, str]) -> None:
        self.fields = fields
        self.cursor: dict[Role, int] = {}

    def at(self, role: Role, content: str) -> bool:
        text = self.fields[role]
        where = text.find(content, self.cursor.get(role, 0))
        if where < 0:
            where = text.find(content)  # out of order (a fragment, a repeated line): once from the start
            if where < 0:
                return False
        self.cursor[role] = where + len(content)
        return True


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


def _tokens(
    layout: LayoutParser,
    text: str,
    context: ParseContext,
    form: str | None = None,
    flat: FlatText | None = None,
    plain: frozenset[int] = frozenset(),
) -> list[Token]:
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


def _merge_runs(tokens: Sequence[Token]) -> list[Token]:
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


def _feed(layout: LayoutParser, tokens: Sequence[Token], context: ParseContext, *, recover: bool):
    """Feed tokens (merged by :func:`_merge_runs`) to the LALR parser.  With
    ``recover``, an unexpected line is reported and, where the grammar
    allows, kept as text in the current field; otherwise Lark's
    UnexpectedToken propagates."""
    parser = layout.lark.parse_interactive()
    feed = parser.parser_state.feed_token
    last: Token | None = None
    context.questions_seen = False
    for token in tokens:
        if token.type == "QUESTION_START":
            context.questions_seen = True
        try:
            feed(token)
        except UnexpectedToken as exc:
            exc.token = lark_token(exc.token)  # Lark names errors by comparing tokens as strings
            lines = _unmerge(token)
            if len(lines) == 1:
                if not recover:
                    raise
                _recover(layout, parser, token, exc, context)
            else:  # feed the lines one by one, to report (or raise at) the ones that do not fit
                for line in lines:
                    try:
                        feed(line)
                    except UnexpectedToken as line_exc:
                        line_exc.token = lark_token(line_exc.token)
                        if not recover:
                            raise
                        _recover(layout, parser, line, line_exc, context)
        last = token
    return parser.feed_eof(last)


def _unmerge(token: Token) -> list[Token]:
    """The single-line tokens a merged token was made of."""
    if isinstance(token, Run):
        return [line for part in token.parts for line in _unmerge(part)]
    if token.type != "TEXT" or token.value.count("\n") <= 1:
        return [token]
    lines = token.value.split("\n")[:-1]
    return [
        Token("TEXT", line + "\n", None, line_of(token) + offset, token.column if offset == 0 else 1)
        for offset, line in enumerate(lines)
    ]


def _recover(layout: LayoutParser, parser, token: Token, exc: UnexpectedToken, context: ParseContext) -> None:
    code = _name_error(layout.name, exc, context)
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
        context.report(Severity.WARNING, code, _ERROR_MESSAGES[code], token)
    else:
        context.dropped.append((line_of(token), ("diagnostic", code)))
        context.report(Severity.ERROR, code, _ERROR_MESSAGES[code], token)


def _name_error(layout_name: str, exc: UnexpectedToken, context: ParseContext) -> str:
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
    layout = layout_parser(layout_name)
    context = ParseContext()
    return _feed(layout, _merge_runs(_tokens(layout, text, context, "table")), context, recover=False)


def analyse(text: str, *, strict: bool = False, layout: str | None = None, source: str | None = None) -> Analysis:
    """Parse ``text`` and keep the working (see :class:`Analysis`)."""
    document, transformer, context, lexed = _parse(text, strict=strict, layout=layout, source=source)
    roles = transformer.roles()
    for line, role in context.dropped:  # lines the parser reported and left out
        roles.setdefault(line, []).append(role)
    return Analysis(
        document,
        roles,
        tuple(lexed.split("\n")[:-1]),
        dict(context.footnote_refs),
        tuple(context.diagnostics),
        transformer.pieces,
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the length of a parse.

    A parse makes an object or more per line and no reference cycles, so the
    collector has nothing to find; yet it runs every few hundred allocations
    and, as the token lists grow, now and then walks all of them (a third of
    the time of a 4.5 MB parse).  Reference counting still frees everything.
    The collector is resumed only if this call paused it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _parse(
    text: str, *, strict: bool, layout: str | None, source: str | None, plain: frozenset[int] = frozenset()
) -> tuple[Document, ToDocument, ParseContext, str]:
    """The document, with the transformer and context that hold the working,
    and the text that was lexed.  ``plain``: 0-based lines a reader knows
    are text, never labels (ignored where the text is re-broken)."""
    with _collector_paused():
        try:
            return _run(text, strict=strict, layout=layout, source=source, plain=plain)
        except MemoryError:
            raise InputError(
                f"{source or 'input'}: not enough memory to parse {len(text):,} characters "
                "(a parse needs about 10-20 times the input, more for very short lines)"
            ) from None


def _run(
    text: str, *, strict: bool, layout: str | None, source: str | None, plain: frozenset[int] = frozenset()
) -> tuple[Document, ToDocument, ParseContext, str]:
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() or decode bytes first")
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; kamerqa reads: {', '.join(LAYOUTS)}")
    if len(text) > MAX_INPUT_BYTES:  # at least one byte a character: certainly over the limit
        raise InputError(f"{source or 'input'}: {len(text):,} characters is more than the {MAX_INPUT_BYTES:,} bytes kamerqa reads")
    text = normalise_newlines(text)
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise InputError(f"{source or 'input'}: {lines:,} lines is more than the {MAX_LINES:,} lines kamerqa reads")
    text, columns = compose(normalise(text))
    text, unsafe, first_unsafe = unsafe_characters(text)
    if not text.strip():
        raise ParseError("the input is empty", line=1, column=1, code="empty", source=source)
    flat = split_flat_text(text) if layout in (None, "flat") else None
    if flat is None and layout is None:
        flat = split_inline_numbers(text)
    lexed = flat.text if flat is not None else text
    try:
        parser = layout_parser(GRAMMAR)
        context = ParseContext(reflowed=flat is not None)
        # The per-line tokens are dropped as soon as they are merged, and
        # the merged ones once the tree holds them: this keeps peak memory down.
        fed = _merge_runs(
            _tokens(parser, lexed, context, layout if layout in FORMS else None, flat, plain if flat is None else frozenset())
        )
        try:
            tree = _feed(parser, fed, context, recover=not strict)
            del fed
        except UnexpectedToken as exc:
            code = _name_error(parser.name, exc, context)
            line, column = _original(flat, exc.token.line, exc.token.column)
            column = columns.original(line, column)
            raise ParseError(
                _ERROR_MESSAGES[code].split(";")[0],
                line=line,
                column=column,
                text=str(exc.token.value),
                code=code,
                source=source,
            ) from None
        transformer = ToDocument(context, context.form)
        try:
            document = transformer.transform(tree)
            document = attrs.evolve(
                document,
                meta=attrs.evolve(
                    families.complete(document.meta, text),
                    layout_score=context.layout_scores.get(context.form),
                    flattened=flat is not None,
                ),
                diagnostics=document.diagnostics + _runner_up(context),
            )
        except KamerqaError:
            raise
        except Exception as exc:  # a bug in kamerqa, not a problem with the input
            raise InternalError(f"kamerqa failed while building the document: {exc!r}") from exc
    except KamerqaError:
        raise
    except (LarkError, UnexpectedInput) as exc:
        raise InternalError(f"kamerqa's parser failed unexpectedly: {exc}") from exc
    if not document.questions:
        raise ParseError(
            _no_questions(context), line=1, column=1, text=text.split("\n", 1)[0], code="no-questions", source=source
        )
    if flat is not None:
        document = _remap(document, flat)
    # Found in the text before any re-breaking: placed after the remap.
    document = attrs.evolve(document, diagnostics=document.diagnostics + _cleaned(text, unsafe, first_unsafe))
    if columns.lines:
        document = _uncompose(document, columns)
    if strict:
        _refuse_problems(document, source)
    return document, transformer, context, lexed


def _refuse_problems(document: Document, source: str | None) -> None:
    """``strict=True``: the first warning or error becomes a ParseError."""
    if document.problems:
        first = document.problems[0]
        raise ParseError(
            first.message,
            line=first.line or 1,
            column=first.column or 1,
            text=first.text or "",
            code=first.code,
            source=source,
        )


def _cleaned(text: str, count: int, first: int) -> tuple[Diagnostic, ...]:
    """An info diagnostic where unsafe characters were replaced by U+FFFD."""
    if not count:
        return ()
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    return (
        Diagnostic(
            Severity.INFO,
            "text-cleaned",
            f"{count} character{'s' if count != 1 else ''} no output format can hold (control characters, "
            "U+FFFE/U+FFFF, lone surrogates) replaced by U+FFFD; the first here",
            line,
            column,
            text.split("\n", line)[line - 1] if line else None,
            repeats=count,
        ),
    )


def _no_questions(context: ParseContext) -> str:
    """The one-line reason for ``no-questions``: what was looked for, and the
    closest candidates that were rejected, with why."""
    rejected = []
    for name, found in context.candidates.items():
        if not found:
            continue
        label, line = found[0]
        more = f" and {len(found) - 1} more" if len(found) > 1 else ""
        why = "not numbered in sequence from 1" if name != "labelled" else "followed by no question text"
        rejected.append(f"{name}: {label!r} at line {line}{more}, {why}")
    if not rejected:
        return _LOOKED_FOR
    return "no numbered questions found; closest candidates: " + "; ".join(rejected)


#: A runner-up layout with at least this share of the chosen layout's
#: evidence is named in a ``layout-uncertain`` diagnostic.
CLOSE_RUNNER_UP = 0.8


def _runner_up(context: ParseContext) -> tuple[Diagnostic, ...]:
    """An info diagnostic when another layout found nearly as many questions
    (a layout without numbers is no rival of a numbered sequence: it can
    only be chosen where there is none)."""
    scores = context.layout_scores
    chosen = scores.get(context.form, 0)
    rivals = [name for name in scores if name != context.form and (REGISTRY[name].numbered or not REGISTRY[context.form].numbered)]
    others = sorted(((scores[name], name) for name in rivals), reverse=True)
    if not others or chosen < 2 or others[0][0] < CLOSE_RUNNER_UP * chosen:
        return ()
    score, name = others[0]
    return (
        Diagnostic(
            Severity.INFO,
            "layout-uncertain",
            f"read as {context.form} ({chosen} questions in sequence); {name} would find {score}",
            expected=context.form,
            found=name,
        ),
    )


def _original(flat: FlatText | None, line: int, column: int | None) -> tuple[int, int]:
    """Where a position in re-broken flat text stands in the original text."""
    if flat is None:
        return line, column or 1
    original_line, offset = flat.origin[line - 1]
    return original_line, offset + (column or 1)


def _remap(document: Document, flat: FlatText) -> Document:
    """Give a document parsed from re-broken flat text the original positions."""

    def span(lines: LineSpan) -> LineSpan:
        return LineSpan(_original(flat, lines.first, 1)[0], _original(flat, lines.last, 1)[0])

    def placed(d: Diagnostic) -> Diagnostic:
        if d.line is None:
            return attrs.evolve(d, column=None)
        line, column = _original(flat, d.line, d.column)
        return attrs.evolve(d, line=line, column=column)

    return attrs.evolve(
        document,
        questions=tuple(
            attrs.evolve(q, lines=span(q.lines), answer_lines=None if q.answer_lines is None else span(q.answer_lines))
            for q in document.questions
        ),
        footnotes=tuple(attrs.evolve(f, line=_original(flat, f.line, 1)[0]) for f in document.footnotes),
        diagnostics=tuple(placed(d) for d in document.diagnostics),
    )


def _uncompose(document: Document, columns: Columns) -> Document:
    """Diagnostics at the input's columns where :func:`compose` changed a line."""
    return attrs.evolve(
        document,
        diagnostics=tuple(
            attrs.evolve(d, column=columns.original(d.line, d.column)) if d.line is not None and d.column is not None else d
            for d in document.diagnostics
        ),
    )


def parse(text: str, *, strict: bool = False, layout: str | None = None, source: str | None = None) -> Document:
    """Parse the text of a question-and-answer list into a :class:`Document`.

    The layout is detected (``document.meta.layout`` says which);
    ``layout=`` forces one of :data:`LAYOUTS`.  Problems in the input
    become ``document.diagnostics``; with ``strict=True`` the first warning
    or error raises :class:`ParseError` instead.  ``source`` (e.g. a file
    name) is only used in error messages.
    """
    return _parse(text, strict=strict, layout=layout, source=source)[0]


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    layout: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Read a file and parse it: text, PDF, Word, official XML or HTML, told
    apart by content (``format=`` names one, see ``kamerqa formats``;
    ``"-"`` is standard input).  Text may be UTF-8, UTF-16 or cp1252/Latin-1;
    ``encoding=`` forces one.  Questions read from a PDF know their ``page``."""
    source = "<stdin>" if str(path) == "-" else str(path)
    loaded = readers.load(path, format=format, encoding=encoding)
    if isinstance(loaded, Document):
        if strict:
            _refuse_problems(loaded, source)
        return loaded
    document = _parse(loaded.text, strict=False, layout=layout or loaded.layout, source=source, plain=loaded.plain)[0]
    document = place(document, loaded)
    if strict:
        _refuse_problems(document, source)
    return document
