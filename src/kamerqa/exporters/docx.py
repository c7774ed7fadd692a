"""Word report (python-docx): a document a committee clerk can send round.

Only Word's built-in style names are used (Title, Subtitle, Heading 1/2,
List Number, List Bullet, Intense Quote, Table Grid, Hyperlink, Footnote
Text, Footnote Reference), so ``template=house-style.docx`` (or ``.dotx``)
restyles the whole report.  Each question heading carries a bookmark;
every cross-reference ("Zie het antwoord op vraag 5") is an internal
hyperlink to it; footnotes are real Word footnotes at their marker
(:mod:`.wordparts` holds the OOXML python-docx has no API for).

Speed: styles are resolved once and set by id, numbering restarts are
written directly, and text is added run by run without re-parsing.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from typing import IO, Any

from lxml import etree

from ..errors import InputError
from ..model import Document, Footnote, Question
from ..text import footnote_marker_span, reference_spans, split_list_marker
from . import reject_options
from .summary import URL, anchor_key, heading_text, metadata_rows, question_name, title
from .wordparts import Footnotes, add_field, ensure_styles, house_style, open_template, page_number_footer

__all__ = ["DocxExporter"]

#: Where the contents' page numbers stand (twips): the right edge of A4's text.
_CONTENTS_TAB = "9071"

_PARAGRAPH_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "List Number",
    "List Bullet",
    "List Paragraph",
    "Intense Quote",
    "Quote",
    "TOC Heading",
)


class DocxExporter:
    name = "docx"
    suffixes = (".docx",)
    binary = True
    description = "Word report: metadata, table of contents, questions and answers with links"

    def write(
        self,
        document: Document,
        stream: IO[bytes],
        *,
        template: str | os.PathLike[str] | None = None,
        with_diagnostics: bool = False,
        **options: Any,
    ) -> None:
        reject_options(self.name, options)
        _Report(document, template).build(with_diagnostics, template=template is not None).save(stream)


class _Report:
    def __init__(self, document: Document, template: str | os.PathLike[str] | None) -> None:
        import docx  # imported here: JSON conversions never load python-docx
        from docx.oxml.ns import qn

        self.qn = qn
        self.model = document
        if template is None:
            self.doc = docx.Document()
        else:
            try:  # python-docx reads XML without resolving external entities; a .dotx opens as a .docx
                self.doc = docx.Document(open_template(os.fspath(template)))
            except Exception as exc:
                raise InputError(f"{os.fspath(template)}: not a usable Word template ({type(exc).__name__}: {exc})") from None
        if template is not None:
            body = self.doc.element.body
            for child in list(body):
                if child.tag != qn("w:sectPr"):
                    body.remove(child)
        ensure_styles(self.doc, _PARAGRAPH_STYLES)
        styles = self.doc.styles
        self.style = {name: styles[name] for name in _PARAGRAPH_STYLES + ("Footnote Text", "TOC 1")}
        self.style_id = {name: style.style_id for name, style in self.style.items()}
        self.hyperlink_style = styles["Hyperlink"].style_id
        self.anchors = _anchors(document.questions)
        self.footnote_style = styles["Footnote Reference"].style_id if "Footnote Reference" in styles else None
        self._footnotes: Footnotes | None = None
        self._last_paragraph: Any = None
        self._notes = document.footnotes_by_entry()
        self._sect_pr = self.doc.element.body.find(qn("w:sectPr"))
        self._bookmark_id = 0
        self._number_list = self._numbering_restarter()
        self._num_id: int | None = None

    # Setup -------------------------------------------------------------------

    def _numbering_restarter(self):
        """A function that returns a fresh numId for each numbered list, so
        every list in an answer starts again at 1."""
        style = self.style["List Number"]
        num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return lambda: None
        numbering = self.doc.part.numbering_part.element
        base = numbering.num_having_numId(num_pr.numId.val)
        abstract = base.abstractNumId.val

        def restart() -> int:
            num = numbering.add_num(abstract)
            override = num.add_lvlOverride(ilvl=0)
            override.add_startOverride(1)
            return num.numId

        return restart

    # Building ---------------------------------------------------------------

    def build(self, with_diagnostics: bool, *, template: bool = False):
        heading, subtitle = title(self.model.meta)
        self._paragraph(heading, "Title")
        if subtitle:
            self._paragraph(subtitle, "Subtitle")
        self._metadata_table()
        self._paragraph("Inhoud", "TOC Heading")
        self._table_of_contents()
        for entry, (question, anchor) in enumerate(zip(self.model.questions, self.anchors.values_in_order)):
            self._question(question, entry, anchor)
        if with_diagnostics:
            self._diagnostics()
        house_style(self.doc, template=template)
        page_number_footer(self.doc)
        self._properties()
        return self.doc

    def _paragraph(self, text: str = "", style: str = "Normal"):
        """A new paragraph (its ``w:p`` element) at the end of the body.

        Built with lxml directly: python-docx's add_paragraph searches the
        body for the section properties on every call (quadratic in the
        report's length) and add_run copies text character by character."""
        p = self._new("w:p")
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            self.doc.element.body.append(p)
        if style != "Normal":  # set by id: looking styles up by name is slow
            p_pr = self._sub(p, "w:pPr")
            self._sub(p_pr, "w:pStyle", {"w:val": self.style_id[style]})
        if text:
            self._run(p, text)
        return p

    def _new(self, tag: str):
        from docx.oxml import OxmlElement

        return OxmlElement(tag)

    def _sub(self, parent, tag: str, attributes: dict[str, str] | None = None):
        return etree.SubElement(parent, self.qn(tag), {self.qn(k): v for k, v in (attributes or {}).items()})

    def _run(self, parent, text: str = "", *, style: str | None = None, superscript: bool = False):
        """A run holding plain text (kamerqa's text has no tabs or line breaks)."""
        r = self._sub(parent, "w:r")
        if style or superscript:
            r_pr = self._sub(r, "w:rPr")
            if style:
                self._sub(r_pr, "w:rStyle", {"w:val": style})
            if superscript:
                self._sub(r_pr, "w:vertAlign", {"w:val": "superscript"})
        if text:
            t = self._sub(r, "w:t", {"xml:space": "preserve"})
            t.text = text
        return r

    def _metadata_table(self) -> None:
        rows = metadata_rows(self.model)
        from docx.shared import Cm

        table = self._table(len(rows), (Cm(4), Cm(12)))
        for row, (key, value) in zip(table.rows, rows):
            key_cell, value_cell = row.cells
            key_cell.paragraphs[0].add_run(key).bold = True
            value_cell.paragraphs[0].add_run(value)

    def _table(self, rows: int, widths):
        """A grid table with fixed column widths (Word reads the cells'
        widths, LibreOffice the grid's)."""
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.autofit = False
        if "Table Grid" in self.doc.styles:
            table.style = self.doc.styles["Table Grid"]
        for column, width in zip(table.columns, widths):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
        return table

    def _table_of_contents(self) -> None:
        """The contents: a linked entry per question and a PAGEREF field for
        its page, after a dotted tab.  LibreOffice shows the page numbers as
        it opens the file; Word fills them in when asked (select all, F9).
        Not a TOC field: LibreOffice shows a TOC field's stored text as it
        is, and Word's automatic refresh asks on every opening."""
        entries = [
            (anchor, heading_text(q, entry))
            for entry, (q, anchor) in enumerate(zip(self.model.questions, self.anchors.values_in_order))
        ]
        first = self._paragraph(style="TOC 1")
        paragraph = first
        for index, (anchor, text) in enumerate(entries):
            if index:
                paragraph = self._paragraph(style="TOC 1")
            tabs = self._sub(paragraph.find(self.qn("w:pPr")), "w:tabs")
            self._sub(tabs, "w:tab", {"w:val": "right", "w:leader": "dot", "w:pos": _CONTENTS_TAB})
            self._hyperlink(paragraph, text, anchor, styled=False)
            self._sub(self._run(paragraph), "w:tab")
            add_field(paragraph, f"PAGEREF {anchor} \\h")
        self._sub(self._run(paragraph), "w:br", {"w:type": "page"})  # the questions start on a new page

    def _question(self, question: Question, entry: int, anchor: str) -> None:
        heading = self._paragraph(style="Heading 1")
        name = question_name(question, entry)
        self._bookmarked(heading, name, anchor)
        details = heading_text(question, entry)[len(name) :]
        if details:
            self._run(heading, details)
        notes = self._notes.get(entry, [])
        placed = self._text(question.text, "Quote", notes)
        self._paragraph("Antwoord", "Heading 2")
        if question.answer is None:
            last = self._paragraph("Deze vraag is niet beantwoord.", "Intense Quote")
        else:
            placed |= self._text(question.answer, notes=notes)
            last = self._last_paragraph
        for note in notes:
            if note.marker not in placed:  # its marker is nowhere in the text: the note goes after the answer
                self._footnote(last, note)

    def _footnote(self, paragraph, note: Footnote) -> None:
        """A real Word footnote at the end of ``paragraph``'s runs so far."""
        if self._footnotes is None:
            self._footnotes = Footnotes(self.doc)
        links = [(m.start(), m.end()) for m in URL.finditer(note.text)]
        identifier = self._footnotes.add(note.text, links, self.style_id["Footnote Text"], self.footnote_style)
        Footnotes.reference(paragraph, identifier, self.footnote_style)

    def _text(self, text: str, style: str = "Normal", notes: Sequence[Footnote] = ()) -> set[str]:
        """Paragraphs in ``style``, and list items as real list paragraphs;
        the markers of ``notes`` become real footnotes.  The markers placed."""
        placed: set[str] = set()
        for block in text.split("\n\n"):
            restart_pending = True
            for line in block.split("\n"):
                marker, rest = split_list_marker(line)
                if marker is None:
                    paragraph, content = self._paragraph(style=style), line
                    restart_pending = True
                elif marker[:-1].isdigit():
                    paragraph, content = self._paragraph(style="List Number"), rest
                    if restart_pending:
                        self._num_id = self._number_list()
                        restart_pending = False
                    if self._num_id is not None:
                        self._set_num(paragraph, self._num_id)
                elif marker[0].isalpha():
                    paragraph, content = self._paragraph(style="List Paragraph"), line
                else:
                    paragraph, content = self._paragraph(style="List Bullet"), rest
                placed |= self._linked(paragraph, content, [n for n in notes if n.marker not in placed])
                self._last_paragraph = paragraph
        return placed

    def _set_num(self, paragraph, num_id: int) -> None:
        num_pr = paragraph.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id

    def _linked(self, paragraph, text: str, notes: Sequence[Footnote] = ()) -> set[str]:
        """Add ``text``, turning every cross-reference into an internal link
        and every footnote marker of ``notes`` into a real footnote; the
        markers placed."""
        marks: list[tuple[int, int, str, Any]] = []
        for start, end, number in reference_spans(text):
            if number in self.anchors:
                marks.append((start, end, "link", self.anchors[number]))
        for note in notes:
            span = footnote_marker_span(text, note.marker)
            if span is not None:
                marks.append((*span, "note", note))
        position, placed = 0, set()
        for start, end, kind, target in sorted(marks, key=lambda m: m[0]):
            if start < position:
                continue  # overlapping marks: the first wins
            if start > position:
                self._run(paragraph, text[position:start])
            if kind == "link":
                self._hyperlink(paragraph, text[start:end], target)
            else:
                self._footnote(paragraph, target)
                placed.add(target.marker)
            position = end
        if position < len(text):
            self._run(paragraph, text[position:])
        return placed

    def _hyperlink(self, paragraph, text: str, anchor: str, *, styled: bool = True) -> None:
        link = self._sub(paragraph, "w:hyperlink", {"w:anchor": anchor, "w:history": "1"})
        self._run(link, text, style=self.hyperlink_style if styled else None)

    def _bookmarked(self, paragraph, text: str, name: str) -> None:
        self._bookmark_id += 1
        identifier = str(self._bookmark_id)
        self._sub(paragraph, "w:bookmarkStart", {"w:id": identifier, "w:name": name})
        self._run(paragraph, text)
        self._sub(paragraph, "w:bookmarkEnd", {"w:id": identifier})

    def _diagnostics(self) -> None:
        self._paragraph("Meldingen bij het inlezen", "Heading 1")
        diagnostics = self.model.diagnostics
        if not diagnostics:
            self._paragraph("Geen meldingen.")
            return
        from docx.shared import Cm

        table = self._table(len(diagnostics) + 1, (Cm(1.5), Cm(2), Cm(3.8), Cm(8.7)))
        for cell, name in zip(table.rows[0].cells, ("Regel", "Ernst", "Code", "Melding")):
            cell.paragraphs[0].add_run(name).bold = True
        for row, diagnostic in zip(table.rows[1:], diagnostics):
            message = diagnostic.message + (f": “{diagnostic.text}”" if diagnostic.text else "")
            values = (str(diagnostic.line or ""), diagnostic.severity.value, diagnostic.code, message)
            for cell, value in zip(row.cells, values):
                cell.paragraphs[0].add_run(value)

    def _properties(self) -> None:
        meta = self.model.meta
        properties = self.doc.core_properties
        properties.title = _property(meta.title or meta.kind or "Lijst van vragen en antwoorden")
        properties.subject = _property(meta.kind or "")
        keywords = []
        if meta.dossier:
            keywords.append(f"dossier {meta.dossier}")
        if meta.about is not None:
            keywords.append(f"kamerstuk {meta.about}")
        properties.keywords = _property("; ".join(keywords))
        properties.author = _property(meta.committee or "")
        properties.comments = "Gemaakt met kamerqa"
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        properties.created = properties.modified = now


#: Word's core properties hold at most 255 characters (python-docx refuses more).
_PROPERTY_LIMIT = 255


def _property(value: str) -> str:
    """``value`` as a core property: cut to the limit with an ellipsis (the
    report itself shows the whole text)."""
    return value if len(value) <= _PROPERTY_LIMIT else value[: _PROPERTY_LIMIT - 1] + "…"


class _Anchors(dict):
    """Question number -> bookmark name (the first question with a number
    wins); ``values_in_order`` holds one bookmark per question."""

    values_in_order: list[str]


def _anchors(questions) -> _Anchors:
    anchors = _Anchors()
    anchors.values_in_order = []
    used: set[str] = set()
    for entry, question in enumerate(questions):
        base = "vraag_" + "".join(ch if ch.isalnum() else "_" for ch in anchor_key(question, entry))
        name, n = base[:36], 1
        while name in used:
            n += 1
            name = f"{base[:33]}_{n}"
        used.add(name)
        for number in (question.number, *question.covers):  # a joint question answers to each of its numbers
            if number is not None:
                anchors.setdefault(number, name)
        anchors.values_in_order.append(name)
    return anchors
