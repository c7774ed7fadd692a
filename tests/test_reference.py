"""The reference document (seeds/000_e50b7459da8d0f59.txt), checked against
what a person reads in it.  Line numbers below are the file's own."""

from __future__ import annotations

import re
from datetime import date

import pytest

import kamerqa
from kamerqa import Severity


def all_text_fields(doc: kamerqa.Document) -> list[str]:
    meta = doc.meta
    fields = [meta.title or "", meta.intro or "", meta.committee or "", meta.addressee or ""]
    for q in doc.questions:
        fields += [q.text, q.answer or ""]
    fields += [f.text for f in doc.footnotes]
    return fields


def test_sixty_three_questions_in_order_each_answered(reference):
    assert [q.number for q in reference.questions] == [str(n) for n in range(1, 64)]
    for q in reference.questions:
        assert q.text and q.text[0].isupper(), q.number
        assert q.text.endswith("?"), q.number
        assert q.answer, q.number


def test_first_question_spans_its_source_lines(reference):
    q1 = reference.question("1")
    assert q1.text == "Is er een exit-strategie van de Nederlandse bijdrage en zo ja, wat behelst die?"
    assert (q1.lines.first, q1.lines.last) == (25, 48)
    assert (q1.answer_lines.first, q1.answer_lines.last) == (27, 48)
    assert q1.answer.startswith("Het kabinet gaat ervan uit dat in Irak langdurige internationale betrokkenheid")
    assert q1.answer.endswith("Nederland zal besluitvorming over vertrek ook altijd in samenspraak met bondgenoten doen.")


def test_lines_that_begin_with_a_number_continue_their_sentence(reference):
    assert "Irak na 31 december 2023 zal uw Kamer voor het zomerreces" in reference.question("5").answer
    assert "(Kamerstuk 29 521, nr. 44), is een redeployment van deze force protection-eenheid" in (
        reference.question("28").answer
    )
    assert "ging circa 12 miljoen euro naar opvang in de regio" in reference.question("62").answer
    assert "laatste fase – normalise" in reference.question("4").answer  # "2020 in de vierde ..."


def test_numbered_list_stays_in_answer_8_as_list_items(reference):
    answer = reference.question("8").answer
    lines = answer.split("\n")
    assert (
        "1. de Target Support Cell (werkt vanuit Nederland): deze eenheid bestaat uit negen militairen "
        "en wordt per 1 januari 2023 stopgezet." in lines
    )
    assert (
        "2. de force protection van Erbil International Airport: de bijdrage met een compagnie van circa "
        "honderdvijftig militairen wordt per 1 juni 2023 stopgezet." in lines
    )
    item = lines.index(next(line for line in lines if line.startswith("1. de Target")))
    assert lines[item - 1] == "Er worden twee elementen van de Nederlandse bijdrage aan OIR stopgezet:"
    assert lines[item + 1].startswith("2. de force protection")
    assert reference.question("9").text.startswith("Welke voorbereidingen")


def test_paragraphs_are_separated_by_one_blank_line(reference):
    paragraphs = reference.question("8").answer.split("\n\n")
    assert paragraphs[0] == (
        "De missie Operation Inherent Resolve (OIR) eindigt niet; alleen de Nederlandse bijdrage wijzigt:"
    )
    assert paragraphs[2] == (
        "Er blijven circa twintig militairen en adviseurs betrokken bij OIR, onder andere op de diverse "
        "regionale hoofdkwartieren."
    )
    for text in all_text_fields(reference):
        assert "\n\n\n" not in text and "  " not in text and text == text.strip()


def test_page_break_inside_a_sentence_is_a_soft_wrap(reference):
    # Answer 21: "... overkoepelende meetbare" / (blank) "1" / " doelstellingen op te stellen."
    assert "overkoepelende meetbare doelstellingen op te stellen. Eerder dit jaar" in reference.question("21").answer
    assert "opvang van ontheemden en migranten, mensensmokkel en -handel" in reference.question("25").answer
    assert reference.question("34").text.endswith("in het kader van een mogelijke extra bijdrage aan de NMI?")


