"""Detection by evidence: every registered layout is scored, the choice and
its score are recorded, a close runner-up is named, and a refusal names the
candidates it rejected."""

from __future__ import annotations

import pytest

import kamerqa
from kamerqa import layouts
from kamerqa.parsing import CLOSE_RUNNER_UP, LAYOUTS


def test_the_registry_feeds_parse_and_the_command_line():
    from kamerqa import cli

    assert LAYOUTS == cli.LAYOUTS == (*layouts.names(), "flat")
    assert set(layouts.names()) == {"labelled", "period", "numbered", "table", "unnumbered"}
    for layout in layouts.REGISTRY.values():
        # each layout's own example is read in that layout
        doc = kamerqa.parse(layout.example)
        assert doc.meta.layout == layout.name, layout.name


def test_a_layout_name_can_be_registered_once():
    with pytest.raises(ValueError, match="registered already"):
        layouts.register(layouts.REGISTRY["table"])


def test_the_choice_and_its_evidence_are_recorded():
    doc = kamerqa.parse("Vraag 1\nIs dat zo?\nAntwoord 1\nJa.\nVraag 2\nEn dit?\nAntwoord 2\nNee.\n")
    assert (doc.meta.layout, doc.meta.layout_score, doc.meta.flattened) == ("labelled", 2, False)
    forced = kamerqa.parse("1\nIs dat zo?\nJa.\n", layout="numbered")
    assert forced.meta.layout_score is None


def test_a_close_runner_up_is_named():
    # Five lines read as labelled questions, four of them also as table rows:
    # the table is close (4 of 5 >= 80%).
    text = "".join(f"Vraag {n} Is dat zo?\nAntwoord\nJa.\n" for n in range(1, 6))
    text += "".join(f"{n} Is dat ook zo?\nNee.\n" for n in range(1, 5))
    doc = kamerqa.parse(text)
    scores = {d.code: d.message for d in doc.diagnostics}
    assert doc.meta.layout == "labelled"
    assert 4 >= CLOSE_RUNNER_UP * 5
    assert "layout-uncertain" in scores and "table would find 4" in scores["layout-uncertain"]


def test_a_distant_runner_up_is_not_named():
    text = "".join(f"Vraag {n} Is dat zo?\nAntwoord\nJa.\n" for n in range(1, 6))
    text += "".join(f"{n} Is dat ook zo?\nNee.\n" for n in range(1, 4))  # 3 of 5 < 80%
    assert "layout-uncertain" not in {d.code for d in kamerqa.parse(text).diagnostics}


def test_a_refusal_names_the_closest_candidates():
    with pytest.raises(kamerqa.ParseError) as caught:
        kamerqa.parse("12 Is dat zo?\nJa.\n40 En dit?\nNee.\n")
    message = str(caught.value)
    assert caught.value.code == "no-questions"
    assert "closest candidates: table: '12' at line 1 and 1 more, not numbered in sequence from 1" in message
    with pytest.raises(kamerqa.ParseError) as caught:
        kamerqa.parse("Hallo daar.\nGeen vragen hier.\n")
    assert "looked for questions such as" in str(caught.value)


def test_labelled_numbering_may_start_anywhere():
    doc = kamerqa.parse("Vraag 12\nIs dat zo?\nAntwoord 12\nJa.\nVraag 13\nEn dit?\nAntwoord 13\nNee.\n")
    assert [q.number for q in doc.questions] == ["12", "13"]


def _form(text: str) -> str:
    from kamerqa.grammar import layout_parser
    from kamerqa.postlex import detect_form

    return detect_form(layout_parser("qa").scan(text))


def _numbered_lines(count: int, text: str) -> str:
    """Lines "1 <text>", "2 <text>", ... ("{k}" in ``text`` is the number)."""
    return "".join(f"{k} {text.format(k=k)}\n" for k in range(1, count + 1))


@pytest.mark.parametrize(("bare", "expected"), [(4, "labelled"), (5, "table")])
def test_a_run_of_labels_weighs_twice_its_length(bare, expected):
    # LABEL_WEIGHT's boundary: two "Vraag N" labels (2 x 2 = 4) hold against
    # four lines opening with a number (a tie goes to the more explicit
    # layout), not against five.
    from kamerqa.postlex import LABEL_WEIGHT

    assert LABEL_WEIGHT == 2
    labels = "Vraag 1\nIs dat zo?\nAntwoord 1\nJa.\n\nVraag 2\nEn dit?\nAntwoord 2\nNee.\n\n"
    assert _form(labels + _numbered_lines(bare, "Zie de bijlage bij punt {k}.")) == expected


def test_of_equally_long_runs_the_one_that_skips_fewest_numbers_wins():
    # "1 De?" then a lone "2": question 1 of a table (no number skipped),
    # not question 2 of the numbered layout (1 skipped).
    assert _form("1 Deelt u de zorg?\n2\nIs dat zo?\nAntwoord\nJa.\n") == "table"
    assert _form("Inleiding.\n\n2\nDeelt u de zorg?\n\n3\nEn dit?\n") == "numbered"


UNNUMBERED = "Vraag\nIs dat zo?\nAntwoord\nJa.\n\nVraag\nEn dit?\nAntwoord\nNee.\n"


