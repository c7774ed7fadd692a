"""Each pass of the post-lexer on its own (kamerqa/postlex/): the
pre-passes on small documents, and each line rule on one line of a state."""

from __future__ import annotations

import pytest

from kamerqa import vocabulary
from kamerqa.grammar import layout_parser
from kamerqa.postlex import ParseContext, PostLexer, blocks, passes, prepass


def _lines(text: str):
    return layout_parser("qa").scan(text)


def _state(text: str, form: str = "table", *, footers=frozenset(), prelude=frozenset()) -> passes.State:
    lines = _lines(text)
    lexer = PostLexer(ParseContext(), form)
    return passes.State(lexer, lines, set(footers), set(prelude), paragraphs=False)


def _offer(rule, state: passes.State, index: int) -> bool:
    lines = state.lines
    return rule(state, index, lines.kinds[index], lines.token(index))


def test_the_rules_run_in_the_documented_order():
    names = [rule.__name__ for rule in passes.LINE_RULES]
    assert names == [
        "page_furniture",
        "blank_line",
        "page_break",
        "prelude_line",
        "question_number",
        "footnote_body",
        "footnote_continuation",
        "question_start",
        "lone_number",
        "header_line",
        "list_line",
    ]


def test_page_furniture_takes_only_the_lines_the_pre_passes_found():
    state = _state("Een regel\nTotaallijst 3/15\n", footers={1})
    assert not _offer(passes.page_furniture, state, 0)
    assert _offer(passes.page_furniture, state, 1)
    assert [t.type for t in state.out] == ["FOOTER"]


def test_a_run_of_blank_lines_is_one_token():
    state = _state("\n\n\nx\n")
    assert all(_offer(passes.blank_line, state, i) for i in range(3))
    assert not _offer(passes.blank_line, state, 3)
    assert [t.type for t in state.out] == ["BLANK"]


@pytest.mark.parametrize(("form", "kind"), [("table", "PAGE_CELL"), ("labelled", "PAGE_NUMBER")])
def test_a_lone_number_is_the_tables_page_cell_and_a_page_number_elsewhere(form, kind):
    state = _state("12\n", form)
    assert _offer(passes.lone_number, state, 0)
    assert [(t.type, t.value) for t in state.out] == [(kind, "12")]


def test_a_footnote_body_needs_a_marker_waiting_for_it():
    state = _state("1 https://example.org\n")
    assert not _offer(passes.footnote_body, state, 0)  # no marker seen
    state.candidate = (0, 0, 1)
    state.out.append(state.lines.token(0))  # the text that holds the marker (stands in for it)
    assert _offer(passes.footnote_body, state, 0)
    assert state.out[-1].type == "FOOTNOTE_BODY" and state.note_text == "2"


def test_header_lines_are_read_only_before_the_first_question():
    state = _state("Voorzitter van de commissie,\nHeerema\n")
    assert _offer(passes.header_line, state, 0) and _offer(passes.header_line, state, 1)
    assert [t.type for t in state.out] == ["ROLE_LINE", "NAME_LINE"]
    state.in_header = False
    assert not _offer(passes.header_line, state, 1)


def test_the_question_start_rule_takes_the_next_number_only():
    from kamerqa.postlex.detect import shape_starts

    text = "1 Is dat zo?\nAntwoord\nJa.\n9 Niet de volgende.\n"  # 9: more than MAX_SKIP after 1
    state = _state(text)

    state.lexer.starts = shape_starts(state.lines, "table")
    for index in (0, 3):
        passes.question_number(state, index, state.lines.kinds[index], state.lines.token(index))
        taken = _offer(passes.question_start, state, index)
        assert taken == (index == 0)
    assert state.expected == 2 and [t.type for t in state.out][:2] == ["QUESTION_START", "TEXT"]