def test_hyphenated_compounds_wrapped_at_the_hyphen_are_rejoined(reference):
    assert reference.question("14").text.startswith("Wat is de stand van zaken in gevangeniskampen zoals Al-Hol waar veel ISIS-strijders")
    assert "stabilisatie- en ontwikkelingsinzet" in reference.question("3").answer


PAGES = {
    **{n: 1 for n in range(21, 27)},
    **{n: 2 for n in range(27, 32)},
    **{n: 3 for n in range(32, 38)},
    **{n: 4 for n in range(38, 44)},
    44: 5,
    45: 5,
    46: 6,
    47: 7,
    48: 8,
    49: 8,
    **{n: 9 for n in range(50, 54)},
    **{n: 11 for n in range(54, 57)},
    **{n: 12 for n in range(57, 61)},
    62: 12,
}


def test_page_references(reference):
    found = {int(q.number): q.page_from for q in reference.questions if q.page_from is not None}
    assert found == PAGES
    assert all(q.page_to is None for q in reference.questions)
    assert all(q.attachment is None for q in reference.questions)


def test_page_numbers_glued_to_a_line_end_leave_the_text(reference):
    assert reference.question("50").text == (
        "Hoe hoog zijn de risico's, daar waar in de brief uitdrukkingen gebruikt worden als "
        "“in toenemende mate” en “er kan niet worden uitgesloten dat”?"
    )
    assert reference.question("62").text == (
        "Welk bedrag is Nederland voornemens om in 2023 in totaal te besteden aan ontwikkelingssamenwerking "
        "in en ten behoeve van Irak?"
    )
    # "einddatum 31 " + "december 2023": a date, not a page cell.
    assert "over de einddatum 31 december 2023 en hebben ze een plan" in reference.question("5").text
    assert reference.question("5").page_from is None


REFERENCES = {
    "7": ("5",),
    "9": ("5",),
    "12": ("38",),
    "18": ("17",),
    "26": ("25",),
    "30": ("20",),
    "33": ("10",),
    "36": ("3",),
    "37": ("3",),
    "45": ("10", "33"),
    "55": ("25",),
    "63": ("3", "25"),
}


def test_cross_references(reference):
    found = {q.number: q.refers_to for q in reference.questions if q.refers_to}
    assert found == REFERENCES


def test_metadata(reference):
    meta = reference.meta
    assert meta.kind == "Lijst van vragen en antwoorden"
    assert meta.dossier == "27925"
    assert meta.number is None  # "nr." is still blank in this draft
    assert meta.title == (
        "Verlenging van de Nederlandse bijdrage aan de anti-ISIS-coalitie en de brede veiligheidsinzet in Irak in 2023"
    )
    assert meta.vastgesteld is None  # "(wordt door griffie ingevuld als antwoorden er zijn)"
    assert meta.committee == "vaste commissie voor Buitenlandse Zaken"
    assert meta.addressee == "minister van Buitenlandse Zaken"
    assert meta.letter_date == date(2022, 10, 28)
    assert meta.about == kamerqa.KamerstukRef("27925", "919")
    assert meta.chair == "Heerema"
    assert meta.clerk == "Westerhoff"
    assert meta.layout == "table"
    assert meta.intro.startswith("De vaste commissie voor Buitenlandse Zaken heeft een aantal vragen voorgelegd")
    assert meta.intro.endswith("gegeven antwoorden zijn hierbij afgedrukt.")


def test_page_footer_and_lone_page_numbers_are_in_no_text_field(reference):
    for text in all_text_fields(reference):
        assert "Totaallijst" not in text
        assert "12/15" not in text
        assert "(27925, nr. 919) 12" not in text
        for line in text.split("\n"):
            assert not re.fullmatch(r"\d{1,3}", line.strip()), text[:60]
    assert reference.question("54").answer.endswith("werkt vanuit het Consulaat-Generaal te Erbil.")
    assert reference.question("55").text.startswith("Hoe ziet de migratiesamenwerking")