def test_questions_without_numbers_are_read_where_no_layout_finds_a_number():
    doc = kamerqa.parse(UNNUMBERED)
    assert doc.meta.layout == "unnumbered"
    assert doc.meta.layout_score == 2 * 2  # two labels, weighed as labels are
    assert [(q.number, q.covers, q.text, q.answer) for q in doc.questions] == [
        (None, (), "Is dat zo?", "Ja."),
        (None, (), "En dit?", "Nee."),
    ]
    assert not doc.problems


def test_one_numbered_label_outweighs_any_number_of_bare_labels():
    # Just inside: no number anywhere.  Just outside: one question labelled with a number.
    assert kamerqa.parse(UNNUMBERED).meta.layout == "unnumbered"
    numbered = UNNUMBERED.replace("Vraag\nIs dat zo?", "Vraag 1\nIs dat zo?", 1) + "\nVraag\nEn verder?\nAntwoord\nOok.\n" * 3
    doc = kamerqa.parse(numbered)
    assert doc.meta.layout == "labelled"
    assert not any(d.code == "layout-uncertain" for d in doc.diagnostics)  # no rival of a numbered reading


@pytest.mark.parametrize(("numbers", "expected"), [(1, "unnumbered"), (2, "table")])
def test_bare_labels_weigh_against_numbers_at_line_starts(numbers, expected):
    # A numbered line after a bare "Vraag" may be a footnote body at the
    # page's foot (corpus 300: "1 De vraag van de Tweede Kamer is hier
    # exact weergegeven ..."). One bare label weighs LABEL_WEIGHT (2): more
    # than one numbered line, not more than two (a tie goes to the numbers).
    from kamerqa.postlex import LABEL_WEIGHT

    assert LABEL_WEIGHT == 2
    bare = "Vraag\nHeeft u onderzocht of dat zo is?1\nAntwoord\nJa.\n\n"
    notes = _numbered_lines(numbers, "De vraag is hier weergegeven zoals gesteld.")
    assert _form(bare + notes) == expected
    # A document whose first question is numbered is numbered, bare labels after it or not.
    assert _form(notes + bare) == "table"
    if expected == "unnumbered":
        doc = kamerqa.parse(bare + notes)
        assert [(q.text, q.answer) for q in doc.questions] == [("Heeft u onderzocht of dat zo is?1", "Ja.")]
        assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "De vraag is hier weergegeven zoals gesteld.")]


def test_a_page_counter_is_no_footnote_body():
    # "1/2" under a page whose marker 1 awaits its body is the page's counter.
    from kamerqa.text import footnote_lead

    assert footnote_lead("1/2") is None and footnote_lead("1 Zie de brief.") == ("1", "Zie de brief.")
    doc = kamerqa.parse("Vraag 1\nIs dat zo?1\nAntwoord 1\nJa.\n1/2\nVraag 2\nEn dit?\nAntwoord 2\nNee.\n2/2\n")
    assert doc.footnotes == ()
    assert [q.answer for q in doc.questions] == ["Ja.", "Nee."]


@pytest.mark.parametrize("above", ["1", "1 Is dat zo?", "Nr", "Vraag", "1 Is dat zo?\nPagina 1/9\n", "1 Is dat zo?\n3/9\n"])
def test_a_bare_label_under_a_number_or_header_is_no_question_of_its_own(above):
    # Blank lines and page furniture between them are looked past.
    from kamerqa.grammar import layout_parser
    from kamerqa.postlex.detect import shape_starts

    lines = layout_parser("qa").scan(f"{above.rstrip()}\nVraag:\nIs dat zo?\n")
    label = above.count("\n") + 1 - above.endswith("\n")
    assert lines.values[label].startswith("Vraag:") and label not in shape_starts(lines, "unnumbered")
    lines = layout_parser("qa").scan("Dat is zo.\nVraag:\nIs dat zo?\n")
    assert 1 in shape_starts(lines, "unnumbered")


@pytest.mark.parametrize("below", ["1 Is dat zo?", "1", "Vraag 1", "\n1 Is dat zo?"])
def test_a_bare_label_over_a_numbered_line_is_its_column_header(below):
    # "Vraag" / "1 De?": the header over the table's first row, no question.
    from kamerqa.grammar import layout_parser
    from kamerqa.postlex.detect import shape_starts

    lines = layout_parser("qa").scan(f"Vraag\n{below}\nAntwoord\nJa.\n")
    assert 0 not in shape_starts(lines, "unnumbered")
    assert _form(f"Vraag\n{below}\nAntwoord\nJa.\n") != "unnumbered"
    lines = layout_parser("qa").scan("Vraag\nIs dat zo?\nAntwoord\nJa.\n")
    assert 0 in shape_starts(lines, "unnumbered")


def test_paragraphs_ask_only_in_a_document_without_question_labels():
    from kamerqa.grammar import layout_parser
    from kamerqa.postlex.detect import shape_starts

    text = "Is dat zo?\n\nJa.\n\nEn dit?\n"
    assert set(shape_starts(layout_parser("qa").scan(text), "unnumbered")) == {0, 4}
    labelled = "Vraag\n" + text
    assert set(shape_starts(layout_parser("qa").scan(labelled), "unnumbered")) == {0}
