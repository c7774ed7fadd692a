"""What each document family prints about itself (kamerqa.families): the
Kamervragen heading in its spellings from 1961 to 2025, the Rekenkamer
letterhead, old committee lists; and that family detection needs evidence."""

from __future__ import annotations

import time
from datetime import date

import pytest

import kamerqa
from kamerqa.families import MIN_EVIDENCE, committee, complete, kamervragen, letter
from kamerqa.model import DocumentMeta
from kamerqa.parsing import analyse

AANHANGSEL_2024 = """Tweede Kamer der Staten-Generaal2
Vergaderjaar 2023–2024 Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden
1512
Vragen van de leden Omtzigt en Palmen (beiden Nieuw Sociaal Contract) aan
de Minister van Justitie en Veiligheid over antisemitisme (ingezonden 29 maart
2024).
Antwoord van Minister Yesilgöz-Zegerius (Justitie en Veiligheid) (ontvangen
15 april 2024).
Vraag 1
Kunt u het overzicht sturen?
Antwoord 1
Ja.
ah-tk-20232024-1512
"""

OLD_PRINT = """Tweede Kamer der Staten-Generaal 2 Zitting 1976-1977 Aanhangsel van de Handelingen
294 Vragen van de leden Worrell, Hart-meijer en De Boois (allen P.v.d.A.) over het Kurenpolderproject
in de gemeente Dussen. (Ingezonden 18 maart 1976)
1 Is het u bekend, dat er problemen zijn?
Antwoord van Staatssecretaris Meijer (Cultuur, Recreatie en Maatschappelijk Werk). (Ontvangen 19 november 1976)
1 Ja.
"""

LETTER = (
    "Algemene Rekenkamer BEZORGEN De Voorzitter van de Tweede Kamer Lange Voorhout 8 Postbus 20015 "
    "voorlichting@rekenkamer.nl D A T U M 23 januari 2019 B E T R E F T beantwoording vragen Tweede Kamer over rapport X "
    "Geachte mevrouw Arib, Hierbij bieden wij u de op 22 januari 2019 vastgestelde antwoorden aan op de door de "
    "vaste commissie voor Financiën gestelde vragen over ons rapport ‘Brexit Voorbereiding (X)’ (Tweede Kamer, "
    "vergaderjaar 2018-2019, 35 000, nr. 2).\nVraag 1 Waarom is dat zo?\nDat is zo.\nVraag 2 En dit?\nOok zo.\n"
)


def test_an_aanhangsel_heading():
    meta = kamerqa.parse(AANHANGSEL_2024).meta
    assert meta.kind == kamervragen.KIND
    assert meta.askers == ("Omtzigt (Nieuw Sociaal Contract)", "Palmen (Nieuw Sociaal Contract)")
    assert meta.addressee == "Minister van Justitie en Veiligheid"
    assert meta.title == "antisemitisme"
    assert meta.submitted == date(2024, 3, 29) and meta.received == date(2024, 4, 15)
    assert meta.answered_by == "Minister Yesilgöz-Zegerius (Justitie en Veiligheid)"
    assert (meta.session, meta.aanhangsel, meta.number) == ("2023–2024", "ah-tk-20232024-1512", "1512")


def test_an_old_print_without_addressee():
    meta = kamervragen.read(OLD_PRINT)
    assert meta["askers"] == ("Worrell (P.v.d.A.)", "Hart-meijer (P.v.d.A.)", "De Boois (P.v.d.A.)")
    assert "addressee" not in meta
    assert meta["title"] == "het Kurenpolderproject in de gemeente Dussen"
    assert (meta["session"], meta["number"]) == ("1976-1977", "294")
    assert meta["received"] == date(1976, 11, 19)


