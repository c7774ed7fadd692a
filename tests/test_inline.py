"""Old prints whose questions come first (kamerqa.inline and the answers
after the questions): inline numbers, the "Antwoord" heading, answers paired
by number, joint and range answer labels, and an answer no question has."""

from __future__ import annotations

import kamerqa
from kamerqa.inline import split_inline_numbers
from kamerqa.parsing import analyse

PRINT = """Aanhangsel van de Handelingen
460
Vragen van de leden Hermes en Van de Camp (beiden CDA.) over de toelatingsnormen. (Ingezonden 1 maart 1988)
1 Is het waar dat de inspectie dat criterium hanteert? 2 Is het u bekend, dat de brief andere normen vermeldt?
3 Indien vraag 2 bevestigend wordt beantwoord, wat is de reden? 4 Bent u van oordeel dat de normen bekend moeten zijn?
Antwoord
Antwoord van staatssecretaris Ginjaar-Maas (Onderwijs en Wetenschappen). (Ontvangen 11 april 1988)
1 Het criterium is niet gehanteerd. 2 In de bewuste brief worden geen normen vermeld. 3 en 4 Niet van toepassing.
"""


def test_questions_first_then_answers_by_number():
    doc = kamerqa.parse(PRINT)
    assert [(q.number, q.answer) for q in doc.questions] == [
        ("1", "Het criterium is niet gehanteerd."),
        ("2", "In de bewuste brief worden geen normen vermeld."),
        ("3 en 4", "Niet van toepassing."),
    ]
    joint = doc.question("3 en 4")
    assert joint.covers == ("3", "4")
    assert joint.parts == ("Indien vraag 2 bevestigend wordt beantwoord, wat is de reden?", "Bent u van oordeel dat de normen bekend moeten zijn?")
    assert doc.meta.answered_by == "staatssecretaris Ginjaar-Maas (Onderwijs en Wetenschappen)"
    assert analyse(PRINT).unaccounted() == []


def test_an_answer_whose_number_no_question_has_is_kept():
    text = PRINT.replace("3 en 4 Niet van toepassing.", "7 Niet van toepassing.")
    doc = kamerqa.parse(text)
    unpaired = [d for d in doc.diagnostics if d.code == "unpaired-answer"]
    assert len(unpaired) == 1 and unpaired[0].text == "7 Niet van toepassing."
    assert analyse(text).unaccounted() == []


def test_answers_under_their_questions_are_no_questions_first_print():
    text = "1 Is dat zo?\nAntwoord\nJa.\n2 En dit?\nAntwoord\nNee.\n"
    assert split_inline_numbers(text) is None
    assert [q.answer for q in kamerqa.parse(text).questions] == ["Ja.", "Nee."]


def test_one_question_with_an_answer_label_is_no_questions_first_print():
    text = "1 Vraag?\nAntwoord\nEen.1 Twee.2\n1 Eerste noot\n2 Tweede noot\n"
    assert split_inline_numbers(text) is None
    assert kamerqa.parse(text).question("1").answer == "Een.1 Twee.2"


DEFERRED = """Aanhangsel van de Handelingen
885
Vragen van het lid Van Kuijen (P.P.R.) over een bestrijdingsmiddel. (Ingezonden 23 februari 1977)
1 Is het middel gebruikt, en zal dat ook dit jaar gebeuren?
2 Is het waar, dat er sporen van dioxine in zitten?
3 Is het u bekend, dat er grote bezwaren zijn?
Is het waar, dat het middel in Zweden is verboden?
5 Is het niet gewenst het gebruik te staken? 6 Is het juist, dat er onderzoek is verricht? 7 Bent u bereid het te bevorderen?
Mededeling
Mededeling van Minister Van der Stee (Landbouw en Visserij). (Ontvangen 30 maart 1977)
Hierbij bericht ik u dat de beantwoording zo spoedig mogelijk zal plaatsvinden.
"""


def test_a_print_of_questions_only_has_its_inline_numbers_split_and_a_lost_number_kept():
    doc = kamerqa.parse(DEFERRED)
    assert [q.number for q in doc.questions] == ["1", "2", "3", None, "5", "6", "7"]
    assert doc.questions[3].text == "Is het waar, dat het middel in Zweden is verboden?"
    assert all(q.answer is None for q in doc.questions)
    assert doc.meta.mededeling == "Hierbij bericht ik u dat de beantwoording zo spoedig mogelijk zal plaatsvinden."
    lost = [d for d in doc.diagnostics if d.code == "question-number-lost"]
    assert [(d.line, d.expected) for d in lost] == [(7, "4")]
    assert not any(d.code == "numbering-gap" for d in doc.diagnostics)


