"""Questions printed without a number (``Question.number is None``): how the
model links their footnotes, and that every report shows them and reads
back."""

from __future__ import annotations

import io

import attrs
import docx
import pytest

import kamerqa
from kamerqa.exporters.txt import render

from .fuzzing import check_exports

LETTER = (
    "Vragen van het lid Jansen (X) aan de minister van Y over Z\n\n"
    "Heeft u het bericht gelezen?[1] Zo ja, wat vindt u ervan?\n\n"
    "Wat gaat u doen?\n\n"
    "Is dat genoeg?[2]\n\n"
    "[1] NOS Nieuws, 17 november 2024\n"
    "[2] Brief van 1 december 2024\n"
)


@pytest.fixture
def letter() -> kamerqa.Document:
    return kamerqa.parse(LETTER)


def test_their_footnotes_name_them_by_place(letter):
    assert [q.number for q in letter.questions] == [None, None, None]
    assert [(n.marker, n.question, n.entry, n.field) for n in letter.footnotes] == [
        ("1", None, 0, "question"),
        ("2", None, 2, "question"),
    ]
    groups = letter.footnotes_by_entry()
    assert [n.marker for n in groups[0]] == ["1"] and [n.marker for n in groups[2]] == ["2"]
    assert [letter.label(i) for i in range(3)] == ["#1", "#2", "#3"]


def test_every_report_shows_them_and_reads_back(letter):
    check_exports(letter)


def test_the_word_report_names_them_by_place_and_keeps_their_footnotes(letter):
    buffer = io.BytesIO()
    kamerqa.export(letter, buffer, "docx")
    report = docx.Document(io.BytesIO(buffer.getvalue()))
    headings = [p.text for p in report.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == ["Vraag #1", "Vraag #2", "Vraag #3"]
    xml = b"".join(part.blob for part in report.part.package.parts if part.partname.endswith("footnotes.xml"))
    assert b"NOS Nieuws" in xml and b"Brief van 1 december 2024" in xml  # real Word footnotes


def test_the_txt_report_writes_bare_labels_that_read_back(letter):
    text = render(letter)
    assert "\nVraag\n" in text and "Vraag 1" not in text
    again = kamerqa.parse(text)
    assert [(q.number, q.text) for q in again.questions] == [(q.number, q.text) for q in letter.questions]
    with pytest.raises(ValueError, match="printed without a number"):
        render(letter, layout="table")


def test_footnotes_stay_with_their_numbered_question_when_questions_are_filtered():
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n\n2 En dit?\nAntwoord\nNee, zie de brief.1\n1 Brief van 1 mei.\n")
    assert [(n.question, n.entry) for n in doc.footnotes] == [("2", 1)]
    second = attrs.evolve(doc, questions=doc.questions[1:])  # entry 1 is now past the end
    assert second.footnotes_by_entry() == {0: list(doc.footnotes)}  # found by its number
    first = attrs.evolve(doc, questions=doc.questions[:1])
    assert first.footnotes_by_entry() == {None: list(doc.footnotes)}  # its question is gone


def test_a_question_without_a_number_among_numbered_ones_reads_back():
    # A question whose number the print lost, between numbered ones: the txt
    # report writes it with a bare "Vraag", which the labelled layout reads
    # as a question without a number (before, it ran into the answer above).
    text = "Vraag 1\nIs dat zo?\nAntwoord 1\nJa.\n\nVraag\nEn dit?\n\nAntwoord\nNee.\n\nVraag 3\nEn dat?\nAntwoord 3\nMisschien.\n"
    doc = kamerqa.parse(text)
    assert doc.meta.layout == "labelled"
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Is dat zo?", "Ja."),
        (None, "En dit?", "Nee."),
        ("3", "En dat?", "Misschien."),
    ]
    again = kamerqa.parse(render(doc))
    assert [(q.number, q.text, q.answer) for q in again.questions] == [(q.number, q.text, q.answer) for q in doc.questions]
    check_exports(doc)


def test_bare_labels_alone_are_no_evidence_of_numbered_labels():
    # Detection counts numbers: bare labels only are the unnumbered layout.
    doc = kamerqa.parse("Vraag\nIs dat zo?\nAntwoord\nJa.\n\nVraag\nEn dit?\nAntwoord\nNee.\n")
    assert doc.meta.layout == "unnumbered"
    assert [q.number for q in doc.questions] == [None, None]