def test_a_mededeling_is_not_an_answer():
    text = AANHANGSEL_2024.replace("Antwoord van Minister", "Mededeling van Minister")
    meta = kamervragen.read(text)
    assert "answered_by" not in meta and "received" not in meta
    assert meta["mededeling_by"].startswith("Minister Yesilgöz") and meta["mededeling_received"] == date(2024, 4, 15)


def test_a_rekenkamer_letter():
    meta = kamerqa.parse(LETTER).meta
    assert meta.kind == letter.KIND
    assert meta.answered_by == "Algemene Rekenkamer"
    assert meta.document_date == date(2019, 1, 23) and meta.vastgesteld == date(2019, 1, 22)
    assert meta.committee == "vaste commissie voor Financiën"
    assert meta.title == "Brexit Voorbereiding (X)"
    assert meta.report == "Tweede Kamer, vergaderjaar 2018-2019, 35 000, nr. 2"


def test_an_old_committee_list_gets_its_session_and_date():
    text = "Vergaderjaar 1989-1990\n21 300 B\nNr. 4\nLIJST VAN VRAGEN EN ANTWOORDEN Ontvangen 22 januari 1990\n1 Is dat zo?\nJa.\n"
    meta = kamerqa.parse(text).meta
    assert (meta.session, meta.received) == ("1989-1990", date(1990, 1, 22))


def test_a_family_needs_evidence():
    # One trait is not enough: a committee list that mentions the Rekenkamer stays a committee list.
    text = "1 Wat zegt de Algemene Rekenkamer hierover?\nZie haar rapport.\n"
    assert letter.evidence(text) == 1 < MIN_EVIDENCE
    assert complete(DocumentMeta(), text) == DocumentMeta()
    assert committee.evidence(text) == 0


@pytest.mark.parametrize(
    "construct",
    [
        lambda n: "Vragen van het lid aan over " * n + "(ingezonden 1 mei 2024)\nVraag 1\nIs dat zo?\n",
        lambda n: "BETREFT rapport " * n + "Algemene Rekenkamer DATUM 1 mei 2024\nVraag 1\nIs dat zo?\n",
        lambda n: "Antwoord van " * n + "\nVraag 1\nIs dat zo?\n",
    ],
)
def test_header_phrases_take_linear_time(construct):
    # Issue 14 (7): nested lazy groups before "(ingezonden" took 16-28 s on 4 KB.
    def seconds(n: int) -> float:
        text = construct(n)
        start = time.perf_counter()
        kamerqa.parse(text)
        return time.perf_counter() - start

    small, large = min(seconds(150) for _ in range(3)), min(seconds(1500) for _ in range(3))
    assert large < max(small, 0.002) * 40


def test_a_mededeling_after_the_questions_takes_the_place_of_the_answers():
    text = (
        "Vragen van het lid Dijk (SP) aan de Minister van Financiën over de kosten (ingezonden 1 mei 2024).\n"
        "Mededeling van Minister X (Financiën) (ontvangen 20 mei 2024).\n"
        "Vraag 1\nIs dat zo?\nVraag 2\nEn dit?\n"
        "Mededeling\nDe vragen kunnen niet binnen de termijn worden beantwoord.\nIk stuur ze zo spoedig mogelijk.\n"
    )
    doc = kamerqa.parse(text)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [("1", "Is dat zo?", None), ("2", "En dit?", None)]
    assert doc.meta.mededeling == "De vragen kunnen niet binnen de termijn worden beantwoord. Ik stuur ze zo spoedig mogelijk."
    assert doc.meta.mededeling_by == "Minister X (Financiën)"


def test_the_word_mededeling_in_an_answer_is_text():
    doc = kamerqa.parse("Vraag 1\nIs dat zo?\nAntwoord 1\nJa.\nMededeling aan de Kamer is gedaan.\n")
    assert doc.questions[0].answer == "Ja. Mededeling aan de Kamer is gedaan."
    assert doc.meta.mededeling is None


