"""The pre-pass for text whose line breaks were lost (kamerqa.flat): where it
breaks, what it takes for furniture, and the boundaries of its constants."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamerqa
from kamerqa import flat, vocabulary
from kamerqa.flat import split_flat_text
from kamerqa.postlex.passes import NOTE_REACH


def _letter(questions: int = 3, filler: int = 160, answer: str = "Het antwoord is ja.") -> str:
    """A one-line letter: an opening, then "Vraag N <question>? <answer>"."""
    opening = "Algemene Rekenkamer BEZORGEN Lange Voorhout 8 Postbus 20015 Geachte voorzitter, " + "tekst " * filler
    body = " ".join(f"Vraag {n} Waarom is dat zo bij punt {n}? {answer}" for n in range(1, questions + 1))
    return opening + body


def test_unlabelled_answers_follow_the_last_question_sentence():
    text = _letter()
    assert len(text) > flat.MIN_LENGTH
    doc = kamerqa.parse(text)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        (str(n), f"Waarom is dat zo bij punt {n}?", "Het antwoord is ja.") for n in (1, 2, 3)
    ]


def test_a_question_of_several_sentences_ends_with_its_last_question_mark():
    text = _letter(answer="Dat weten wij niet.").replace(
        "Vraag 2 Waarom is dat zo bij punt 2?", "Vraag 2 In de brief staat iets. Zo ja, waarom? Zo nee, waarom niet?"
    )
    q2 = kamerqa.parse(text).question("2")
    assert q2.text == "In de brief staat iets. Zo ja, waarom? Zo nee, waarom niet?"
    assert q2.answer == "Dat weten wij niet."


def test_a_bare_antwoord_label_is_a_label():
    text = _letter(answer="Antwoord Ja, dat is zo.")
    assert [q.answer for q in kamerqa.parse(text).questions] == ["Ja, dat is zo."] * 3


def test_the_flat_text_limit():
    # Just over the limit the line is re-broken; at the limit it is read as one line.
    text = _letter(filler=0)
    assert len(text) < flat.MIN_LENGTH
    at_limit = text.replace("Geachte", "Geachte" + "x" * (flat.MIN_LENGTH - len(text)))
    assert len(at_limit) == flat.MIN_LENGTH and split_flat_text(at_limit) is None
    assert split_flat_text(at_limit.replace("Geachte", "Geachtex")) is not None


def test_re_breaking_loses_nothing():
    text = _letter(questions=5)
    result = split_flat_text(text)
    assert result is not None
    assert " ".join(result.text.split()) == " ".join(text.split())
    for line, (number, column) in zip(result.text.split("\n"), result.origin):
        assert number == 1
        assert text[column : column + len(line)] == line


def _paged_letter(header: str, pages: int = 6, where: str = "counter") -> str:
    parts = [_letter(questions=0)]
    for page in range(1, pages + 1):
        sentence = f"Vraag {page} Hoe zit het met onderdeel {page}? Wij beschikken niet over gegevens van dat onderdeel."
        if where == "counter":
            parts.append(f"{sentence} {header} {page}/{pages}")
        else:  # the recurring words far from the page counter, inside the answer
            filler = f"en verder over punt {page} " * 8
            parts.append(f"{sentence} {filler}{header} {filler}{page}/{pages}")
    return " ".join(parts)


HEADER = "Antwoorden Algemene Rekenkamer op vragen over het rapport Financiën van de Staat 2024"


def test_a_running_header_beside_the_page_counter_is_furniture():
    doc = kamerqa.parse(_paged_letter(HEADER))
    assert len(doc.questions) == 6
    assert all("Rekenkamer op vragen" not in (q.answer or "") for q in doc.questions)


def test_recurring_words_away_from_page_counters_stay_text():
    # Issue 14 (2): a sentence that recurs in answers is not a running header.
    reach = flat.HEADER_REACH
    filler = "en verder over punt 1 " * 8
    assert len(filler) > reach  # the recurring words stand further than HEADER_REACH from the counter
    doc = kamerqa.parse(_paged_letter(HEADER, where="answer"))
    assert all(HEADER in (q.answer or "") for q in doc.questions[:-1])


def test_a_header_must_recur_on_half_the_pages():
    # HEADER_WORDS: seven recurring words are not enough for a header.
    short = " ".join(HEADER.split()[: flat.HEADER_WORDS - 1])
    doc = kamerqa.parse(_paged_letter(short))
    assert all(short in (q.answer or "") for q in doc.questions[:-1])
    long_enough = " ".join(HEADER.split()[: flat.HEADER_WORDS])
    doc = kamerqa.parse(_paged_letter(long_enough))
    assert all(long_enough not in (q.answer or "") for q in doc.questions)


def test_numbered_questions_after_lost_line_breaks():
    # "1." questions with no "Vraag" word, separated by runs of spaces where
    # line breaks were; the number stays with its question ("1.   Zijn er").
    body = "   ".join(
        f"{n}.   Zijn er maatregelen voor punt {n}?   Ja, die zijn er voor punt {n}.   Zie ook vraag {n}. " for n in range(1, 5)
    )
    text = "Antwoorden Algemene Rekenkamer " + "tekst " * 170 + "   " + body
    doc = kamerqa.parse(text)
    assert [(q.number, q.text) for q in doc.questions] == [(str(n), f"Zijn er maatregelen voor punt {n}?") for n in range(1, 5)]
    assert doc.questions[0].answer == "Ja, die zijn er voor punt 1. Zie ook vraag 1."


def test_one_question_and_its_answer_label_make_flat_text():
    text = "Brief " + "tekst " * 200 + "Vraag 1 Kunt u een overzicht geven? Antwoord op vraag 1 In ons rapport staat het."
    doc = kamerqa.parse(text)
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [("1", "Kunt u een overzicht geven?", "In ons rapport staat het.")]


def test_a_running_header_may_end_in_a_full_stop():
    header = "Beantwoording vragen Tweede Kamer over rapport ‘Brexit Voorbereiding op gevolgen voor de Douane’."
    doc = kamerqa.parse(_paged_letter(header))
    assert len(doc.questions) == 6
    assert all("Beantwoording vragen" not in (q.answer or "") + q.text for q in doc.questions)


def test_url_debris_after_a_question_does_not_hide_its_answer():
    text = _letter(questions=0) + " ".join(
        f"Vraag {n} Waarom is dat zo bij punt {n}? https://www.rekenkamer.nl/publicaties/{n} Zie het antwoord op vraag 1."
        for n in range(1, 4)
    )
    doc = kamerqa.parse(text)
    assert [q.answer for q in doc.questions] == ["Zie het antwoord op vraag 1."] * 3
    assert all(q.text.endswith(f"https://www.rekenkamer.nl/publicaties/{q.number}") for q in doc.questions)


def test_a_bare_page_number_between_label_and_question_is_furniture():
    # OCR lost the slash of a page counter: "Vraag 10 77 Hoeveel ..." (7/7).
    text = _letter(questions=2) + " Vraag 3 77 Hoeveel kost dat precies? Dat weten wij niet."
    doc = kamerqa.parse(text)
    assert (doc.question("3").text, doc.question("3").answer) == ("Hoeveel kost dat precies?", "Dat weten wij niet.")


def test_a_page_counter_whose_total_ocr_split_is_page_furniture():
    # Corpus 348: "10/1 1" for page 10 of 11, between a question and its answer.
    from kamerqa.flat import split_flat_text

    pages = " ".join(
        f"Vraag {k} Is dat zo bij {k}? Antwoord Dat is zo bij {k}, zegt de Rekenkamer in haar brief van vorig jaar aan de Kamer. {k}/11"
        for k in range(1, 10)
    )
    line = pages + " Vraag 10 Is dat zo bij 10? 10/1 1 In ons onderzoek zagen we dat. Vraag 11 En dit? Antwoord Nee. 11/11"
    flat = split_flat_text(line + "\n")
    assert flat is not None
    lines = flat.text.split("\n")
    split = lines.index("10/1 1")
    assert split in flat.headers
    doc = kamerqa.parse(line + "\n")
    assert doc.question("10").answer == "In ons onderzoek zagen we dat."


@pytest.mark.parametrize(("on", "furniture"), [(3, True), (2, False)])
def test_a_running_header_recurs_on_at_least_half_the_pages(on, furniture):
    # The boundary of "half the pages": of six, three are enough and two are not.
    parts = [_letter(questions=0)]
    for page in range(1, 7):
        sentence = f"Vraag {page} Hoe zit het met onderdeel {page}? Wij beschikken niet over gegevens van dat onderdeel."
        header = f" {HEADER}" if page <= on else ""
        parts.append(f"{sentence}{header} {page}/6")
    doc = kamerqa.parse(" ".join(parts))
    assert len(doc.questions) == 6
    kept = [HEADER in (q.answer or "") for q in doc.questions[:on]]
    assert kept == [not furniture] * on


@pytest.mark.parametrize(("spare", "removed"), [(20, True), (-40, False)])
def test_a_running_header_is_looked_for_within_its_reach_of_the_counter(spare, removed):
    # HEADER_LENGTH (with HEADER_REACH): how far before a page counter a
    # running header may begin.  One that begins further away keeps its
    # first words as text (nothing is lost either way).
    reach = flat.HEADER_REACH + flat.HEADER_LENGTH
    header, k = "", 0
    while len(header) < reach - spare:
        header += ("" if not header else " ") + f"woord{k:03d}"
        k += 1
    doc = kamerqa.parse(_paged_letter(header))
    assert len(doc.questions) == 6
    assert any("woord000" in (q.answer or "") for q in doc.questions) == (not removed)


@pytest.mark.parametrize(("inner", "removed"), [("20{p}3-20 1{p}, 3{p} 763, nr. {p}{p}", True), ("20{p}3-20 1{p}, " + "x" * 60 + ", nr. {p}", False)])
def test_a_running_header_open_bracket_is_closed_within_sixty_characters(inner, removed):
    # "... (Tweede Kamer, vergaderjaar" recurs, "2013-20 14, 33 763, nr. 2)"
    # varies (OCR): the header takes its bracket's close if it comes within
    # 60 characters; further on, the rest stays text.
    parts = [_letter(questions=0)]
    for page in range(1, 7):
        sentence = f"Vraag {page} Hoe zit het met onderdeel {page}? Wij beschikken niet over gegevens van dat onderdeel."
        header = f"Antwoorden Algemene Rekenkamer op vragen over het rapport Validering nota (Tweede Kamer, vergaderjaar {inner.format(p=page)})"
        parts.append(f"{sentence} {header} {page}/6")
    doc = kamerqa.parse(" ".join(parts))
    assert len(doc.questions) == 6
    assert all(q.answer.endswith("onderdeel.") for q in doc.questions) == removed
    assert all("vergaderjaar" not in q.answer for q in doc.questions)  # the recurring part is a header either way


def test_a_bare_vraag_label_after_a_sentence_opens_a_question_without_number():
    text = (
        "Algemene Rekenkamer Geachte voorzitter, " + "tekst " * 200
        + "Antwoord Algemene Rekenkamer op een vraag van de Tweede Kamer over het rapport. "
        "Vraag Heeft de Rekenkamer dit onderzocht? Zo nee, waarom niet? Dat is niet onderzocht. Er zijn geen uitkomsten."
    )
    doc = kamerqa.parse(text)
    assert doc.meta.layout == "unnumbered" and doc.meta.flattened
    assert [(q.number, q.text, q.answer) for q in doc.questions] == [
        (None, "Heeft de Rekenkamer dit onderzocht? Zo nee, waarom niet?", "Dat is niet onderzocht. Er zijn geen uitkomsten.")
    ]
    # the heading "Antwoord Algemene Rekenkamer op een vraag ..." is no answer label: it stays in the introduction
    assert "Antwoord Algemene Rekenkamer op een vraag" in (doc.meta.intro or "")


@pytest.mark.parametrize(
    ("after", "label"),
    [
        ("Zie ons antwoord op vraag 1.", True),  # an answer that refers to another: the label is a label
        ("Algemene Rekenkamer op vragen van de commissie.", False),  # a heading: a name, then "op vragen"
        ("van de minister op de vragen van de commissie.", False),
    ],
)
def test_a_bare_antwoord_before_a_heading_phrase_is_no_label(after, label):
    line = "Het is zo. Antwoord " + after
    cuts = [m.start() for m in flat._bare(flat._BARE_ANSWER, line)]
    assert bool(cuts) is label


def test_a_bare_vraag_needs_a_sentence_before_it_and_a_capital_after_it():
    def bare(line: str) -> bool:
        return next(flat._bare(flat._BARE_QUESTION, line), None) is not None

    assert bare("Het is zo. Vraag Heeft u dat?") and bare("Het is zo.   Vraag Heeft u dat?")
    assert not bare("Het is zo. Vraag is of dat zo is?")  # the word, not a label
    assert not bare("de Vraag Heeft")  # no sentence ends before it
    assert not bare("Het is zo.Vraag Heeft")  # no space after the sentence


_WORDS = ("een", "twee", "drie", "vier", "vijf", "zes")


def _page_foot(pieces: int) -> str:
    """A one-line letter whose question 1 ends its page: the footnote body
    to marker 1 (``pieces`` sentences, which re-breaking puts on lines of
    their own), then the page counter "1/2", then the answer."""
    note = " ".join(f"Noot zin {word}." for word in _WORDS[:pieces])
    return (
        "Algemene Rekenkamer Geachte voorzitter, " + "tekst " * 200 + "zie ons rapport.1 "
        f"Vraag 1 Waarom is dat zo?    1 {note}    1/2  Het antwoord is ja. "
        "Vraag 2 En dit? Dat ook. Vraag 3 En dat? Ook zo. 2/2"
    )


@pytest.mark.parametrize(("pieces", "kept"), [(NOTE_REACH, True), (NOTE_REACH + 1, False)])
def test_a_footnote_of_flat_text_runs_to_its_page_counter_within_reach(pieces, kept):
    doc = kamerqa.parse(_page_foot(pieces))
    q1 = doc.question("1")
    assert q1.text == "Waarom is dat zo?"
    if kept:  # every sentence of the body is the footnote's, the answer starts after the counter
        assert [f.text for f in doc.footnotes] == [" ".join(f"Noot zin {word}." for word in _WORDS[:pieces])]
        assert q1.answer == "Het antwoord is ja."
    else:  # too far from the counter: the body ends with its first sentence, the rest is answer text
        assert [f.text for f in doc.footnotes] == ["Noot zin een."]
        assert q1.answer is not None and q1.answer.startswith("Noot zin twee.")


def _two_notes(gap: int) -> str:
    """A one-line letter whose page ends with the bodies of footnotes 1 and
    2 run together ("... nr. 60.  2 Wet ..."); marker 2 stands ``gap``
    characters before the body's number."""
    return (
        "Algemene Rekenkamer Geachte voorzitter, " + "tekst " * 200 + "zie ons rapport.1 "
        "Vraag 1 Waarom is dat zo? Het antwoord staat in de wet2 " + "ook " * (gap // 4) + "van 2019."
        "   1 Algemene Rekenkamer (2019). Brief, nr. 60.  2 Wet fiscale maatregelen; Staatsblad 2019, 511.    1/2  "
        "Vraag 2 En dit? Dat ook. Vraag 3 En dat? Ook zo. 2/2"
    )


def test_footnote_bodies_run_together_at_a_page_foot_are_cut_apart():
    doc = kamerqa.parse(_two_notes(0))
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "Algemene Rekenkamer (2019). Brief, nr. 60."),
        ("2", "Wet fiscale maatregelen; Staatsblad 2019, 511."),
    ]
    assert doc.question("1").answer == "Het antwoord staat in de wet2 van 2019."


