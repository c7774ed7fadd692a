"""Layout-specific behaviour, on the corpus documents and small examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import kamerqa
from kamerqa import LineSpan, ParseError
from kamerqa.parsing import analyse

CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus(prefix: str) -> kamerqa.Document:
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return kamerqa.parse_file(path)


def texts(doc: kamerqa.Document) -> list[str]:
    return [doc.meta.intro or "", doc.meta.title or ""] + [t for q in doc.questions for t in (q.text, q.answer or "")]


# Kamervragen, converted to markdown ---------------------------------------


@pytest.fixture(scope="module")
def kamervragen():
    return corpus("030")


def test_kamervragen_metadata(kamervragen):
    meta = kamervragen.meta
    assert meta.askers == ("Boswijk (CDA)",)
    assert meta.addressee == "Minister van Buitenlandse Zaken"
    assert meta.answered_by == "Minister Bruins Slot (Buitenlandse Zaken)"
    assert (meta.submitted, meta.received) == (date(2023, 10, 2), date(2023, 11, 13))
    assert (meta.number, meta.session) == ("387", "2023–2024")
    assert meta.title == "de situatie in de Zuidelijke Kaukasus"


def test_joint_question_knows_every_number(kamervragen):
    joint = kamervragen.question("4 en 5")
    assert joint.covers == ("4", "5")
    assert joint.text.startswith("Deelt u de zorg dat Azerbeidzjan")
    assert "Hoe wordt door de Europese Unie geanticipeerd op deze mogelijke geweldsescalatie?" in joint.text
    assert joint.answer.startswith("In het trilaterale akkoord van 2020")
    assert [q.number for q in kamervragen.questions][4] == "6"


def test_bracket_footnote_markers_are_linked_and_kept_as_printed(kamervragen):
    notes = {f.marker: f for f in kamervragen.footnotes}
    assert sorted(notes, key=int) == [str(n) for n in range(1, 10)]
    assert notes["1"].question == "1"
    assert notes["1"].text.startswith("Nederlands Dagblad, 29 september 2023, «De ondergang van Nagorno Karabach")
    assert notes["1"].text.endswith("De kwaliteitskrant van christelijk Nederland).")  # three lines joined
    assert (notes["4"].question, notes["4"].text) == ("3", "Motie Ceder, Kamerstuk 21 501-02, nr. 2732")
    q1 = kamervragen.question("1").text
    assert "«Netjes gezuiverd»[1 ] en «Goede bedoelingen" in q1 and q1.endswith("verschuiven»[2]?")
    for text in texts(kamervragen):
        assert "Nederlands Dagblad" not in text  # the bodies are footnotes, not text


def test_page_breaks_and_running_footers_are_layout(kamervragen):
    for text in texts(kamervragen)[2:]:
        assert "-----" not in text
        assert "h tk 20232024" not in text
    assert kamervragen.question("2").answer.endswith("op basis van feiten (12-10-2023).[3 ]")


# Published lists ------------------------------------------------------------


def test_website_title_line_is_skipped():
    for prefix in ("013", "019"):
        doc = corpus(prefix)
        assert " : " not in (doc.meta.intro or "")
        assert doc.questions[0].number == "1"


def test_lines_starting_with_amounts_stay_in_the_answer():
    answer = corpus("019").question("1").answer
    assert "in de periode 2024–2038 € 1.687,7 miljoen. Van dit bedrag" in answer
    assert "bedraagt daarmee € 1.050,6 miljoen. In de toekomst" in answer


def test_list_without_answers():
    doc = corpus("021")
    assert doc.meta.kind == "Verslag houdende een lijst van vragen"
    assert [q.answer for q in doc.questions] == [None] * 11
    assert doc.diagnostics == ()


def test_footnote_marker_in_the_committee_name_is_dropped():
    assert corpus("001").meta.committee == "commissie voor de Rijksuitgaven"


def test_truncated_last_question_is_kept_and_reported():
    doc = corpus("001")
    assert doc.questions[-1].text.endswith("Hoe gaat zij dit d")
    assert [d.code for d in doc.diagnostics] == ["no-answer"]


# Text whose line breaks were lost ------------------------------------------------


@pytest.fixture(scope="module")
def flat():
    return corpus("033")


def test_flat_text_positions_refer_to_the_original_line(flat):
    assert all(q.lines == LineSpan(1, 1) and q.answer_lines == LineSpan(1, 1) for q in flat.questions)


def test_flat_text_page_counters_and_running_headers_are_layout(flat):
    assert flat.question("2").text == "Kunt u toelichten op welke momenten u contact heeft gehad met de ministeriële commissie?"
    assert flat.question("5").answer.endswith("In het onderhavig geval is de aanpassing zichtbaar gemaakt met track changes.")
    assert flat.question("15").answer == "Zie het antwoord op vraag 12."
    assert flat.question("12").text.endswith("de huidige exploitatiekosten van de F-16 exact kan geven?")
    for text in texts(flat)[2:]:
        assert "/9" not in text
    assert flat.question("20").refers_to == ("1", "6")


# Small documents ---------------------------------------------------------------------


def test_number_alone_then_vraag_and_antwoord_labels():
    doc = kamerqa.parse("1\nVraag:\nIs dat zo?\nAntwoord:\nJa.\n2\nVraag:\nEn dit?\nAntwoord:\n2024 was een goed jaar.\n")
    assert doc.meta.layout == "numbered"
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Is dat zo?", "Ja."),
        ("2", "En dit?", "2024 was een goed jaar."),
    ]


def test_vraag_n_colon_and_antwoord_op_vraag_labels():
    doc = kamerqa.parse("Vraag 1: Is dat zo?\nAntwoord op vraag 1:\nJa.\nVraag 2:\nEn dit?\nAntwoord op vraag 2: Nee.\n")
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [("1", "Is dat zo?", "Ja."), ("2", "En dit?", "Nee.")]


def test_vraag_n_with_unlabelled_answers():
    doc = kamerqa.parse("Vraag 1\nIs dat zo? Waarom\nniet?\nJa, omdat het\nzo is.\nVraag 2\nEn dit?\nNee.\n")
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Is dat zo? Waarom niet?", "Ja, omdat het zo is."),
        ("2", "En dit?", "Nee."),
    ]


def test_sub_questions_and_ranges_keep_their_labels():
    doc = kamerqa.parse(
        "Vraag 1a\nIs dat zo?\nAntwoord 1a\nJa.\n\nVraag 1b\nEn dit?\nAntwoord 1b\nNee.\n\n"
        "Vraag 2 t/m 4\nEn de rest?\nAntwoord 2 t/m 4\nOok.\n\nVraag 5\nLaatste?\nAntwoord 5\nKlaar.\n"
    )
    assert [(q.number, q.covers) for q in doc.questions] == [
        ("1a", ("1a",)),
        ("1b", ("1b",)),
        ("2 t/m 4", ("2", "3", "4")),
        ("5", ("5",)),
    ]
    # "En de rest?" is one question under three numbers: no parts, and a note saying so.
    assert [(d.code, d.line) for d in doc.diagnostics] == [("joint-unsplit", 11)]
    assert doc.question("2 t/m 4").parts == ()


def test_numbered_paragraphs_with_multi_paragraph_questions():
    doc = kamerqa.parse("1\n\nIs dat zo?\n\nWaarom dan?\n\nHet is zo.\n\nEn daarom.\n\n2\n\nEn dit?\n\nNee.\n")
    assert [(q.text, q.answer) for q in doc.questions] == [
        ("Is dat zo?\n\nWaarom dan?", "Het is zo.\n\nEn daarom."),
        ("En dit?", "Nee."),
    ]


def test_period_layout_keeps_numbered_lists_in_answers():
    doc = kamerqa.parse("1. Is dat zo?\n\nTwee punten:\n1. Eerste punt.\n2. Tweede punt.\n\n2. En dit?\n\nNee.\n")
    assert doc.meta.layout == "period"
    assert [q.number for q in doc.questions] == ["1", "2"]
    assert doc.question("1").answer == "Twee punten:\n1. Eerste punt.\n2. Tweede punt."


def test_forcing_a_layout():
    text = "1\nVraag:\nIs dat zo?\nAntwoord:\nJa.\n"
    assert kamerqa.parse(text, layout="numbered").questions[0].text == "Is dat zo?"
    with pytest.raises(ParseError) as caught:
        kamerqa.parse(text, layout="labelled")
    assert caught.value.code == "no-questions"
    with pytest.raises(ValueError, match=r"unknown layout 'word'; kamerqa reads: labelled, period, numbered, table, unnumbered, flat"):
        kamerqa.parse(text, layout="word")


def test_page_counters_and_singular_kind_line():
    doc = kamerqa.parse(
        "Home\nZoeken\nKamerstukken\n31 235 Titel\nLIJST VAN VRAGEN EN ANTWOORD\n\n"
        "1. Is dat zo?\nPagina 3/12\nJa.\npagina 4 van 12\n\n2. En dit?\n\nNee.\n"
    )
    assert doc.meta.kind == "Lijst van vragen en antwoord"
    assert doc.meta.intro is None  # the website's navigation lines are skipped
    assert [(q.text, q.answer) for q in doc.questions] == [("Is dat zo?", "Ja."), ("En dit?", "Nee.")]


def test_joint_answer_label_with_a_range():
    doc = kamerqa.parse(
        "Vraag 4 t/m 6\nWat is dit? En dat? En zo?\n\nAntwoord op de vragen 4 t/m 6:\nDrie keer ja.\n\n"
        "Vraag 7\nNog een?\n\nAntwoord op vraag 7: Nee.\n"
    )
    assert [(q.number, q.covers, q.answer) for q in doc.questions] == [
        ("4 t/m 6", ("4", "5", "6"), "Drie keer ja."),
        ("7", ("7",), "Nee."),
    ]
    assert doc.diagnostics[0].code == "numbering-gap"  # the list starts at 4


def test_labels_with_a_period():
    doc = kamerqa.parse("Vraag 1.\nIs dat zo?\nAntwoord 1.\nJa.\nVraag 2. Wat nu?\nAntwoord 2.\nNiets.\n")
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [("1", "Is dat zo?", "Ja."), ("2", "Wat nu?", "Niets.")]


def test_a_question_written_as_one_is_never_taken_for_a_footnote():
    # Markers 1 and 2 on one line; the body of 1 follows; "2. De regering ..." is
    # question 2 (period layout), not the body of footnote 2.
    text = (
        "1. Waar zijn de cijfers?\n\nZe komen.1 De cijfers van april2. Zo is het.\n"
        "1https://example.org\n2. De regering gaf eerder aan dat?\n\nHet recht op huurtoeslag.\n"
    )
    from kamerqa.parsing import analyse

    analysis = analyse(text)
    doc = analysis.document
    assert [q.number for q in doc.questions] == ["1", "2"]
    assert [(f.marker, f.text, f.question) for f in doc.footnotes] == [("1", "https://example.org", "1")]
    assert doc.question("1").answer == "Ze komen.1 De cijfers van april2. Zo is het."
    assert analysis.unaccounted() == []


def test_a_lone_number_after_a_table_question_is_its_page():
    # Found by hypothesis: read as the numbered layout, this was a question 2
    # without text (and "1 De?" a header line).  The table reading skips no
    # number, and a lone number followed by "Antwoord" starts no question.
    document = kamerqa.parse("1 De?\n2\nAntwoord\nJa.\n")
    assert document.meta.layout == "table"
    [question] = document.questions
    assert (question.number, question.text, question.page_from, question.answer) == ("1", "De?", 2, "Ja.")


def test_a_footnote_body_after_a_zero_width_no_break_space():
    # Found by hypothesis (dev profile): the post-lexer counted U+FEFF as
    # white space before "1https://...", the transformer did not, and failed.
    analysis = analyse("1 Is dat zo? begroting1?\n\ufeff1https://example.org\nAntwoord\nJa.\n")
    [note] = analysis.document.footnotes
    assert (note.marker, note.text, note.question) == ("1", "https://example.org", "1")
    assert analysis.unaccounted() == []


def test_a_fragment_that_repeats_part_of_an_answer_names_that_answer():
    text = (
        "1 Eerste vraag?\nAntwoord\nNee.\n\n"
        "2 Tweede vraag?\nAntwoord\nEerste alinea van het antwoord.\n\nDaarna de tweede alinea, die hier herhaald wordt.\n\n"
        "3 Derde vraag?\nAntwoord\nJa.\n"
        "\tDaarna de tweede alinea, die hier herhaald wordt.\n"
        "\tvan het antwoord. Daarna de tweede\n"  # across the paragraph break: still answer 2
        "\tIets dat nergens in de antwoorden staat.\n"
    )
    found = [(d.line, d.code, d.message) for d in kamerqa.parse(text).diagnostics]
    assert found == [
        (14, "duplicate-fragment", "repeats the answer to question 2"),
        (15, "duplicate-fragment", "repeats the answer to question 2"),
        (16, "stray-fragment", "an indented fragment outside the list of questions"),
    ]


def test_a_second_dossier_heading_is_kept_as_introduction_text():
    # Found by hypothesis (dev profile): the second heading replaced the
    # first one's title, and the first heading's text was lost.
    analysis = analyse("27925- 919 Eerste kop\n27925- 920 Tweede kop\nvervolg van de kop\n\n1 Is dat zo?\nAntwoord\nJa.\n")
    meta = analysis.document.meta
    assert (meta.dossier, meta.title, meta.intro) == ("27925", "Eerste kop", "27925- 920 Tweede kop vervolg van de kop")
    assert analysis.unaccounted() == []


def test_a_paper_for_two_dossiers_names_both():
    # Corpus 346 (1990): two dossier lines, each with its part in brackets
    # and no title of its own, then a title line for each.
    text = (
        "Vergaderjaar 1990-1991\n21 800 V (NAVO-deel)\n21 800 X (NAVO-deel)\n"
        "Vaststelling van hoofdstuk V voor het jaar 1991\nVaststelling van hoofdstuk X voor het jaar 1991\n"
        "Nr. 30\n\n1 Is dat zo?\nAntwoord\nJa.\n"
    )
    analysis = analyse(text)
    meta = analysis.document.meta
    assert (meta.dossier, meta.title) == (
        "21 800 V (NAVO-deel); 21 800 X (NAVO-deel)",
        "Vaststelling van hoofdstuk V voor het jaar 1991; Vaststelling van hoofdstuk X voor het jaar 1991",
    )
    assert analysis.unaccounted() == []
    # a title that wraps over another number of lines is one title
    wrapped = text.replace("voor het jaar 1991\nVaststelling van hoofdstuk X", "en X\nvoor het jaar 1991\nsamen")
    assert analyse(wrapped).document.meta.title == "Vaststelling van hoofdstuk V en X voor het jaar 1991 samen voor het jaar 1991"


def test_an_indented_line_inside_the_list_is_read_as_its_text():
    # Tab-indented lines are stray fragments only after the last question;
    # inside the list they are read as what they say, at their own column.
    text = "1 Eerste vraag?\nAntwoord\nJa.\n  \t2 Tweede vraag?\nAntwoord\n\tNee, \t2a niet.\n\n3 Derde vraag?\nAntwoord\nMisschien.\n"
    analysis = analyse(text)
    document = analysis.document
    assert [(q.number, q.text, q.answer) for q in document.questions] == [
        ("1", "Eerste vraag?", "Ja."),
        ("2", "Tweede vraag?", "Nee, 2a niet."),
        ("3", "Derde vraag?", "Misschien."),
    ]
    assert document.questions[1].lines == LineSpan(4, 6)
    assert document.diagnostics == ()
    assert analysis.unaccounted() == []
    strict = "1 Eerste vraag?\nAntwoord\nJa.\n  \tAntwoord\n\n2 Tweede vraag?\nAntwoord\nNee.\n"
    with pytest.raises(ParseError) as raised:
        kamerqa.parse(strict, strict=True)
    assert (raised.value.line, raised.value.column, raised.value.code) == (4, 4, "repeated-answer-label")


def test_a_paragraph_starting_with_antwoord_and_another_number_is_answer_text():
    # Found by hypothesis (round trip): "Antwoord 0 a." inside answer 1 read as a second label.
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n\nAntwoord 2012 was het jaar van de wet.\n")
    assert doc.question("1").answer == "Ja.\n\nAntwoord 2012 was het jaar van de wet."
    assert doc.diagnostics == ()
    # ... while a label that names the question it answers is a label
    doc = kamerqa.parse("Vraag 1\nIs dat zo?\nAntwoord 1. Ja.\n")
    assert doc.question("1").answer == "Ja."
