"""The Word report, read back with python-docx."""

from __future__ import annotations

import io
import re

import attrs
import docx
import pytest
from docx.oxml.ns import qn

import kamerqa
from kamerqa.exporters import UnsupportedOptionError
from kamerqa.text import split_list_marker

from .conftest import REFERENCE
from .synthetic import renumbered_copies


def render(document: kamerqa.Document, **options) -> docx.document.Document:
    buffer = io.BytesIO()
    kamerqa.export(document, buffer, "docx", **options)
    buffer.seek(0)
    return docx.Document(buffer)


@pytest.fixture(scope="module")
def report(reference):
    return render(reference, with_diagnostics=True)


def expected_paragraphs(text: str, style: str) -> list[tuple[str, str]]:
    """How a text field is laid out: one paragraph per paragraph, list items
    as list paragraphs without their typed marker."""
    out = []
    for block in text.split("\n\n"):
        for line in block.split("\n"):
            marker, rest = split_list_marker(line)
            if marker is None:
                out.append((style, line))
            elif marker[:-1].isdigit():
                out.append(("List Number", rest))
            elif marker[0].isalpha():
                out.append(("List Paragraph", line))
            else:
                out.append(("List Bullet", rest))
    return out


def sections(report) -> dict[str, list[tuple[str, str]]]:
    """Paragraphs (style, text) under each "Vraag N" heading."""
    found: dict[str, list[tuple[str, str]]] = {}
    current = None
    for paragraph in report.paragraphs:
        style = paragraph.style.name
        if style == "Heading 1":
            match = re.match(r"Vraag (\S+)", paragraph.text)
            current = match.group(1) if match else None
            if current is not None:
                assert current not in found, f"two headings for question {current}"
                found[current] = []
            continue
        if current is not None:
            found[current].append((style, paragraph.text))
    return found


