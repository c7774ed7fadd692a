"""The preamble of the parse tree -> DocumentMeta.

The header lines the post-lexer typed (dossier heading, kind, number,
"Vastgesteld", chair and clerk) are read into their fields; everything else
before the first question is the introduction, whose phrases the header
rules read too.
"""

from __future__ import annotations

import attrs
from lark import Token, Tree

from .. import header
from ..feeding import unmerge
from ..model import DocumentMeta, KamerstukRef, Severity
from ..text import clean_line
from .fields import Fields, children, retype_text

__all__ = ["Heading", "preamble_items", "read_meta"]


@attrs.define
class Heading:
    """A dossier heading: the dossier line and the title lines continuing it."""

    dossier: Token
    title: list[Token]
    #: The dossier lines above it of a paper printed for several dossiers
    #: ("21 800 V (NAVO-deel)" / "21 800 X (NAVO-deel)" / their titles).
    joint: list[Token] = attrs.Factory(list)



def preamble_items(preamble: Tree) -> list:
    """The preamble's header tokens, with each heading as a :class:`Heading`;
    a heading right under a dossier line without a title joins it (one paper
    for both dossiers)."""
    items: list = []
    for child in children(preamble, "preamble"):
        if isinstance(child, Tree):
            dossier, *title = children(child, "heading")
            child = Heading(dossier, title)
            if items and isinstance(items[-1], Heading) and _untitled(items[-1]):
                above = items.pop()
                child.joint = [*above.joint, above.dossier]
        items.append(child)
    return items


def read_meta(fields: Fields, layout: str, preamble: list, notes: list) -> DocumentMeta:
    """The metadata the header lines and the introduction print."""
    values: dict = {"layout": layout}
    intro: list[Token] = []
    role_waiting: str | None = None
    signature_at = -1  # the second-signature diagnostic a name line below it belongs to
    for item in preamble:
        if isinstance(item, Heading) and "dossier" in values:
            # A second dossier heading: the first names the list; this
            # one is kept as text of the introduction, not dropped.
            intro.extend([retype_text(item.dossier), *item.title])
            continue
        if isinstance(item, Heading):
            heading = header.read_heading(item.dossier.value)
            title_parts = [Token("TEXT", heading.title or "", line=item.dossier.line), *item.title]
            dossiers = [header.read_heading(line.value).dossier for line in item.joint]
            if dossiers and not heading.title and len(item.title) == len(dossiers) + 1:
                # a title line for each dossier of a joint paper: "V ... 1991" / "X ... 1991"
                title = "; ".join(fields.text([line], ("meta", "title"), notes).text for line in item.title)
            else:
                title = fields.text(title_parts, ("meta", "title"), notes).text
            for line in item.joint:
                fields.role(line, "meta", "dossier")
            heading = attrs.evolve(heading, dossier="; ".join(filter(None, [*dossiers, heading.dossier])) or None)
            intro, above = _title_above(intro)
            if above:  # an old print's title above its dossier number: "Rijksbegroting voor het jaar 1989" / "20 800"
                title = "; ".join(filter(None, [fields.text(above, ("meta", "title"), notes).text, title]))
            values.update(dossier=heading.dossier, title=title or None)
            if heading.number:
                values["heading_number"] = heading.number
            fields.role(item.dossier, "meta", "dossier")
            continue
        kind = item.type
        if kind == "KIND_LINE":
            values["kind"], number = header.read_kind(item.value)
            values["number"] = values.get("number") or number
            fields.role(item, "meta", "kind")
        elif kind == "NR_LINE":
            values["number"] = header.read_number(item.value)
            fields.role(item, "meta", "number")
        elif kind == "VASTGESTELD_LINE":
            dated = header.split_vastgesteld(item.value)
            if dated is None:  # "Vastgesteld is dat ...": a sentence of the introduction
                intro.append(retype_text(item))
                continue
            values["vastgesteld"], rest = dated
            fields.role(item, "meta", "vastgesteld")
            if rest:  # "Vastgesteld 29 mei 2024 De vaste commissie ...": the introduction goes on
                at = item.value.find(rest)  # where the rest stands on the line
                intro.append(Token("TEXT", rest, item.start_pos, item.line, (item.column or 1) + max(at, 0)))
        elif kind == "ROLE_LINE":
            role, name = header.read_role(item.value)
            if values.get(role) is not None:  # signed twice: the first name stays, this one is kept here
                signature_at = _second_signature(fields, item, role, values[role])
                role_waiting = None if name else "second-signature"
                continue
            if name:
                values[role] = name
            role_waiting = None if name else role
            fields.role(item, "meta", role)
        elif kind == "NAME_LINE":
            if role_waiting == "second-signature":  # the second signature's name: kept with it
                signed = fields.context.diagnostics[signature_at]
                fields.context.diagnostics[signature_at] = attrs.evolve(signed, text=f"{signed.text}\n{clean_line(item.value)}")
                fields.role(item, "diagnostic", "second-signature")
                role_waiting = None
            elif role_waiting:
                values[role_waiting] = clean_line(item.value)
                fields.role(item, "meta", role_waiting)
                role_waiting = None
            else:  # the post-lexer only names a line after a role line
                intro.append(retype_text(item))
        else:
            intro.append(item)
    intro_text = fields.text(intro, ("meta", "intro"), notes).text
    if intro_text:
        values["intro"] = intro_text
        for name, value in attrs.asdict(header.read_intro(intro_text), recurse=False).items():
            if value not in (None, ()) and values.get(name) is None:
                values[name] = value  # what the header lines said wins
    heading_number = values.pop("heading_number", None)
    if values.get("about") is None and heading_number and values.get("dossier"):
        # The draft's heading "27925- 919" names the letter the questions are about.
        values["about"] = KamerstukRef(values["dossier"], heading_number)
    return DocumentMeta(**values)


def _second_signature(fields: Fields, token: Token, role: str, first: str) -> int:
    """Report a second chair or clerk signature; the index of its diagnostic."""
    what = "chair" if role == "chair" else "clerk"
    fields.context.report(
        Severity.WARNING,
        "second-signature",
        f"a second {what} signature; the first, {first!r}, is the document's {what}",
        token,
        expected=first,
    )
    fields.role(token, "diagnostic", "second-signature")
    return len(fields.context.diagnostics) - 1


def _untitled(heading: Heading) -> bool:
    """A dossier line with no title of its own ("21 800 V (NAVO-deel)")."""
    return not heading.title and header.read_heading(heading.dossier.value).title is None


def _title_above(intro: list[Token]) -> tuple[list[Token], list[Token]]:
    """The lines of an old print's title above its dossier number: the text
    lines right after the session line ("Tweede Kamer der Staten-Generaal" /
    "2" / "Vergaderjaar 1988-1989" / title / "20 800"), split off what was
    read before the heading; none where no session line stands right above."""
    # One token a line, as the lines were printed: the parser may have been
    # fed the session line merged with the text under it.
    tokens = [line for token in intro for line in unmerge(token)]
    for at in range(len(tokens) - 1, -1, -1):
        token = tokens[at]
        if token.type not in ("TEXT", "PRELUDE"):  # the prelude pass takes what stands before the heading
            return intro, []
        if header.SESSION.fullmatch(token.value.strip()):  # "Vergaderjaar 1988-1989" on its line
            above = [retype_text(line) for line in tokens[at + 1 :]]
            return (tokens[: at + 1], above) if above else (intro, [])
    return intro, []

