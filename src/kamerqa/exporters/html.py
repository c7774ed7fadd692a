"""HTML report: one self-contained page to publish or mail.

No external files: the style sheet is in the page, there are no scripts,
fonts or images.  The page has ``lang="nl"``, reads on a phone (a viewport
and one narrow column), and is built with the standard library's escaping:
everything that comes from the input is text, never markup (a question
holding ``<script>`` shows those characters).

Structure: the title and the document's metadata (by family, see
:mod:`.summary`), a table of contents, then every question as a section
with an anchor (``#vraag-5``; a joint question "4 en 5" answers to
``#vraag-4`` and ``#vraag-5`` alike), its answer, the numbers of other
questions it refers to as links, and footnotes as links to the notes at
the end (and back).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import IO, Any

from ..model import Document, Footnote, Question
from ..text import footnote_marker_span, reference_spans, split_list_marker
from . import reject_options
from .summary import URL, anchor_key, contents_text, heading_text, metadata_rows, title

__all__ = ["HtmlExporter", "anchor"]

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;
max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}
.ondertitel{font-size:1.1rem;color:#444;margin-top:0}
table.gegevens{border-collapse:collapse;margin:1rem 0;width:100%}
table.gegevens th{text-align:left;vertical-align:top;padding:.2rem .8rem .2rem 0;white-space:nowrap;color:#444}
table.gegevens td{padding:.2rem 0}
nav ol{padding-left:0;list-style:none}
nav li{margin:.25rem 0}
section.vraag{border-top:1px solid #ccc;padding-top:.5rem;margin-top:1.5rem}
section.vraag h2{font-size:1.15rem;margin:.3rem 0}
.vraagtekst{font-weight:600}
.antwoord h3{font-size:1rem;margin:.8rem 0 .2rem;color:#444}
.geen-antwoord{font-style:italic;color:#666}
sup a{text-decoration:none}
.noten{font-size:.9rem;border-top:1px solid #ccc;margin-top:2rem}
a{color:#0b57d0;overflow-wrap:anywhere}
@media print{nav{display:none}a{color:inherit}}
""".strip()



def anchor(number: str) -> str:
    """The id of question ``number``'s section: "vraag-12a" (for a question
    printed without a number, ``number`` is its place: "n3")."""
    return "vraag-" + "".join(ch if ch.isalnum() else "-" for ch in number.lower())


class HtmlExporter:
    name = "html"
    suffixes = (".html", ".htm")
    binary = False
    description = "HTML report: one self-contained page with contents, links and footnotes"

    def write(self, document: Document, stream: IO[str], **options: Any) -> None:
        reject_options(self.name, options)
        stream.write(_Page(document).render())


