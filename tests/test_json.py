"""The JSON format: exact round trips, the documented field names, the schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given

import kamerqa
import kamerqa.jsonio
from kamerqa import InputError
from kamerqa.jsonio import FORMAT_VERSION, from_dict, to_dict

from .strategies import documents

SCHEMA = kamerqa.jsonio.schema()
validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def test_reference_round_trips_exactly(reference):
    text = kamerqa.to_json(reference)
    assert kamerqa.from_json(text) == reference
    assert kamerqa.from_json(text.encode("utf-8")) == reference


def test_reference_output_matches_the_schema(reference):
    validator.validate(json.loads(kamerqa.to_json(reference)))


def test_field_names_other_tools_read(reference):
    data = json.loads(kamerqa.to_json(reference))
    assert {"format", "version", "meta", "questions", "footnotes", "diagnostics"} == set(data)
    assert data["version"] == FORMAT_VERSION
    assert {"kind", "dossier", "number", "title", "vastgesteld", "committee", "addressee", "letter_date", "chair", "clerk"} <= set(
        data["meta"]
    )
    assert data["meta"]["letter_date"] == "2022-10-28"
    assert data["meta"]["vastgesteld"] is None
    q7 = data["questions"][6]
    assert {"number", "text", "answer", "page_from", "page_to", "attachment", "refers_to"} <= set(q7)
    assert (q7["number"], q7["refers_to"], q7["answer"]) == ("7", ["5"], "Zie het antwoord op vraag 5.")
    assert data["footnotes"] == [
        {"marker": "1", "text": "https://rsf.org/en/country/iraq", "question": "42", "line": 648, "field": "answer", "offset": 362, "entry": 41}
    ]
    first = data["diagnostics"][0]
    assert {"severity", "code", "message", "line"} <= set(first)
    assert (first["severity"], first["code"], first["line"]) == ("warning", "duplicate-fragment", 939)


def test_non_ascii_is_written_as_is(reference):
    assert "geïntegreerde" in kamerqa.to_json(reference)


@given(documents)
def test_any_document_round_trips(document):
    data = to_dict(document)
    validator.validate(json.loads(json.dumps(data)))
    assert from_dict(data) == document
    assert kamerqa.from_json(kamerqa.to_json(document)) == document


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "expected an object"),
        ('{"format": "other", "version": 1}', "format is 'other'"),
        ('{"format": "kamerqa", "version": 99}', "version 99 is not supported"),
        ('{"format": "kamerqa", "version": 1, "meta": {}}', "not a valid kamerqa JSON document"),
        # version 1 is upgraded before it is checked: a wrong type there is still a clear error
        ('{"format": "kamerqa", "version": 1, "meta": {}, "questions": [], "footnotes": [{"question": [1]}], "diagnostics": []}',
         "not a valid kamerqa JSON document"),
    ],
)
def test_bad_json_gives_a_clear_error(text, message):
    with pytest.raises(InputError, match=message):
        kamerqa.from_json(text)


def test_unknown_fields_are_refused(reference):
    data = to_dict(reference)
    data["questions"][0]["extra"] = 1
    with pytest.raises(InputError, match="extra"):
        from_dict(data)


def _standard_library_json(document: kamerqa.Document) -> str:
    return json.dumps(to_dict(document), ensure_ascii=False, indent=2) + "\n"


def test_indented_output_is_the_standard_librarys_byte_for_byte(reference):
    # to_json writes indent=2 with orjson, for speed; the text must not differ.
    assert kamerqa.to_json(reference) == _standard_library_json(reference)


@given(documents)
def test_indented_output_is_the_standard_librarys_for_any_document(document):
    assert kamerqa.to_json(document) == _standard_library_json(document)


def test_other_indents_go_through_the_standard_library(reference):
    assert kamerqa.to_json(reference, indent=None) == json.dumps(to_dict(reference), ensure_ascii=False) + "\n"
    assert kamerqa.to_json(reference, indent=4) == json.dumps(to_dict(reference), ensure_ascii=False, indent=4) + "\n"


def test_the_documented_example_is_real_output_and_valid():
    """docs/json-format.md's example validates against the shipped schema and
    reads back into the reference document's question 7."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "json-format.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    data = json.loads(example)
    validator.validate(data)
    document = kamerqa.from_json(example)
    reference = kamerqa.parse_file(Path(__file__).resolve().parents[1] / "seeds" / "000_e50b7459da8d0f59.txt")
    assert document.questions == (reference.question("7"),)
    assert document.footnotes == reference.footnotes and document.diagnostics == reference.diagnostics[:1]