@pytest.mark.parametrize("far", [False, True])
def test_a_footnote_body_is_cut_off_only_when_its_marker_is_near(far):
    # NOTE_MARKER_REACH's boundary: marker 2 within reach of the body's
    # number cuts the body off; further away it stays in footnote 1.
    text = _two_notes(0)
    number = text.index(" 2 Wet") + 1
    marker = text.index("wet2") + 3
    text = _two_notes(flat.NOTE_MARKER_REACH - (number - marker) + (4 if far else -4))
    number, marker = text.index(" 2 Wet") + 1, text.index("wet2") + 3
    assert (number - marker > flat.NOTE_MARKER_REACH) == far
    notes = [f.marker for f in kamerqa.parse(text).footnotes]
    assert notes == (["1"] if far else ["1", "2"])


@pytest.mark.parametrize(("number", "kept"), [(3, True), (4, False)])
def test_a_footnote_body_runs_past_a_number_the_questions_have_passed(number, kept):
    # "OECD Working Papers, No. 3. Paris" inside a footnote body under
    # question 3 of a letter numbered "1.", "2.", ... (no labels): 3 is
    # passed, so the body runs on to its counter; 4 is the next question.
    text = (
        "Algemene Rekenkamer Geachte voorzitter, " + "tekst " * 200 + "1. Waarom is dat zo? Het is zo. 2. En dit? Ook zo. "
        "3. En dat, gezien de studie1 van de OECD? Het antwoord staat in de studie.    "
        f"1 Harding, M. (2014). Personal Tax Treatment. OECD Working Papers, No. {number}. Paris: OECD.    1/2  "
        "Zo is het. 5. En verder? Ja. 2/2"
    )
    doc = kamerqa.parse(text)
    assert doc.meta.layout == "period"
    note = doc.footnotes[0].text
    if kept:
        assert note.replace("\n", " ") == f"Harding, M. (2014). Personal Tax Treatment. OECD Working Papers, No. {number}. Paris: OECD."
        assert doc.question("3").answer == "Het antwoord staat in de studie. Zo is het."
    else:
        assert note == "Harding, M. (2014)."


