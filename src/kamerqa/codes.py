"""Every diagnostic and error code kamerqa uses, with its meaning.

docs/diagnostics.md explains each with an example; a test keeps the two in
step, and reporting an unlisted code is an internal error.
"""

from __future__ import annotations

__all__ = ["CODES", "called"]


def called(number: str | None) -> str:
    """A question as a diagnostic's message names it: "question 5", or
    "an unnumbered question" (the diagnostic's line says which)."""
    return f"question {number}" if number is not None else "an unnumbered question"

CODES: dict[str, str] = {
    # Diagnostics: the document was parsed, something is worth a look.
    "duplicate-fragment": "a fragment outside the list repeats an answer; it is not added to any answer",
    "stray-fragment": "an indented fragment outside the list that repeats nothing; its text is kept here",
    "stray-label": "an 'Antwoord' label among fragments outside the list",
    "layout-uncertain": "another layout found nearly as many questions as the one chosen",
    "numbering-gap": "question numbers skip: one or more questions are missing",
    "numbering-order": "a question is printed out of numeric order (kept where it is printed)",
    "numbering-restart": "the question numbering starts again at 1 (a second numbered set in one document)",
    "joint-unsplit": "a joint question's text holds fewer question boundaries than numbers; it has no parts",
    "answer-number-lost": "an answer after the questions has no printed number; it was read from the numbers around it",
    "question-number-lost": "a question between two numbered ones has no printed number; it is kept without one",
    "unpaired-answer": "an answer printed after all questions carries a number no unanswered question has; its text is kept here",
    "second-signature": "the chair or clerk signs a second time; the first name is kept, the second line's text here",
    "no-answer": "a question has no answer while the others do",
    "dangling-reference": "an answer refers to a question that is not in the document",
    "page-conflict": "a question carries more than two different page numbers",
    "answer-before-question": "an 'Antwoord' label before the first question; the label is ignored",
    "repeated-answer-label": "a second 'Antwoord' label within one question; the label is ignored",
    "text-after-fragments": "text after the fragments that follow the list; its text is kept here",
    "unexpected-line": "a line that does not fit the layout where it stands",
    "encoding": "the text was not UTF-8; the encoding it was read in is named (give --encoding if that is wrong)",
    "page-furniture": "running header and footer lines of a PDF were left out; their text is kept here",
    "text-cleaned": "characters no output format can hold were replaced by U+FFFD (the first one is named)",
    # Export notes (in the spreadsheet's "Meldingen" sheet).
    "cell-truncated": "a text longer than Excel's 32,767-character cell limit was cut",
    "cell-cleaned": "control characters a spreadsheet cannot store were replaced by U+FFFD",
    # Errors: the input cannot be parsed at all.
    "empty": "the input is empty or white space only",
    "no-questions": "no numbered questions were found",
    "not-utf8": "the input is not UTF-8 text (when UTF-8 was asked for with --encoding)",
    "bad-encoding": "the input is not text in the encoding given with --encoding",
}
