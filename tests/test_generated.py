"""Documents generated from the vocabulary, in every layout and label style,
with line breaks or flattened to one line: the parse returns what was
generated.  Unlike arbitrary text (which mostly stops at "no questions"),
every example here reaches the layouts, the passes and the grammar; the
last test counts how many do."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kamerqa

WORDS = "de het een kabinet minister brief jaar regeling kosten gemeente provincie rapport onderzoek".split()

# How each layout prints question N and its answer; "{q}" and "{a}" are the texts.
STYLES = {
    "labelled": "Vraag {n}\n{q}\nAntwoord {n}\n{a}\n",
    "labelled, colons": "Vraag {n}: {q}\nAntwoord: {a}\n",
    "labelled, capitals": "VRAAG {n}\n{q}\nANTWOORD\n{a}\n",
    "labelled, op vraag": "Vraag {n}\n{q}\nAntwoord op vraag {n}:\n{a}\n",
    "labelled, unlabelled answers": "Vraag {n}\n{q}\n{a}\n",
    "markdown": "**Vraag {n}**\n{q}\n**Antwoord {n}**\n{a}\n",
    "numbered": "{n}\n{q}\n{a}\n",
    "numbered, Vraag:": "{n}\nVraag:\n{q}\nAntwoord:\n{a}\n",
    "period": "{n}. {q}\n{a}\n",
    "period, bracket": "{n}) {q}\n{a}\n",
    "period, antwoord vraag": "{n}. {q}\nAntwoord vraag {n}:\n{a}\n",
    "table": "{n} {q}\nAntwoord\n{a}\n",
    "unnumbered": "Vraag\n{q}\nAntwoord\n{a}\n",
    "unnumbered, colons": "Vraag: {q}\n{a}\n",
    "unnumbered, paragraphs": "{q}\n\n{a}\n\n",
}
# The styles whose questions still start and end where they did once the line breaks are lost.
FLATTENS = ("labelled", "labelled, colons", "labelled, unlabelled answers", "labelled, op vraag", "unnumbered")

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(lambda w: " ".join(w))
questions = st.builds(lambda s, more: (s.capitalize() + "?" + (" " + more.capitalize() + "?" if more else "")), sentence, st.none() | sentence)
answers = st.builds(lambda s: s.capitalize() + ".", sentence)


@st.composite
def documents(draw: st.DrawFn, styles=tuple(STYLES)) -> tuple[str, str, list[tuple[str | None, str, str]]]:
    style = draw(st.sampled_from(styles))
    first = draw(st.integers(1, 3)) if style.startswith("labelled") else 1
    count = draw(st.integers(1, 12))
    numbered = not style.startswith("unnumbered")
    entries = [(str(first + i) if numbered else None, draw(questions), draw(answers)) for i in range(count)]
    text = "".join(STYLES[style].format(n=n, q=q, a=a) for n, q, a in entries)
    return style, text, entries


def _entries(doc: kamerqa.Document) -> list[tuple[str, str, str | None]]:
    return [(q.number, q.text, q.answer) for q in doc.questions]


@given(documents())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_a_generated_document_parses_as_generated(generated):
    style, text, entries = generated
    doc = kamerqa.parse(text)
    assert _entries(doc) == entries, style
    assert doc.meta.layout == style.split(",")[0].replace("markdown", "labelled")
    expected = {"numbering-gap"} if entries[0][0] not in ("1", None) else set()  # "the first question is numbered 2"
    assert {d.code for d in doc.problems} == expected


@given(documents(styles=FLATTENS), st.integers(0, 3))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_a_generated_letter_with_its_line_breaks_lost_parses_as_generated(generated, spaces):
    style, text, entries = generated
    letterhead = "Algemene Rekenkamer BEZORGEN Lange Voorhout 8 Postbus 20015 Geachte voorzitter, " + "tekst " * 180 + "einde. "
    flat = letterhead + (" " * (spaces + 1)).join(line for line in text.split("\n") if line)
    if len(entries) < 2 and "Antwoord" not in flat:
        return  # one question with no answer label: nothing says this long line holds questions
    doc = kamerqa.parse(flat)
    assert doc.meta.flattened
    assert _entries(doc) == entries, style


def test_the_generated_documents_reach_the_parser():
    # The property above would be empty if generation stopped at "no questions":
    # count the examples that parse to every generated question.
    reached = []

    @given(documents())
    @settings(max_examples=100, database=None)
    def probe(generated):
        _, text, entries = generated
        try:
            reached.append(len(kamerqa.parse(text).questions) == len(entries))
        except kamerqa.ParseError:
            reached.append(False)

    probe()
    assert len(reached) >= 50 and all(reached)
