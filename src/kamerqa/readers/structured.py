"""Documents whose file marks questions and answers itself.

The official XML (``<vraag>`` / ``<antwoord>`` with ``<nr>``) and its HTML
rendering (``div.vraag`` / ``div.antwoord``) say what is a question and
what an answer: nothing is guessed from the text.  Their readers turn the
file into :class:`Block` s and a header text; :func:`build` makes the
document from them, with the same conventions the text parser uses
(joint labels, ``covers`` and ``parts``, a joint answer label after
separate questions, cross-references, the family's metadata).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .. import families
from ..codes import called
from ..joint import split_parts
from ..model import Diagnostic, Document, DocumentMeta, Footnote, LineSpan, Question, Severity
from ..text import covered_numbers, cross_references, marker_place
from ..vocabulary import ANSWER_LABEL, HSPACE, NOISE, NUMBERS, QUESTION_WORD

__all__ = ["Block", "Note", "build"]

# A label as the file prints it, "Vraag 3 en 4" / "Antwoord op vraag 3:", read
# with the vocabulary's words; its numbers are the NUMBERS in it.
_QUESTION_LABEL = re.compile(rf"{HSPACE}*(?:{QUESTION_WORD}{HSPACE}*{NOISE}?{HSPACE}*)?(?:{NUMBERS})?[.:]?{HSPACE}*")
_ANSWER_LABEL = re.compile(rf"{HSPACE}*{ANSWER_LABEL}{HSPACE}*")
_NUMBERS = re.compile(NUMBERS)


@attrs.frozen
class Block:
    """A question or an answer as the file marks it: ``kind`` "question" or
    "answer", its printed label ("Vraag 3 en 4"), its paragraphs, and where
    it stands (source line and element path)."""

    kind: str
    label: str
    paragraphs: tuple[str, ...]
    line: int
    element: str
    last_line: int


@attrs.frozen
class Note:
    """A footnote: its marker, text, source line, and the block that cites it."""

    marker: str
    text: str
    line: int
    block: int | None


def _number(block: Block) -> str | None:
    """The numbers of a block's label ("3 en 4"), ``None`` for a label without."""
    label = " ".join(block.label.split())
    pattern = _QUESTION_LABEL if block.kind == "question" else _ANSWER_LABEL
    if not pattern.fullmatch(label):
        return None
    numbers = _NUMBERS.search(label)
    return numbers.group(0) if numbers else None


@attrs.define
class _Entry:
    question: Block
    number: str
    answer: Block | None = None
    joined: list[Block] = attrs.Factory(list)


def _text(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _pair(blocks: Sequence[Block], diagnostics: list[Diagnostic]) -> list[_Entry]:
    """Questions in printed order, each with its answer: an answer goes to
    the question its label names, else to the last unanswered question; a
    joint answer label after separate questions ("Antwoord 5 en 6") joins
    them into one entry."""
    entries: list[_Entry] = []
    for block in blocks:
        number = _number(block)
        if block.kind == "question":
            entries.append(_Entry(block, number or ""))
            continue
        covers = covered_numbers(number) if number else ()
        if len(covers) > 1:
            named = [e for e in entries if e.answer is None and e.number in covers]
            if len(named) == len(covers) and all(len(covered_numbers(e.number)) == 1 for e in named):
                first = named[0]
                first.joined = [e.question for e in named[1:]]
                first.number = number or first.number
                first.answer = block
                entries = [e for e in entries if e not in named[1:]]
                continue
        target = next((e for e in entries if e.answer is None and number and e.number == number), None)
        if target is None and entries and entries[-1].answer is None and (not number or not any(e.number == number for e in entries)):
            target = entries[-1]
        if target is None:
            diagnostics.append(
                Diagnostic(
                    Severity.ERROR, "unpaired-answer",
                    f"answer {block.label.strip()!r} names no unanswered question; its text is kept here",
                    block.line, None, _text(block.paragraphs), element=block.element,
                )
            )
            continue
        target.answer = block
    return entries


def _question(entry: _Entry) -> Question:
    blocks = [entry.question, *entry.joined]
    paragraphs = [p for b in blocks for p in b.paragraphs]
    covers = covered_numbers(entry.number) if entry.number else ()
    parts: tuple[str, ...] = ()
    if len(covers) > 1:
        if entry.joined:
            parts = tuple(_text(b.paragraphs) for b in blocks)
        elif len([p for p in paragraphs if p.strip()]) == len(covers):
            parts = tuple(" ".join(p.split()) for p in paragraphs if p.strip())
        else:
            parts = split_parts(_text(paragraphs), len(covers))
    answer = _text(entry.answer.paragraphs) if entry.answer is not None else None
    last = max(b.last_line for b in [*blocks, *([entry.answer] if entry.answer else [])])
    return Question(
        number=entry.number or None,  # "": printed without a number
        text=_text(paragraphs),
        answer=answer or None if entry.answer is not None else None,
        lines=LineSpan(entry.question.line, max(last, entry.question.line)),
        refers_to=cross_references(answer) if answer else (),
        answer_lines=LineSpan(entry.answer.line, max(entry.answer.last_line, entry.answer.line)) if entry.answer else None,
        covers=covers if len(covers) > 1 else (),
        parts=parts,
        element=entry.question.element,
    )


def build(
    header: str,
    blocks: Sequence[Block],
    notes: Sequence[Note] = (),
    *,
    meta: DocumentMeta | None = None,
    mededeling: str | None = None,
    diagnostics: Sequence[Diagnostic] = (),
) -> Document:
    """The document of a file that marks its questions and answers.
    ``header`` is its heading text (read by the families, as in a text
    file); ``meta`` what the file's own metadata says, filled in where the
    header is silent."""
    found = list(diagnostics)
    entries = _pair(blocks, found)
    questions = tuple(_question(e) for e in entries)
    for question, entry in zip(questions, entries):
        if entry.question.paragraphs == () or not question.text:
            found.append(
                Diagnostic(Severity.WARNING, "unexpected-line", f"question {entry.question.label.strip()!r} has no text",
                           entry.question.line, element=entry.question.element)
            )
    answered = [q for q in questions if q.answer is not None]
    if answered and mededeling is None:
        for question in questions:
            if question.answer is None:
                found.append(
                    Diagnostic(Severity.WARNING, "no-answer", f"{called(question.number)} has no answer",
                               question.lines.first, element=question.element)
                )
    block_entry: dict[int, int] = {}  # a block's index -> the position of the question it is part of
    for index, block in enumerate(blocks):
        for position, entry in enumerate(entries):
            if block is entry.question or block is entry.answer or block in entry.joined:
                block_entry[index] = position
    footnotes = []
    for note in notes:
        holder = block_entry.get(note.block) if note.block is not None else None
        field = offset = None
        if holder is not None and note.block is not None:
            first = "answer" if blocks[note.block].kind == "answer" else "question"
            field, offset = marker_place(questions[holder], note.marker, first)
        number = questions[holder].number if holder is not None else None
        footnotes.append(Footnote(note.marker, " ".join(note.text.split()), number, note.line, field, offset, holder))
    base = meta or DocumentMeta()
    completed = families.complete(attrs.evolve(base, layout=base.layout or "labelled"), header)
    if mededeling:
        completed = attrs.evolve(completed, mededeling=" ".join(mededeling.split()))
    return Document(completed, questions, tuple(footnotes), tuple(found))
