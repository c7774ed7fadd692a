"""Reading a written report back with each format's own reader: the
question numbers it shows, in order.  Exporters are tested this way, not
by "the file exists"."""

from __future__ import annotations

import csv
import io

from lxml import html as lxml_html

import kamerqa


def shown_numbers(data: bytes, form: str) -> list[str | None]:
    """The question numbers a report in ``form`` shows, ``None`` for a
    question shown without one (for html: the sections' anchors, "vraag-5",
    "vraag-n3" for the third question when it has no number)."""
    import docx
    import openpyxl

    if form == "json":
        return [q.number for q in kamerqa.from_json(data.decode("utf-8")).questions]
    if form == "csv":
        return [row["Nr"] or None for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))]
    if form == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data))["Vragen"]
        return [None if row[0] is None else str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    if form == "docx":
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        headings = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 1" and p.text.startswith("Vraag ")]
        shown = [h.removeprefix("Vraag ").split(" · ")[0] for h in headings]
        return [None if number == f"#{place}" else number for place, number in enumerate(shown, start=1)]
    if form == "html":
        root = lxml_html.document_fromstring(data)
        return [s.get("id") for s in root.findall(".//section[@class='vraag']")]
    return [q.number for q in kamerqa.parse(data.decode("utf-8")).questions]  # txt: kamerqa reads it back


def expected_numbers(document: kamerqa.Document, form: str) -> list[str | None]:
    """What :func:`shown_numbers` should give for ``document``."""
    numbers = [q.number for q in document.questions]
    if form != "html":
        return list(numbers)
    ids: list[str | None] = []  # "vraag-5"; a number printed twice: "vraag-5-b" the second time
    for place, number in enumerate(numbers, start=1):
        printed = number if number is not None else f"n{place}"
        own = "vraag-" + "".join(ch if ch.isalnum() else "-" for ch in printed.lower())
        while own in ids:
            own += "-b"
        ids.append(own)
    return ids