def test_a_family_never_replaces_what_a_heading_line_said():
    # Found by hypothesis: a dossier-like first line's title was replaced by
    # the Kamervragen subject, and its text was lost.
    text = "41312 Nieuwe vraag?\n" + AANHANGSEL_2024
    meta = kamerqa.parse(text).meta
    assert meta.dossier == "41312" and meta.title.startswith("Nieuwe vraag?")  # the heading's, not the subject
    assert meta.askers == ("Omtzigt (Nieuw Sociaal Contract)", "Palmen (Nieuw Sociaal Contract)")
    assert analyse(text).unaccounted() == []


def test_a_mededeling_heading_before_the_last_question_is_no_mededeling_block():
    # Found by hypothesis: a "Mededeling" line moved up among the questions
    # swallowed the questions after it.
    text = "Vraag 1\nIs dat zo?\nMededeling\nVraag 2\nEn dit?\nVraag 3\nEn dat?\n"
    doc = kamerqa.parse(text)
    assert [q.number for q in doc.questions] == ["1", "2", "3"]
    assert doc.meta.mededeling is None
    assert analyse(text).unaccounted() == []


def test_introduction_phrases_are_read_in_its_first_4000_characters():
    # The limit that keeps header matching linear (header._INTRO_LIMIT), at its boundary.
    from kamerqa import header
    from kamerqa.model import KamerstukRef

    phrase = "(27925, nr. 919)"  # its last character at the limit, then one past it
    filler = "x" * (header._INTRO_LIMIT - len(phrase) - 1) + " "
    assert header.read_intro(filler + phrase + " meer.").about == KamerstukRef("27925", "919")
    assert header.read_intro("x" + filler + phrase + " meer.").about is None


def test_the_question_letters_toelichting_after_the_last_answer_is_its_own_field():
    # Corpus 322 and 360: "Toelichting:" after the last answer belongs to the
    # question letter, not to the answer.
    from kamerqa.exporters.summary import metadata_rows
    from kamerqa.parsing import analyse

    text = (
        "Vragen van het lid Kathmann (GL-PvdA) aan de minister (ingezonden 1 oktober 2024).\n\n"
        "Vraag 1\nIs dat zo?\n\nAntwoord 1\nJa.\n\nVraag 2\nToelichting: kunt u dat toelichten?\n\nAntwoord 2\nJa.\n\n"
        "Toelichting:\nDeze vragen dienen ter aanvulling op eerdere vragen (vraagnummer 2024Z14247).\n"
    )
    analysis = analyse(text)
    doc = analysis.document
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        ("1", "Is dat zo?", "Ja."),
        ("2", "Toelichting: kunt u dat toelichten?", "Ja."),  # inside the list it is text
    ]
    assert doc.meta.toelichting == "Deze vragen dienen ter aanvulling op eerdere vragen (vraagnummer 2024Z14247)."
    assert analysis.unaccounted() == []
    assert ("Toelichting", doc.meta.toelichting) in metadata_rows(doc)
    # "Toelichting bij vraag 4" (no colon) is no heading: it stays in the answer.
    other = kamerqa.parse(text.replace("\nToelichting:\n", "\nToelichting bij vraag 2\n"))
    assert other.meta.toelichting is None and "Toelichting bij vraag 2" in other.questions[-1].answer


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Minister Van Weel (Justitie en Veiligheid) en Staatssecretaris Coenradie (Justitie en Veiligheid)",
         ("Minister Van Weel (Justitie en Veiligheid)", "Staatssecretaris Coenradie (Justitie en Veiligheid)")),
        ("Minister Bruins Slot (BZ) van Minister Schreinemacher (Buitenlandse Handel en Ontwikkelingssamenwerking)",
         ("Minister Bruins Slot (BZ)", "Minister Schreinemacher (Buitenlandse Handel en Ontwikkelingssamenwerking)")),
        # one answerer, whose ministry has an "en" in it, and one "mede namens" another: one each
        ("Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur)", ("Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur)",)),
        ("minister Beljaarts (Economische Zaken), mede namens de staatssecretaris van Infrastructuur en Waterstaat",
         ("minister Beljaarts (Economische Zaken), mede namens de staatssecretaris van Infrastructuur en Waterstaat",)),
    ],
)
def test_each_answerer_of_kamervragen(printed, expected):
    assert kamervragen.answerers(printed) == expected


