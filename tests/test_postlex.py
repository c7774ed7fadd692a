"""The context decisions, each on a small document."""

from __future__ import annotations

import pytest

import kamerqa
from kamerqa.grammar import layout_parser
from kamerqa.postlex import ParseContext, PostLexer


def tokens(text: str, form: str = "table"):
    return PostLexer(ParseContext(), form).process(layout_parser("qa").scan(text))


def types(text: str, form: str = "table") -> list[tuple[int, str]]:
    """(line, type) of the non-blank tokens; the question text that follows
    a QUESTION_START on its own line is left out."""
    out: list[tuple[int, str]] = []
    for token in tokens(text, form):
        if token.type == "BLANK" or (token.type == "TEXT" and out and out[-1] == (token.line, "QUESTION_START")):
            continue
        out.append((token.line, token.type))
    return out


def test_a_number_out_of_sequence_is_text():
    text = "1 Vraag een?\nAntwoord\nNa\n31 december 2023 zal het.\n\n2 Vraag twee?\n"
    assert types(text) == [(1, "QUESTION_START"), (2, "ANSWER_LABEL"), (3, "TEXT"), (4, "TEXT"), (6, "QUESTION_START")]


def test_the_next_number_followed_by_lower_case_is_text():
    text = "28 Vraag?\nAntwoord\n(Kamerstuk\n29 521, nr. 44), is een\n29 Volgende vraag?\n"
    doc = kamerqa.parse("1 Eerste?\nAntwoord\nJa.\n" + "\n".join(f"{n} Vraag {n}?\nAntwoord\nJa." for n in range(2, 28)) + "\n" + text)
    assert doc.question("28").answer == "(Kamerstuk 29 521, nr. 44), is een"
    assert doc.question("29").text == "Volgende vraag?"


def test_numbering_may_skip_a_few_but_not_many():
    assert types("1 Een?\n\n4 Vier?\n")[1] == (3, "QUESTION_START")
    assert types("1 Een?\n\n12 Twaalf?\n")[1] == (3, "TEXT")
    # the boundary: PostLexer.MAX_SKIP numbers may be skipped, one more may not
    skip = PostLexer.MAX_SKIP
    assert types(f"1 Een?\n\n{2 + skip} Verder?\n")[1] == (3, "QUESTION_START")
    assert types(f"1 Een?\n\n{3 + skip} Verder?\n")[1] == (3, "TEXT")


def test_lone_number_is_a_page_cell_in_the_table_and_a_page_number_elsewhere():
    assert types("1 Vraag?\n\n3\n\nAntwoord\n")[1] == (3, "PAGE_CELL")
    assert types("Vraag 1\nWat?\n\n3\n\nAntwoord 1\n", "labelled")[2] == (4, "PAGE_NUMBER")


def test_page_cell_glued_to_the_first_line_of_a_question():
    # followed by a line that starts with white space: the rest of the question cell
    assert types("1 Hoe hoog zijn de risico's, daar waar 9\n als dat?\n")[:2] == [(1, "QUESTION_START"), (1, "PAGE_CELL")]
    # a one-line question ending in "?" followed by a blank line
    assert types("1 Hoe groot is het? 3\n\nAntwoord\n")[:2] == [(1, "QUESTION_START"), (1, "PAGE_CELL")]


def test_number_at_line_end_that_is_text():
    # trailing space, then a month: a date
    assert types("1 Over de einddatum 31 \ndecember 2023?\n")[:2] == [(1, "QUESTION_START"), (2, "TEXT")]
    # the next line does not continue the cell
    assert types("1 Wat staat er in artikel 12\nvan de wet?\n")[:2] == [(1, "QUESTION_START"), (2, "TEXT")]
    # a month on the next line, even after a leading space
    assert types("1 Tot 31\n december?\n")[:2] == [(1, "QUESTION_START"), (2, "TEXT")]


def test_page_cell_value_and_column():
    doc = kamerqa.parse("1 Hoe hoog is het risico 9\n als dat zo is?\n\nAntwoord\nLaag.\n")
    assert doc.question("1").text == "Hoe hoog is het risico als dat zo is?"
    assert doc.question("1").page_from == 9


def test_footnote_body_needs_a_glued_marker_before_it():
    body_first = "1 Vraag?\nAntwoord\n1https://example.org\nde media.1 In de\n"
    assert (3, "FOOTNOTE_BODY") not in types(body_first)
    marker_first = "1 Vraag?\nAntwoord\nde media.1 In de\n1https://example.org\n"
    assert (4, "FOOTNOTE_BODY") in types(marker_first)


def test_glued_digits_without_a_body_stay_text():
    doc = kamerqa.parse("1 Vraag?\nAntwoord\nDe F16 en de media.1 blijven.\n")
    assert doc.question("1").answer == "De F16 en de media.1 blijven."
    assert doc.footnotes == ()


def test_footnotes_are_numbered_in_sequence():
    text = "1 Vraag?\nAntwoord\nEen.1 Twee.2\n1 Eerste noot\n2 Tweede noot\n"
    doc = kamerqa.parse(text)
    assert [(f.marker, f.text, f.question) for f in doc.footnotes] == [("1", "Eerste noot", "1"), ("2", "Tweede noot", "1")]
    assert doc.question("1").answer == "Een.1 Twee.2"  # the markers stay, as printed


