"""Parse tree -> model.

A reading of the layout grammar's parse tree.  It decides nothing about
what a line is (that was settled by the post-lexer and checked by the
grammar); it assembles clean text from the lines of each field
(:mod:`.fields`), reads the header (:mod:`.preamble`), pairs answers
printed apart from their questions (:mod:`.answers`), joins and links
groups (:mod:`.groups`), links footnotes to questions, and checks the
result (:mod:`.checks`).  Every source line's destination is recorded
(``roles``), which is how the "nothing is lost" promise is checked.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence

import attrs
from lark import Token, Tree

from ..codes import called
from ..grammar import line_of
from ..joint import split_parts
from ..model import Diagnostic, Document, Footnote, LineSpan, Question, Severity
from ..postlex import ParseContext
from ..text import Line, MarkerIndex, assemble, covered_numbers, cross_references, marker_place
from .answers import answers_after_questions
from .checks import check_references, report_fragments, report_unanswered
from .fields import Fields, Role, children, footnote_parts
from .groups import Entry, group_shared_answers, join_answered_together
from .preamble import preamble_items, read_meta

__all__ = ["Role", "ToDocument"]


class ToDocument(Fields):
    """Builds a :class:`~kamerqa.model.Document` from a layout parse tree.

    The tree is shallow (``start``: the preamble, then entries - a question
    and perhaps its answer - and fragments), so it is read directly rather
    than through a Lark ``Transformer``'s visits.
    """

    def __init__(self, context: ParseContext, layout: str) -> None:
        super().__init__(context)
        self.layout = layout

    def transform(self, tree: Tree) -> Document:
        preamble, *rest = children(tree, "start")
        items = preamble_items(preamble)
        entries: list[Entry] = []
        fragments: list[Token] = []
        mededeling: list[Token] = []
        toelichting: list[Token] = []
        answers_block: list = []
        for node in rest:
            if node.data == "entry":
                question, *answer = node.children
                entries.append(
                    Entry(children(question, "question"), children(answer[0], "answer") if answer else None)
                )
            elif node.data == "mededeling":
                mededeling = children(node, "mededeling")
            elif node.data == "toelichting":
                toelichting = children(node, "toelichting")
            elif node.data == "answers":
                answers_block = children(node, "answers")
            else:
                fragments.extend(children(node, "fragment"))
        notes: list[Token] = []  # footnote bodies, wherever they sit

        meta = read_meta(self, self.layout, items, notes)
        if mededeling:
            body = list(mededeling)
            while body and body[0].type in ("MEDEDELING", "MEDEDELING_FROM"):
                self.role(body.pop(0), "layout", "mededeling")
            meta = attrs.evolve(meta, mededeling=self.text(body, ("meta", "mededeling"), notes).text or None)
        if toelichting:
            heading, *body = toelichting
            self.role(heading, "layout", "toelichting")
            text = self.text(body, ("meta", "toelichting"), notes).text
            meta = attrs.evolve(meta, toelichting=text or None)
        questions = [self._question(entry, notes) for entry in entries]
        if answers_block:
            questions, entries, between = answers_after_questions(self, answers_block, questions, entries, notes)
            if between:  # text between the answers' heading and the first answer: kept with the introduction
                meta = attrs.evolve(meta, intro="\n\n".join(filter(None, (meta.intro, between))))
        questions, entries = join_answered_together(questions, entries)
        questions = group_shared_answers(questions, entries)
        footnotes = self._footnotes(notes, questions)
        check_references(self, questions, entries)
        report_fragments(self, fragments, questions)
        report_unanswered(self, questions, entries)
        return Document(
            meta=meta,
            questions=tuple(questions),
            footnotes=tuple(footnotes),
            diagnostics=tuple(sorted(self.context.diagnostics, key=_diagnostic_order)),
        )

    def _question(self, entry: Entry, notes: list) -> Question:
        first, *rest = entry.question
        # The post-lexer gives QUESTION_START the printed number, "" where none is printed.
        number: str | None = first.value or None
        self.role(first, "layout", "question-number")
        question = self.text(rest, ("question", number or ""), notes)
        text, pages = question.text, question.pages
        answer = answer_lines = None
        refers_to: tuple[str, ...] = ()
        last = question.last if question.last is not None else line_of(first)
        if entry.answer is not None:
            label, *body = entry.answer
            if label.type == "ANSWER_LABEL":
                self.role(label, "layout", "label")
            field = self.text(body, ("answer", number or ""), notes)
            pages += field.pages
            last = field.last if field.last is not None else line_of(label)
            # An unlabelled answer of nothing but page furniture and footnote bodies is none.
            if field.text or label.type == "ANSWER_LABEL":
                answer = field.text
                refers_to = cross_references(answer)
                answer_lines = LineSpan(line_of(label), last)
        page_from, page_to = self._pages(pages, first, number)
        covers = covered_numbers(number) if number is not None else ()
        parts = split_parts(text, len(covers)) if len(covers) > 1 else ()
        if len(covers) > 1 and not parts:
            self.context.report(
                Severity.INFO,
                "joint-unsplit",
                f"the text of joint question {number} could not be split into its {len(covers)} questions",
                first,
                expected=str(len(covers)),
                found=number,
            )
        return Question(
            number=number,
            text=text,
            answer=answer,
            lines=LineSpan(line_of(first), last),
            page_from=page_from,
            page_to=page_to,
            refers_to=refers_to,
            answer_lines=answer_lines,
            covers=covers,
            parts=parts,
        )

    def _pages(self, pages: Sequence[int], first: Token, number: str | None) -> tuple[int | None, int | None]:
        distinct = sorted(set(pages))
        if not distinct:
            return None, None
        if len(distinct) > 2:
            self.context.report(
                Severity.WARNING,
                "page-conflict",
                f"{called(number)} has page numbers {', '.join(map(str, distinct))}; "
                f"kept {distinct[0]} to {distinct[-1]}",
                first,
                found=", ".join(map(str, distinct)),
                repeats=len(distinct),
            )
        return distinct[0], (distinct[-1] if len(distinct) > 1 else None)

    def _footnotes(self, notes: list[Token], questions: Sequence[Question]) -> list[Footnote]:
        bodies: list[tuple[Token, list[Token]]] = []  # a body line and the lines continuing it
        for token in notes:
            if token.type == "FOOTNOTE_BODY":
                bodies.append((token, []))
            else:
                bodies[-1][1].append(token)
        footnotes = []
        index = MarkerIndex()
        owner_of = _owners(questions)
        for token, more in bodies:
            marker, first = footnote_parts(token)
            text = assemble([Line(first, line_of(token)), *(Line(t.value, line_of(t)) for t in more)])
            ref = self.context.footnote_refs.get(marker)
            owner = entry = None
            field = offset = None
            if ref is not None:
                entry = owner_of(ref.line)
                if entry is not None:
                    question = questions[entry]
                    owner = question.number
                    in_answer = question.answer_lines is not None and ref.line in question.answer_lines
                    field, offset = marker_place(question, marker, "answer" if in_answer else "question", index)
            footnotes.append(Footnote(marker, text, owner, line_of(token), field, offset, entry))
        return footnotes


def _diagnostic_order(diagnostic: Diagnostic) -> tuple[int, int]:
    return (diagnostic.line or 0, diagnostic.column or 0)


def _owners(questions: Sequence[Question]) -> Callable[[int], int | None]:
    """The position of the first question whose lines hold a given line:
    found by bisection where the questions' spans follow each other (as
    they nearly always do), else by looking through them in order."""
    firsts = [q.lines.first for q in questions]
    if all(a.lines.last < b.lines.first for a, b in itertools.pairwise(questions)):

        def by_bisection(line: int) -> int | None:
            at = bisect.bisect_right(firsts, line) - 1
            return at if at >= 0 and line in questions[at].lines else None

        return by_bisection
    return lambda line: next((i for i, q in enumerate(questions) if line in q.lines), None)