def test_a_number_printed_elsewhere_is_not_lost_and_two_places_are_a_guess():
    # "4" printed later (out of order): the gap is no lost number.
    later = DEFERRED.replace("7 Bent u bereid", "4 Bent u bereid")
    assert None not in [q.number for q in kamerqa.parse(later).questions]
    # Two lines that could start question 4: none is chosen, the gap is reported.
    two = DEFERRED.replace("Is het waar, dat het middel", "Is dat zo?\nIs het waar, dat het middel")
    doc = kamerqa.parse(two)
    assert None not in [q.number for q in doc.questions]
    assert any(d.code == "numbering-gap" for d in doc.diagnostics)


def test_a_mededeling_with_an_answer_elsewhere_is_no_print_of_questions_only():
    answered = DEFERRED.replace("Mededeling\n", "Antwoord\nJa.\nMededeling\n")
    assert split_inline_numbers(answered) is None
    assert split_inline_numbers(DEFERRED) is not None


def test_a_mededeling_heading_over_two_lines_is_one_heading():
    doc = kamerqa.parse(DEFERRED)  # "Mededeling" / "Mededeling van X. (Ontvangen D)": two lines, as printed in 1992
    assert doc.meta.mededeling == "Hierbij bericht ik u dat de beantwoording zo spoedig mogelijk zal plaatsvinden."
    assert doc.meta.mededeling_by == "Minister Van der Stee (Landbouw en Visserij)"
    one_line = DEFERRED.replace("Mededeling\nMededeling van", "Mededeling Mededeling van")  # as printed in 1977
    assert kamerqa.parse(one_line).meta.mededeling == doc.meta.mededeling


def test_a_note_on_one_question_after_the_last_question_is_the_toelichting():
    noted = DEFERRED.replace("Mededeling\n", "Toelichting bij vraag 4: Zie 'Das Tier', maart 1974.\nMededeling\n", 1)
    doc = kamerqa.parse(noted)
    assert doc.meta.toelichting == "bij vraag 4: Zie 'Das Tier', maart 1974."  # which question it is about stays
    assert doc.questions[-1].text == "Bent u bereid het te bevorderen?"
    assert doc.meta.mededeling == "Hierbij bericht ik u dat de beantwoording zo spoedig mogelijk zal plaatsvinden."


COMMITTEE_LIST = """Vergaderjaar 1988-1989
20 916
Machtiging tot deelneming door de Staat
Nr. 7
LIJST VAN VRAGEN Vastgesteld 7 maart 1989
De vaste Commissie voor Financiën zou gaarne een spoedig antwoord ontvangen op de volgende vragen.
Algemeen 1. Was het resultaat reeds bekend? Waarom is daarvan geen mededeling gedaan?
2. Waarom drong de minister aan op snelle stemming?
Conclusies van het onderzoek
3. Hoe zien de hoofdlijnen eruit?
4. Welke periode zal de eerste fase beslaan? 5. Hoe wordt de consument beschermd?
"""


def test_a_committees_list_of_questions_has_no_answers_and_its_numbers_are_split():
    doc = kamerqa.parse(COMMITTEE_LIST)
    assert [(q.number, q.answer) for q in doc.questions] == [(str(n), None) for n in range(1, 6)]
    assert doc.questions[0].text == "Was het resultaat reeds bekend? Waarom is daarvan geen mededeling gedaan?"
    assert doc.questions[3].text == "Welke periode zal de eerste fase beslaan?"  # "4." under "3.": the next question, no list item


def test_a_list_of_questions_and_answers_is_no_list_of_questions():
    answered = COMMITTEE_LIST.replace("LIJST VAN VRAGEN", "LIJST VAN VRAGEN EN ANTWOORDEN")
    assert split_inline_numbers(answered) is None
    assert split_inline_numbers(COMMITTEE_LIST) is not None


