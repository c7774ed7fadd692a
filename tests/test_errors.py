"""Bad input: a clear ParseError (what, where, the offending text) or a
diagnostic that keeps the text; never a Lark exception."""

from __future__ import annotations

import pickle

import pytest

import kamerqa
from kamerqa import InputError, ParseError, Severity
from kamerqa.reading import MAX_INPUT_BYTES


def codes(doc: kamerqa.Document) -> list[tuple[int | None, str]]:
    return [(d.line, d.code) for d in doc.diagnostics]


def test_parse_error_is_a_value_error_with_position_and_text():
    with pytest.raises(ValueError) as caught:
        kamerqa.parse("Antwoord: ja\n\n1 Is dat zo?\nAntwoord\nJa.\n", strict=True)
    error = caught.value
    assert isinstance(error, ParseError)
    assert (error.line, error.column, error.code) == (1, 1, "answer-before-question")
    assert error.text == "Antwoord:"
    assert str(error) == "line 1:1: answer-before-question: an 'Antwoord' label before the first question: 'Antwoord:'"


def test_parse_error_survives_pickling():
    error = ParseError("bad", line=3, column=4, text="x", code="c", source="f.txt")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.line, copy.column, copy.text, copy.code, copy.source) == (3, 4, "x", "c", "f.txt")


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n"])
def test_empty_input(text):
    with pytest.raises(ParseError) as caught:
        kamerqa.parse(text)
    assert (caught.value.line, caught.value.column, caught.value.code) == (1, 1, "empty")


def test_text_without_questions():
    with pytest.raises(ParseError) as caught:
        kamerqa.parse("Dit is gewoon een brief.\nMet twee regels.\n")
    assert caught.value.code == "no-questions"
    message = str(caught.value)
    for looked_for in ("'1 Is er ...?' followed by 'Antwoord'", "'1. Is er ...?'", "a number alone", "'Vraag 1' labels"):
        assert looked_for in message


def test_parse_takes_text_not_bytes():
    with pytest.raises(TypeError, match="parse_file"):
        kamerqa.parse(b"1 Vraag?\n")  # type: ignore[arg-type]


def test_undecodable_bytes_point_at_line_and_column(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("1 Is dat zo?\nAntwoord\nJa, één keer.\n".encode("latin-1"))
    with pytest.raises(ParseError) as caught:
        kamerqa.parse_file(path, encoding="utf-8")
    error = caught.value
    assert (error.line, error.column, error.code) == (3, 5, "not-utf8")
    assert error.text.startswith("\\xe9")
    assert str(path) in str(error)


def test_oversized_input_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError, match="more than"):
        kamerqa.parse_file(path)


def test_answer_label_before_the_first_question_is_a_diagnostic():
    doc = kamerqa.parse("Lijst van vragen en antwoorden\n\nAntwoord\n\n1 Is dat zo?\n\nAntwoord\nJa.\n")
    assert codes(doc) == [(3, "answer-before-question")]
    assert doc.question("1").answer == "Ja."


def test_repeated_answer_label_keeps_both_answers():
    doc = kamerqa.parse("1 Is dat zo?\n\nAntwoord\nJa.\n\nAntwoord\nNee.\n\n2 En dit?\nAntwoord\nOok.\n")
    assert codes(doc) == [(6, "repeated-answer-label")]
    assert doc.question("1").answer == "Ja.\n\nNee."
    with pytest.raises(ParseError) as caught:
        kamerqa.parse("1 Is dat zo?\n\nAntwoord\nJa.\n\nAntwoord\nNee.\n", strict=True)
    assert (caught.value.line, caught.value.code) == (6, "repeated-answer-label")


def test_numbering_gap_is_reported_and_parsing_goes_on():
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n\n4 En dit?\nAntwoord\nOok.\n")
    assert [q.number for q in doc.questions] == ["1", "4"]
    [gap] = doc.diagnostics
    assert (gap.line, gap.code, gap.severity) == (5, "numbering-gap", Severity.WARNING)
    assert gap.message == "question 4 follows question 1; no question 2 to 3 was found"


def test_text_after_fragments_is_kept_in_an_error_diagnostic():
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n\tJa.\nmeer tekst\n")
    assert codes(doc) == [(4, "duplicate-fragment"), (5, "text-after-fragments")]
    lost = doc.diagnostics[1]
    assert lost.severity is Severity.ERROR
    assert lost.text == "meer tekst"


def test_unanswered_question_in_an_answered_list():
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n\n2 En dit?\n\n3 En dat?\nAntwoord: Nee.\n")
    assert doc.question("2").answer is None
    assert codes(doc) == [(5, "no-answer")]


def test_questions_without_any_answers_are_no_problem():
    doc = kamerqa.parse("1 Is dat zo?\n\n2 En dit?\n")
    assert [(q.number, q.answer) for q in doc.questions] == [("1", None), ("2", None)]
    assert doc.diagnostics == ()


def test_reference_to_a_missing_question():
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nZie het antwoord op vraag 7.\n")
    assert doc.question("1").refers_to == ("7",)
    assert codes(doc) == [(2, "dangling-reference")]


def test_strict_mode_raises_on_the_first_problem_of_the_reference(reference_text):
    with pytest.raises(ParseError) as caught:
        kamerqa.parse(reference_text, strict=True)
    assert (caught.value.line, caught.value.code) == (939, "duplicate-fragment")


def test_no_lark_exception_escapes():
    # Inputs that exercise every recovery path; none may raise anything but ParseError.
    inputs = [
        "Antwoord\n" * 5,
        "1 Vraag?\n\tfrag\nAntwoord\ntekst\n\tfrag\n2 Vraag?\n",
        "\t\t\n\tx\n1 Vraag?\n",
        "Nr Vraag Bijlage\n1 Vraag?\nNr Vraag\nAntwoord\nAntwoord\n",
    ]
    for text in inputs:
        for strict in (False, True):
            try:
                kamerqa.parse(text, strict=strict)
            except ParseError as error:
                assert error.line >= 1 and error.column >= 1


