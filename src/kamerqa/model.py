"""The document model: what a parsed question-and-answer list *is*.

Plain, frozen attrs classes with no knowledge of how they were parsed: the
parser builds them, exporters read them, and JSON round-trips them.  Nothing
here imports Lark or any other part of kamerqa.

Line numbers are 1-based and refer to the input text after line endings
were normalised (CRLF and lone CR count as one line break).
"""

from __future__ import annotations

import enum
from datetime import date

import attrs


def _at_least(minimum: int):
    """An attrs validator: ``None``, or an int no smaller than ``minimum``
    (the JSON Schema's ``minimum``; ``from_json`` is held to it too)."""

    def check(instance: object, attribute: attrs.Attribute, value: object) -> None:
        if value is not None and (not isinstance(value, int) or value < minimum):
            raise ValueError(f"{attribute.name} must be at least {minimum}, not {value!r}")

    return check


_LINE = _at_least(1)
_OFFSET = _at_least(0)

__all__ = [
    "Diagnostic",
    "Document",
    "DocumentMeta",
    "Footnote",
    "KamerstukRef",
    "LineSpan",
    "Question",
    "Severity",
    "label",
]


def label(number: str | None, entry: int) -> str:
    """How a report names the question at position ``entry`` (0-based)
    printed with ``number``: the number, or without one "#3" (its position,
    counted from 1)."""
    return number if number is not None else f"#{entry + 1}"


@attrs.frozen(slots=True)
class LineSpan:
    """An inclusive range of source lines, ``first`` <= ``last``."""

    first: int
    last: int

    def __attrs_post_init__(self) -> None:
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"invalid line span {self.first}-{self.last}")

    def __contains__(self, line: object) -> bool:
        return isinstance(line, int) and self.first <= line <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