def test_a_number_ocr_put_at_the_end_of_the_line_before_its_question_starts_it():
    # "... te staken? 7" / "Bent u bereid ...": the number belongs to the next line's question.
    moved = DEFERRED.replace("? 7 Bent u bereid", "? 7\nBent u bereid")
    doc = kamerqa.parse(moved)
    assert [q.number for q in doc.questions] == ["1", "2", "3", None, "5", "6", "7"]
    assert doc.questions[-1].text == "Bent u bereid het te bevorderen?"
    # "Nr. 7" at the end of a line is no question number: only a number after a "?" is cut off
    assert split_inline_numbers(moved.replace("885\n", "Nr. 7\n")).text.count("Nr. 7\n") == 1


def test_a_print_of_questions_only_needs_two_numbered_lines_before_its_mededeling():
    lines = DEFERRED.split("\n")
    two = "\n".join(lines[:5] + lines[-4:])  # questions 1 and 2, then the Mededeling
    one = "\n".join(lines[:4] + lines[-4:])  # question 1 alone
    assert "Mededeling van" in two and split_inline_numbers(two) is not None
    assert split_inline_numbers(one) is None


GLUED = """Aanhangsel van de Handelingen
200
Vragen van het lid Wolffensperger (D66) over opsluiting van asielzoekers. (Ingezonden 20 november 1992)
1Worden asielzoekers opgesloten in isoleercellen?
2Is opsluiting het gevolg van cellentekort?
Wordt van de afkoelruimtes geen gebruik gemaakt? 4Deelt u de mening, dat dit anders moet?
5Bent u bereid maatregelen te treffen?
Antwoord
Antwoord van staatssecretaris Kosto (Justitie). (Ontvangen 7 december 1992)
1 Ja.
Als regel wordt het gedrag als een bedreiging beoordeeld. 3Van deze mogelijkheid wordt gebruik gemaakt.
4 en 5 Ja.
"""


def test_numbers_ocr_glued_to_their_first_word_and_numbers_lost_on_one_side():
    doc = kamerqa.parse(GLUED)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Worden asielzoekers opgesloten in isoleercellen?", "Ja."),
        ("2", "Is opsluiting het gevolg van cellentekort?", "Als regel wordt het gedrag als een bedreiging beoordeeld."),
        # the question lost its number, its answer kept it: the entry has it
        ("3", "Wordt van de afkoelruimtes geen gebruik gemaakt?", "Van deze mogelijkheid wordt gebruik gemaakt."),
        ("4 en 5", "Deelt u de mening, dat dit anders moet?\n\nBent u bereid maatregelen te treffen?", "Ja."),
    ]
    codes = [(d.code, d.expected) for d in doc.diagnostics]
    assert ("question-number-lost", "3") in codes and ("answer-number-lost", "2") in codes
    assert not analyse(GLUED).unaccounted()
    # a number glued to a capital inside a sentence ("COVID19Maatregel") is no question number
    assert "COVID19Maatregel?" in split_inline_numbers(GLUED.replace("cellentekort?", "COVID19Maatregel?")).text


def test_a_glued_number_whose_word_ocr_split_is_cut_off_too():
    # "4Z o neen" (Z glued, the word split), "2I" / "s dit" (the word split across the line break)
    split = GLUED.replace("2Is opsluiting", "2I\ns opsluiting").replace("4Deelt u", "4D eelt u")
    doc = kamerqa.parse(split)
    assert [q.number for q in doc.questions] == ["1", "2", "3", "4 en 5"]
    assert doc.questions[1].text == "I s opsluiting het gevolg van cellentekort?"
    assert doc.questions[3].parts[0] == "D eelt u de mening, dat dit anders moet?"


ANSWERS_ONLY = """Tweede Kamer der Staten-Generaal
Vergaderjaar 1990-1991
21 800 V
Nr. 30
LIJST VAN ANTWOORDEN Ontvangen 5 december 1990
1 De politieke functie van de NAVO is groot. 2 De Franse regering wordt alleen op politiek niveau betrokken. 3, 4 en 5 De herziening is in volle gang.
"""


def test_a_list_of_answers_only_has_its_inline_numbers_split():
    # Old prints of answers only run several answers into one paragraph too.
    from kamerqa.parsing import analyse

    analysis = analyse(ANSWERS_ONLY)
    doc = analysis.document
    assert [(q.number, q.answer) for q in doc.questions] == [
        ("1", "De politieke functie van de NAVO is groot."),
        ("2", "De Franse regering wordt alleen op politiek niveau betrokken."),
        ("3, 4 en 5", "De herziening is in volle gang."),
    ]
    assert doc.meta.kind == "Lijst van antwoorden"
    assert analysis.unaccounted() == []
