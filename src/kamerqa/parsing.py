"""The pipeline: text -> line tokens -> context decisions -> LALR parse ->
model, with error recovery (:mod:`kamerqa.feeding`) and the check that
nothing is lost (:mod:`kamerqa.conservation`).

Bad input never escapes as a Lark exception: a line the grammar does not
expect becomes a diagnostic (its text kept) and parsing goes on, or, with
``strict=True``, a :class:`~kamerqa.errors.ParseError` naming the problem.
Anything else that goes wrong inside is a bug and raises
:class:`~kamerqa.errors.InternalError`.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator

import attrs
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken

from . import families, feeding, readers
from .conservation import Analysis
from .errors import InputError, InternalError, KamerqaError, ParseError
from .flat import FlatText, split_flat_text
from .grammar import layout_parser
from .inline import split_inline_numbers
from .layouts import REGISTRY
from .model import Diagnostic, Document, LineSpan, Severity
from .normalise import Columns, compose, normalise, unsafe_characters
from .placing import place
from .postlex import FORMS, ParseContext
from .reading import MAX_INPUT_BYTES, MAX_LINES, normalise_newlines
from .transform import ToDocument

__all__ = ["LAYOUTS", "Analysis", "analyse", "parse", "parse_file"]

GRAMMAR = "qa"
#: The layouts kamerqa reads (see docs/layouts.md); ``parse(layout=...)`` forces one.
LAYOUTS = (*FORMS, "flat")
_LOOKED_FOR = (
    "no numbered questions found; looked for questions such as '1 Is er ...?' followed by 'Antwoord' "
    "(table), '1. Is er ...?' (period), a number alone on a line followed by the question (numbered) "
    "and 'Vraag 1' labels (labelled)"
)


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
        fed = feeding.merge_runs(
            feeding.line_tokens(parser, lexed, context, layout if layout in FORMS else None, flat, plain if flat is None else frozenset())
        )
        try:
            tree = feeding.feed(parser, fed, context, recover=not strict)
            del fed
        except UnexpectedToken as exc:
            code = feeding.name_error(parser.name, exc, context)
            line, column = _original(flat, exc.token.line, exc.token.column)
            column = columns.original(line, column)
            raise ParseError(
                feeding.ERROR_MESSAGES[code].split(";")[0],
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
