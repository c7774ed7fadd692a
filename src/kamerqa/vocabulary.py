"""The one vocabulary of labels: how question labels, answer labels and
question numbers are printed, in every spelling the documents use.

Every regular expression in kamerqa that recognises a label or a question
number is built from the pieces here, and so is ``grammars/vocabulary.lark``,
the fragment the line shapes import (``python -m kamerqa.vocabulary``
writes it; a test checks it is current).  To teach kamerqa a new spelling,
change it here, regenerate the fragment, and add a fixture line to
``tests/fixtures/vocabulary.txt``.

The pieces are regex source strings, not compiled patterns, so that they
can be combined; they use no capturing groups, so callers may add their own.
"""

from __future__ import annotations

import re
import sys

__all__ = [
    "ANSWERS_HEADING",
    "ANSWERS_LIST",
    "ANSWERS_LIST_HEAD",
    "ANSWER_LABEL",
    "ANSWER_REFERENCE",
    "ANSWER_WORD",
    "ANSWER_WORD_START",
    "BARE_QUESTION_LABEL",
    "DIGITS",
    "HSPACE",
    "MEDEDELING_LABEL",
    "MEDEDELING_WORD",
    "NOISE",
    "NUMBER",
    "NUMBERS",
    "QUESTIONS_LIST",
    "QUESTION_WORD",
    "QUESTION_WORDS",
    "QUESTION_WORD_START",
    "SEPARATOR",
    "TOELICHTING_LABEL",
    "TOELICHTING_WORD",
    "lark_fragment",
]

#: Horizontal white space, also the no-break and zero-width spaces PDF
#: converters leave (Python's ``\s`` leaves out the zero-width ones).
HSPACE_CHARS = " \\t\\f\\v\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff"
HSPACE = f"[{HSPACE_CHARS}]"

#: The digits of a question number.  Five: the longest lists have a few
#: thousand questions, and a list of 10,000 must not fold question 10000
#: into the answer to 9999.  ("10 000 euro", with a space, is no number.)
DIGITS = r"\d{1,5}"

#: One question number: "12", "1a", "1 b", and a capital letter only where
#: a label's punctuation follows it ("1 C:", "2B."), since "Vraag 6 U
#: schrijft ..." starts a question with the word "U".
NUMBER = DIGITS + r"(?:[ ]?[a-z](?![a-z/])|[ ]?[A-Z](?=[.:]))?"

#: Between the numbers of a list or range: "1 en 2", "1, 2 en 3", "1,2en3",
#: "4 t/m 6", "4 tot en met 6", "4-7", "4 – 7".
SEPARATOR = r"[ \t]*(?:,[ \t]*(?:en[ \t]*)?|en|t/[ ]?m|tot en met|-|–)[ \t]*"

#: A label's numbers: one number, or a list or range of them.
NUMBERS = f"{NUMBER}(?:{SEPARATOR}{NUMBER})*"

#: A stray mark OCR leaves between a label word and its number ("Vraag .1").
NOISE = r"[.,'’`]"

#: The word that labels a question: "Vraag", "VRAAG", "Vr.".
QUESTION_WORDS = ("Vraag", "VRAAG", "Vr.")
QUESTION_WORD = "(?:" + "|".join(map(re.escape, QUESTION_WORDS)) + ")"

#: A question label without its number, alone or before the question:
#: "Vraag", "Vraag:", "VRAAG", "Vraag: Is dat zo?".
BARE_QUESTION_LABEL = f"{QUESTION_WORD}{HSPACE}*(?::{HSPACE}*)?"

#: The word that labels an answer: "Antwoord", "ANTWOORD", "Antwoorden".
ANSWER_WORD = r"(?:Antwoord(?:en)?|ANTWOORD(?:EN)?)"

#: The two words where a word starts: ``\b`` + the word, written so that a
#: search through a long line (flat text) skips to each literal word (a
#: pattern opening with ``\b`` or a look-behind is tried at every position):
#: the boundary is checked after the literal.  tests/test_flat.py
#: proves them the same.
QUESTION_WORD_START = r"(?:Vraag(?<!\wVraag)|VRAAG(?<!\wVRAAG)|Vr\.(?<!\wVr\.))"
ANSWER_WORD_START = r"(?:Antwoord(?<!\wAntwoord)(?:en)?|ANTWOORD(?<!\wANTWOORD)(?:EN)?)"

