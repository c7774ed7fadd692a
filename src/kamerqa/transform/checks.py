"""Checks over the finished entries, reported as diagnostics: answers that
refer to questions the document lacks, fragments after the list (kept with
their text), questions left unanswered in a list that answers the others."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from lark import Token

from ..codes import called
from ..model import Question, Severity
from ..text import clean_line
from ..vocabulary import ANSWER_WORD
from .fields import Fields
from .groups import Entry

__all__ = ["check_references", "report_fragments", "report_unanswered"]

_BARE_ANSWER_LABEL = re.compile(rf"{ANSWER_WORD}\s*:?")


def check_references(fields: Fields, questions: Sequence[Question], entries: Sequence[Entry]) -> None:
    """An answer that refers to a question number the document does not hold."""
    known = {q.number for q in questions} | {number for q in questions for number in q.covers}
    for question, entry in zip(questions, entries):
        for number in question.refers_to:
            if number not in known:
                # the answer's label, or (answers printed after all questions) the question's number
                where = entry.answer[0] if entry.answer is not None else entry.question[0]
                fields.context.report(
                    Severity.WARNING,
                    "dangling-reference",
                    f"the answer to {called(question.number)} refers to question {number}, "
                    "which is not in this document",
                    where,
                    text=None,
                    found=number,
                )


def report_fragments(fields: Fields, fragments: Sequence[Token], questions: Sequence[Question]) -> None:
    """Each fragment after the list, as a diagnostic holding its text: a stray
    label, a repeat of an answer, or a stray fragment."""
    if not any(token.type != "BLANK" for token in fragments):
        return
    # Answers on one line, as clean_line would give them: clean text
    # breaks lines only with "\n" and paragraphs with "\n\n".
    answers = [(i, (q.answer or "").replace("\n\n", " ").replace("\n", " ")) for i, q in enumerate(questions)]
    whole = {a: i for i, a in reversed(answers) if a}
    # Searching every answer for every fragment is quadratic; past a budget
    # only whole repeated answers are recognised.
    searchable = len(fragments) * sum(len(a) for _, a in answers) <= 20_000_000
    # All answers in one text, a line each: one search finds the first
    # answer that holds a fragment (a fragment is one line).
    haystack = "\n".join(a for _, a in answers) if searchable else ""
    starts = list(itertools.accumulate((len(a) + 1 for _, a in answers[:-1]), initial=0))
    for token in fragments:
        if token.type == "BLANK":
            continue
        text = clean_line(token.value)
        repeated: int | None = None
        if _BARE_ANSWER_LABEL.fullmatch(text):
            code, message = "stray-label", "an 'Antwoord' label among the fragments after the list"
        else:
            repeated = whole.get(text)
            if repeated is None and searchable and len(text) >= 20:
                at = haystack.find(text)
                repeated = answers[bisect.bisect_right(starts, at) - 1][0] if at >= 0 else None
            if repeated is not None:
                code, message = "duplicate-fragment", f"repeats the answer to {called(questions[repeated].number)}"
            else:
                code, message = "stray-fragment", "an indented fragment outside the list of questions"
        found = questions[repeated].number if repeated is not None else None
        fields.context.report(Severity.WARNING, code, message, token, text=text, found=found)
        fields.role(token, "diagnostic", code)


def report_unanswered(fields: Fields, questions: Sequence[Question], entries: Sequence[Entry]) -> None:
    """A question without an answer in a list that answers the others."""
    if not any(q.answer is not None for q in questions):
        return
    for question, entry in zip(questions, entries):
        if question.answer is None and not question.answer_group:
            fields.context.report(
                Severity.WARNING,
                "no-answer",
                f"{called(question.number)} has no answer",
                entry.question[0],
                text=None,
                found=question.number,
            )

