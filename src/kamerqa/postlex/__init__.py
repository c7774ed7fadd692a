"""Context decisions: what each line *is*, given what came before and after.

The shape lexer (``grammars/lines.lark``) only says what a line looks like.
A context-free grammar cannot say whether "31 december 2023 zal uw Kamer"
starts question 31 (no: question 6 is next, and questions start with a
capital), whether a lone "9" is a page number or question 9, or where an
unlabelled answer begins.  Every such decision is made here, and nowhere
else; the layout grammar (``grammars/qa.lark``) then checks the structure.

The post-lexer is a chain of named passes over one state:

1. :mod:`.detect` - which layout: every layout's question starts are
   counted as a run of numbers in sequence, the longest run wins;
2. :mod:`.prepass` - whole-document decisions from evidence found once:
   running headers and footers, known publication footers, a web page's
   prelude, the answers heading of a print whose questions come first, a
   Mededeling in the place of the answers;
3. :mod:`.passes` - the line passes: plain text takes a fast lane; every
   other line goes through the rules of ``LINE_RULES`` in order (page
   furniture, blank line, page break, prelude, footnote body and its
   continuation, question start, lone number, header line, list line);
4. :mod:`.lexer` - the walk that runs them, and the decisions the rules
   ask of it (is this the next question? where does its unlabelled answer
   start?).

Layouts differ in how a question starts:

=========  =============================================  ===============
form       a question starts with                         a lone number is
=========  =============================================  ===============
table      "21 Aangezien ..." (number, space, capital)     a page number
period     "1. Waar zijn ..."                              a page number
numbered   "1" alone, then the question (or "Vraag:")      the question's
labelled   "Vraag 1", "Vraag 4 en 5", "Vraag 1: ..."       a page number
=========  =============================================  ===============

:mod:`kamerqa.flat` first re-breaks text whose line breaks were lost (a
whole letter on one line), keeping a map back to the original positions.
The post-lexer also records what it learned on the side (footnote markers
it confirmed, numbering gaps) in a :class:`ParseContext`.
"""

from __future__ import annotations

from .context import FORMS, FootnoteRef, ParseContext
from .detect import LABEL_WEIGHT, detect_form, questions_only
from .lexer import PostLexer
from .prepass import HEADING_LINES

__all__ = [
    "FORMS",
    "HEADING_LINES",
    "LABEL_WEIGHT",
    "FootnoteRef",
    "ParseContext",
    "PostLexer",
    "detect_form",
    "questions_only",
]
