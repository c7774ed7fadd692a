"""Parse tree -> model.

A reading of the layout grammar's parse tree.  It decides nothing about
what a line is (that was settled by the post-lexer and checked by the
grammar); it assembles clean text from the lines of each field, reads the
header values, links footnotes to questions, and records for every source
line where it went (``roles``), which is how the "nothing is lost" promise is
checked.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import attrs
from lark import Token, Tree

from . import header
from .codes import called
from .errors import InternalError
from .grammar import Run, line_of
from .groups import Entry as _Entry
from .groups import group_shared_answers, join_answered_together
from .joint import split_parts
from .model import Diagnostic, Document, DocumentMeta, Footnote, KamerstukRef, LineSpan, Question, Severity
from .postlex import ParseContext
from .text import (
    Gap,
    Line,
    MarkerIndex,
    assemble,
    clean_line,
    covered_numbers,
    cross_references,
    footnote_lead,
    marker_place,
    plain_run,
)
from .vocabulary import ANSWER_WORD

__all__ = ["Role", "ToDocument"]

#: Where a source line went: ("question", "5"), ("answer", "5"),
#: ("meta", "title"), ("footnote", "1") (its first line), ("footnote-more",
#: "1") (the lines continuing it), ("layout", "page-number"),
#: ("diagnostic", "duplicate-fragment"), ...
Role = tuple[str, str]

_LAYOUT = {
    "PAGE_CELL": "page-cell",
    "PAGE_NUMBER": "page-number",
    "PAGE_BREAK": "page-break",
    "FOOTER": "footer",
    "COLUMN_HEADER": "column-header",
    "ANSWER_LABEL": "label",
    "QUESTION_LABEL": "label",
    "PRELUDE": "prelude",
}
_BLANK_GAP, _LAYOUT_GAP = Gap(blank=True), Gap(layout=True)
#: Line types a field holds that are not its text (anything else is text).
_NOT_TEXT = frozenset({"BLANK", "FOOTNOTE_BODY", "FOOTNOTE_MORE", "ANSWER_START", *_LAYOUT})


@attrs.define
class _Heading:
    dossier: Token
    title: list[Token]
    #: The dossier lines above it of a paper printed for several dossiers
    #: ("21 800 V (NAVO-deel)" / "21 800 X (NAVO-deel)" / their titles).
    joint: list[Token] = attrs.Factory(list)


_BARE_ANSWER_LABEL = re.compile(rf"{ANSWER_WORD}\s*:?")


class _Field(NamedTuple):
    """A field's clean text, the page numbers (Blz. cells) in it, and its
    last source line that is not blank (None: it has none)."""

    text: str
    pages: list[int]
    last: int | None


class ToDocument:
    """Builds a :class:`~kamerqa.model.Document` from a layout parse tree.

    The tree is shallow (``start``: the preamble, then entries - a question
    and perhaps its answer - and fragments), so it is read directly rather
    than through a Lark ``Transformer``'s visits.
    """

    def __init__(self, context: ParseContext, layout: str) -> None:
        self.context = context
        self.layout = layout
        self.spans: list[tuple[int, int, Role]] = []  # (first line, last line, role), in the order found
        self._note = ""  # the marker of the last footnote body met: FOOTNOTE_MORE lines continue it
        #: Where on its first line each text token stands: line -> [(start, end)]
        #: (0-based, end exclusive).  Conservation reads a line's text from
        #: these, not by stripping labels again with patterns of its own.
        self.pieces: dict[int, list[tuple[int, int]]] = {}

    def _role(self, token: Token, kind: str, key: str) -> None:
        line: int = token.line  # type: ignore[assignment]  # every token kamerqa makes has a line (hot path)
        self.spans.append((line, line, (kind, key)))

    def roles(self) -> dict[int, list[Role]]:
        """Where every source line went, by line number (built on request:
        a plain parse does not need it)."""
        roles: dict[int, list[Role]] = defaultdict(list)
        for first, last, role in self.spans:
            for line in range(first, last + 1):
                roles[line].append(role)
        return dict(roles)

    # The tree ----------------------------------------------------------------

    def transform(self, tree: Tree) -> Document:
        preamble, *rest = _children(tree, "start")
        items: list = []
        for child in _children(preamble, "preamble"):
            if isinstance(child, Tree):  # a heading: the dossier line and the title lines continuing it
                dossier, *title = _children(child, "heading")
                child = _Heading(dossier, title)
                if items and isinstance(items[-1], _Heading) and _untitled(items[-1]):
                    # right under a dossier line without a title: one paper for both dossiers
                    above = items.pop()
                    child.joint = [*above.joint, above.dossier]
            items.append(child)
        entries: list[_Entry] = []
        fragments: list[Token] = []
        mededeling: list[Token] = []
        toelichting: list[Token] = []
        answers_block: list = []
        for node in rest:
            if node.data == "entry":
                question, *answer = node.children
                entries.append(
                    _Entry(_children(question, "question"), _children(answer[0], "answer") if answer else None)
                )
            elif node.data == "mededeling":
                mededeling = _children(node, "mededeling")
            elif node.data == "toelichting":
                toelichting = _children(node, "toelichting")
            elif node.data == "answers":
                answers_block = _children(node, "answers")
            else:
                fragments.extend(_children(node, "fragment"))
        notes: list[Token] = []  # footnote bodies, wherever they sit

        meta = self._meta(items, notes)
        if mededeling:
            body = list(mededeling)
            while body and body[0].type in ("MEDEDELING", "MEDEDELING_FROM"):
                self._role(body.pop(0), "layout", "mededeling")
            meta = attrs.evolve(meta, mededeling=self._text(body, ("meta", "mededeling"), notes).text or None)
        if toelichting:
            heading, *body = toelichting
            self._role(heading, "layout", "toelichting")
            text = self._text(body, ("meta", "toelichting"), notes).text
            meta = attrs.evolve(meta, toelichting=text or None)
        questions = [self._question(entry, notes) for entry in entries]
        if answers_block:
            questions, entries, between = self._answers_after_questions(answers_block, questions, entries, notes)
            if between:  # text between the answers' heading and the first answer: kept with the introduction
                meta = attrs.evolve(meta, intro="\n\n".join(filter(None, (meta.intro, between))))
        questions, entries = join_answered_together(questions, entries)
        questions = group_shared_answers(questions, entries)
        footnotes = self._footnotes(notes, questions)
        self._check_references(questions, entries)
        self._fragments(fragments, questions)
        self._unanswered(questions, entries)
        return Document(
            meta=meta,
            questions=tuple(questions),
            footnotes=tuple(footnotes),
            diagnostics=tuple(sorted(self.context.diagnostics, key=_diagnostic_order)),
        )

    # Pieces ----------------------------------------------------------------

    def _text(self, tokens: Iterable[Token], role: Role, notes: list[Token]) -> _Field:
        """Assemble the TEXT lines of a field; note layout lines and
        footnote bodies on the way."""
        items: list[Line | Gap] = []
        pages: list[int] = []
        last: int | None = None
        texts = 0
        single: Line | None = None  # the text, when it is one line or run
        # The last text line so far: a run's first line is measured by it.  A
        # run plain_run lets through is joined without assemble, so it must
        # see every paragraph end assemble would (a false alarm only costs time).
        before: str | None = None
        for token in _lines(tokens):
            kind = token.type
            if kind == "TEXT" or kind not in _NOT_TEXT:  # one line, or a run of consecutive lines merged for the parser
                value = token.value
                count = value.count("\n") or 1
                line: int = token.line  # type: ignore[assignment]  # every token kamerqa makes has a line (hot path)
                last = line + count - 1
                self.spans.append((line, last, role))
                if token.column is not None:
                    start = token.column - 1
                    newline = value.find("\n")
                    self.pieces.setdefault(line, []).append((start, start + (newline if newline >= 0 else len(value))))
                if count == 1 or plain_run(value, paragraphs=not self.context.reflowed, before=before):
                    single = Line(value, line)  # a run joins as one line would: soft wraps
                    items.append(single)
                    texts += 1
                else:
                    items.extend(Line(raw, line + offset) for offset, raw in enumerate(value.split("\n")[:-1]))
                    texts += 2
                before = value.rstrip("\n").rsplit("\n", 1)[-1]
                continue
            if kind == "BLANK":
                items.append(_BLANK_GAP)
                continue
            last = token.line
            if kind == "FOOTNOTE_BODY":
                notes.append(token)
                self._note = _footnote_parts(token)[0]
                self._role(token, "footnote", self._note)
                items.append(_LAYOUT_GAP)
            elif kind == "FOOTNOTE_MORE":  # the post-lexer only continues a body it has seen
                notes.append(token)
                self._role(token, "footnote-more", self._note)
                items.append(_LAYOUT_GAP)
            elif kind == "ANSWER_START":
                continue
            else:  # a layout line
                self._role(token, "layout", _LAYOUT[kind])
                if kind == "PAGE_CELL":
                    pages.append(int(token.value))
                items.append(_LAYOUT_GAP)
        if texts == 1 and single is not None:  # most fields: one line or run, gaps around it (which assemble would ignore)
            text = clean_line(single.raw)
        else:
            text = assemble(items, paragraphs=not self.context.reflowed)
        return _Field(text, pages, last)

    def _question(self, entry: _Entry, notes: list) -> Question:
        first, *rest = entry.question
        # The post-lexer gives QUESTION_START the printed number, "" where none is printed.
        number: str | None = first.value or None
        self._role(first, "layout", "question-number")
        question = self._text(rest, ("question", number or ""), notes)
        text, pages = question.text, question.pages
        answer = answer_lines = None
        refers_to: tuple[str, ...] = ()
        last = question.last if question.last is not None else line_of(first)
        if entry.answer is not None:
            label, *body = entry.answer
            if label.type == "ANSWER_LABEL":
                self._role(label, "layout", "label")
            field = self._text(body, ("answer", number or ""), notes)
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

    def _answers_after_questions(
        self, block: list, questions: list[Question], entries: list[_Entry], notes: list[Token]
    ) -> tuple[list[Question], list[_Entry], str]:
        """Pair the answers printed after all questions with them by number
        (and give back the text between their heading and the first answer).
        An answer numbered for several questions ("3 t/m 5", "1, 3 en 4")
        joins them into one entry, placed where its first question stands."""
        for item in block:
            if not isinstance(item, Tree) and item.type == "ANSWERS":
                self._role(item, "layout", "answers-heading")
        heading_text = [item for item in block if not isinstance(item, Tree) and item.type != "ANSWERS"]
        between = self._text(heading_text, ("meta", "intro"), notes).text if heading_text else ""
        answers_only = not questions  # a list of answers whose questions are printed as another paper
        for item in block:
            if not isinstance(item, Tree):
                continue
            label, *body = _children(item, "answer_item")
            number = label.value
            self._role(label, "layout", "question-number")
            answer = self._text(body, ("answer", number), notes).text
            covers = covered_numbers(number)
            if answers_only:
                questions.append(self._answer_only(label, body, answer, covers))
                entries.append(_Entry([label], [label, *body]))
                continue
            members = [i for i, q in enumerate(questions) if q.covers and set(q.covers) <= set(covers) and q.answer is None]
            if not members:  # no question printed with that number: keep the text where a reader finds it
                self.context.report(
                    Severity.WARNING,
                    "unpaired-answer",
                    f"an answer numbered {number} after the questions, but no unanswered question {number}",
                    label,
                    text=f"{number} {answer}",
                    found=number,
                )
                self._role(label, "diagnostic", "unpaired-answer")
                for token in _lines(body):
                    if token.type != "TEXT":
                        continue  # page numbers and footers keep their layout role
                    first = line_of(token)
                    self.spans.append((first, first + max(token.value.count("\n"), 1) - 1, ("diagnostic", "unpaired-answer")))
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
                answer_lines=LineSpan(line_of(label), self._last_line(body, label)),
            )
            for i in reversed(members[1:]):
                del questions[i]
                del entries[i]
        return questions, entries, between

    def _answer_only(self, label: Token, body: list[Token], answer: str, covers: tuple[str, ...]) -> Question:
        """An entry of a list of answers only: no question text (the
        questions are another paper), the answer; a joint answer ("3, 10 en
        11 ...") has an empty part for each question it answers."""
        lines = LineSpan(line_of(label), self._last_line(body, label))
        return Question(
            number=label.value or None,  # "": a number lost in the print
            text="",
            answer=answer,
            lines=lines,
            refers_to=cross_references(answer),
            answer_lines=lines,
            covers=covers,
            parts=("",) * len(covers) if len(covers) > 1 else (),
        )

    @staticmethod
    def _last_line(body: list[Token], label: Token) -> int:
        last = line_of(label)
        for token in _lines(body):
            last = max(last, line_of(token) + max(token.value.count("\n"), 1) - 1)
        return last

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

    def _meta(self, preamble: list, notes: list) -> DocumentMeta:
        values: dict = {"layout": self.layout}
        intro: list[Token] = []
        role_waiting: str | None = None
        signature_at = -1  # the second-signature diagnostic a name line below it belongs to
        for item in preamble:
            if isinstance(item, _Heading) and "dossier" in values:
                # A second dossier heading: the first names the list; this
                # one is kept as text of the introduction, not dropped.
                intro.extend([_retype_text(item.dossier), *item.title])
                continue
            if isinstance(item, _Heading):
                heading = header.read_heading(item.dossier.value)
                title_parts = [Token("TEXT", heading.title or "", line=item.dossier.line), *item.title]
                dossiers = [header.read_heading(line.value).dossier for line in item.joint]
                if dossiers and not heading.title and len(item.title) == len(dossiers) + 1:
                    # a title line for each dossier of a joint paper: "V ... 1991" / "X ... 1991"
                    title = "; ".join(self._text([line], ("meta", "title"), notes).text for line in item.title)
                else:
                    title = self._text(title_parts, ("meta", "title"), notes).text
                for line in item.joint:
                    self._role(line, "meta", "dossier")
                heading = attrs.evolve(heading, dossier="; ".join(filter(None, [*dossiers, heading.dossier])) or None)
                intro, above = _title_above(intro)
                if above:  # an old print's title above its dossier number: "Rijksbegroting voor het jaar 1989" / "20 800"
                    title = "; ".join(filter(None, [self._text(above, ("meta", "title"), notes).text, title]))
                values.update(dossier=heading.dossier, title=title or None)
                if heading.number:
                    values["heading_number"] = heading.number
                self._role(item.dossier, "meta", "dossier")
                continue
            kind = item.type
            if kind == "KIND_LINE":
                values["kind"], number = header.read_kind(item.value)
                values["number"] = values.get("number") or number
                self._role(item, "meta", "kind")
            elif kind == "NR_LINE":
                values["number"] = header.read_number(item.value)
                self._role(item, "meta", "number")
            elif kind == "VASTGESTELD_LINE":
                dated = header.split_vastgesteld(item.value)
                if dated is None:  # "Vastgesteld is dat ...": a sentence of the introduction
                    intro.append(_retype_text(item))
                    continue
                values["vastgesteld"], rest = dated
                self._role(item, "meta", "vastgesteld")
                if rest:  # "Vastgesteld 29 mei 2024 De vaste commissie ...": the introduction goes on
                    at = item.value.find(rest)  # where the rest stands on the line
                    intro.append(Token("TEXT", rest, item.start_pos, item.line, (item.column or 1) + max(at, 0)))
            elif kind == "ROLE_LINE":
                role, name = header.read_role(item.value)
                if values.get(role) is not None:  # signed twice: the first name stays, this one is kept here
                    signature_at = self._second_signature(item, role, values[role])
                    role_waiting = None if name else "second-signature"
                    continue
                if name:
                    values[role] = name
                role_waiting = None if name else role
                self._role(item, "meta", role)
            elif kind == "NAME_LINE":
                if role_waiting == "second-signature":  # the second signature's name: kept with it
                    signed = self.context.diagnostics[signature_at]
                    self.context.diagnostics[signature_at] = attrs.evolve(signed, text=f"{signed.text}\n{clean_line(item.value)}")
                    self._role(item, "diagnostic", "second-signature")
                    role_waiting = None
                elif role_waiting:
                    values[role_waiting] = clean_line(item.value)
                    self._role(item, "meta", role_waiting)
                    role_waiting = None
                else:  # the post-lexer only names a line after a role line
                    intro.append(_retype_text(item))
            else:
                intro.append(item)
        intro_text = self._text(intro, ("meta", "intro"), notes).text
        if intro_text:
            values["intro"] = intro_text
            for name, value in attrs.asdict(header.read_intro(intro_text), recurse=False).items():
                if value not in (None, ()) and values.get(name) is None:
                    values[name] = value  # what the header lines said wins
        heading_number = values.pop("heading_number", None)
        if values.get("about") is None and heading_number and values.get("dossier"):
            # The draft's heading "27925- 919" names the letter the questions are about.
            values["about"] = KamerstukRef(values["dossier"], heading_number)
        return DocumentMeta(**values)

    def _second_signature(self, token: Token, role: str, first: str) -> int:
        """Report a second chair or clerk signature; the index of its diagnostic."""
        what = "chair" if role == "chair" else "clerk"
        self.context.report(
            Severity.WARNING,
            "second-signature",
            f"a second {what} signature; the first, {first!r}, is the document's {what}",
            token,
            expected=first,
        )
        self._role(token, "diagnostic", "second-signature")
        return len(self.context.diagnostics) - 1

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
            marker, first = _footnote_parts(token)
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

    def _check_references(self, questions: Sequence[Question], entries: Sequence[_Entry]) -> None:
        known = {q.number for q in questions} | {number for q in questions for number in q.covers}
        for question, entry in zip(questions, entries):
            for number in question.refers_to:
                if number not in known:
                    # the answer's label, or (answers printed after all questions) the question's number
                    where = entry.answer[0] if entry.answer is not None else entry.question[0]
                    self.context.report(
                        Severity.WARNING,
                        "dangling-reference",
                        f"the answer to {called(question.number)} refers to question {number}, "
                        "which is not in this document",
                        where,
                        text=None,
                        found=number,
                    )

    def _fragments(self, fragments: Sequence[Token], questions: Sequence[Question]) -> None:
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
            self.context.report(Severity.WARNING, code, message, token, text=text, found=found)
            self._role(token, "diagnostic", code)

    def _unanswered(self, questions: Sequence[Question], entries: Sequence[_Entry]) -> None:
        """A question without an answer in a list that answers the others."""
        if not any(q.answer is not None for q in questions):
            return
        for question, entry in zip(questions, entries):
            if question.answer is None and not question.answer_group:
                self.context.report(
                    Severity.WARNING,
                    "no-answer",
                    f"{called(question.number)} has no answer",
                    entry.question[0],
                    text=None,
                    found=question.number,
                )


def _footnote_parts(token: Token) -> tuple[str, str]:
    """ "1https://rsf.org/..." -> ("1", "https://rsf.org/...")."""
    lead = footnote_lead(token.value, parenthesis=True)
    assert lead is not None  # the post-lexer assigns FOOTNOTE_BODY only to lines led by a number
    return lead[0], clean_line(lead[1])


def _children(node: Tree, rule: str) -> list:
    if node.data != rule:
        raise InternalError(f"expected a {rule!r} node in the parse tree, found {node.data!r}")
    return node.children


def _lines(tokens: Iterable[Token]) -> Iterable[Token]:
    """The tokens with every :class:`~kamerqa.grammar.Run` replaced by its parts."""
    for token in tokens:
        if type(token) is Run:
            yield from token.parts
        else:
            yield token


def _retype_text(token: Token) -> Token:
    return Token("TEXT", token.value, token.start_pos, token.line, token.column)


def _untitled(heading: _Heading) -> bool:
    """A dossier line with no title of its own ("21 800 V (NAVO-deel)")."""
    return not heading.title and header.read_heading(heading.dossier.value).title is None


def _title_above(intro: list[Token]) -> tuple[list[Token], list[Token]]:
    """The lines of an old print's title above its dossier number: the text
    lines right after the session line ("Tweede Kamer der Staten-Generaal" /
    "2" / "Vergaderjaar 1988-1989" / title / "20 800"), split off what was
    read before the heading; none where no session line stands right above."""
    lines = list(_lines(intro))
    for at in range(len(lines) - 1, -1, -1):
        token = lines[at]
        if token.type not in ("TEXT", "PRELUDE"):  # the prelude pass takes what stands before the heading
            return intro, []
        if header.SESSION.fullmatch(token.value.strip()):  # "Vergaderjaar 1988-1989" on its line
            above = [_retype_text(line) for line in lines[at + 1 :]]
            return (lines[: at + 1], above) if above else (intro, [])
    return intro, []


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
