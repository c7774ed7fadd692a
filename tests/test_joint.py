"""Splitting a joint question's text into its questions (kamerqa.joint)."""

from __future__ import annotations

import pytest

import kamerqa
from kamerqa.joint import MIN_WORDS, split_parts


def test_each_question_of_a_joint_label_is_a_part():
    doc = kamerqa.parse(
        "Vraag 1 en 2\nDeelt u de zorg over de grens?\nHoe bereidt de Unie zich voor op escalatie?\n"
        "Antwoord 1 en 2\nJa.\n"
    )
    [q] = doc.questions
    assert q.covers == ("1", "2")
    assert q.parts == ("Deelt u de zorg over de grens?", "Hoe bereidt de Unie zich voor op escalatie?")
    assert doc.diagnostics == ()


def test_follow_up_sentences_stay_with_their_question():
    text = "Klopt het bericht over de regio? Zo ja, waarom? Bent u bereid dit te onderzoeken?"
    assert split_parts(text, 2) == ("Klopt het bericht over de regio? Zo ja, waarom?", "Bent u bereid dit te onderzoeken?")


def test_a_glued_question_mark_is_the_stronger_boundary():
    # PDF extractors glue the paragraphs of a joint question: "?Heeft".
    text = "Is dat zo? Zo ja, welke groepen betrof dit precies?Heeft u signalen opgevangen over profileren? Ziet u een aanleiding daarvoor?"
    assert split_parts(text, 2) == (
        "Is dat zo? Zo ja, welke groepen betrof dit precies?",
        "Heeft u signalen opgevangen over profileren? Ziet u een aanleiding daarvoor?",
    )


@pytest.mark.parametrize("words, splits", [(MIN_WORDS - 1, False), (MIN_WORDS, True)])
def test_a_short_sentence_after_a_question_mark_is_a_follow_up(words, splits):
    follow = " ".join(["Waarom"] + ["nu"] * (words - 1)) + "?"
    parts = split_parts(f"Is dat zo in het land? {follow}", 2)
    assert bool(parts) is splits


def test_too_few_boundaries_give_no_parts():
    assert split_parts("Is dat zo en waarom?", 2) == ()
    assert split_parts("Is dat zo?", 1) == ()


def test_questions_sharing_one_unlabelled_answer_are_a_group():
    doc = kamerqa.parse("1\nIs dat zo?\n2\nEn waarom is dat zo?\nHet is zo, om twee redenen.\n3\nEn dit?\nNee.\n")
    assert [(q.number, q.answer, q.answer_group) for q in doc.questions] == [
        ("1", None, ("1", "2")),
        ("2", "Het is zo, om twee redenen.", ("1", "2")),
        ("3", "Nee.", ()),
    ]
    assert "no-answer" not in {d.code for d in doc.diagnostics}


def test_with_answer_labels_a_question_without_one_is_unanswered():
    doc = kamerqa.parse("Vraag 1\nIs dat zo?\nVraag 2\nEn dit?\nAntwoord 2\nNee.\n")
    assert [q.answer_group for q in doc.questions] == [(), ()]
    assert [d.code for d in doc.diagnostics] == ["no-answer"]