# The searches that start from a literal or a digit find what the plain
# patterns (their specification, kept here) find, on text made of the
# characters that matter to them.
_COUNTER_SPEC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_NUMBERED_SPEC = re.compile(r"(?:^|(?<=[.?!:]\s)|(?<=\s\s))\d{1,3}\.\s+[A-Z]")


_PIECES = st.sampled_from(["1", "12", "123", "1234", "/", "/9", "3/", "3/9", "12/15", ". ", "  ", " ", "A", "x", "?", ": ", "1. A", "12. A"])

_Q, _A = r"(?:Vraag|VRAAG|Vr\.)", r"(?:Antwoord(?:en)?|ANTWOORD(?:EN)?)"
_N, _R, _NOISE = vocabulary.NUMBERS, vocabulary.ANSWER_REFERENCE, vocabulary.NOISE
#: The plain patterns, as they read before they were written to search fast.
_SPECS = {
    "_QUESTION_LABEL": rf"\b{_Q} {_NOISE}?(?:{_N})\b",
    "_LABEL": rf"\b{_Q} {_NOISE}?(?:{_N})\b|\b{_A}(?: {_R}(?:{_N}))?:|\b{_A} (?:{_R})?(?:{_N})\b(?=[ .:]|$)",
    "_LABEL_PAGE": rf"\b{_Q} {_NOISE}?(?:{_N}) (\d{{1,3}}) (?=[A-Z])",
    "_URL": r"(?<!\S)https?://\S+",
}
_BARE_SPECS = {
    "_BARE_ANSWER": r"[.?!)”’\"] +(Antwoord)(?= +(?:[A-Z]|\d{1,3}/\d{1,3}\b))(?! +(?:(?:[A-Z]\S*|van|de|der|het) +){0,4}op +(?:de +|een +)?vra)",
    "_BARE_QUESTION": rf"[.?!)”’\"] +({_Q})(?= +[\"'“‘(]?[A-Z])",
}
_WORDY = st.sampled_from(
    ["Vraag", "VRAAG", "Vr.", "xVraag", "Antwoord", "Antwoorden", "xAntwoord", " ", ". ", "? ", ") ", "1", " 3", "4 en 5",
     ":", " op vraag ", "Vraag 3", "Vr. 4 ", "VRAAG 12 77 Hoeveel", "xVraag 2 ", ". Antwoord Ja", ".   Antwoord Ja", "?  Vraag Is", ". Antwoord 5/7 ",
     ". Antwoord Algemene Rekenkamer op een vraag", ". Antwoord Zie ons antwoord op vraag 1", ". Vraag Heeft", "? VRAAG 'Is",
     "Antwoord op vraag 1:", "ANTWOORDEN 4 en 5 ", " http://x", "https://y.nl", "ahttp://z", "Zie het. De", "a.” (B"]
)