def test_the_prelude_is_a_title_before_the_header_that_ends_no_sentence():
    assert prepass.prelude(_lines("Tweede Kamer | Home\nZoeken\n\n27925- 919 Verlenging\n")) == {0, 1}
    assert prepass.prelude(_lines("Vragen van het lid X (ingezonden 3 juni 2024).\n12345 Iets\n")) == set()


def test_a_running_footer_needs_evidence_not_shape():
    one = "Irak krijgt 1/3\n\nDe rest gaat naar de regio.\n"
    assert prepass.footer_lines(_lines(one)) == set()
    twice = "1 Vraag?\n\nTotaallijst feitelijke vragen 1/2\n\n2 Vraag?\n\nTotaallijst feitelijke vragen 2/2\n"
    assert prepass.footer_lines(_lines(twice)) == {2, 6}  # one total on two pages


def test_the_answers_heading_of_a_print_whose_questions_come_first():
    text = "1. Is dat zo?\n\n2. En dit?\n\nAntwoord\n\n1. Ja.\n\n2. Nee.\n"
    lines = _lines(text)
    from kamerqa.postlex.detect import shape_starts

    starts = shape_starts(lines, "period")
    assert prepass.answers_heading(lines, starts, text) == 4
    labelled = "1. Is dat zo?\nAntwoord\nJa.\n\n2. En dit?\nAntwoord\nNee.\n"  # each answer under its question
    lines = _lines(labelled)
    assert prepass.answers_heading(lines, shape_starts(lines, "period"), labelled) is None


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("1) Orde van Advocaten.\n\n2) NOS.\n\n\n", 2),  # the notes end the letter, numbered from 1
        ("1) de eerste;\n2) de tweede.\n\n1) Orde van Advocaten.\n", 5),  # a list before them is no part of them
        ("1) Orde van Advocaten.\n3) NOS.\n", None),  # numbered 1, 3: no
        ("1) Orde van Advocaten.\nNog een zin.\n", None),  # text after them: no
    ],
)
def test_the_typed_footnotes_that_end_a_word_letter(tail, expected):
    lines = _lines("Antwoord\nJa.\n" + tail)
    assert prepass.typed_notes(lines) == expected


def test_link_targets_between_a_label_and_its_question_are_page_furniture():
    # Corpus 357: a PDF page's link annotations, extracted as text where the page broke off.
    import kamerqa

    text = "Vraag 1\nIs dat zo?\nAntwoord 1\nJa, zie https://www.cbs.nl/elders.\n\nVraag 2\nhttps://dashboards.sdgindex.org/nl\n\nhttps://www.cbs.nl/elders\n10/10\nAcht u dat geschikt?\nAntwoord 2\nNee.\n"
    lines = _lines(text)
    from kamerqa.postlex.detect import shape_starts

    assert prepass.link_debris(lines, shape_starts(lines, "labelled")) == {6, 8}
    doc = kamerqa.parse(text)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Is dat zo?", "Ja, zie https://www.cbs.nl/elders."),  # an address in the text stays
        ("2", "Acht u dat geschikt?", "Nee."),
    ]


def test_a_questions_first_print_with_its_questions_in_a_row():
    # Corpus 330 (1961): "1." and "2." without a blank line between them are
    # the questions, not a list inside question 1, where the answers follow
    # under their heading; the print's own number "3073." above is no question.
    import kamerqa

    text = (
        "3073. VRAGEN van de heer Egas (P.v.d.A.) over de gewassen. (Ingezonden 10 mei 1961.)\n"
        "1. Is het de Minister bekend, dat het zo is?\n"
        "2. Is het juist, dat het zo is?\n"
        "ANTWOORD van de heer Marijnen, Minister van Landbouw. (Ingezonden 7 juni 1961.)\n"
        "1. Op Schouwen laat de stand te wensen over.\n"
        "2. Het is niet juist.\n"
    )
    lines = _lines(text)
    from kamerqa.postlex.detect import shape_starts

    assert prepass.answers_heading(lines, shape_starts(lines, "period"), text) == 3
    doc = kamerqa.parse(text)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Is het de Minister bekend, dat het zo is?", "Op Schouwen laat de stand te wensen over."),
        ("2", "Is het juist, dat het zo is?", "Het is niet juist."),
    ]


