"""Hypothesis strategies for the model (shared by the property tests)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from kamerqa.model import Diagnostic, Document, DocumentMeta, Footnote, KamerstukRef, LineSpan, Question, Severity
from kamerqa.text import format_dutch_date

lines = st.integers(min_value=1, max_value=100_000)
texts = st.text(min_size=0, max_size=40)
maybe_texts = st.none() | texts
numbers = st.from_regex(r"\A[1-9][0-9]{0,2}[a-z]?\Z")


@st.composite
def spans(draw: st.DrawFn) -> LineSpan:
    first = draw(lines)
    return LineSpan(first, draw(st.integers(min_value=first, max_value=first + 500)))


questions = st.builds(
    Question,
    number=st.none() | numbers,
    text=texts,
    answer=maybe_texts,
    lines=spans(),
    page_from=st.none() | st.integers(0, 999),
    page_to=st.none() | st.integers(0, 999),
    attachment=maybe_texts,
    refers_to=st.lists(numbers, max_size=3).map(tuple),
    answer_lines=st.none() | spans(),
    covers=st.lists(numbers, max_size=3).map(tuple),
    parts=st.lists(texts, max_size=3).map(tuple),
    answer_group=st.lists(numbers, max_size=3).map(tuple),
    page=st.none() | lines,
    element=maybe_texts,
    page_line=st.none() | lines,
)

metas = st.builds(
    DocumentMeta,
    kind=maybe_texts,
    dossier=maybe_texts,
    number=maybe_texts,
    title=maybe_texts,
    vastgesteld=st.none() | st.dates(),
    committee=maybe_texts,
    addressee=maybe_texts,
    letter_date=st.none() | st.dates(),
    chair=maybe_texts,
    clerk=maybe_texts,
    about=st.none() | st.builds(KamerstukRef, texts, maybe_texts),
    intro=maybe_texts,
    layout=maybe_texts,
    askers=st.lists(texts, max_size=2).map(tuple),
    answerers=st.lists(texts, max_size=2).map(tuple),
    answered_by=maybe_texts,
    submitted=st.none() | st.dates(),
    received=st.none() | st.dates(),
    document_date=st.none() | st.dates(),
    session=maybe_texts,
    aanhangsel=maybe_texts,
    report=maybe_texts,
    answer_submitted=st.none() | st.dates(),
    mededeling=maybe_texts,
    mededeling_by=maybe_texts,
    mededeling_received=st.none() | st.dates(),
    toelichting=maybe_texts,
    layout_score=st.none() | st.integers(0, 10_000),
    flattened=st.booleans(),
)

diagnostics = st.builds(
    Diagnostic,
    severity=st.sampled_from(Severity),
    code=st.from_regex(r"\A[a-z]+(-[a-z]+){0,2}\Z"),
    message=texts,
    line=st.none() | lines,
    column=st.none() | lines,
    text=maybe_texts,
    page=st.none() | lines,
    element=maybe_texts,
    page_line=st.none() | lines,
    expected=maybe_texts,
    found=maybe_texts,
    repeats=st.none() | lines,
)

documents = st.builds(
    Document,
    meta=metas,
    questions=st.lists(questions, max_size=5).map(tuple),
    footnotes=st.lists(
        st.builds(
            Footnote,
            texts,
            texts,
            st.none() | numbers,
            lines,
            st.sampled_from([None, "question", "answer"]),
            st.none() | st.integers(0, 999),
            st.none() | st.integers(0, 999),
        ),
        max_size=3,
    ).map(tuple),
    diagnostics=st.lists(diagnostics, max_size=3).map(tuple),
)


# Documents the table layout can carry -------------------------------------------
#
# Every text starts each paragraph with a capital (a paragraph in lower case
# cannot be told from a soft wrap across a blank line), holds no "N/M"
# fraction (a short paragraph ending in one reads as a page footer) and
# refers only to questions that exist.

_LETTERS = "abcdefghijklmnopqrstuvwxyzéëïöüàçñß’"
word = st.text(alphabet=_LETTERS, min_size=1, max_size=9)
_capital = st.sampled_from("ABCDEFGHIJKLMNOPRSTUVWZÉÖ")
# A surname.  A name that is also a layout word ("Nr" alone on a line is the
# table's column header, "Vraag" a question label) is not one a list prints.
_name = st.builds(lambda first, rest: first + rest, _capital, word).filter(
    lambda name: name not in ("Nr", "Vraag", "Antwoord", "Vastgesteld")
)
_token = st.one_of(
    word,
    word,
    word,
    st.integers(0, 2100).map(str),
    st.builds(lambda d, m, y: f"{d} {m} {y}", st.integers(1, 28), st.sampled_from(["januari", "mei", "december"]), st.integers(1990, 2030)),
    st.just("Antwoord"),
    st.just("vraag"),
    word.map(lambda w: w + ","),
    word.map(lambda w: f"({w})"),
    word.map(lambda w: f"“{w}”"),
)


@st.composite
def sentences(draw, end: str = ".") -> str:
    first = draw(_capital) + draw(st.text(alphabet=_LETTERS, max_size=8))
    rest = draw(st.lists(_token, min_size=1, max_size=14))
    return " ".join([first, *rest]).rstrip(",") + end


@st.composite
def paragraphs(draw, end: str = ".") -> str:
    if draw(st.integers(0, 5)) == 0:  # a numbered list under a lead sentence
        lead = draw(sentences(":"))
        items = draw(st.lists(st.lists(word, min_size=1, max_size=6).map(" ".join), min_size=2, max_size=4))
        return "\n".join([lead, *(f"{i}. {item}." for i, item in enumerate(items, start=1))])
    return " ".join(draw(st.lists(sentences(end), min_size=1, max_size=3)))


@st.composite
def table_documents(draw) -> Document:
    count = draw(st.integers(1, 8))
    questions = []
    footnotes = []
    for number in range(1, count + 1):
        text = "\n\n".join(draw(st.lists(paragraphs("?"), min_size=1, max_size=2)))
        answer = "\n\n".join(draw(st.lists(paragraphs(), min_size=1, max_size=3)))
        if draw(st.booleans()):
            target = draw(st.integers(1, count))
            answer += f" Zie het antwoord op vraag {target}."
        page_from = draw(st.none() | st.integers(1, 300))
        page_to = draw(st.none() | st.integers(301, 400)) if page_from is not None else None
        if draw(st.integers(0, 4)) == 0:
            marker = str(len(footnotes) + 1)
            footnotes.append(Footnote(marker, draw(sentences()), str(number), 1, "answer", len(answer), number - 1))
            answer += f"[{marker}]"  # the marker stands in the text, as printed
        from kamerqa.text import cross_references

        questions.append(
            Question(
                number=str(number),
                text=text,
                answer=answer,
                lines=LineSpan(1, 1),
                page_from=page_from,
                page_to=page_to,
                refers_to=cross_references(answer),
                covers=(str(number),),
            )
        )
    committee = "vaste commissie voor " + draw(sentences("")).rstrip()
    addressee = "minister van " + draw(_capital) + draw(word)
    letter = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
    title = draw(_capital) + draw(st.text(alphabet=_LETTERS, min_size=2, max_size=8)) + " " + draw(sentences(""))
    dossier, about = str(draw(st.integers(10000, 99999))), str(draw(st.integers(1, 999)))
    intro = (
        f"De {committee} heeft een aantal vragen voorgelegd aan de {addressee} over de brief van "
        f"{format_dutch_date(letter)} inzake {title} ({dossier}, nr. {about})."
    )
    meta = DocumentMeta(
        kind="Lijst van vragen en antwoorden",
        dossier=dossier,
        title=title,
        committee=committee,
        addressee=addressee,
        letter_date=letter,
        chair=draw(_name),
        clerk=draw(_name),
        about=KamerstukRef(dossier, about),
        intro=intro,
        layout="table",
    )
    return Document(meta=meta, questions=tuple(questions), footnotes=tuple(footnotes))
