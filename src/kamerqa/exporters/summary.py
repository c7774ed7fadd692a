"""What a report says about a document, by family: shared by the reports.

A committee list shows its committee, addressee and letter; Kamervragen
their askers, addressee, answerer, dates, vergaderjaar and Aanhangsel
number; a Rekenkamer letter its sender, date and the report it concerns.
Only what the document states is shown ("nog niet vastgesteld" only for a
committee list, whose draft has that placeholder).
"""

from __future__ import annotations

import re

from ..model import Document, DocumentMeta, Question, label
from ..text import format_dutch_date

__all__ = ["URL", "anchor_key", "contents_text", "heading_text", "metadata_rows", "question_name", "title"]

#: A web address in running text, without the punctuation after it.
URL = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:]")

KAMERVRAGEN = "Kamervragen"
LETTER = "Brief van de Algemene Rekenkamer"


def _date(value) -> str | None:
    return format_dutch_date(value) if value is not None else None


def title(meta: DocumentMeta) -> tuple[str, str | None]:
    """The report's title and subtitle: Kamervragen by their subject ("Kamervragen
    over de TOZO") and where they were published, a list by its kind and
    the paper's title."""
    if meta.kind == KAMERVRAGEN:
        heading = f"Kamervragen over {meta.title}" if meta.title else "Kamervragen"
        where = "Aanhangsel van de Handelingen" + (f", nr. {meta.number}" if meta.number else "")
        return heading, where + (f" ({meta.aanhangsel})" if meta.aanhangsel else "")
    return (meta.kind or "Lijst van vragen en antwoorden"), meta.title


def metadata_rows(document: Document) -> list[tuple[str, str]]:
    """(label, value) rows for the document's family; empty values left out."""
    meta = document.meta
    count = len(document.questions)
    answered = sum(q.answer is not None for q in document.questions)
    if meta.kind == KAMERVRAGEN:
        rows = [
            ("Vragensteller" if len(meta.askers) < 2 else "Vragenstellers", ", ".join(meta.askers) or None),
            ("Gericht aan", meta.addressee),
            ("Beantwoord door", meta.answered_by),
            ("Ingezonden", _date(meta.submitted)),
            ("Ontvangen", _date(meta.received) or _date(meta.answer_submitted)),
            ("Mededeling van", meta.mededeling_by),
            ("Mededeling ontvangen", _date(meta.mededeling_received)),
            ("Toelichting", meta.toelichting),
            ("Vergaderjaar", meta.session),
            ("Aanhangsel", meta.aanhangsel),
            ("Nummer", meta.number),
        ]
    elif meta.kind == LETTER or (meta.report and not meta.committee):
        rows = [
            ("Afzender", "Algemene Rekenkamer" if meta.kind == LETTER else meta.answered_by),
            ("Gericht aan", meta.addressee or meta.committee),
            ("Datum", _date(meta.document_date) or _date(meta.letter_date)),
            ("Onderwerp", meta.title),
            ("Rapport", meta.report),
        ]
    else:
        about = None
        if meta.about is not None:
            about = f"Kamerstuk {meta.about}" + (f", brief van {_date(meta.letter_date)}" if meta.letter_date else "")
        elif meta.letter_date is not None:
            about = f"brief van {_date(meta.letter_date)}"
        draft = meta.kind is None or meta.kind.startswith("Lijst van vragen")
        rows = [
            ("Dossier", meta.dossier),
            ("Nummer", meta.number),
            ("Over", about),
            ("Commissie", meta.committee),
            ("Gericht aan", meta.addressee),
            ("Vastgesteld", _date(meta.vastgesteld) or ("nog niet vastgesteld" if draft else None)),
            ("Voorzitter", meta.chair),
            ("Griffier", meta.clerk),
        ]
    rows.append(("Aantal vragen", f"{count} ({answered} beantwoord)" if answered != count else str(count)))
    return [(label, value) for label, value in rows if value]


def contents_text(question: Question, entry: int, width: int = 70) -> str:
    """A table of contents entry: the heading and the question's first words."""
    words = " ".join(question.text.split())
    if len(words) > width:
        words = words[: width - 1].rsplit(" ", 1)[0] + "…"
    heading = heading_text(question, entry)
    return f"{heading}: {words}" if words else heading


def anchor_key(question: Question, entry: int) -> str:
    """What a report's anchor for a question is made of: its number, or for
    one printed without a number its place ("n3"; no number starts with "n")."""
    return question.number if question.number is not None else f"n{entry + 1}"


def question_name(question: Question, entry: int) -> str:
    """ "Vraag 21"; a question printed without a number is named by its
    place, "Vraag #3" (``entry`` is its position, 0-based), as
    :meth:`Document.label <kamerqa.model.Document.label>` does."""
    return f"Vraag {label(question.number, entry)}"


def heading_text(question: Question, entry: int) -> str:
    """ "Vraag 21 · blz. 1", "Vraag 3 · blz. 4–5, bijlage 2"."""
    details = []
    if question.page_from is not None:
        details.append(
            f"blz. {question.page_from}"
            + (f"–{question.page_to}" if question.page_to not in (None, question.page_from) else "")
        )
    if question.attachment:
        details.append(f"bijlage {question.attachment}")
    return question_name(question, entry) + (" · " + ", ".join(details) if details else "")