@pytest.mark.parametrize("above", [prepass.HEADING_LINES - 1, prepass.HEADING_LINES])
def test_a_lone_page_counter_is_a_footer_when_it_names_the_heading_of_the_first_lines(above):
    # HEADING_LINES' boundary: the document's title is looked for in its first 40 lines.
    filler = "".join(f"regel {k} zonder betekenis\n" for k in range(above))
    text = filler + "Verlenging van de bijdrage aan de coalitie\n\n" + "x\n" * 3 + "\nVerlenging van de bijdrage aan de coalitie 2/3\n\n1 Vraag?\n"
    footers = prepass.footer_lines(_lines(text))
    counter = above + 6
    assert (counter in footers) == (above < prepass.HEADING_LINES)


def test_an_answer_whose_number_ocr_lost_is_read_from_the_numbers_around_it():
    # Corpus 328 (1976): "1 Ja." / "De aanvankelijk ..." / "3 In het kader ...".
    import kamerqa
    from kamerqa.parsing import analyse

    questions = "1 Is het waar?\n2 Waarom is dat zo?\n3 Wat kost het?\n"
    answers = "1 Ja.\nDe aanvankelijk gedachte recreatie past niet.\n3 In het kader van de verkaveling is geld gegeven.\n"
    analysis = analyse(questions + "Antwoord\nAntwoord van Staatssecretaris Meijer (CRM). (Ontvangen 19 november 1976)\n" + answers)
    doc = analysis.document
    assert [(q.number, q.answer) for q in doc.questions] == [
        ("1", "Ja."),
        ("2", "De aanvankelijk gedachte recreatie past niet."),
        ("3", "In het kader van de verkaveling is geld gegeven."),
    ]
    [lost] = [d for d in doc.diagnostics if d.code == "answer-number-lost"]
    assert (lost.expected, lost.line) == ("2", 7)
    assert analysis.unaccounted() == []
    # where the numbers run on (2 printed), nothing is read into them
    printed = kamerqa.parse(questions + "Antwoord\n" + answers.replace("De aanvankelijk", "2 De aanvankelijk"))
    assert not [d for d in printed.diagnostics if d.code == "answer-number-lost"]


@pytest.mark.parametrize("filler", [blocks.LOST_REACH - 2, blocks.LOST_REACH - 1])
def test_a_lost_answer_number_is_read_only_when_the_next_answer_is_near(filler):
    # LOST_REACH's boundary: the next numbered answer (3) must stand fewer
    # than LOST_REACH lines below the line that would start answer 2.
    import kamerqa

    questions = "1 Is het waar?\n2 Waarom is dat zo?\n3 Wat kost het?\nAntwoord\n"
    answers = "1 Ja.\nDe aanvankelijk gedachte recreatie past niet,\n" + "en verder nog meer tekst,\n" * filler + "3 Het geld is gegeven.\n"
    doc = kamerqa.parse(questions + answers)
    lost = [d.expected for d in doc.diagnostics if d.code == "answer-number-lost"]
    assert lost == (["2"] if filler <= blocks.LOST_REACH - 2 else [])
    assert [q.number for q in doc.questions if q.answer] == (["1", "2", "3"] if lost else ["1", "3"])


def test_a_mededeling_is_found_when_the_word_also_stands_later_in_capitals():
    # The search began at the later of "\nMededeling" and "\nMEDEDELING", and
    # so missed a heading before a later word in capitals.
    text = (
        "Vragen van het lid Dijk (SP) aan de minister over de kosten (ingezonden 1 mei 2024).\n"
        "Vraag 1\nIs dat zo?\nVraag 2\nEn dit?\n"
        "Mededeling\nDe vragen kunnen niet binnen de termijn worden beantwoord.\nMEDEDELING AAN DE PERS volgt\n"
    )
    lines = _lines(text)
    from kamerqa.postlex.detect import shape_starts

    assert prepass.mededeling(lines, shape_starts(lines, "labelled"), text) == 5


