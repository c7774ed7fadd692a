"""OOXML pieces python-docx has no API for, used by the Word report.

Real footnotes (a footnotes part of our own, a reference at the marker's
place), fields (page numbers "Pagina X van Y", PAGEREF in the contents),
Dutch house style (A4, language nl-NL), and opening a ``.dotx`` template
as a document.  Each is checked by reading the XML back in the tests, and
by LibreOffice by hand (docs/exporters.md).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

__all__ = ["Footnotes", "add_field", "ensure_styles", "house_style", "open_template", "page_number_footer"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def sub(parent: Any, tag: str, attributes: dict[str, str] | None = None) -> Any:
    """A ``w:`` child element (attribute names without a prefix are ``w:``)."""
    attrs = {}
    for key, value in (attributes or {}).items():
        if key.startswith("xml:"):
            attrs["{http://www.w3.org/XML/1998/namespace}" + key[4:]] = value
        elif key.startswith("r:"):
            attrs[f"{{{R}}}{key[2:]}"] = value
        else:
            attrs[w(key)] = value
    return etree.SubElement(parent, w(tag), attrs)


def open_template(path: str) -> io.BytesIO:
    """A ``.dotx`` template as a ``.docx`` python-docx opens (only the main
    part's content type differs); a ``.docx`` as it is."""
    with open(path, "rb") as stream:
        data = stream.read()
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return io.BytesIO(data)  # python-docx says what is wrong with it
    with source:
        types = source.read("[Content_Types].xml") if "[Content_Types].xml" in source.namelist() else b""
        if _TEMPLATE_TYPE not in types:
            return io.BytesIO(data)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(info, content)
    out.seek(0)
    return out


def add_field(paragraph: Any, instruction: str, result: str = "", run_style: str | None = None) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``, ``PAGEREF x \\h``) with a cached result."""
    def run() -> Any:
        r = sub(paragraph, "r")
        if run_style:
            sub(sub(r, "rPr"), "rStyle", {"val": run_style})
        return r

    sub(run(), "fldChar", {"fldCharType": "begin"})
    sub(run(), "instrText", {"xml:space": "preserve"}).text = f" {instruction} "
    sub(run(), "fldChar", {"fldCharType": "separate"})
    sub(run(), "t", {"xml:space": "preserve"}).text = result
    sub(run(), "fldChar", {"fldCharType": "end"})


def page_number_footer(document: Any) -> None:
    """ "Pagina X van Y" centred in the footer of every section."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in document.sections:
        paragraph = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p = paragraph._p
        sub(sub(p, "r"), "t", {"xml:space": "preserve"}).text = "Pagina "
        add_field(p, "PAGE", "1")
        sub(sub(p, "r"), "t", {"xml:space": "preserve"}).text = " van "
        add_field(p, "NUMPAGES", "1")


def house_style(document: Any, *, template: bool) -> None:
    """A4 (unless a template sets its own page), and Dutch as the language
    of the text: spelling checks and screen readers read it as Dutch."""
    from docx.shared import Cm

    if not template:
        for section in document.sections:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.5)
            section.top_margin = section.bottom_margin = Cm(2.5)
    styles = document.styles.element
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        styles.insert(0, defaults)
    run_defaults = defaults.find(w("rPrDefault"))
    if run_defaults is None:
        run_defaults = sub(defaults, "rPrDefault")
    properties = run_defaults.find(w("rPr"))
    if properties is None:
        properties = sub(run_defaults, "rPr")
    language = properties.find(w("lang"))
    if language is None:
        language = sub(properties, "lang")
    language.set(w("val"), "nl-NL")
    document.core_properties.language = "nl-NL"


def ensure_styles(document: Any, names: tuple[str, ...]) -> None:
    """Add the built-in styles a template may lack, so a house template
    that defines them wins: first from python-docx's own template (a
    house template made from an empty document lacks e.g. "Intense
    Quote"), then the few that template lacks too."""
    import copy

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    default = docx.Document().styles
    for name in (*names, "Footnote Text"):
        if name not in styles and name in default:
            element = copy.deepcopy(default[name].element)
            p_pr = element.find(w("pPr"))
            if p_pr is not None and p_pr.find(w("numPr")) is not None:
                p_pr.remove(p_pr.find(w("numPr")))  # its list definition is not in this template
            styles.element.append(element)
    if "Hyperlink" not in styles:
        style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True
    if "TOC 1" not in styles:
        style = styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(0)
    if "Footnote Text" not in styles:
        style = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
    if "Footnote Reference" not in styles:
        style = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        style.font.superscript = True
    for name in names:
        if name not in styles:  # no built-in to copy: a plain style of that name, based on Normal
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]


class Footnotes:
    """A footnotes part of the report's own: Word's separators, then one
    footnote per note, its web addresses as links."""

    def __init__(self, document: Any) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart

        self.document = document
        root = etree.Element(w("footnotes"), nsmap={"w": W, "r": R})
        for kind, number in (("separator", "-1"), ("continuationSeparator", "0")):
            note = sub(root, "footnote", {"type": kind, "id": number})
            sub(sub(sub(note, "p"), "r"), kind)
        self.part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, root, document.part.package)
        document.part.relate_to(self.part, FOOTNOTES_REL)
        self.root = root
        self.count = 0

    def add(self, text: str, links: list[tuple[int, int]], style: str | None, reference_style: str | None) -> str:
        """A footnote with ``text`` (``links``: spans of web addresses); its id."""
        self.count += 1
        identifier = str(self.count)
        note = sub(self.root, "footnote", {"id": identifier})
        p = sub(note, "p")
        if style:
            sub(sub(p, "pPr"), "pStyle", {"val": style})
        mark = sub(p, "r")
        if reference_style:
            sub(sub(mark, "rPr"), "rStyle", {"val": reference_style})
        else:
            sub(sub(mark, "rPr"), "vertAlign", {"val": "superscript"})
        sub(mark, "footnoteRef")
        sub(sub(p, "r"), "t", {"xml:space": "preserve"}).text = " "
        at = 0
        for start, end in links:
            if start > at:
                sub(sub(p, "r"), "t", {"xml:space": "preserve"}).text = text[at:start]
            rel = self.part.relate_to(text[start:end], HYPERLINK_REL, is_external=True)
            link = sub(p, "hyperlink", {"r:id": rel})
            r = sub(link, "r")
            sub(sub(r, "rPr"), "rStyle", {"val": "Hyperlink"})
            sub(r, "t", {"xml:space": "preserve"}).text = text[start:end]
            at = end
        if at < len(text):
            sub(sub(p, "r"), "t", {"xml:space": "preserve"}).text = text[at:]
        return identifier

    @staticmethod
    def reference(paragraph: Any, identifier: str, reference_style: str | None) -> None:
        """The footnote's number in the text, where its marker stood."""
        r = sub(paragraph, "r")
        properties = sub(r, "rPr")
        if reference_style:
            sub(properties, "rStyle", {"val": reference_style})
        else:
            sub(properties, "vertAlign", {"val": "superscript"})
        sub(r, "footnoteReference", {"id": identifier})