class _Page:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.targets: dict[str, str] = {}  # question number -> the id of the section it is in
        self.ids: list[str] = []
        for entry, question in enumerate(document.questions):
            own = anchor(anchor_key(question, entry))
            while own in self.ids:
                own += "-b"
            self.ids.append(own)
            for number in (question.number, *question.covers):
                if number is not None:
                    self.targets.setdefault(number, own)
        self.notes = document.footnotes_by_entry()

    def render(self) -> str:
        meta = self.document.meta
        heading, subtitle = title(meta)
        out = [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(heading)}</title>",
            '<meta name="generator" content="kamerqa">',
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{_e(heading)}</h1>",
        ]
        if subtitle:
            out.append(f'<p class="ondertitel">{_e(subtitle)}</p>')
        out.append('<table class="gegevens">')
        out += [f"<tr><th>{_e(label)}</th><td>{_e(value)}</td></tr>" for label, value in metadata_rows(self.document)]
        out += ["</table>", "</header>", '<nav aria-label="Inhoud">', "<h2>Inhoud</h2>", "<ol>"]
        for entry, (question, own) in enumerate(zip(self.document.questions, self.ids)):
            out.append(f'<li><a href="#{own}">{_e(contents_text(question, entry))}</a></li>')
        out += ["</ol>", "</nav>", "<main>"]
        for entry, (question, own) in enumerate(zip(self.document.questions, self.ids)):
            out += self._question(question, entry, own)
        out.append("</main>")
        out += self._footnotes()
        out += ["</body>", "</html>", ""]
        return "\n".join(out)

    def _question(self, question: Question, entry: int, own: str) -> list[str]:
        notes = self.notes.get(entry, [])
        out = [f'<section class="vraag" id="{own}">', f"<h2>{_e(heading_text(question, entry))}</h2>"]
        for extra in question.covers[1:]:
            if self.targets.get(extra) == own and anchor(extra) != own:
                out.append(f'<span id="{anchor(extra)}"></span>')
        out.append(f'<div class="vraagtekst">{self._text(question.text, notes)}</div>')
        out.append('<div class="antwoord">')
        out.append("<h3>Antwoord</h3>")
        if question.answer is None:
            out.append('<p class="geen-antwoord">Geen antwoord in het document.</p>')
        else:
            out.append(self._text(question.answer, notes, links=True))
        out += ["</div>", "</section>"]
        return out

    def _text(self, text: str, notes: Sequence[Footnote], *, links: bool = False) -> str:
        """Paragraphs as <p>, list items as lists, references and footnote
        markers as links; everything else escaped."""
        out: list[str] = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.split("\n")
            items = [split_list_marker(line) for line in lines]
            if len(lines) > 1 and all(marker is not None for marker, _ in items[1:]):
                head, first = (items[0][1], items[1:]) if items[0][0] is None else ("", items)
                if head:
                    out.append(f"<p>{self._inline(head, notes, links)}</p>")
                tag = "ol" if (first[0][0] or "")[:1].isdigit() else "ul"
                out.append(f"<{tag}>" + "".join(f"<li>{self._inline(rest, notes, links)}</li>" for _, rest in first) + f"</{tag}>")
            else:
                out.append("<p>" + "<br>".join(self._inline(line, notes, links) for line in lines) + "</p>")
        return "\n".join(out)

    def _inline(self, text: str, notes: Sequence[Footnote], links: bool) -> str:
        """Escaped text with cross-references, URLs and footnote markers linked."""
        marks: list[tuple[int, int, str]] = []
        if links:
            for start, end, number in reference_spans(text):
                target = self.targets.get(number)
                if target:
                    marks.append((start, end, f'<a href="#{target}">{_e(text[start:end])}</a>'))
        for match in URL.finditer(text):
            url = match.group(0)
            marks.append((match.start(), match.end(), f'<a href="{_e(url)}">{_e(url)}</a>'))
        for note in notes:
            position = footnote_marker_span(text, note.marker)
            if position is not None:
                start, end = position
                marks.append((start, end, f'<sup><a href="#noot-{_e(note.marker)}" id="ref-{_e(note.marker)}">{_e(note.marker)}</a></sup>'))
        out, at = [], 0
        for start, end, markup in sorted(marks):
            if start < at:
                continue  # overlapping marks: the first wins
            out.append(_e(text[at:start]))
            out.append(markup)
            at = end
        out.append(_e(text[at:]))
        return "".join(out)

    def _footnotes(self) -> list[str]:
        if not self.document.footnotes:
            return []
        out = ['<section class="noten" aria-label="Voetnoten">', "<h2>Voetnoten</h2>", "<ol>"]
        for note in self.document.footnotes:
            back = f' <a href="#ref-{_e(note.marker)}" aria-label="terug">↩</a>' if note.question is not None else ""
            linked = _linked_urls(note.text)
            if note.marker.isdigit():
                out.append(f'<li id="noot-{_e(note.marker)}" value="{_e(note.marker)}">{linked}{back}</li>')
            else:
                out.append(f'<li id="noot-{_e(note.marker)}">{_e(note.marker)} {linked}{back}</li>')
        out += ["</ol>", "</section>"]
        return out


def _linked_urls(text: str) -> str:
    """Escaped text with its web addresses as links."""
    out, at = [], 0
    for match in URL.finditer(text):
        out += [_e(text[at : match.start()]), f'<a href="{_e(match.group(0))}">{_e(match.group(0))}</a>']
        at = match.end()
    out.append(_e(text[at:]))
    return "".join(out)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
