"""Placing a parse of extracted text back in the file it came from.

A PDF's text is parsed like any text; afterwards each question and each
diagnostic learns the page (or the XML/HTML element) its first line came
from, the reader's own diagnostics come first, and what the file's own
metadata says fills the fields the text's header left empty.
"""

from __future__ import annotations

import attrs

from .model import Diagnostic, Document, DocumentMeta
from .readers import Extracted

__all__ = ["place"]


def _at(values: tuple, line: int | None):
    if not values or line is None or not 1 <= line <= len(values):
        return None
    return values[line - 1]


def _filled(meta: DocumentMeta, known: DocumentMeta | None) -> DocumentMeta:
    if known is None:
        return meta
    empty = {
        field.name: getattr(known, field.name)
        for field in attrs.fields(DocumentMeta)
        if getattr(meta, field.name) in (None, ()) and getattr(known, field.name) not in (None, ())
    }
    return attrs.evolve(meta, **empty) if empty else meta


def place(document: Document, extracted: Extracted) -> Document:
    """``document`` (parsed from ``extracted.text``) with pages, elements,
    attachments (a table's "Bijlage" cell, by its row's first line), the
    reader's diagnostics and the file's metadata."""
    pages, elements = extracted.pages, extracted.elements
    if not (pages or elements or extracted.diagnostics or extracted.meta or extracted.attachments):
        return document
    attachments = dict(extracted.attachments)

    def placed(diagnostic: Diagnostic) -> Diagnostic:
        return attrs.evolve(
            diagnostic,
            page=_at(pages, diagnostic.line),
            page_line=_at(extracted.page_lines, diagnostic.line),
            element=_at(elements, diagnostic.line),
        )

    return attrs.evolve(
        document,
        meta=_filled(document.meta, extracted.meta),
        questions=tuple(
            attrs.evolve(
                q,
                page=_at(pages, q.lines.first),
                page_line=_at(extracted.page_lines, q.lines.first),
                element=_at(elements, q.lines.first),
                attachment=attachments.get(q.lines.first, q.attachment),
            )
            for q in document.questions
        ),
        diagnostics=extracted.diagnostics + tuple(placed(d) for d in document.diagnostics),
    )
