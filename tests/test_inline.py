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
