"""Reading a written report back with each format's own reader: the
question numbers it shows, in order.  Exporters are tested this way, not
by "the file exists"."""

from __future__ import annotations

import csv
import io

from lxml import html as lxml_html

import kamerqa


def shown_numbers(data: bytes, form: str) -> list[str]:
    """The question numbers a report in ``form`` shows (for html: the
    sections' anchors, "vraag-5")."""
    import docx
    import openpyxl

    if form == "json":
        return [q.number for q in kamerqa.from_json(data.decode("utf-8")).questions]
    if form == "csv":
        return [row["Nr"] for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))]
    if form == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data))["Vragen"]
        return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    if form == "docx":
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        headings = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 1" and p.text.startswith("Vraag ")]
        return [h.removeprefix("Vraag ").split(" · ")[0] for h in headings]
    if form == "html":
        root = lxml_html.document_fromstring(data)
        return [s.get("id") for s in root.findall(".//section[@class='vraag']")]
    return [q.number for q in kamerqa.parse(data.decode("utf-8")).questions]  # txt: kamerqa reads it back


def expected_numbers(document: kamerqa.Document, form: str) -> list[str]:
    """What :func:`shown_numbers` should give for ``document``."""
    numbers = [q.number for q in document.questions]
    if form != "html":
        return numbers
    ids: list[str] = []  # "vraag-5"; a number printed twice: "vraag-5-b" the second time
    for number in numbers:
        own = "vraag-" + "".join(ch if ch.isalnum() else "-" for ch in number.lower())
        while own in ids:
            own += "-b"
        ids.append(own)
    return ids