def test_footnote_belongs_to_question_42_and_leaves_answer_44(reference):
    assert reference.footnotes == (
        kamerqa.Footnote(marker="1", text="https://rsf.org/en/country/iraq", question="42", line=648, field="answer", offset=362, entry=41),
    )
    answer42 = reference.question("42").answer
    # the marker stays in the text as printed; the footnote says which marker it is
    assert "de politieke invloed op de media.1 In de bilaterale contacten" in answer42
    assert answer42[362:].startswith("1 In de bilaterale")  # the footnote's offset
    answer44 = reference.question("44").answer
    assert answer44.startswith("Het kabinet schat het aantal Russen")
    assert "rsf.org" not in answer44


def test_trailing_fragments_become_diagnostics_not_answer_63(reference):
    assert reference.question("63").answer == "Zie de antwoorden op vragen 3 en 25."
    assert reference.question("63").lines.last == 938
    repeats = [(d.line, d.message) for d in reference.diagnostics if d.code == "duplicate-fragment"]
    assert repeats == [
        (939, "repeats the answer to question 29"),
        (941, "repeats the answer to question 52"),
        (942, "repeats the answer to question 56"),
    ]
    label = [d for d in reference.diagnostics if d.line == 940]
    assert [(d.code, d.severity) for d in label] == [("stray-label", Severity.WARNING)]
    fragment = next(d for d in reference.diagnostics if d.line == 942)
    assert fragment.text.startswith("Ja. De positie van militaire adviseur bij het Peshmerga Reform")


def test_diagnostics_are_exactly_the_fragments(reference):
    assert [d.line for d in reference.diagnostics] == [939, 940, 941, 942]


def test_nothing_is_lost(reference_analysis, reference_text):
    assert reference_analysis.unaccounted() == []
    non_blank = [n for n, line in enumerate(reference_text.split("\n"), start=1) if line.strip()]
    assert all(reference_analysis.roles.get(n) for n in non_blank)
    assert len(non_blank) == 753  # 943 lines, 190 of them blank


def test_the_conservation_check_notices_a_lost_line(reference_analysis):
    # Tamper with the result: drop the last sentence of answer 1, then forget line 25's role.
    doc = reference_analysis.document
    q1 = doc.question("1")
    shortened = q1.answer.rsplit(" Nederland zal", 1)[0]
    import attrs

    tampered = attrs.evolve(
        reference_analysis,
        document=attrs.evolve(doc, questions=(attrs.evolve(q1, answer=shortened), *doc.questions[1:])),
    )
    assert tampered.unaccounted() == [47, 48]
    roles = dict(reference_analysis.roles)
    del roles[25]
    assert attrs.evolve(reference_analysis, roles=roles).unaccounted() == [25]


@pytest.mark.parametrize("variant", ["crlf", "cr", "bom", "no-final-newline"])
def test_line_endings_and_bom_give_the_same_document(reference, reference_text, variant, tmp_path):
    data = {
        "crlf": reference_text.replace("\n", "\r\n").encode(),
        "cr": reference_text.replace("\n", "\r").encode(),
        "bom": b"\xef\xbb\xbf" + reference_text.encode(),
        "no-final-newline": reference_text.rstrip("\n").encode(),
    }[variant]
    path = tmp_path / "lijst.txt"
    path.write_bytes(data)
    assert kamerqa.parse_file(path) == reference


def test_the_conservation_check_reads_a_numbered_line_by_the_text_the_parser_took(reference_analysis):
    # Issue 14 (6): the check stripped labels with patterns of its own; it now
    # reads the piece of the line the parser took as text.  Cutting the last
    # word of question 1 (on the line that also holds its number) is noticed.
    import attrs

    doc = reference_analysis.document
    q1 = doc.question("1")
    first_line = q1.lines.first
    assert first_line in reference_analysis.pieces
    [(start, end)] = reference_analysis.pieces[first_line]
    line = reference_analysis.lines[first_line - 1]
    assert line[:start].strip() == "1"  # the number, lifted
    assert line[start:end] == "Is er een exit-strategie van de Nederlandse bijdrage en zo ja, wat behelst die?"
    cut = attrs.evolve(q1, text=q1.text.removesuffix(" die?"))
    assert cut.text != q1.text
    tampered = attrs.evolve(reference_analysis, document=attrs.evolve(doc, questions=(cut, *doc.questions[1:])))
    assert tampered.unaccounted() == [first_line]
