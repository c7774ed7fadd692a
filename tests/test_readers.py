"""Reading what users hold: PDF, Word, official XML, HTML and text in the
common encodings, told apart by content; bad files are one clear error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import kamerqa
from kamerqa import InputError, readers
from kamerqa.cli import main
from kamerqa.readers import pdf, word

CORPUS = Path(__file__).resolve().parent / "corpus"
TOZO = {suffix: next(CORPUS.glob(f"340_*.{suffix}")) for suffix in ("xml", "html", "pdf")}

TEXT = "Lijst van vragen\n\n1 Is dat zo?\nAntwoord\nJa, één keer; het kost € 5.\n\n2 Waarom?\nAntwoord\nDaarom.\n"


def collapsed(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


# One document, three forms ---------------------------------------------------


def test_the_xml_html_and_pdf_of_one_document_give_the_same_questions_and_answers():
    documents = {form: kamerqa.parse_file(path) for form, path in TOZO.items()}
    expected = [(q.number, q.text, q.answer) for q in documents["xml"].questions]
    assert len(expected) == 9 and all(answer for _, _, answer in expected)
    assert expected[8][2].count("\n\n") == 1  # answer 9: two <al> paragraphs
    for form in ("html", "pdf"):  # exactly, paragraphs too (the PDF's by where its lines stop)
        assert [(q.number, q.text, q.answer) for q in documents[form].questions] == expected, form
    metas = {form: d.meta for form, d in documents.items()}
    for field in ("kind", "number", "aanhangsel", "askers", "answered_by", "submitted", "received", "title"):
        assert getattr(metas["xml"], field) == getattr(metas["html"], field) == getattr(metas["pdf"], field), field


def test_the_official_xml_maps_elements_straight_to_the_model():
    document = kamerqa.parse_file(TOZO["xml"])
    first = document.questions[0]
    assert first.element == "/officiele-publicatie/kamervragen/vraag[1]"
    # the HTML rendering's element, as the file has it (before the page's chrome is left out)
    assert kamerqa.parse_file(TOZO["html"]).questions[0].element == "/html/body/div[3]/div[1]"
    assert first.lines.first == 22  # the <vraag> element's line in the XML file
    assert document.meta.submitted.isoformat() == "2021-06-03"  # from <datum isodatum>
    assert document.meta.aanhangsel == "ah-tk-20202021-3235"  # from the metadata record
    assert document.question("4").refers_to == ("2", "3")
    assert document.question("9").answer.count("\n\n") == 1  # two <al> paragraphs


def test_pdf_questions_know_their_page():
    document = kamerqa.parse_file(TOZO["pdf"])
    pages = pdf.page_texts(TOZO["pdf"].read_bytes())
    for question in document.questions:
        start = " ".join(question.text.split()[:6])
        on = [number for number, text in enumerate(pages, 1) if start in " ".join(text.split())]
        assert question.page == on[0], question.number
    assert [q.page for q in document.questions] == [1, 1, 1, 2, 2, 2, 2, 3, 3]


def test_pdf_soft_hyphens_are_joined_and_running_footers_left_out_but_kept():
    document = kamerqa.parse_file(TOZO["pdf"])
    assert "beperktere looptijd" in document.question("1").answer  # "beperk-" / "tere" in print
    assert not any("vergaderjaar 2020–2021, Aanhangsel" in (q.answer or "") for q in document.questions)
    furniture = [d for d in document.diagnostics if d.code == "page-furniture"]
    assert len(furniture) == 1 and "Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel" in furniture[0].text


def test_pdf_running_lines_need_to_recur_and_labels_never_are_furniture():
    pages = [["Vraag 1", "tekst", "Kop 2024 blad 1"], ["Vraag 2", "tekst", "Kop 2024 blad 2"], ["Ja.", "tekst", "Ja."]]
    found = pdf._furniture(pages)
    assert (0, 2) in found and (1, 2) in found  # the same shape, digits aside, at the foot of 2 of 3 pages
    assert (0, 0) not in found and (1, 0) not in found  # "Vraag #" recurs, but is a label
    assert (2, 0) not in found  # "Ja." without digits would have to stand on every page


# Content decides -------------------------------------------------------------


@pytest.mark.parametrize("form", ["xml", "html", "pdf"])
def test_the_format_is_detected_from_the_content_not_the_name(tmp_path, form):
    renamed = tmp_path / "lijst.dat"
    renamed.write_bytes(TOZO[form].read_bytes())
    assert readers.detect(renamed.read_bytes()).name == form
    assert len(kamerqa.parse_file(renamed).questions) == 9


def test_the_cli_reads_a_pdf_and_writes_a_word_report(tmp_path):
    out = tmp_path / "lijst.docx"
    result = CliRunner().invoke(main, ["convert", str(TOZO["pdf"]), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    report = docx.Document(str(out))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "Klopt het dat de Tijdelijke overbruggingsregeling" in text and "Bovendien kent het Bbz" in text


def test_standard_input_is_read_for_convert_check_and_text():
    data = TOZO["pdf"].read_bytes()
    converted = CliRunner().invoke(main, ["convert", "-"], input=data)
    assert converted.exit_code == 0, converted.stderr
    assert len(kamerqa.from_json(converted.stdout).questions) == 9
    checked = CliRunner().invoke(main, ["check", "-"], input=TEXT.encode("cp1252"))
    assert checked.exit_code == 0 and "2 questions" in checked.stderr
    shown = CliRunner().invoke(main, ["text", "-"], input=data)
    assert shown.exit_code == 0 and shown.stdout.startswith("Tweede Kamer der Staten-Generaal")


# Encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (TEXT.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), None),
        (TEXT.encode("utf-16"), "UTF-16"),  # with its byte-order mark
        (TEXT.encode("utf-16-le"), "UTF-16-LE"),
        (TEXT.encode("utf-16-be"), "UTF-16-BE"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("€", "EUR").encode("latin-1") + b"\x81", "latin-1"),  # a byte cp1252 leaves undefined
    ],
)
def test_text_in_the_common_encodings_is_read_and_the_encoding_named(tmp_path, data, named):
    path = tmp_path / "lijst.txt"
    path.write_bytes(data)
    document = kamerqa.parse_file(path)
    assert document.question("1").answer.startswith("Ja, één keer")
    notes = [d for d in document.diagnostics if d.code == "encoding"]
    if named is None:
        assert notes == []
    else:
        assert len(notes) == 1 and f"read as {named}" in notes[0].message and notes[0].severity.value == "info"


def test_a_forced_encoding_is_used_and_a_wrong_one_is_a_clear_error(tmp_path):
    path = tmp_path / "lijst.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert "één" in kamerqa.parse_file(path, encoding="cp1252").question("1").answer
    with pytest.raises(kamerqa.ParseError) as caught:
        kamerqa.parse_file(path, encoding="utf-8")
    assert (caught.value.line, caught.value.code) == (5, "not-utf8")
    result = CliRunner().invoke(main, ["convert", str(path), "--encoding", "no-such-codec"])
    assert result.exit_code == 2 and "unknown encoding 'no-such-codec'" in result.stderr


# Word ------------------------------------------------------------------------


def test_word_list_numbers_and_table_rows_are_read_as_printed(tmp_path):
    made = docx.Document()
    made.add_paragraph("Antwoorden op de vragen van het lid Jansen")
    for question, answer in (("Is dat zo?", "Ja."), ("Waarom niet eerder?", "Het kon niet eerder.")):
        made.add_paragraph(question, style="List Number")  # Word numbers these itself: 1. 2.
        made.add_paragraph(f"Antwoord: {answer}")
    path = tmp_path / "brief.docx"
    made.save(str(path))
    assert readers.load(path).text.splitlines()[1] == "1. Is dat zo?"
    document = kamerqa.parse_file(path)
    assert [(q.number, q.text, q.answer) for q in document.questions] == [
        ("1", "Is dat zo?", "Ja."),
        ("2", "Waarom niet eerder?", "Het kon niet eerder."),
    ]

    table = docx.Document()
    grid = table.add_table(rows=2, cols=3)
    for row, (number, question, page) in zip(grid.rows, (("1", "Wat kost het?", "4"), ("2", "Wie betaalt?", "7"))):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = number, question, page
    path = tmp_path / "tabel.docx"
    table.save(str(path))
    assert readers.load(path).text.splitlines()[:3] == ["1 Wat kost het?", "4", ""]


# Bad files: one clear error, nothing written ---------------------------------


def _blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    """A PDF whose standard security handler wants a password it is not given."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        "<< /Filter /Standard /V 1 /R 2 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> /P -4 >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    ids = "<" + "33" * 16 + ">"
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R /ID [{ids} {ids}] >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


