"""Render -> parse gives the same model: the txt exporter writes documents
in the table layout, and kamerqa reads them back."""

from __future__ import annotations

import attrs
from hypothesis import given

import kamerqa
from kamerqa import LineSpan
from kamerqa.exporters.txt import render

from .strategies import table_documents


def without_positions(document: kamerqa.Document, *, pages: bool = True) -> kamerqa.Document:
    return attrs.evolve(
        document,
        meta=attrs.evolve(document.meta, layout=None, layout_score=None),  # how it was read, not what it says
        questions=tuple(
            attrs.evolve(q, lines=LineSpan(1, 1), answer_lines=None)
            if pages
            else attrs.evolve(q, lines=LineSpan(1, 1), answer_lines=None, page_from=None, page_to=None)
            for q in document.questions
        ),
        footnotes=tuple(attrs.evolve(f, line=1) for f in document.footnotes),
    )


@given(table_documents())
def test_render_then_parse_gives_the_same_document(document):
    parsed = kamerqa.parse(render(document))
    assert parsed.meta.layout == "table"
    assert without_positions(parsed) == without_positions(document)


@given(table_documents())
def test_labelled_layout_round_trips_too(document):
    parsed = kamerqa.parse(render(document, layout="labelled"))
    assert parsed.meta.layout == "labelled"
    assert without_positions(parsed, pages=False) == without_positions(document, pages=False)


def test_the_reference_document_round_trips(reference):
    assert without_positions(kamerqa.parse(render(reference))) == without_positions(
        attrs.evolve(reference, diagnostics=())
    )


def test_numbers_that_do_not_count_from_one_are_written_with_labels():
    # Found by the fuzzing test: a list starting at question 3 was written as
    # a table, which reads numbers from 1, and did not parse back.
    document = kamerqa.parse("Vraag 3\nIs dat zo?\nAntwoord 3\nJa.\nVraag 5\nEn dit?\nAntwoord 5\nNee.\n")
    text = render(document)
    assert "Vraag 3\n" in text and "Antwoord 5\n" in text
    assert [(q.number, q.text, q.answer) for q in kamerqa.parse(text).questions] == [
        ("3", "Is dat zo?", "Ja."),
        ("5", "En dit?", "Nee."),
    ]
    counting = kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n\n2 En dit?\nAntwoord\nNee.\n")
    assert "\nVraag " not in render(counting)  # 1, 2: the table


def test_a_question_that_opens_with_a_number_is_written_with_labels():
    # Found by the fuzzing test: "1 31 865 Verbetering ..." does not read back as question 1 of a table.
    document = kamerqa.parse("Vraag 1\n31 865 Verbetering van de begroting?\nAntwoord 1\nJa.\n")
    assert document.questions[0].text.startswith("31 865")
    text = render(document)
    assert "Vraag 1\n31 865" in text
    assert [(q.number, q.text) for q in kamerqa.parse(text).questions] == [("1", "31 865 Verbetering van de begroting?")]