_ANSWERS_LIST = "Vergaderjaar 1990-1991\n21 800 V\nNr. 30\nLIJST VAN ANTWOORDEN1 Ontvangen 5 december 1990\n"


@pytest.mark.parametrize("below", [prepass.ANSWERS_LIST_REACH, prepass.ANSWERS_LIST_REACH + 1])
def test_the_heading_of_a_list_of_answers_only_has_its_first_answer_right_under_it(below):
    # ANSWERS_LIST_REACH's boundary: the first numbered answer stands at most that many lines under the heading.
    text = _ANSWERS_LIST + "Toelichting van de minister.\n" * (below - 1) + "1 Ja, dat is zo.\n2 Nee.\n"
    found = prepass.answers_list(_lines(text), text)
    assert found == (3 if below <= prepass.ANSWERS_LIST_REACH else None)


def test_a_list_of_answers_only_is_no_list_of_questions():
    # "LIJST VAN ANTWOORDEN" in a sentence, or a list of questions and answers, is no such heading.
    for text in (
        "21 800 V\nZie de LIJST VAN ANTWOORDEN van gisteren.\n1 Is dat zo?\nAntwoord\nJa.\n",
        "21 800 V\nLIJST VAN VRAGEN EN ANTWOORDEN\n1 Is dat zo?\nJa.\n",
    ):
        assert prepass.answers_list(_lines(text), text) is None


def test_a_list_of_answers_only():
    # Corpus 346 (1990): the questions were printed as another paper; the
    # heading's footnote body stands between two answers and is no answer 1
    # again; a paragraph whose number the print lost, with answer 2 printed
    # nowhere, is an answer of its own without a number; a joint answer has
    # an empty part for each question it answers.
    import kamerqa
    from kamerqa.parsing import analyse

    text = (
        _ANSWERS_LIST + "1 Het overleg is in volle gang.\n1 De lijst van vragen is gedrukt onder nummer 24.\n"
        "De Franse regering is alleen op politiek niveau betrokken.\n"
        "3, 10 en 11 De herziening is in volle gang; zie het antwoord op vraag 1.\n"
    )
    analysis = analyse(text)
    doc = analysis.document
    assert doc.meta.kind == "Lijst van antwoorden"
    assert [(q.number, q.text, q.answer, q.covers, q.parts) for q in doc.questions] == [
        ("1", "", "Het overleg is in volle gang.", ("1",), ()),
        (None, "", "De Franse regering is alleen op politiek niveau betrokken.", (), ()),
        ("3, 10 en 11", "", "De herziening is in volle gang; zie het antwoord op vraag 1.", ("3", "10", "11"), ("", "", "")),
    ]
    assert [(q.lines.first, q.lines.last, q.answer_lines) for q in doc.questions] == [
        (5, 6, doc.questions[0].lines),
        (7, 7, doc.questions[1].lines),
        (8, 8, doc.questions[2].lines),
    ]
    assert doc.questions[2].refers_to == ("1",)
    [note] = doc.footnotes
    assert (note.marker, note.text, note.question, note.line) == ("1", "De lijst van vragen is gedrukt onder nummer 24.", None, 6)
    assert [(d.code, d.line, d.expected) for d in doc.diagnostics] == [("answer-number-lost", 7, "2")]
    assert analysis.unaccounted() == []
    # its questions are in the other paper: no answer is "unpaired", no question "unanswered"
    assert kamerqa.parse(text, strict=True).questions == doc.questions


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("016112 F ISSN0921 -7371 SDU uitgevenj '", True),  # an old print's printer's line, OCR split after the apostrophe
        ("s-Gravenhage 1990", True),
        ("265912F ISSN 0921 7398 Sdu Uitgevenj Plantijnstraat 's Gravenhage 1992", True),
        ("Tweede Kamer, vergaderjaar 1990-1991, 21 800 V en X, nr. 30", True),  # an old kamerstuk's running footer
        ("Tweede Kamer, vergaderjaar 1988-1989, 20 800, hfdst. XIV, nr. 16", True),
        ("ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1", True),
        ("In 's-Gravenhage 1990 was het druk.", False),  # the place in a sentence
        ("'s-Gravenhage, 12 maart 1990", False),  # a letter's place and date
        ("Tweede Kamer, vergaderjaar 1990-1991, 21 800 V, nr. 30 en de antwoorden daarop.", False),
    ],
)
def test_publication_footers_of_old_prints(line, furniture):
    from kamerqa.furniture import publication_footer_lines, publication_footers

    text = f"1 Is dat zo?\n{line}\nJa.\n"
    assert (1 in publication_footers(text.split("\n"), publication_footer_lines(text))) == furniture