class Severity(str, enum.Enum):
    """How much a diagnostic matters.

    ``error``: text could not be placed where it belongs (it is kept in the
    diagnostic).  ``warning``: the text is odd but was placed, or is a known
    kind of debris (a repeated fragment).  ``info``: worth knowing, nothing wrong.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Diagnostic:
    """Something the parser noticed about the input, tied to a source line.

    ``code`` is a stable, greppable identifier (see docs/diagnostics.md);
    ``text`` keeps the offending input text so nothing is silently dropped.
    ``page`` is the page of a PDF input the line is on and ``page_line``
    the line on that page (counted as printed, running headers included),
    ``element`` the path of the XML or HTML element it came from (``None``
    for other inputs).
    """

    severity: Severity
    code: str
    message: str
    line: int | None = attrs.field(default=None, validator=_LINE)
    column: int | None = attrs.field(default=None, validator=_LINE)
    text: str | None = None
    page: int | None = attrs.field(default=None, validator=_LINE)
    element: str | None = None
    page_line: int | None = attrs.field(default=None, validator=_LINE)
    #: Typed details, where the code has them (the message says the same in
    #: words): what was expected there and what was found instead ("6" and
    #: "9" for a numbering gap), and how many times something recurs.
    expected: str | None = None
    found: str | None = None
    repeats: int | None = attrs.field(default=None, validator=_LINE)

    def __str__(self) -> str:
        where = "" if self.line is None else f"{self.line}:" + ("" if self.column is None else f"{self.column}:")
        if self.page is not None:
            on_page = f", line {self.page_line}" if self.page_line is not None else ""
            where = f"page {self.page}{on_page}: {where}".strip()
        return f"{where} {self.severity.value} {self.code} {self.message}".strip()


@attrs.frozen(slots=True)
class Footnote:
    """A footnote: its marker as printed, its text, and the question whose
    text or answer carries the marker: ``entry`` is its position in
    :attr:`Document.questions` (0-based) and ``question`` its number as
    printed; both ``None`` when the marker is in the header (``question``
    is also ``None`` for a question printed without a number).  ``field``
    says which of the two ("question" or "answer") and ``offset`` where the
    marker stands in it (the marker stays in the text, as printed:
    ``text[offset:]`` starts with it); both ``None`` where the marker was
    not found in the text."""

    marker: str
    text: str
    question: str | None
    line: int = attrs.field(validator=_LINE)
    field: str | None = None
    offset: int | None = attrs.field(default=None, validator=_OFFSET)
    entry: int | None = attrs.field(default=None, validator=_OFFSET)


@attrs.frozen(slots=True)
class KamerstukRef:
    """A parliamentary paper, e.g. dossier ``27925`` nr. ``919``."""

    dossier: str
    number: str | None = None

    def __str__(self) -> str:
        return self.dossier if self.number is None else f"{self.dossier}, nr. {self.number}"


@attrs.frozen(slots=True)
class DocumentMeta:
    """What the header of the list says about it.

    ``dossier`` and ``number`` identify this list itself (``number`` stays
    ``None`` in a draft whose "nr." is still blank); ``about`` is the paper the
    questions are about, ``letter_date`` the date of that letter.
    ``intro`` keeps the committee's introductory paragraphs as printed.

    Kamervragen (Aanhangsel van de Handelingen) also have ``askers`` (the
    members who asked, with their party), ``submitted`` and ``received``
    (the dates the questions went in and the answers came back),
    ``answered_by`` (as printed) and, where two answer, ``answerers``
    (each "Minister X (Ministerie)"), ``session`` ("2023–2024"), ``aanhangsel`` (the
    publication's identifier, "ah-tk-20232024-387", or a letter's "AH 608"),
    ``answer_submitted`` (old prints date the answer "Ingezonden" instead of
    "ontvangen"), and where the answers were deferred, the ``mededeling``
    (its text) with ``mededeling_by`` and ``mededeling_received``; a
    ``toelichting`` is the question letter's own note printed after the
    last answer ("Toelichting: Deze vragen dienen ter aanvulling op ..."),
    or after the last question of a print without answers, where it may
    name its question ("bij vraag 4: Zie 'Das Tier', maart 1974.").
    ``document_date`` is the date of the document itself where it states one
    (a letter's "DATUM"); ``report`` the kamerstuk of the report a Rekenkamer
    letter answers questions about ("33 763, nr. 2").
    ``layout`` names the layout that was recognised (docs/layouts.md) and
    ``layout_score`` the evidence for it (the questions it found in
    sequence; ``None`` when the layout was forced); ``flattened`` says the
    text had lost its line breaks and was re-broken first.
    """

    kind: str | None = None
    dossier: str | None = None
    number: str | None = None
    title: str | None = None
    vastgesteld: date | None = None
    committee: str | None = None
    addressee: str | None = None
    letter_date: date | None = None
    chair: str | None = None
    clerk: str | None = None
    about: KamerstukRef | None = None
    intro: str | None = None
    layout: str | None = None
    askers: tuple[str, ...] = ()
    answered_by: str | None = None
    answerers: tuple[str, ...] = ()
    submitted: date | None = None
    received: date | None = None
    document_date: date | None = None
    session: str | None = None
    aanhangsel: str | None = None
    report: str | None = None
    answer_submitted: date | None = None
    mededeling: str | None = None
    mededeling_by: str | None = None
    mededeling_received: date | None = None
    toelichting: str | None = None
    layout_score: int | None = attrs.field(default=None, validator=_OFFSET)
    flattened: bool = False


@attrs.frozen(slots=True)
class Question:
    """One question with its answer.

    ``number`` is the label as printed ("1", "12a", "4 en 5"), or ``None``
    where the document prints none (a bare "Vraag" label, questions that are
    paragraphs of a letter whose list numbering was lost); such a question
    is known by its position in :attr:`Document.questions`.  ``covers``
    lists every question number it stands for (("4", "5") for a joint
    question "4 en 5", ("12a",) for "12 a"; empty without a number).  ``text`` and ``answer``
    are clean text: soft line wraps joined with single spaces, paragraphs
    separated by a blank line, list items on lines of their own.
    ``answer`` is ``None`` when the document gives no answer.
    ``refers_to`` lists the questions the answer points to ("Zie het
    antwoord op vraag 5" gives ``("5",)``).  ``lines`` spans the whole entry in
    the source, ``answer_lines`` the answer alone.

    A joint entry ("Vraag 4 en 5") has the text of each of its questions in
    ``parts``, one per number in ``covers`` (``text`` is all of them);
    a single question has none.  Questions printed back to back that share
    one unlabelled answer are linked by ``answer_group`` (their numbers, on
    each of them); the answer is stored once, on the group's last question.

    Where the input was not text, ``page`` is the page of the PDF on which
    the question starts (``page_line`` its line on that page) and ``element`` the path of the XML or HTML element that holds it; ``lines``
    then count lines of the text kamerqa read from it (``kamerqa text``
    prints that text).
    """

    number: str | None
    text: str
    answer: str | None
    lines: LineSpan
    page_from: int | None = attrs.field(default=None, validator=_OFFSET)
    page_to: int | None = attrs.field(default=None, validator=_OFFSET)
    attachment: str | None = None
    refers_to: tuple[str, ...] = ()
    answer_lines: LineSpan | None = None
    covers: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    answer_group: tuple[str, ...] = ()
    page: int | None = attrs.field(default=None, validator=_LINE)
    element: str | None = None
    page_line: int | None = attrs.field(default=None, validator=_LINE)


@attrs.frozen(slots=True)
class Document:
    """A parsed list: its metadata, questions in document order, footnotes,
    and the diagnostics the parser raised (nothing it could not place is lost:
    such text is kept in a diagnostic)."""

    meta: DocumentMeta
    questions: tuple[Question, ...]
    footnotes: tuple[Footnote, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def question(self, number: str) -> Question:
        """The question printed with ``number``; ``KeyError`` if there is none."""
        for question in self.questions:
            if question.number == number:
                return question
        raise KeyError(number)

    def footnotes_by_entry(self) -> dict[int | None, list[Footnote]]:
        """The footnotes grouped by the question whose marker they have
        (its position in :attr:`questions`; ``None``: the header, or a
        question no longer in :attr:`questions`), each group in document
        order.  A footnote's ``entry`` is trusted where that question still
        has the footnote's number (a document whose questions were filtered
        keeps its footnotes with their questions, found by number)."""
        first: dict[str, int] = {}
        for position, question in enumerate(self.questions):
            if question.number is not None:
                first.setdefault(question.number, position)
        groups: dict[int | None, list[Footnote]] = {}
        for note in self.footnotes:
            entry = note.entry
            if entry is None or entry >= len(self.questions) or self.questions[entry].number != note.question:
                entry = first.get(note.question) if note.question is not None else None
            groups.setdefault(entry, []).append(note)
        return groups

    def label(self, entry: int) -> str:
        """How a report names question ``entry`` (its position in
        :attr:`questions`): its number as printed, or for a question printed
        without one "#3" (its position, counted from 1)."""
        return label(self.questions[entry].number, entry)

    @property
    def problems(self) -> tuple[Diagnostic, ...]:
        """Diagnostics of severity warning or error."""
        return tuple(d for d in self.diagnostics if d.severity is not Severity.INFO)