@pytest.mark.parametrize("label", ["DATUM", "D A T U M", "datum", "patum", "Oatum"])
def test_a_letters_date_label_also_as_ocr_misreads_it(label):
    # Corpus 350: "patum 25 oktober 2012".
    from datetime import date

    text = f"Algemene Rekenkamer BEZORGEN Lange Voorhout 8 {label} 25 oktober 2012 BETREFT Beantwoording vragen\n"
    assert letter.read(text)["document_date"] == date(2012, 10, 25)


@pytest.mark.parametrize("family", [committee, letter, kamervragen])
@pytest.mark.parametrize("past", [False, True])
def test_a_family_reads_its_metadata_in_the_head_of_the_text(family, past):
    # The HEAD lengths' boundary: a date printed where the head ends is read,
    # one character further on it is not (metadata stands at the top; reading
    # on only risks slow matching and false finds in the answers).
    phrase, field = {
        committee: (" Vastgesteld 25 oktober 2012", "vastgesteld"),
        letter: (" DATUM 25 oktober 2012", "document_date"),
        kamervragen: (" Antwoord van minister Jansen (Financiën) (ontvangen 25 oktober 2012)", "received"),
    }[family]
    filler = "x" * (family.HEAD - len(phrase) + (1 if past else 0))  # past: the last character falls outside
    found = family.read(filler + phrase + " Vraag 1 Is dat zo?")
    assert (found.get(field) is None) == past


def test_a_question_letters_heading_is_one_paragraph_with_its_date_above_it():
    """A ministry's question letter (DOCX) prints "(ingezonden ...)" above the
    heading: the heading ends with its paragraph, the date is still read."""
    text = (
        "2024Z18887\n\n(ingezonden 20 november 2024)\n\n"
        "Vragen van de leden Bikker en Ceder (beiden ChristenUnie) aan de ministers van X en van Y over het bericht 'Z'\n\n"
        "Heeft u kennisgenomen van het bericht 'Z'? Zo ja, wat vindt u ervan?\n\nWat gaat u doen?\n"
    )
    meta = kamerqa.parse(text).meta
    assert meta.title == "het bericht 'Z'"
    assert meta.addressee == "ministers van X en van Y"
    assert meta.askers == ("Bikker (ChristenUnie)", "Ceder (ChristenUnie)")
    assert meta.submitted == date(2024, 11, 20)


@pytest.mark.parametrize(
    ("below", "title"),
    [
        ("Hoofdstuk XIV Ministerie van Landbouw en Visserij\n", "Rijksbegroting voor het jaar 1989; Hoofdstuk XIV Ministerie van Landbouw en Visserij"),
        ("", "Rijksbegroting voor het jaar 1989"),
    ],
)
def test_an_old_prints_title_above_its_dossier_number_is_part_of_the_title(below, title):
    text = (
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1988-1989\nRijksbegroting voor het jaar 1989\n20 800\n"
        f"{below}Nr. 16\nLIJST VAN VRAGEN EN ANTWOORDEN Ontvangen 21 oktober 1988\n"
        "1 Welke feiten leiden ertoe?\nAntwoord\nIncidentele factoren.\n"
    )
    doc = kamerqa.parse(text)
    assert (doc.meta.dossier, doc.meta.title) == ("20 800", title)
    assert not analyse(text).unaccounted()
    # without the session line right above it, a line before the dossier is no title
    assert kamerqa.parse(text.replace("Vergaderjaar 1988-1989\n", "")).meta.title == (below.strip() or None)
