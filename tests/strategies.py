"""Hypothesis strategies for the model (shared by the property tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from kamerqa.model import Diagnostic, Document, DocumentMeta, Footnote, KamerstukRef, LineSpan, Question, Severity

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
    number=numbers,
    text=texts,
    answer=maybe_texts,
    lines=spans(),
    page_from=st.none() | st.integers(0, 999),
    page_to=st.none() | st.integers(0, 999),
    attachment=maybe_texts,
    refers_to=st.lists(numbers, max_size=3).map(tuple),
    answer_lines=st.none() | spans(),
    covers=st.lists(numbers, max_size=3).map(tuple),
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
    answered_by=maybe_texts,
    submitted=st.none() | st.dates(),
    received=st.none() | st.dates(),
    document_date=st.none() | st.dates(),
    session=maybe_texts,
)

diagnostics = st.builds(
    Diagnostic,
    severity=st.sampled_from(Severity),
    code=st.from_regex(r"\A[a-z]+(-[a-z]+){0,2}\Z"),
    message=texts,
    line=st.none() | lines,
    column=st.none() | lines,
    text=maybe_texts,
)

documents = st.builds(
    Document,
    meta=metas,
    questions=st.lists(questions, max_size=5).map(tuple),
    footnotes=st.lists(st.builds(Footnote, texts, texts, st.none() | numbers, lines), max_size=3).map(tuple),
    diagnostics=st.lists(diagnostics, max_size=3).map(tuple),
)