@settings(max_examples=400)
@given(st.lists(_WORDY, max_size=14).map("".join))
def test_the_label_searches_find_what_their_plain_patterns_find(text):
    for name, spec in _SPECS.items():
        assert [m.span() for m in getattr(flat, name).finditer(text)] == [m.span() for m in re.finditer(spec, text)], name
    for name, spec in _BARE_SPECS.items():  # after a sentence end and one or more spaces
        assert [m.span() for m in flat._bare(getattr(flat, name), text)] == [m.span(1) for m in re.finditer(spec, text)], name
    old_sentence = r"(?<=[.?!])[\"'”’»)\]]*\s+(?=[\"'“‘(\[]?[A-ZÀ-Þ]|\d{1,3}\.\s+[A-Z])"
    assert [(m.start() + 1, m.end()) for m in flat._SENTENCE.finditer(text)] == [m.span() for m in re.finditer(old_sentence, text)]


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_the_fast_searches_find_what_their_patterns_find(text):
    found = []
    for match in flat._COUNTER_TOTAL.finditer(text):
        page = flat._COUNTER_PAGE.search(text, max(0, match.start() - 2), match.start())
        if page is not None:
            found.append((page.start(), match.end()))
    assert found == [m.span() for m in _COUNTER_SPEC.finditer(text)]
    assert list(flat._numbered_starts(text)) == [m.start() for m in _NUMBERED_SPEC.finditer(text)]


def test_a_running_header_is_found_whatever_lower_casing_does_to_its_letters():
    """Words are lower-cased a window at a time; where that changes a
    character's length ("İ" becomes two), word by word: the same header."""
    def pages(header: str) -> str:
        return "Algemene Rekenkamer " + " ".join(
            f"Vraag {n} Waarom is dat zo bij punt {n}? Het antwoord is ja. {header} {n}/6" for n in range(1, 7)
        ) + " tekst" * 200

    plain = pages("Antwoorden op vragen over het rapport Inzicht in de Belastingdienst")
    dotted = pages("Antwoorden op vragen over het rapport İnzicht in de Belastingdienst")
    spans = sorted(flat._running_headers(plain, flat._page_counters(plain)))
    assert spans and sorted(flat._running_headers(dotted, flat._page_counters(dotted))) == spans