def test_a_list_of_answers_only_reads_back_from_every_report():
    import kamerqa
    from kamerqa.exporters.txt import render

    from .fuzzing import check_exports

    text = (
        "Vergaderjaar 1990-1991\n21 800 V (NAVO-deel)\n21 800 X (NAVO-deel)\n"
        "Vaststelling van hoofdstuk V voor het jaar 1991\nVaststelling van hoofdstuk X voor het jaar 1991\nNr. 30\n"
        + _ANSWERS_LIST.split("\n", 3)[3]
        + "1 Het overleg is in volle gang.\nDe Franse regering is alleen op politiek niveau betrokken.\n3 en 4 Nee.\n"
    )
    doc = kamerqa.parse(text)
    assert [q.number for q in doc.questions] == ["1", None, "3 en 4"]
    check_exports(doc)
    again = kamerqa.parse(render(doc))
    assert [(q.number, q.text, q.answer) for q in again.questions] == [(q.number, q.text, q.answer) for q in doc.questions]
    assert (again.meta.kind, again.meta.dossier, again.meta.title) == (doc.meta.kind, doc.meta.dossier, doc.meta.title)


@pytest.mark.parametrize("before", [vocabulary.ANSWERS_LIST_HEAD - 50, vocabulary.ANSWERS_LIST_HEAD])
def test_the_heading_of_a_list_of_answers_only_stands_in_the_documents_head(before):
    # ANSWERS_LIST_HEAD's boundary: the heading is the kind line under the title, looked for in the first 3,000 characters.
    line = "Een regel van de titel die steeds weer terugkomt.\n"  # 50 characters
    assert len(line) == 50 and before % 50 == 0
    text = line * (before // 50) + "LIJST VAN ANTWOORDEN\n1 Ja, dat is zo.\n"
    assert text.index("LIJST") == before
    found = prepass.answers_list(_lines(text), text)
    assert found == (before // 50 if before < vocabulary.ANSWERS_LIST_HEAD else None)


def _marker_on_its_line(gap: int) -> str:
    """PyPDF2 text of a Kamervraag: the marker "1" on a line of its own under
    its question, its body "1NOS, ..." ``gap`` lines further down."""
    return (
        "Vraag 1\nBent u bekend met het bericht «Wachttijden ggz»?\n1\n"
        "Vraag 2\nKlopt het dat de informatie bij de NZa wordt aangeboden?\n"
        + "".join(f"En verder regel {k} van de vraag.\n" for k in range(gap - 3))
        + "1NOS, 22 oktober 2024, «Wachttijden ggz»\nVraag 3\nWat doet de NZa daarmee?\n"
    )


def test_markers_on_lines_of_their_own_may_stand_before_the_first_body():
    # Corpus 326: "...?" / "1", "...?" / "2", then the bodies "1..." and "2...".
    import kamerqa

    text = (
        "Vraag 1\nBent u bekend met het artikel?\n1\nAntwoord 1\nJa.\n"
        "Vraag 2\nWat vindt u van het pakket?\n2\nAntwoord 2\nEr zijn afspraken gemaakt.\n"
        "1EenVandaag, 30 april\n2Dolfinarium, «In het water bij dolfijnen»\n"
    )
    doc = kamerqa.parse(text)
    assert [(f.marker, f.question, f.text) for f in doc.footnotes] == [
        ("1", "1", "EenVandaag, 30 april"),
        ("2", "2", "Dolfinarium, «In het water bij dolfijnen»"),
    ]
    assert doc.question("2").answer == "Er zijn afspraken gemaakt."


@pytest.mark.parametrize("body", [True, False])
def test_a_marker_at_the_start_of_the_line_under_its_sentence(body):
    # Corpus 361: "... onder vuur»?" / "1 Herkent u" / "de aard ...?": the
    # marker of the sentence above, where body 1 follows; without a body it
    # is the text it seems (and never a question of the labelled layout).
    import kamerqa

    text = (
        "Vraag 1\nBent u bekend met het artikel «Om 22.00 uur naar bed»?\n1 Herkent u\nde aard van de klachten?\n"
        "Antwoord 1\nJa.\nVraag 2\nHoeveel aanbieders zijn er?\n2 Hoe wordt verantwoording afgelegd?\n"
        + ("1AD (2024). «Om 22.00 uur naar bed»\n2wetten.nl – Regeling\n" if body else "")
        + "Antwoord 2\nVeertig.\n"
    )
    doc = kamerqa.parse(text)
    assert [q.number for q in doc.questions] == ["1", "2"]
    assert doc.question("1").text == "Bent u bekend met het artikel «Om 22.00 uur naar bed»? 1 Herkent u de aard van de klachten?"
    assert doc.question("2").text == "Hoeveel aanbieders zijn er? 2 Hoe wordt verantwoording afgelegd?"
    if body:
        assert [(f.marker, f.question, f.text) for f in doc.footnotes] == [
            ("1", "1", "AD (2024). «Om 22.00 uur naar bed»"),
            ("2", "2", "wetten.nl – Regeling"),
        ]
    else:
        assert doc.footnotes == ()
    # Under "... als volgt:" a numbered line opens a list, body below or not.
    listed = text.replace("«Om 22.00 uur naar bed»?\n1 Herkent u", "«Om 22.00 uur naar bed» als volgt:\n1 Herkent u")
    assert [f.marker for f in kamerqa.parse(listed).footnotes] == []


@pytest.mark.parametrize("gap", [passes.MARKER_LINE_REACH, passes.MARKER_LINE_REACH + 1])
def test_a_marker_on_a_line_of_its_own_is_one_where_its_body_follows(gap):
    # MARKER_LINE_REACH's boundary: the body opens a line at most that many
    # lines below the marker; further down the lone number is a page number.
    import kamerqa
    from kamerqa.parsing import analyse

    text = _marker_on_its_line(gap)
    lines = text.split("\n")
    assert lines.index("1NOS, 22 oktober 2024, «Wachttijden ggz»") - lines.index("1") == gap
    analysis = analyse(text)
    doc = analysis.document
    if gap <= passes.MARKER_LINE_REACH:
        assert [(f.marker, f.question, f.text) for f in doc.footnotes] == [("1", "1", "NOS, 22 oktober 2024, «Wachttijden ggz»")]
        assert doc.question("1").text == "Bent u bekend met het bericht «Wachttijden ggz»? 1"
        assert "NOS" not in doc.question("2").text
    else:
        assert doc.footnotes == ()
        assert doc.question("1").text == "Bent u bekend met het bericht «Wachttijden ggz»?"  # "1": the page number
        assert 3 in analysis.roles and ("layout", "page-number") in analysis.roles[3]
    assert analysis.unaccounted() == []
    assert kamerqa.parse(text.replace("»?\n1\n", "»?\n2\n")).footnotes == ()  # not the next footnote's number
