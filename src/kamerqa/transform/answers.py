"""Answers printed apart from their questions: after all of them (older
Aanhangsel prints), or with no questions at all (a list of answers whose
questions are another paper)."""

from __future__ import annotations

import attrs
from lark import Token, Tree

from ..grammar import line_of
from ..model import LineSpan, Question, Severity
from ..text import covered_numbers, cross_references
from .fields import Fields, children, last_line, lines
from .groups import Entry

__all__ = ["answers_after_questions"]


def answers_after_questions(
    fields: Fields, block: list, questions: list[Question], entries: list[Entry], notes: list[Token]
) -> tuple[list[Question], list[Entry], str]:
    """Pair the answers printed after all questions with them by number
    (and give back the text between their heading and the first answer).
    An answer numbered for several questions ("3 t/m 5", "1, 3 en 4")
    joins them into one entry, placed where its first question stands."""
    for item in block:
        if not isinstance(item, Tree) and item.type == "ANSWERS":
            fields.role(item, "layout", "answers-heading")
    heading_text = [item for item in block if not isinstance(item, Tree) and item.type != "ANSWERS"]
    between = fields.text(heading_text, ("meta", "intro"), notes).text if heading_text else ""
    answers_only = not questions  # a list of answers whose questions are printed as another paper
    for item in block:
        if not isinstance(item, Tree):
            continue
        label, *body = children(item, "answer_item")
        number = label.value
        fields.role(label, "layout", "question-number")
        answer = fields.text(body, ("answer", number), notes).text
        covers = covered_numbers(number)
        if answers_only:
            questions.append(_answer_only(label, body, answer, covers))
            entries.append(Entry([label], [label, *body]))
            continue
        members = [i for i, q in enumerate(questions) if q.covers and set(q.covers) <= set(covers) and q.answer is None]
        if not members:  # no question printed with that number: keep the text where a reader finds it
            fields.context.report(
                Severity.WARNING,
                "unpaired-answer",
                f"an answer numbered {number} after the questions, but no unanswered question {number}",
                label,
                text=f"{number} {answer}",
                found=number,
            )
            fields.role(label, "diagnostic", "unpaired-answer")
            for token in lines(body):
                if token.type != "TEXT":
                    continue  # page numbers and footers keep their layout role
                first = line_of(token)
                fields.spans.append((first, first + max(token.value.count("\n"), 1) - 1, ("diagnostic", "unpaired-answer")))
            continue
        first = members[0]
        group = [questions[i] for i in members]
        joined = group[0] if len(group) == 1 and group[0].covers == covers else attrs.evolve(
            group[0],
            number=number,
            text="\n\n".join(q.text for q in group),
            covers=covers,
            parts=tuple(q.text for q in group) if len(group) == len(covers) else (),
        )
        questions[first] = attrs.evolve(
            joined,
            answer=answer,
            refers_to=cross_references(answer),
            answer_lines=LineSpan(line_of(label), last_line(body, label)),
        )
        for i in reversed(members[1:]):
            del questions[i]
            del entries[i]
    return questions, entries, between


def _answer_only(label: Token, body: list[Token], answer: str, covers: tuple[str, ...]) -> Question:
    """An entry of a list of answers only: no question text (the
    questions are another paper), the answer; a joint answer ("3, 10 en
    11 ...") has an empty part for each question it answers."""
    span = LineSpan(line_of(label), last_line(body, label))
    return Question(
        number=label.value or None,  # "": a number lost in the print
        text="",
        answer=answer,
        lines=span,
        refers_to=cross_references(answer),
        answer_lines=span,
        covers=covers,
        parts=("",) * len(covers) if len(covers) > 1 else (),
    )