def test_page_footer_is_a_counter_with_evidence():
    # one counter of its total: a footer where its lines name the document as its heading does
    heading = "Verlenging van de bijdrage aan de missie (1, nr. 2)\n\n"
    footer = "Totaallijst feitelijke vragen Verlenging van de bijdrage\naan de missie (1, nr. 2) 12/15\n"
    text = heading + "1 Vraag?\nAntwoord\nTekst.\n\n" + footer + "\n2 Vraag?\n"
    assert [kind for line, kind in types(text) if line in (7, 8)] == ["FOOTER", "FOOTER"]
    # answer lines just above it stay text, and so does the footer of a document it does not name
    glued = heading + "1 Vraag?\nAntwoord\nHet kabinet heeft besloten\nom de steun te verlengen\n" + footer
    assert [line for line, kind in types(glued) if kind == "FOOTER"] == [7, 8]
    assert kamerqa.parse(glued).question("1").answer == "Het kabinet heeft besloten om de steun te verlengen"
    assert all(kind != "FOOTER" for _, kind in types("1 Vraag?\nAntwoord\nTekst.\n\n" + footer))
    # counters of one total on several pages are footers by themselves
    pages = "1 Vraag?\nAntwoord\nTekst.\n\nLijst 1/2\n\n2 Vraag?\nAntwoord\nNee.\n\nLijst 2/2\n"
    assert [line for line, kind in types(pages) if kind == "FOOTER"] == [5, 11]
    # a paragraph that merely ends in a fraction is text
    prose = "1 Vraag?\nAntwoord\nDe eerste regel van een alinea\nen de tweede en\nde derde en\nde score was 12/15\n"
    assert all(kind == "TEXT" for _, kind in types(prose)[2:])


def test_header_lines_are_typed_only_in_the_header():
    text = "27925- 919 Titel\nvervolg\n\nnr. Lijst van vragen en antwoorden\n\nVoorzitter van de commissie,\nJansen\n\n1 Vraag?\nAntwoord\nVastgesteld is dat het klopt.\n"
    assert types(text) == [
        (1, "DOSSIER_LINE"),
        (2, "TITLE_LINE"),
        (4, "KIND_LINE"),
        (6, "ROLE_LINE"),
        (7, "NAME_LINE"),
        (9, "QUESTION_START"),
        (10, "ANSWER_LABEL"),
        (11, "TEXT"),
    ]


def test_inline_answer_text_is_split_from_its_label_with_its_column():
    label, text = tokens("1 Vraag?\n  Antwoord: Het kabinet.\n")[2:4]
    assert (label.type, label.value, label.column) == ("ANSWER_LABEL", "Antwoord:", 1)
    assert (text.type, text.value, text.column) == ("TEXT", "Het kabinet.\n", 13)


def test_a_numbered_list_item_is_never_a_footnote_body():
    # found by hypothesis (round trip): "1. a." opening a list was taken for the body of footnote 1
    text = "1 Vraag?\nAntwoord\nZie de brief1 hierover.\n\n2 Welke drie:\n1. de eerste.\n2. de tweede.\nAntwoord\nGeen.\n"
    document = kamerqa.parse(text)
    assert document.footnotes == ()
    assert document.question("2").text == "Welke drie:\n1. de eerste.\n2. de tweede."


def test_a_footnote_typed_as_1_paren_after_its_sentence_with_the_body_at_the_end():
    # Corpus 364 (a ministry Word letter): "... is afgenomen? 1)" and, after the last answer, "1) Nederlandse Orde ...".
    text = (
        "Vraag 1\nBent u bekend met het onderzoek waaruit blijkt dat het aantal is afgenomen? 1)\n\n"
        "Antwoord op vraag 1\nJa.\n\nVraag 2\nWilt u de lijst sturen?\n\nAntwoord op vraag 2\nJa:\n1) de eerste;\n2) de tweede.\n\n"
        "1) Nederlandse Orde van Advocaten, 11 november 2024.\n"
    )
    doc = kamerqa.parse(text)
    assert [(q.number, q.answer) for q in doc.questions] == [("1", "Ja."), ("2", "Ja:\n1) de eerste;\n2) de tweede.")]
    [note] = doc.footnotes
    assert (note.marker, note.text, note.question, note.field) == ("1", "Nederlandse Orde van Advocaten, 11 november 2024.", "1", "question")
    assert doc.questions[0].text[note.offset :] == "1)"  # the marker stays, as printed


def test_an_inline_enumeration_is_no_footnote_marker():
    doc = kamerqa.parse("Vraag 1\nWat doen 1) de JCC en 2) de brigades?\nAntwoord 1\n1) Zij werken samen.\n")
    assert doc.footnotes == ()
    assert [(q.text, q.answer) for q in doc.questions] == [("Wat doen 1) de JCC en 2) de brigades?", "1) Zij werken samen.")]


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("Is dat zo?", True),
        ("Is dat zo?”", True),
        ("Is dat zo?1", True),  # a footnote marker
        ("Is dat zo? [2]", True),
        ("Is dat zo? 12", True),  # a page number after it
        ("Is dat zo? 2R.)r3R 1814-2014", True),  # two tokens of debris holding a digit: OCR of a logo
        ("Is dat zo? 2R.)r3R 1814-2014 5/9", False),  # three are text
        ("Is dat zo? Ja", False),  # a word: the next sentence
        ("Hoeveel kost het? 5 miljoen", False),
    ],
)
def test_a_question_ends_at_its_question_mark_and_what_may_follow_it(line, ends):
    from kamerqa.layouts.base import ends_question

    assert ends_question(line) is ends
