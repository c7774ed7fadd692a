"""Groups and order: questions printed one by one and answered under one
joint label, and questions that share one unlabelled answer.  Run on the
entries the parse tree gave, after each became a :class:`Question`."""

from __future__ import annotations

import re

import attrs
from lark import Token

from ..model import LineSpan, Question
from ..text import covered_numbers
from ..vocabulary import ANSWER_REFERENCE, ANSWER_WORD, NUMBERS

__all__ = ["Entry", "group_shared_answers", "join_answered_together"]


@attrs.define
class Entry:
    """The tokens of one entry of the parse tree: its question, and its
    answer (the label or answer-start token first), if it has one."""

    question: list[Token]
    answer: list[Token] | None


def join_answered_together(
    questions: list[Question], entries: list[Entry]
) -> tuple[list[Question], list[Entry]]:
    """Questions printed one by one and answered under one label ("Vraag 5",
    "Vraag 6", "Antwoord 5 en 6") become one joint entry: the answer label's
    number, ``covers`` from it, each question's text in ``parts``."""
    joined: list[Question] = []
    kept: list[Entry] = []
    for question, entry in zip(questions, entries):
        label = entry.answer[0] if entry.answer else None
        joint_label = label is not None and label.type == "ANSWER_LABEL" and _DIGIT.search(label.value) is not None
        match = _ANSWER_NUMBERS.match(label.value) if joint_label else None  # type: ignore[union-attr]
        covers = covered_numbers(match.group(1)) if match else ()
        if len(covers) > len(question.covers) and set(question.covers) <= set(covers):
            group = [question]
            while (
                joined
                and joined[-1].answer is None
                and set(joined[-1].covers) <= set(covers)
                and sum(len(q.covers) for q in group) < len(covers)
            ):
                group.insert(0, joined.pop())
                kept.pop()
            if len(group) > 1:
                parts = tuple(q.text for q in group) if all(len(q.covers) == 1 for q in group) else ()
                pages = [p for q in group for p in (q.page_from, q.page_to) if p is not None]
                question = attrs.evolve(
                    question,
                    number=match.group(1),  # type: ignore[union-attr]  # covers came from it
                    text="\n\n".join(q.text for q in group),
                    lines=LineSpan(group[0].lines.first, question.lines.last),
                    page_from=min(pages) if pages else None,
                    page_to=max(pages) if len(set(pages)) > 1 else None,
                    covers=covers,
                    parts=parts if len(parts) == len(covers) else (),
                )
        joined.append(question)
        kept.append(entry)
    return joined, kept


def group_shared_answers(questions: list[Question], entries: list[Entry]) -> list[Question]:
    """Questions printed back to back with no answer of their own, then one
    unlabelled answer ("Vraag 1 ...? Vraag 2 ...?" and one answer): the
    answer is theirs together.  Each keeps its entry; all are linked by
    ``answer_group``, the answer stays on the last.  Only in a document whose
    answers are unlabelled and that answers its questions: where answers
    carry labels, a question without one is simply unanswered.  A group is
    named by its numbers, so questions printed without one are not grouped."""
    if not any(entry.answer and entry.answer[0].type == "ANSWER_START" for entry in entries):
        return questions
    grouped = list(questions)
    waiting: list[int] = []  # questions without an answer, since the last answered one
    for index, (question, entry) in enumerate(zip(questions, entries)):
        if question.answer is None:
            waiting.append(index)
            continue
        if waiting and entry.answer and entry.answer[0].type == "ANSWER_START":
            members = [*waiting, index]
            numbers = tuple(n for i in members if (n := questions[i].number) is not None)
            if len(numbers) == len(members):  # a group names its members: questions without a number stay unanswered
                for i in members:
                    grouped[i] = attrs.evolve(grouped[i], answer_group=numbers)
        waiting = []
    return grouped


_DIGIT = re.compile(r"\d")
_ANSWER_NUMBERS = re.compile(rf"{ANSWER_WORD}\s+(?:{ANSWER_REFERENCE})?({NUMBERS})")
