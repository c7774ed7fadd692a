"""The check behind "nothing is lost": a parse with its working
(:class:`Analysis`), and the source lines whose text cannot be found where
their role says it went."""

from __future__ import annotations

import attrs

from .header import read_heading, split_vastgesteld
from .model import Diagnostic, Document
from .postlex import FootnoteRef
from .text import clean_line, footnote_lead
from .transform import Role

__all__ = ["Analysis"]


@attrs.frozen
class Analysis:
    """A parse with its working: the document, and for every source line the
    places it went (see :data:`kamerqa.transform.Role`)."""

    document: Document
    roles: dict[int, list[Role]]
    lines: tuple[str, ...]
    footnote_refs: dict[str, FootnoteRef]
    #: The diagnostics at the positions of ``lines`` (text whose line breaks
    #: were lost is re-broken before lexing: the document's diagnostics
    #: point into the original, these into ``lines``).
    working: tuple[Diagnostic, ...] = ()
    #: Where the text the parser read from a line stands on it: line ->
    #: [(start, end)], 0-based.  What lies outside (a question number, an
    #: "Antwoord" label, a page cell) the parser lifted into a field.
    pieces: dict[int, list[tuple[int, int]]] = attrs.Factory(dict)

    def unaccounted(self) -> list[int]:
        """Non-blank source lines whose text cannot be found where their role
        says it went: the check behind "nothing is lost".

        A line is accounted for when it is layout (page number, footer,
        label, column header), belongs to a diagnostic that carries it, or
        its text - less the parts the parser lifts out (question number,
        page cell, answer label) - occurs in its field.  Footnote markers
        stay in the text, as printed.
        """
        doc = self.document
        kept: dict[int, list[str]] = {}  # the text diagnostics keep, by line
        for d in self.working or doc.diagnostics:
            if d.text and d.line is not None:
                kept.setdefault(d.line, []).append(clean_line(d.text))
        texts: dict[Role, list[str]] = {
            ("meta", "title"): [doc.meta.title or ""],
            ("meta", "intro"): [doc.meta.intro or ""],
            ("meta", "mededeling"): [doc.meta.mededeling or ""],
            ("meta", "toelichting"): [doc.meta.toelichting or ""],
        }
        for q in doc.questions:
            # A number printed twice (numbering that restarts) has both texts;
            # questions joined under one answer label keep their own numbers too.
            for label in {q.number or "", *q.covers}:  # "": printed without a number
                texts.setdefault(("question", label), []).append(q.text)
                texts.setdefault(("answer", label), []).append(q.answer or "")
        for note in doc.footnotes:
            texts[("footnote", note.marker)] = [note.marker + " " + note.text]
            texts[("footnote-more", note.marker)] = [note.text]
        for d in self.working or doc.diagnostics:  # text a diagnostic keeps, for the lines given to it
            if d.text:
                texts.setdefault(("diagnostic", d.code), []).append(d.text)
        # Joined once: adding to a string per question or diagnostic was quadratic.
        fields = {role: clean_line("\n".join(parts)) for role, parts in texts.items()}

        found = _Finder(fields)
        missing = []
        for number, line in enumerate(self.lines, start=1):
            clean = clean_line(line)
            if not clean:
                continue  # blank, also when only no-break or zero-width spaces
            if clean in kept.get(number, ()):
                continue  # kept in a diagnostic
            roles = self.roles.get(number, [])
            if not roles:
                missing.append(number)
                continue
            kinds = {kind for kind, _ in roles}
            if kinds == {"layout"}:
                continue
            if kinds == {"meta"} and not any(role in fields for role in roles):
                continue  # kind, vastgesteld, chair, clerk: read into typed fields
            targets = [role for role in roles if role in fields]
            for content in self._contents(number, line, roles):
                if not content or content in kept.get(number, ()):
                    continue  # its text (without a label the parser lifted) is kept in a diagnostic
                if not any(found.at(role, content) for role in targets):
                    missing.append(number)
                    break
        return missing

    def _contents(self, number: int, line: str, roles: list[Role]) -> list[str]:
        """The clean texts line ``number`` contributes to its fields: the
        pieces the parser read as text (:attr:`pieces`; what lies outside
        them, a label, number or page cell, it lifted into a field); for
        lines it read no text piece from, the header's own readers (a
        heading, a "Vastgesteld" line, a footnote body), else the line."""
        if number in self.pieces:
            return [clean_line(line[start:end]) for start, end in self.pieces[number]]
        if ("meta", "dossier") in roles:
            line = read_heading(line).title or ""
        if ("meta", "vastgesteld") in roles:  # "Vastgesteld 29 mei 2024 De vaste commissie ...": the rest is intro
            dated = split_vastgesteld(line)
            line = dated[1] if dated is not None else line
        if any(kind == "footnote" for kind, _ in roles):  # a body's first line: "1https://..." -> "1 https://..."
            lead = footnote_lead(line, parenthesis=True)
            line = f"{lead[0]} {lead[1]}" if lead else line
        return [clean_line(line)]


class _Finder:
    """Finds each line's text in its field, searching on from where the
    field's previous line was found: a field's lines come in order, so the
    check reads each field about once (searching every field from its start
    for each line was quadratic: 21 s for a 50,000-line answer)."""

    def __init__(self, fields: dict[Role, str]) -> None:
        self.fields = fields
        self.cursor: dict[Role, int] = {}

    def at(self, role: Role, content: str) -> bool:
        text = self.fields[role]
        where = text.find(content, self.cursor.get(role, 0))
        if where < 0:
            where = text.find(content)  # out of order (a fragment, a repeated line): once from the start
            if where < 0:
                return False
        self.cursor[role] = where + len(content)
        return True