def test_every_line_of_unplaced_text_gets_its_own_diagnostic():
    from kamerqa.parsing import analyse

    analysis = analyse("1 Is dat zo?\nAntwoord\nJa.\n\tJa.\nmeer tekst\nnog meer\n")
    lost = [(d.line, d.code, d.text) for d in analysis.document.diagnostics if d.severity is Severity.ERROR]
    assert lost == [(5, "text-after-fragments", "meer tekst"), (6, "text-after-fragments", "nog meer")]
    assert analysis.unaccounted() == []


def test_a_bug_while_building_the_document_is_an_internal_error(monkeypatch):
    from kamerqa import InternalError
    from kamerqa.transform import ToDocument

    def broken(self, *args):
        raise KeyError("oops")

    monkeypatch.setattr(ToDocument, "_footnotes", broken)
    with pytest.raises(InternalError, match="building the document") as caught:
        kamerqa.parse("1 Is dat zo?\nAntwoord\nJa.\n")
    assert not isinstance(caught.value, kamerqa.ParseError)
    assert isinstance(caught.value.__cause__, KeyError)


@pytest.mark.parametrize(
    "text",
    [
        "1 Is dat zo?\nAntwoord\nJa.\nAntwoord\nNee.\n",  # one line that does not fit
        "1 Is dat zo?\nAntwoord\nJa.\n\tJa.\nmeer tekst\n\n",  # a run of lines fed as one, then line by line
    ],
)
def test_lark_sees_ordinary_tokens_in_parse_errors(text):
    # kamerqa's tokens keep their text only in .value; Lark names errors by
    # example comparing tokens as strings, so the token in its error must
    # be an ordinary Lark token again.
    from lark.exceptions import UnexpectedToken

    from kamerqa.feeding import feed, line_tokens, merge_runs
    from kamerqa.grammar import layout_parser
    from kamerqa.postlex import ParseContext

    layout, context = layout_parser("qa"), ParseContext()
    with pytest.raises(UnexpectedToken) as raised:
        feed(layout, merge_runs(line_tokens(layout, text, context)), context, recover=False)
    token = raised.value.token
    assert token.value and str.__str__(token) == token.value


def test_a_bad_byte_after_a_byte_order_mark_is_placed_right():
    # Issue 14 (19): the offsets of utf-8-sig count after the BOM.
    from kamerqa.readers.encoding import decode

    with pytest.raises(ParseError) as caught:
        decode(b"\xef\xbb\xbfab\ncd\xffx")  # the mark says UTF-8, so a bad byte is an error
    error = caught.value
    assert (error.line, error.column, error.text) == (2, 3, "\\xffx")
    assert "byte b'\\xff' at offset 8" in str(error)


def test_the_size_limit_holds_while_reading_and_in_parse(monkeypatch):
    # Issue 14 (13): /dev/zero was read until memory ran out; parse() took any size.
    import kamerqa.parsing
    import kamerqa.reading

    monkeypatch.setattr(kamerqa.reading, "MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(kamerqa.parsing, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(InputError, match="more than the 1,000 bytes"):
        kamerqa.parse_file("/dev/zero")
    with pytest.raises(InputError, match="1,001 characters is more than the 1,000 bytes"):
        kamerqa.parse("x" * 1001)


def test_characters_no_output_can_hold_are_replaced_once_at_reading():
    # Issue 14 (14): control characters and lone surrogates the parser kept crashed the exporters.
    import io

    doc = kamerqa.parse("1 Is dat\x01 zo\ud800?\nAntwoord\nJa\x1f.\n")
    assert doc.questions[0].text == "Is dat\ufffd zo\ufffd?"
    [cleaned] = [d for d in doc.diagnostics if d.code == "text-cleaned"]
    assert (cleaned.line, cleaned.column, cleaned.severity) == (1, 9, Severity.INFO)
    assert "3 characters" in cleaned.message
    for name in ("docx", "xlsx", "json", "txt"):
        kamerqa.export(doc, io.BytesIO(), name)


def test_diagnostics_carry_their_details_as_typed_fields():
    # Issue 11 (9): expected / found / repeats, not only numbers inside the message.
    doc = kamerqa.parse("1 Is dat zo?\nAntwoord\nZie het antwoord op vraag 9.\n\n4 En dit\x01\x02?\nAntwoord\nNee.\n")
    by_code = {d.code: d for d in doc.diagnostics}
    gap = by_code["numbering-gap"]
    assert (gap.expected, gap.found, gap.line) == ("2", "4", 5)
    assert by_code["dangling-reference"].found == "9"
    assert by_code["text-cleaned"].repeats == 2
    assert kamerqa.from_json(kamerqa.to_json(doc)).diagnostics == doc.diagnostics


def test_cleaned_characters_are_placed_in_the_input_also_in_flat_text():
    # The text-cleaned diagnostic was placed as if in re-broken lines: line 1 for a character on line 2.
    pages = " ".join(
        f"Vraag {k} Is dat zo bij {k}? Antwoord Dat is zo bij {k}, zegt de Rekenkamer in haar brief van vorig jaar." for k in range(1, 12)
    )
    doc = kamerqa.parse(pages + "\nSlot\x01 regel.\n")
    assert doc.meta.flattened
    [cleaned] = [d for d in doc.diagnostics if d.code == "text-cleaned"]
    assert (cleaned.line, cleaned.column, cleaned.text) == (2, 5, "Slot\ufffd regel.")