#: Between the answer word and the numbers: "op vraag", "op de vragen",
#: "vraag", "bij vraag".
ANSWER_REFERENCE = r"(?:(?:op|bij)[ ]+(?:de[ ]+)?)?(?:vraag|vragen)[ ]+"

#: A whole answer label at the start of a line, without what follows it:
#: "Antwoord", "Antwoord:", "Antwoord 1", "Antwoord 1.", "Antwoorden 5 en 6",
#: "Antwoord op vraag 1:", "Antwoord op de vragen 4 t/m 6:", "Antwoord vraag 3:".
ANSWER_LABEL = f"{ANSWER_WORD}(?:{HSPACE}+(?:{ANSWER_REFERENCE})?{NUMBERS}\\.?)?{HSPACE}*:?"


#: The heading of a Mededeling that takes the place of the answers: "Mededeling"
#: alone, or with its sender and date ("Mededeling van Minister X (...).
#: (Ontvangen 30 maart 1977)"), also printed twice ("Mededeling Mededeling van").
MEDEDELING_WORD = r"(?:Mededeling|MEDEDELING)"
MEDEDELING_LABEL = (
    rf"{MEDEDELING_WORD}(?:{HSPACE}+Mededeling)?"
    rf"(?:{HSPACE}+van{HSPACE}[^\n]{{1,400}}?\({HSPACE}*[Oo]ntvangen{HSPACE}+[^)\n]{{1,40}}\)\.?)?"
)


#: The heading of the question letter's own note after the last answer:
#: "Toelichting:" (with its colon: "Toelichting bij de brief" is text), and
#: in old prints "Toelichting bij vraag 4:" (the note on one question).
TOELICHTING_WORD = r"(?:Toelichting|TOELICHTING)"
TOELICHTING_LABEL = (
    rf"{TOELICHTING_WORD}(?:{HSPACE}+bij{HSPACE}+(?:de{HSPACE}+)?(?:vraag|vragen){HSPACE}+{NUMBERS})?{HSPACE}*:"
)


#: A committee's list of questions without answers: "LIJST VAN VRAGEN",
#: "Verslag houdende een lijst van vragen" (not "... vragen en antwoorden").
QUESTIONS_LIST = r"(?i:lijst[ \t]+van[ \t]+vragen)(?![ \t\n]+(?i:en)[ \t\n]+(?i:antwoord))"


#: The heading of a committee's list that prints only the answers, its
#: questions printed as another paper: "LIJST VAN ANTWOORDEN" opening a line
#: (not "... vragen en antwoorden", not the words inside a sentence).
ANSWERS_LIST = rf"(?m:^){HSPACE}*(?i:lijst[ \t]+van[ \t]+antwoorden)"
#: How far into the document that heading is looked for, in characters: it
#: is the kind line, under the dossier and title.
ANSWERS_LIST_HEAD = 3_000


#: The heading above the answers of a print whose questions come first:
#: "Antwoord" alone, or "Antwoord van minister X ...", also printed twice
#: ("Antwoord Antwoord van ..."); what may follow it on its line is the caller's.
ANSWERS_HEADING = rf"(?:Antwoord|ANTWOORD)\b(?={HSPACE}*$|{HSPACE}*\n|{HSPACE}+(?:Antwoord{HSPACE}+)?van\b)"


def lark_fragment() -> str:
    """``grammars/vocabulary.lark``: the vocabulary as Lark terminals."""

    def regexp(source: str) -> str:
        return "/" + source.replace("/", "\\/") + "/"

    return "\n".join(
        [
            "// Generated by `python -m kamerqa.vocabulary` from src/kamerqa/vocabulary.py:",
            "// do not edit; change the vocabulary there and regenerate.",
            "",
            f"HSPACE: {regexp(HSPACE)}",
            f"DIGITS: {regexp(DIGITS)}",
            f"NUMBERS: {regexp(NUMBERS)}",
            f"QUESTION_WORD: {regexp(QUESTION_WORD)}",
            f"NOISE: {regexp(NOISE)}",
            f"ANSWER_WORD: {regexp(ANSWER_WORD)}",
            f"ANSWER_REFERENCE: {regexp(ANSWER_REFERENCE)}",
            "",
        ]
    )


if __name__ == "__main__":  # python -m kamerqa.vocabulary [PATH]
    from pathlib import Path

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "grammars" / "vocabulary.lark"
    target.write_text(lark_fragment(), encoding="utf-8")
    print(f"wrote {target}")
