"""Which layout a document is in, by evidence: every layout's possible
question starts are counted as a run of numbers in sequence, and the
longest run wins (docs/layouts.md, "Detection")."""

from __future__ import annotations

import re

from ..grammar import Lines
from ..layouts import REGISTRY
from ..layouts import Start as _Start
from ..vocabulary import QUESTIONS_LIST

__all__ = ["LABEL_WEIGHT", "continues_list", "detect_form", "in_sequence", "questions_only", "shape_starts"]


def in_sequence(start: _Start, expected: int, previous: tuple[int, str] | None, max_skip: int) -> bool:
    """Is ``start`` the next question: its number follows (skipping at most
    ``max_skip``), or it is the next sub-question ("1b" after "1a")?"""
    if expected <= start.first <= expected + max_skip:
        return True
    return previous is not None and start.first == previous[0] and start.letter > previous[1] != ""


def continues_list(lines: Lines, index: int, start: _Start) -> bool:
    """ "2. Tweede punt." right under "1. Eerste punt.": the next item of a
    numbered list in an answer, not the next question."""
    if index == 0 or lines.kinds[index - 1] == "BLANK":
        return False
    marker = re.match(r"\s*(\d{1,3})[.)]\s", lines.values[index - 1])
    return marker is not None and int(marker.group(1)) == start.first - 1


def shape_starts(lines: Lines, form: str) -> dict[int, _Start]:
    """The lines whose shape would start a question in ``form``, by index
    in order (whether each number is the next one is for the caller to check)."""
    starts = {}
    layout = REGISTRY[form]
    find_start = layout.find_start
    if layout.candidates is not None:
        candidates = layout.candidates(lines)
    else:
        candidates = sorted(index for kind in layout.start_shapes for index in lines.at.get(kind, ()))
    for index in candidates:
        start = find_start(lines, index)  # the line has one of the layout's start shapes
        if start is not None:
            starts[index] = start
    return starts


#: A question label ("Vraag 3") is explicit where a bare number at a line
#: start may be anything (the footnote bodies at a PDF page's foot, "1 Zie
#: ...", "2 ..."): a run of labels counts this many times its length.
LABEL_WEIGHT = 2


def detect_form(
    lines: Lines,
    max_skip: int = 5,
    *,
    found: dict[str, dict[int, _Start]] | None = None,
    scores: dict[str, int] | None = None,
) -> str:
    """The form whose question numbers run longest in sequence; of forms
    with equally long runs, the one that skips fewest numbers ("1 De?" then
    a lone "2" is question 1 of a table, not question 2 of the numbered
    form); then the more explicit form: labels, then "1.", then lone
    numbers, then the table.  ``found``, if given, receives each form's
    possible question starts (for :meth:`PostLexer.process`), ``scores``
    each form's run: the evidence for it.  Labelled numbering may start
    anywhere ("Vraag 5" first); other forms count from 1.  A run of labels
    weighs :data:`LABEL_WEIGHT` times its length.

    A layout without numbers counts its starts (labels weighed as above).
    Numbered labels ("Vraag 1") it never outweighs.  Against numbers at line
    starts only its bare labels ("Vraag" with no number) weigh, and only
    where the first question is a bare label: a numbered line after a bare
    "Vraag" is more likely a footnote body at the page's foot ("1 De vraag
    is hier exact weergegeven ...") than a question; paragraphs that end
    in "?" outweigh no number."""
    best, best_score, best_first = "table", (0, 0), 0
    for form in (name for name, layout in REGISTRY.items() if layout.numbered):  # the more explicit layouts first
        run, skipped, expected, previous = 0, 0, 1, None
        starts = shape_starts(lines, form)
        if found is not None:
            found[form] = starts
        numbered = [start for start in starts.values() if start.label]  # a bare "Vraag" is no evidence of numbers
        if numbered and REGISTRY[form].labels_decide:
            expected = numbered[0].first
        for start in numbered:
            if in_sequence(start, expected, previous, max_skip):
                run += 1
                skipped += max(0, start.first - expected)
                expected, previous = start.last + 1, (start.first, start.letter)
        if scores is not None:
            scores[form] = run
        weight = LABEL_WEIGHT if REGISTRY[form].labels_decide else 1
        if run and (run * weight, -skipped) > best_score:
            best, best_score, best_first = form, (run * weight, -skipped), min(i for i, s in starts.items() if s.label)
    # Numbered labels ("Vraag 1") outweigh bare ones; a number at a line
    # start may be a footnote body, and bare labels that stand before the
    # first such number may outweigh it.
    numbers_found = best_score[0] > 0
    if numbers_found and REGISTRY[best].labels_decide:
        return best
    for form in (name for name, layout in REGISTRY.items() if not layout.numbered):
        starts = shape_starts(lines, form)
        if found is not None:
            found[form] = starts
        labels = sum(1 for index in starts if lines.kinds[index] == "QUESTION_LINE")
        evidence = labels * LABEL_WEIGHT + len(starts) - labels
        if scores is not None:
            scores[form] = evidence
        # Against numbers only labels count (questions that merely end in
        # "?" do not outweigh a number), and only where the document's
        # first question is one of them: "1 De?" ... "Vraag:" is numbered.
        first_label = min((index for index in starts if lines.kinds[index] == "QUESTION_LINE"), default=len(lines))
        against = labels * LABEL_WEIGHT if first_label < best_first else 0
        if (against if numbers_found else evidence) > best_score[0]:
            best, best_score = form, (evidence, 0)
    return best


_QUESTIONS_ONLY = re.compile(r"Vragen gesteld door de leden der Kamer(?![ \t\n]*,[ \t\n]*met)")
_QUESTIONS_LIST = re.compile(QUESTIONS_LIST)


def questions_only(lines: Lines, text: str = "") -> bool:
    """Does the header call this a list of questions without answers
    ("Verslag houdende een lijst van vragen"; Kamervragen as submitted,
    "Vragen gesteld door de leden der Kamer" without "met de daarop ...
    gegeven antwoorden", or a "Mededeling van ..." instead of the answer
    heading, and no answer label anywhere)?"""
    kind_lines = lines.at.get("KIND_LINE")
    if kind_lines:
        kind = lines.values[kind_lines[0]].lower()
        return "lijst van vragen" in kind and "antwoord" not in kind
    head = text[:2000]
    unanswered = (
        bool(_QUESTIONS_ONLY.search(head))
        or "Mededeling van" in head  # a notice instead of answers
        or bool(_QUESTIONS_LIST.search(head))  # "LIJST VAN VRAGEN Vastgesteld 7 maart 1989": the kind, not on a line of its own
    )
    return unanswered and not lines.at.get("ANSWER_LINE") and "Antwoord van" not in head