BAD = {
    "scan.pdf": (_blank_pdf(), "no text layer (a scan?); run OCR first, e.g. 'ocrmypdf"),
    "locked.pdf": (_encrypted_pdf(), "password-protected"),
    "cut.pdf": (TOZO["pdf"].read_bytes()[:900], "not a readable PDF"),
    "renamed.docx": (TEXT.encode(), "the name says docx, but the content is not a docx file"),
    "archive.docx": (_zip({"notes.txt": b"x"}), "a ZIP archive that is not a Word (.docx) file"),
    "empty-word.docx": (_zip({"[Content_Types].xml": b"<x/>", "word/other.xml": b"<x/>"}), "without word/document.xml"),
    "junk.txt": (bytes(range(256)) * 4, "binary data"),
    "image.pdf": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "an image (PNG)"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Word 97-2003 (.doc)"),
    "broken.xml": (b"<?xml version='1.0'?><officiele-publicatie><kamervragen>", "not well-formed XML"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_one_clear_error_and_nothing_is_written(tmp_path, name):
    data, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=None) as caught:
        kamerqa.parse_file(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w:document/>" + b" " * 2_000_000})
    assert len(bomb) < 20_000  # two megabytes of spaces pack into a few kilobytes
    path = tmp_path / "bom.docx"
    path.write_bytes(bomb)
    with pytest.raises(InputError, match="unpacks to 2,000,0"):
        kamerqa.parse_file(path)


def test_an_xml_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM-12345", encoding="utf-8")
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE officiele-publicatie [<!ENTITY xxe SYSTEM "file://{secret}">]>
<officiele-publicatie><kamervragen>
<vraag><nr>Vraag 1</nr><al>Is dat zo? &xxe;</al></vraag>
<antwoord><nr>Antwoord 1</nr><al>Ja. &xxe;</al></antwoord>
</kamervragen></officiele-publicatie>
"""
    path = tmp_path / "xxe.xml"
    path.write_text(xml, encoding="utf-8")
    document = kamerqa.parse_file(path)
    assert document.question("1").answer.startswith("Ja.")
    assert "GEHEIM" not in kamerqa.to_json(document)


# HTML ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Kamervragen</title><script>var x = "Vraag 9 in a script";</script></head>
<body>
<nav class="menu"><a href="/">Home</a> <a href="/zoeken">Zoeken</a></nav>
<header><p>Tweede Kamer der Staten-Generaal</p></header>
<main>
<h1>Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de kosten (ingezonden 3 juni 2024).</h1>
<p><a href="x.pdf">Download PDF</a></p>
<h2>Vraag 1</h2><p>Wat kost het?</p>
<h2>Antwoord 1</h2><p>Vijf euro.</p><p>Per jaar.</p>
<h2>Vraag 2</h2><p>Wie betaalt<br>het?</p>
<h2>Antwoord 2</h2><ul><li>De burger.</li><li>Het Rijk.</li></ul>
<p><a href="#top">Naar boven</a></p>
</main>
<footer class="footer"><p>Contact | Privacy</p></footer>
</body></html>
"""


def test_a_web_page_is_read_without_its_chrome(tmp_path):
    path = tmp_path / "pagina.html"
    path.write_text(PAGE, encoding="utf-8")
    document = kamerqa.parse_file(path)
    assert [(q.number, q.text, collapsed(q.answer)) for q in document.questions] == [
        ("1", "Wat kost het?", "Vijf euro. Per jaar."),
        ("2", "Wie betaalt het?", "De burger. Het Rijk."),
    ]
    everything = kamerqa.to_json(document)
    for chrome in ("Home", "Zoeken", "Download PDF", "Naar boven", "Privacy", "in a script"):
        assert chrome not in everything
    assert document.meta.askers == ("Jansen (VVD)",)
    assert all(q.element and q.element.startswith("/html/body/main") for q in document.questions)


# The draft committee table as Word and PDF (tests/fixtures/draft-table/make.py) --


DRAFT = Path(__file__).resolve().parent / "fixtures" / "draft-table"


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_the_draft_table_as_word_and_pdf_gives_the_reference_questions_and_pages(reference, form):
    document = kamerqa.parse_file(DRAFT / f"draft-table.{form}")
    assert document.meta.layout == "table"
    assert len(document.questions) == len(reference.questions) == 63
    for ours, theirs in zip(document.questions, reference.questions):
        assert ours.number == theirs.number
        assert (ours.page_from, ours.page_to) == (theirs.page_from, theirs.page_to), ours.number
        assert collapsed(ours.text) == collapsed(theirs.text), ours.number
        assert collapsed(ours.answer) == collapsed(theirs.answer), ours.number
    assert sum(q.page_from is not None for q in document.questions) == 41
    if form == "pdf":
        assert [q.page for q in document.questions][:2] == [1, 1] and document.questions[-1].page == 12


def test_a_word_broken_at_a_line_end_is_joined_as_the_document_writes_it():
    texts = ["de beperk\x02tere looptijd, de Iraaks\x02Turkse grens", "opvang-in\x02de-regio, e\x02mail en email; Fighters\x02werkgroep"]
    assert pdf.join_breaks(texts) == [
        "de beperktere looptijd, de Iraaks-Turkse grens",  # lower + lower: hyphenation; a capital: a compound
        "opvang-in-de-regio, email en email; Fighters-werkgroep",  # "email" is written so elsewhere
    ]
    assert pdf.join_breaks(["regen\x02boog en regen-boog"]) == ["regen-boog en regen-boog"]  # the document's own spelling


KAMERSTUK = Path(__file__).resolve().parent / "fixtures" / "kamerstuk.xml"


def test_a_kamerstuk_xml_gives_its_envelope_and_heading_and_its_marked_questions():
    document = kamerqa.parse_file(KAMERSTUK)
    meta = document.meta
    assert (meta.kind, meta.dossier, meta.number, meta.title) == (
        "Lijst van vragen en antwoorden", "27 925", "920", "Bestrijding internationaal terrorisme",
    )
    assert meta.vastgesteld.isoformat() == "2022-12-02" and meta.letter_date.isoformat() == "2022-10-28"
    assert (meta.committee, meta.addressee, meta.chair) == (
        "vaste commissie voor Buitenlandse Zaken", "Minister van Buitenlandse Zaken", "Van der Lee",
    )
    assert [(q.number, q.text, q.answer, q.refers_to) for q in document.questions] == [
        ("1", "Is er een exit-strategie?", "Ja, zie de brief.1", ()),
        ("2", "Welke kosten zijn er?", "Zie het antwoord op vraag 1.", ("1",)),
    ]
    assert [(f.marker, f.text, f.question) for f in document.footnotes] == [("1", "Kamerstuk 27 925, nr. 919", "1")]


def test_a_kamerstuk_without_marked_questions_is_parsed_as_its_text(tmp_path):
    xml = KAMERSTUK.read_text(encoding="utf-8")
    body = xml[xml.index("<vraag>") : xml.index("</stuk>")]
    plain = "<al>1 Is er een exit-strategie?</al><al>Antwoord</al><al>Ja.</al><al>2 Welke kosten zijn er?</al><al>Antwoord</al><al>Geen.</al>"
    path = tmp_path / "tekst.xml"
    path.write_text(xml.replace(body, plain), encoding="utf-8")
    document = kamerqa.parse_file(path)
    assert [(q.number, q.text, q.answer) for q in document.questions] == [
        ("1", "Is er een exit-strategie?", "Ja."),
        ("2", "Welke kosten zijn er?", "Geen."),
    ]
    assert document.meta.dossier == "27 925" and document.meta.number == "920"  # the envelope fills what the text lacks
    assert document.questions[0].element.startswith("/officiele-publicatie/kamerstuk/stuk/al")


def test_an_opendocument_file_is_told_to_be_saved_as_docx(tmp_path):
    path = tmp_path / "brief.odt"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match=r"an OpenDocument file \(\.odt\); save it as \.docx"):
        kamerqa.parse_file(path)


def _with_footnote(path: Path) -> None:
    """Give a python-docx file (which cannot write footnotes) a footnotes part
    and a reference to note 2 in the paragraph holding "media." (Word numbers
    notes by their order in the text, not by id)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t>https://rsf.org/en/country/iraq</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    document = document.replace("op de media.</w:t></w:r>", 'op de media.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>', 1)
    parts["word/document.xml"] = document.encode("utf-8")
    parts["word/footnotes.xml"] = notes.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
        'Target="footnotes.xml"/></Relationships>',
    ).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    ).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_word_footnotes_are_read_with_their_marker_in_place(tmp_path):
    made = docx.Document()
    made.add_paragraph("Vraag 1")
    made.add_paragraph("Hoe staat het met de persvrijheid?")
    made.add_paragraph("Antwoord 1")
    made.add_paragraph("Die staat onder druk door de politieke invloed op de media.")
    made.add_paragraph("Vraag 2")
    made.add_paragraph("En nu?")
    made.add_paragraph("Antwoord 2")
    made.add_paragraph("Zie het antwoord op vraag 1.")
    path = tmp_path / "noten.docx"
    made.save(str(path))
    _with_footnote(path)
    assert "1 https://rsf.org/en/country/iraq" in readers.load(path).text.splitlines()
    document = kamerqa.parse_file(path)
    assert document.question("1").answer == "Die staat onder druk door de politieke invloed op de media.1"
    assert [(f.marker, f.text, f.question) for f in document.footnotes] == [("1", "https://rsf.org/en/country/iraq", "1")]
    assert document.question("2").refers_to == ("1",)


def _pdf(texts: list[tuple[float, float, str, bool]]) -> bytes:
    """A one-page PDF made with PDFium: each text object at (x, y), bold or
    not, written in the order given (as a producer writes its content)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument.new()
    page = document.new_page(595, 842)
    fonts = {bold: pdfium_c.FPDFText_LoadStandardFont(document.raw, name) for bold, name in ((False, b"Helvetica"), (True, b"Helvetica-Bold"))}
    for x, y, text, bold in texts:
        item = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, fonts[bold], 10.0)
        buffer = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(item, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(item, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, item)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table_written_across_columns() -> bytes:
    """A draft-table page whose producer writes each printed line across the
    columns: PDFium's own text glues the page cell to the question ("... 9")."""
    rows = [
        (800, [(57, "Nr"), (90, "Vraag"), (446, "Bijlage"), (497, "Blz. (van)"), (541, "t/m")]),
        (780, [(57, "1"), (90, "Is er een exit-strategie van de"), (497, "9")]),
        (766, [(90, "Nederlandse bijdrage?")]),
        (752, [(90, "Antwoord: Ja, zie de brief.")]),
        (730, [(57, "2"), (90, "Wat kost de missie in 2024?"), (446, "3"), (497, "12"), (541, "14")]),
        (716, [(90, "Antwoord: 12 miljoen euro.")]),
    ]
    return _pdf([(x, y, text, False) for y, cells in rows for x, text in cells])


def test_a_draft_table_written_line_by_line_is_read_column_by_column(tmp_path):
    data = _table_written_across_columns()
    assert "exit-strategie van de 9" in " ".join(pdf._open(data, None)[0].get_textpage().get_text_bounded().split())
    path = tmp_path / "tabel.pdf"
    path.write_bytes(data)
    document = kamerqa.parse_file(path)
    assert document.meta.layout == "table"
    assert [(q.number, q.text, q.answer, q.page_from, q.page_to) for q in document.questions] == [
        ("1", "Is er een exit-strategie van de Nederlandse bijdrage?", "Ja, zie de brief.", 9, None),
        ("2", "Wat kost de missie in 2024?", "12 miljoen euro.", 12, 14),
    ]
    assert [q.attachment for q in document.questions] == [None, "3"]  # the Bijlage cell, never a page number


def test_pdf_positions_are_page_and_line_on_the_page():
    document = kamerqa.parse_file(TOZO["pdf"])
    pages = pdf.page_texts(TOZO["pdf"].read_bytes())
    for question in document.questions:
        printed = pages[question.page - 1].split("\n")[question.page_line - 1]
        assert printed.strip() == f"Vraag {question.number}", question.number  # the label's own line on its page
    furniture = next(d for d in document.diagnostics if d.code == "page-furniture")
    assert furniture.page is None  # it covers several pages
    broken = kamerqa.parse(readers.load(TOZO["pdf"]).text)  # the same text without its pages: no positions
    assert all(q.page is None and q.page_line is None for q in broken.questions)


def test_a_pdf_diagnostic_says_its_page_and_line():
    diagnostic = kamerqa.Diagnostic(kamerqa.Severity.WARNING, "no-answer", "question 3 has no answer", 40, 1, None, page=2, page_line=7)
    assert str(diagnostic) == "page 2, line 7: 40:1: warning no-answer question 3 has no answer"


def _pdf_of_lines(lines: list[tuple[str, bool]]) -> bytes:
    """A one-page PDF of (text, bold) lines, top to bottom."""
    return _pdf([(60, 800 - 14 * number, text, bold) for number, (text, bold) in enumerate(lines)])


def test_where_labels_are_bold_a_label_like_line_in_the_body_font_is_text(tmp_path):
    lines = [
        ("Vraag 1", True), ("Is de regeling al geëvalueerd?", False),
        ("Antwoord 1", True), ("Nee, dat gebeurt in 2025. Eerder vroeg u al:", False),
        ("Vraag 2", False), ("Komt er een evaluatie?", False),  # a quoted earlier question, in the body font
        ("Vraag 3", True), ("Wanneer komt de evaluatie?", False),
        ("Antwoord 3", True), ("In het voorjaar.", False),
    ]
    path = tmp_path / "vet.pdf"
    path.write_bytes(_pdf_of_lines(lines))
    document = kamerqa.parse_file(path)
    assert [q.number for q in document.questions] == ["1", "3"]
    assert collapsed(document.question("1").answer) == "Nee, dat gebeurt in 2025. Eerder vroeg u al: Vraag 2 Komt er een evaluatie?"
    # the same lines all in one font: the font says nothing, and the line is read by its shape
    path.write_bytes(_pdf_of_lines([(text, False) for text, _ in lines]))
    assert "2" in [q.number for q in kamerqa.parse_file(path).questions]


def test_kamerstuk_text_keeps_list_numbers_and_table_cells(tmp_path):
    # found in review: a list item's <li.nr> and the text of table <entry> cells were dropped
    xml = (
        '<?xml version="1.0"?><officiele-publicatie><kamerstuk><dossier><dossiernummer>1</dossiernummer></dossier><stuk>'
        "<lijst><li><li.nr>a.</li.nr><al>een item</al></li></lijst>"
        "<tabel><tgroup><tbody><row><entry>Post</entry><entry>12 miljoen</entry></row></tbody></tgroup></tabel>"
        "<al>1 Is het zo?</al><al>Antwoord</al><al>Ja.</al><al>2 En dit?</al><al>Antwoord</al><al>Nee.</al>"
        "</stuk></kamerstuk></officiele-publicatie>"
    )
    path = tmp_path / "lijst.xml"
    path.write_text(xml, encoding="utf-8")
    lines = readers.load(path).text.splitlines()
    assert "a. een item" in lines and "Post | 12 miljoen" in lines
    assert [q.number for q in kamerqa.parse_file(path).questions] == ["1", "2"]


def test_official_xml_text_outside_the_questions_is_kept_in_a_diagnostic(tmp_path):
    # found in review: a closing paragraph after the last answer vanished without a word
    xml = TOZO["xml"].read_text(encoding="utf-8").replace(
        "</kamervragen>", "<slotformule><al>Hoogachtend, de minister.</al></slotformule></kamervragen>"
    )
    path = tmp_path / "slot.xml"
    path.write_text(xml, encoding="utf-8")
    document = kamerqa.parse_file(path)
    stray = [d for d in document.diagnostics if d.code == "stray-fragment"]
    assert [(d.text, d.element) for d in stray] == [("Hoogachtend, de minister.", "/officiele-publicatie/kamervragen/slotformule")]
    assert len(document.questions) == 9


@pytest.mark.parametrize(("position", "furniture"), [(pdf.EDGE_LINES - 1, True), (pdf.EDGE_LINES, False)])
def test_running_lines_are_looked_for_in_the_first_and_last_edge_lines_of_a_page(position, furniture):
    # EDGE_LINES' boundary: a line that repeats on every page is furniture
    # among a page's first three filled lines, text as the fourth.
    def page(number: int) -> list[str]:
        body = [f"Regel {k} van de tekst op pagina {number} met woorden." for k in range(12)]
        return body[:position] + [f"Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel {number}"] + body[position:]

    found = pdf._furniture([page(n) for n in range(1, 5)])
    assert ({(p, position) for p in range(4)} <= found) == furniture


@pytest.mark.parametrize(("characters", "refused"), [(pdf.MIN_PAGE_CHARACTERS, False), (pdf.MIN_PAGE_CHARACTERS - 1, True)])
def test_a_pdf_with_fewer_than_twenty_characters_a_page_has_no_text_layer(tmp_path, characters, refused):
    # MIN_PAGE_CHARACTERS' boundary: 20 printable characters a page are text, 19 a scan.
    reader = pdf.PdfReader()
    data = _pdf([(60, 800, "x" * characters, False)])
    if refused:
        with pytest.raises(InputError, match="no text layer"):
            reader.read(data, source="scan.pdf", encoding=None)
    else:
        assert "x" * characters in reader.read(data, source="scan.pdf", encoding=None).text


class _MonospacedPage:
    """A stand-in for a PDFium text page: every character 6 points wide,
    each line starting at x = 0 (enough for :func:`pdf._paragraph_ends`)."""

    def __init__(self, lines: list[str]) -> None:
        self.starts, at = [], 0
        for line in lines:
            self.starts.append(at)
            at += len(line) + 1

    def get_charbox(self, index: int, loose: bool = True) -> tuple[float, float, float, float]:
        start = max(s for s in self.starts if s <= index)
        column = index - start
        return (column * 6.0, 0.0, column * 6.0 + 6.0, 10.0)


@pytest.mark.parametrize(("length", "ends"), [(56, True), (57, False)])
def test_a_pdf_line_ends_its_paragraph_when_the_next_word_would_have_fitted(length, ends):
    # FIT_SLACK's boundary: the edge is at 360 points; after a line of 57
    # characters (342) the next word "De" and a space (18) reach exactly
    # 360, and the slack of 2 points says that is a full line.
    lines = ["x" * (length - 1) + ".", "De rest van de zin gaat hier door.", "y" * 60]
    page = _MonospacedPage(lines)
    found = pdf._paragraph_ends(page, [(line, at) for line, at in zip(lines, page.starts)])
    assert (0 in found) == ends


@pytest.mark.parametrize(("controls", "binary"), [(10, False), (11, True)])
def test_control_characters_in_more_than_a_hundredth_of_the_head_mean_binary(controls, binary):
    # BINARY_SHARE's boundary: 10 control bytes in 1,000 are text (OCR leaves
    # some), 11 are not.
    from kamerqa.readers.encoding import BINARY_SHARE, looks_binary

    assert BINARY_SHARE == 0.01
    head = b"\x01" * controls + b"a" * (1000 - controls)
    assert looks_binary(head) == binary


def test_characters_within_the_baseline_tolerance_stand_on_one_line():
    from kamerqa.readers import columns

    tolerance = columns.BASELINE_TOLERANCE
    # (index, character, left, line, right): "a" on the line at 100, "b" just inside or outside it
    inside = columns._lines([(0, "a", 10.0, 100.0, 15.0), (1, "b", 20.0, 100.0 - tolerance, 25.0)])
    outside = columns._lines([(0, "a", 10.0, 100.0, 15.0), (1, "b", 20.0, 100.0 - tolerance - 0.01, 25.0)])
    assert [[c[1] for c in line] for line in inside] == [["a", "b"]]
    assert [[c[1] for c in line] for line in outside] == [["a"], ["b"]]


def test_a_gap_wider_than_the_word_gap_separates_words():
    from kamerqa.readers import columns

    gap = columns.WORD_GAP
    assert columns._text([(0, "a", 0.0, 0.0, 5.0), (1, "b", 5.0 + gap, 0.0, 10.0)]) == "ab"  # touching: one word
    assert columns._text([(0, "a", 0.0, 0.0, 5.0), (1, "b", 5.0 + gap + 0.01, 0.0, 10.0)]) == "a b"


def test_a_label_is_bold_from_the_bold_weight_or_by_its_font_name():
    assert pdf.is_bold(pdf.BOLD_WEIGHT, "Arial") and not pdf.is_bold(pdf.BOLD_WEIGHT - 1, "Arial")
    assert pdf.is_bold(-1, "Arial-BoldMT") and not pdf.is_bold(-1, "ArialMT")  # no weight given: the name says it