def headings(report):
    return [p for p in report.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Vraag ")]


def test_one_heading_per_question_in_order(report, reference):
    headings_ = [p.text for p in headings(report)]
    assert [h.split()[1] for h in headings_] == [q.number for q in reference.questions]
    assert headings_[20] == "Vraag 21 · blz. 1"
    assert headings_[0] == "Vraag 1"


def without_markers(text: str, notes) -> str:
    """The text as Word shows it in the paragraph: a footnote marker is a
    footnote reference there, numbered by Word, not text."""
    from kamerqa.text import footnote_marker_span

    for note in notes:
        span = footnote_marker_span(text, note.marker)
        if span is not None:
            text = text[: span[0]] + text[span[1] :]
    return text


def test_question_and_answer_texts_equal_the_model(report, reference):
    found = sections(report)
    for q in reference.questions:
        notes = [f for f in reference.footnotes if f.question == q.number]
        expected = (
            expected_paragraphs(without_markers(q.text, notes), "Quote")
            + [("Heading 2", "Antwoord")]
            + expected_paragraphs(without_markers(q.answer, notes), "Normal")
        )
        assert found[q.number] == expected, q.number


def test_footnotes_are_real_word_footnotes_at_the_markers_place(report, reference):
    part = next(rel.target_part for rel in report.part.rels.values() if rel.reltype.endswith("/footnotes"))
    from lxml import etree

    root = etree.fromstring(part.blob)
    notes = [n for n in root.findall(qn("w:footnote")) if n.get(qn("w:type")) is None]
    assert len(notes) == len(reference.footnotes) == 1
    assert "".join(t.text for t in notes[0].iter(qn("w:t"))).strip() == "https://rsf.org/en/country/iraq"
    link = notes[0].find(".//" + qn("w:hyperlink"))
    assert part.rels[link.get(qn("r:id"))].target_ref == "https://rsf.org/en/country/iraq"  # clickable
    answer = next(p for p in report.paragraphs if p.text.startswith("Mede door de instabiele veiligheidssituatie"))
    runs = list(answer._p.iter(qn("w:r")))
    at = next(i for i, r in enumerate(runs) if r.find(qn("w:footnoteReference")) is not None)
    before = "".join(t.text for r in runs[:at] for t in r.iter(qn("w:t")))
    assert before.endswith("de politieke invloed op de media.")  # where the marker "1" stood
    assert runs[at].find(qn("w:footnoteReference")).get(qn("w:id")) == notes[0].get(qn("w:id"))


def test_house_style_a4_dutch_page_numbers_and_dates(report):
    import datetime


    section = report.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    language = report.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert language.get(qn("w:val")) == "nl-NL"
    footer = section.footer.paragraphs[0]
    fields = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"] and footer.text.startswith("Pagina ") and " van " in footer.text
    assert report.core_properties.created.date() == datetime.datetime.now(datetime.timezone.utc).date()
    assert report.core_properties.language == "nl-NL"
    assert report.settings.element.find(qn("w:updateFields")) is None  # no prompt on every opening


def test_list_items_are_numbered_list_paragraphs_restarting_at_one(report):
    items = [p for p in report.paragraphs if p.style.name == "List Number"]
    assert [p.text[:26] for p in items] == ["de Target Support Cell (we", "de force protection van Er"]
    num_ids = {p._p.pPr.numPr.numId.val for p in items}
    assert len(num_ids) == 1
    numbering = report.part.numbering_part.element
    num = numbering.num_having_numId(num_ids.pop())
    assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_every_cross_reference_is_a_link_to_a_bookmarked_heading(report, reference):
    body = report.element.body
    bookmarks = {b.get(qn("w:name")): b for b in body.iter(qn("w:bookmarkStart"))}
    toc_style = report.styles["TOC 1"].style_id
    links, toc = [], []
    for link in body.iter(qn("w:hyperlink")):
        entry = (link.get(qn("w:anchor")), "".join(t.text for t in link.iter(qn("w:t"))))
        assert entry[0] in bookmarks
        style = link.getparent().find(qn("w:pPr") + "/" + qn("w:pStyle"))
        (toc if style is not None and style.get(qn("w:val")) == toc_style else links).append(entry)
    # the table of contents links every question's heading, in order
    assert toc == [(f"vraag_{q.number}", p.text) for q, p in zip(reference.questions, headings(report))]
    # one link per number written in a reference, in document order
    expected = [n for q in reference.questions for n in q.refers_to]
    assert [text for _, text in links] == expected
    assert [anchor for anchor, _ in links] == [f"vraag_{n}" for n in expected]
    # each bookmark sits on its question's heading
    for q in reference.questions:
        paragraph = bookmarks[f"vraag_{q.number}"].getparent()
        assert paragraph.xpath("string(.)").startswith(f"Vraag {q.number}")


def test_metadata_table_title_and_properties(report, reference):
    assert report.paragraphs[0].style.name == "Title"
    assert report.paragraphs[0].text == "Lijst van vragen en antwoorden"
    assert report.paragraphs[1].text == reference.meta.title
    table = {row.cells[0].text: row.cells[1].text for row in report.tables[0].rows}
    assert table["Dossier"] == "27925"
    assert table["Over"] == "Kamerstuk 27925, nr. 919, brief van 28 oktober 2022"
    assert table["Commissie"] == "vaste commissie voor Buitenlandse Zaken"
    assert table["Gericht aan"] == "minister van Buitenlandse Zaken"
    assert table["Vastgesteld"] == "nog niet vastgesteld"
    assert (table["Voorzitter"], table["Griffier"]) == ("Heerema", "Westerhoff")
    properties = report.core_properties
    assert properties.title == reference.meta.title
    assert properties.subject == "Lijst van vragen en antwoorden"
    assert "dossier 27925" in properties.keywords


def test_the_contents_give_each_question_its_page(report, reference):
    instructions = [t.text.strip() for t in report.element.body.iter(qn("w:instrText"))]
    assert instructions == [f"PAGEREF vraag_{q.number} \\h" for q in reference.questions]  # one per entry, no TOC field
    entries = [p for p in report.paragraphs if p.style.name == "TOC 1"]
    assert len(entries) == len(reference.questions)
    tab = entries[0]._p.find(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")
    assert (tab.get(qn("w:val")), tab.get(qn("w:leader"))) == ("right", "dot")


def test_unanswered_question_is_marked(reference):
    q1 = attrs.evolve(reference.questions[0], answer=None, answer_lines=None)
    report = render(attrs.evolve(reference, questions=(q1, *reference.questions[1:])))
    assert sections(report)["1"][-2:] == [("Heading 2", "Antwoord"), ("Intense Quote", "Deze vraag is niet beantwoord.")]


def test_diagnostics_appendix_only_when_asked(report, reference):
    appendix = report.tables[-1]
    rows = [[c.text for c in row.cells] for row in appendix.rows]
    assert rows[0] == ["Regel", "Ernst", "Code", "Melding"]
    assert [r[:3] for r in rows[1:]] == [[str(d.line), d.severity.value, d.code] for d in reference.diagnostics]
    plain = render(reference)
    assert "Meldingen bij het inlezen" not in [p.text for p in plain.paragraphs]


def test_template_restyles_the_report(tmp_path, reference):
    from docx.shared import Pt, RGBColor

    house = docx.Document()
    house.styles["Heading 1"].font.size = Pt(23)
    house.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    house.add_paragraph("template body text that must not survive")
    path = tmp_path / "house-style.docx"
    house.save(path)
    report = render(reference, template=path)
    assert report.styles["Heading 1"].font.size == Pt(23)
    assert report.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x00)
    assert "template body text that must not survive" not in [p.text for p in report.paragraphs]
    assert sum(p.style.name == "Heading 1" and p.text.startswith("Vraag") for p in report.paragraphs) == 63


def test_unknown_option_is_refused(reference):
    with pytest.raises(UnsupportedOptionError, match="colour"):
        render(reference, colour="red")


def test_large_document_exports(reference_text):
    large = kamerqa.parse(renumbered_copies(reference_text, 16))
    assert len(large.questions) == 1008
    report = render(large)
    headings = [p.text.split()[1] for p in report.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Vraag")]
    assert headings == [str(n) for n in range(1, 1009)]


def test_cli_writes_docx_with_options(tmp_path):
    from click.testing import CliRunner

    from kamerqa.cli import main

    out = tmp_path / "rapport.docx"
    result = CliRunner().invoke(main, ["convert", str(REFERENCE), "-o", str(out), "--with-diagnostics"])
    assert result.exit_code == 0, result.output
    assert "Meldingen bij het inlezen" in [p.text for p in docx.Document(out).paragraphs]
    result = CliRunner().invoke(main, ["convert", str(REFERENCE), "--to", "docx"])  # stdout is not a terminal
    assert result.exit_code == 0
    assert docx.Document(io.BytesIO(result.stdout_bytes)).core_properties.title.startswith("Verlenging")


def _template_with_external_entity(path):
    import zipfile

    plain = io.BytesIO()
    docx.Document().save(plain)
    source = zipfile.ZipFile(plain)
    with zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                head, rest = data.decode().split("?>", 1)
                data = (
                    head + '?><!DOCTYPE w:styles [<!ENTITY leak SYSTEM "file:///etc/hostname">]>'
                    + rest.replace('<w:name w:val="Normal"/>', '<w:name w:val="Normal&leak;"/>', 1)
                ).encode()
            target.writestr(item, data)


@pytest.mark.parametrize("kind", ["external-entity", "not-a-docx"])
def test_a_bad_template_is_a_clear_error_and_reads_nothing_else(tmp_path, reference, kind):
    template = tmp_path / "house-style.docx"
    if kind == "external-entity":
        _template_with_external_entity(template)
    else:
        template.write_text("not a Word document", encoding="utf-8")
    with pytest.raises(kamerqa.InputError, match="not a usable Word template"):
        render(reference, template=template)


def test_a_dotx_template_and_one_lacking_styles_are_used(tmp_path, reference):
    import zipfile

    from docx.shared import Pt

    house = docx.Document()
    house.styles["Heading 1"].font.size = Pt(21)
    for name in ("Intense Quote", "Subtitle"):
        house.styles[name].element.getparent().remove(house.styles[name].element)
    plain = tmp_path / "huis.docx"
    house.save(plain)
    dotx = tmp_path / "huis.dotx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(dotx, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    for template in (plain, dotx):
        report = render(reference, template=template)
        assert report.styles["Heading 1"].font.size == Pt(21)
        assert "Intense Quote" in report.styles and "Subtitle" in report.styles  # added back
        assert sum(p.style.name == "Heading 1" and p.text.startswith("Vraag") for p in report.paragraphs) == 63


def test_kamervragen_are_titled_by_their_subject_and_joint_numbers_link_to_their_heading():
    from pathlib import Path

    corpus = Path(__file__).resolve().parent / "corpus"
    document = kamerqa.parse_file(next(corpus.glob("342_*.pdf")))
    report = render(document)
    assert report.paragraphs[0].text == f"Kamervragen over {document.meta.title}"
    table = {row.cells[0].text: row.cells[1].text for row in report.tables[0].rows}
    assert table["Aanhangsel"] == "ah-tk-20232024-1481" and "Vastgesteld" not in table
    referring = attrs.evolve(document.questions[0], answer="Zie het antwoord op vraag 6.", refers_to=("6",))
    report = render(attrs.evolve(document, questions=(referring, *document.questions[1:])))
    link = next(report.element.body.iter(qn("w:hyperlink")), None)
    links = [h for h in report.element.body.iter(qn("w:hyperlink")) if "".join(t.text for t in h.iter(qn("w:t"))) == "6"]
    assert link is not None and links and links[0].get(qn("w:anchor")) == "vraag_5_en_6"


def test_a_title_kind_or_committee_over_255_characters_is_cut_in_the_properties_only():
    # Issue 14 (14): Word's core properties hold 255 characters; a longer title crashed the export.
    title = "Verlenging van de bijdrage " * 20
    document = kamerqa.parse(f"27925- 919 {title}\n\nLijst van vragen en antwoorden\n\n1 Is dat zo?\nAntwoord\nJa.\n")
    document = attrs.evolve(document, meta=attrs.evolve(document.meta, kind="Lijst " * 60, committee="commissie " * 40))
    buffer = io.BytesIO()
    kamerqa.export(document, buffer, "docx")
    report = docx.Document(buffer)
    properties = report.core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")
    assert document.meta.title.startswith(properties.title[:-1])
    assert len(properties.subject) == len(properties.author) == 255
    assert document.meta.title in "\n".join(p.text for p in report.paragraphs)  # the report shows all of it