# Strict reading (issue 14, item 17): one InputError naming the JSON path ----------


def _with(reference, change) -> str:
    data = json.loads(kamerqa.to_json(reference))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["questions"][3].__setitem__("text", 12345), "$.questions[3].text: "),
        (lambda d: d["questions"][0].__setitem__("refers_to", "12"), "$.questions[0].refers_to: "),
        (lambda d: d["questions"][1]["lines"].__setitem__("first", 1.9), "$.questions[1].lines.first: "),
        (lambda d: d["questions"][1]["lines"].__setitem__("first", True), "$.questions[1].lines.first: "),
        (lambda d: d["questions"][2].__setitem__("page_from", 2**70), "$.questions[2].page_from"),
        (lambda d: d["meta"].__setitem__("letter_date", "28 oktober"), "$.meta.letter_date"),
        (lambda d: d["diagnostics"][0].__setitem__("severity", "fatal"), "$.diagnostics[0].severity"),
    ],
)
def test_a_document_with_a_wrong_field_names_its_json_path(reference, change, where):
    with pytest.raises(InputError, match="not a valid kamerqa JSON document: at ") as caught:
        kamerqa.from_json(_with(reference, change))
    assert where in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,  # nested too deep
        '{"format": "kamerqa", "version": 1, "n": ' + "9" * 5000 + "}",  # a number out of range
        b'{"format": "kamerqa", "\xff": 1}',  # not UTF-8
        '{"format": "kamerqa", "version": 1, "meta": "\\ud800"}',  # a lone surrogate
    ],
)
def test_text_that_is_no_json_is_one_input_error(text):
    with pytest.raises(InputError, match="not JSON"):
        kamerqa.from_json(text)


def test_read_back_values_have_their_model_types(reference):
    document = kamerqa.from_json(kamerqa.to_json(reference))
    assert all(type(d.severity) is kamerqa.Severity for d in document.diagnostics)  # a str enum, not a str
    assert all(type(q.refers_to) is tuple and type(q.lines.first) is int for q in document.questions)


@pytest.mark.parametrize(
    ("where", "field", "value", "message"),
    [
        ("diagnostics", "line", -1, "$.diagnostics[0]: line must be at least 1, not -1"),
        ("diagnostics", "column", 0, "$.diagnostics[0]: column must be at least 1, not 0"),
        ("footnotes", "offset", -1, "$.footnotes[0]: offset must be at least 0, not -1"),
        ("questions", "page_from", -2, "$.questions[0]: page_from must be at least 0, not -2"),
        ("questions", "page", 0, "$.questions[0]: page must be at least 1, not 0"),
    ],
)
def test_values_out_of_the_schemas_range_are_refused_with_their_path(reference, where, field, value, message):
    # Issue 14 (17): from_json checked types, not ranges: a line -1 was read, and written again.
    data = json.loads(kamerqa.to_json(reference))
    data[where][0][field] = value
    with pytest.raises(InputError, match=re.escape(message)):
        kamerqa.from_json(json.dumps(data))
    with pytest.raises(ValueError, match=re.escape(message.split(": ", 1)[1])):  # the model holds to it too
        attrs.evolve(getattr(reference, where)[0], **{field: value})


def test_version_1_files_still_read_and_get_each_footnote_its_entry(reference):
    """Version 1 had no footnote ``entry``: the first question with the
    footnote's number is its question."""
    data = to_dict(reference)
    data["version"] = 1
    for note in data["footnotes"]:
        del note["entry"]
    assert from_dict(data) == reference  # entry 41: question 42's place
    data["footnotes"][0]["question"] = "999"  # a number no question has: the header's
    assert from_dict(data).footnotes[0].entry is None


def test_a_question_without_a_number_round_trips(reference):
    question = attrs.evolve(reference.questions[0], number=None, covers=())
    document = attrs.evolve(reference, questions=(question,), footnotes=())
    data = to_dict(document)
    validator.validate(data)
    assert data["questions"][0]["number"] is None
    assert from_dict(data) == document
