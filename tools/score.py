"""Score kamerqa against the ground truth of the corpus documents.

    python tools/score.py [DIR ...]        (default: tests/corpus)

For every ``NNN_name.txt`` (and ``.pdf``, ``.xml``, ``.html``) with a ``NNN_name.json`` beside it (format: see
tests/corpus/README.md) it prints the questions found, how many question
numbers, question starts and answer starts are right, the extra questions,
and the metadata fields right; then the totals.  Exit status 1 when any
document is not parsed exactly.

The conventions of the ground truth (tests/corpus/README.md) are read as
written there: a joint entry is one question whose ``covers`` are the
entry's ``covers`` and whose ``parts`` start as its ``part_starts``; a null
``number`` is a question without a printed number; ``answer_group`` entries
share one answer, stored on the group's last question and linked from the
others through ``answer_group``; ``truncated`` documents may end in one
partly visible question more; a ``Mededeling`` replacing the answers is the
document's ``mededeling``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kamerqa
from kamerqa.families.kamervragen import askers
from kamerqa.text import parse_dutch_date

ROOT = Path(__file__).resolve().parents[1]


def words(text: str | None, count: int = 8) -> str | None:
    """The first ``count`` whitespace-separated tokens, as the ground truth gives starts."""
    if text is None:
        return None
    return " ".join(text.split()[:count])


def norm_number(number: str | None) -> str | None:
    """Numbers compare without spaces, case and stray dots ("Vraag .1" is 1)."""
    if number is None or not number.strip():
        return None
    return re.sub(r"[\s.]+", "", number).lower()


def norm_meta(value: Any) -> Any:
    """Meta values compare with white space collapsed; a list compares item
    by item, a one-item list as its item."""
    if isinstance(value, (list, tuple)):
        items = [norm_meta(v) for v in value]
        return items[0] if len(items) == 1 else items
    text = " ".join(str(value).split())
    return re.sub(r"\s*\((?:answers|answer)\)$", "", text)  # 033: a note in the ground truth, not text


def meta_value(doc: kamerqa.Document, key: str) -> Any:
    meta = doc.meta
    if key == "minister":  # README: who answers (a list if two are named); in 344 who sent the Mededeling
        if len(meta.answerers) > 1:
            return list(meta.answerers)
        return meta.answered_by or meta.mededeling_by or meta.addressee
    if key == "ontvangen":  # README: the answer's date; in 344 the Mededeling's
        return meta.received or meta.mededeling_received
    if key == "vragensteller":
        return list(meta.askers) or None
    attribute = META_FIELDS.get(key)
    if attribute is None or not hasattr(meta, attribute):
        return KeyError  # kamerqa has no field for it (yet): counted as wrong
    return getattr(meta, attribute)


#: Ground-truth meta keys and the DocumentMeta attributes that hold them.
META_FIELDS = {
    "dossier": "dossier",
    "nr": "number",
    "title": "title",
    "vastgesteld": "vastgesteld",
    "committee": "committee",
    "addressee": "addressee",
    "voorzitter": "chair",
    "griffier": "clerk",
    "ingezonden": "submitted",
    "ontvangen": "received",
    "datum": "document_date",
    "vergaderjaar": "session",
    "aanhangsel": "aanhangsel",
    "rapport_kamerstuk": "report",
    "mededeling_van": "mededeling_by",
    "mededeling_ontvangen": "mededeling_received",
    "antwoord_ingezonden": "answer_submitted",
}


def meta_matches(ours: Any, truth: Any, key: str = "") -> bool:
    if ours is KeyError:
        return False
    if key == "vragensteller" and isinstance(truth, str) and isinstance(ours, (list, tuple)) and len(ours) > 1:
        # README: 340, 341 and 344 keep several askers as one printed string
        truth = list(askers(truth))
    if key == "vergaderjaar" and isinstance(ours, str):
        # README: 340 gives the XML's "2020-2021" where its PDF prints "2020–2021"
        return ours.replace("–", "-") == str(truth).replace("–", "-")
    if hasattr(ours, "isoformat"):
        return ours == parse_dutch_date(str(truth))
    if ours is None:
        return False
    if isinstance(truth, str) and "…" in truth and isinstance(ours, str):
        # README: a value abridged with "…" (346's title): ours begins with what
        # stands before it and ends with what stands after it
        head, _, tail = norm_meta(truth).partition("…")
        text = norm_meta(ours)
        return text.startswith(head.strip()) and text.endswith(tail.strip()) and len(text) >= len(head.strip()) + len(tail.strip())
    return norm_meta(ours) == norm_meta(truth)


@dataclass
class Score:
    name: str
    expected: int = 0
    found: int = 0
    numbers: int = 0
    question_starts: int = 0
    answer_starts: int = 0
    structure: int = 0  # entries whose covers, parts and answer group are right
    extra: int = 0
    meta_right: int = 0
    meta_total: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return (
            self.numbers == self.question_starts == self.answer_starts == self.structure == self.expected
            and self.extra == 0
            and not any(m.startswith("document ") for m in self.mismatches)
        )


def collapse(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def same_start(ours: str | None, truth: str | None, *, cut: bool = False) -> bool:
    """Our text starts with the ground truth's start.  A start of fewer than
    eight tokens is the whole text (README: it ends before the next label or
    furniture), unless ``cut`` (the last entry of a truncated document)."""
    if truth is None or ours is None or not ours.strip():
        return truth is None and (ours is None or not ours.strip())
    have, want = collapse(ours) or "", collapse(truth) or ""
    if want.startswith(have) and len(want) > len(have) and want[len(have)] != " ":
        return True  # the start ends inside a token the extractor glued ("geleid?Hoeveel"): ours ends at the seam
    if len(want.split()) < 8 and not cut:
        return have == want
    return have.startswith(want)


#: The PDF library kamerqa reads with: its ``extractor_variants`` apply.
EXTRACTOR = "pypdfium2"


def _entry(score: Score, got: Any, want: dict, label: str, cut: bool) -> None:
    want = {**want, **want.get("extractor_variants", {}).get(EXTRACTOR, {})}
    if norm_number(got.number) == norm_number(want["number"]):
        score.numbers += 1
    else:
        score.mismatches.append(f"question {label}: number {got.number!r}, expected {want['number']!r}")
    if same_start(got.text, want["question_starts"], cut=cut):
        score.question_starts += 1
    else:
        score.mismatches.append(f"question {label}: text {words(got.text)!r}, expected {want['question_starts']!r}")
    if same_start(got.answer, want["answer_starts"], cut=cut):
        score.answer_starts += 1
    else:
        score.mismatches.append(f"question {label}: answer {words(got.answer)!r}, expected {want['answer_starts']!r}")
    problems = []
    if "covers" in want:
        covers = [norm_number(n) for n in want["covers"]]
        if [norm_number(n) for n in got.covers] != covers:
            problems.append(f"covers {list(got.covers)!r}, expected {want['covers']!r}")
        parts = list(getattr(got, "parts", ()))
        starts = want.get("part_starts") or []
        if len(parts) != len(starts) or not all(
            same_start(part, start, cut=True) for part, start in zip(parts, starts) if start is not None
        ):
            problems.append(f"parts {[words(p, 4) for p in parts]!r}, expected {starts!r}")
    if "answer_group" in want:
        group = [norm_number(n) for n in getattr(got, "answer_group", ())]
        if group != [norm_number(n) for n in want["answer_group"]]:
            problems.append(f"answer group {list(getattr(got, 'answer_group', ()))!r}, expected {want['answer_group']!r}")
    if problems:
        score.mismatches.extend(f"question {label}: {problem}" for problem in problems)
    else:
        score.structure += 1


def score_document(text_path: Path) -> Score:
    truth = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    score = Score(text_path.stem if text_path.suffix == ".txt" else text_path.name)
    try:
        doc = kamerqa.parse_file(text_path)
    except kamerqa.ParseError as error:
        score.expected = len(truth["questions"])
        score.mismatches.append(f"document: ParseError: {error}")
        return score
    expected = truth["questions"]
    truncated = bool(truth.get("truncated"))
    score.expected, score.found = len(expected), len(doc.questions)
    allowed = len(expected) + (1 if truncated else 0)
    score.extra = max(0, len(doc.questions) - allowed)
    if score.extra:
        extra = [words(q.text, 5) for q in doc.questions[allowed:]]
        score.mismatches.append(f"document: {score.extra} extra question(s): {extra!r}")
    for index, want in enumerate(expected):
        label = want["number"] if want["number"] is not None else f"#{index + 1}"
        if index >= len(doc.questions):
            score.mismatches.append(f"question {label}: missing")
            continue
        _entry(score, doc.questions[index], want, label, cut=truncated and index == len(expected) - 1)
    if "mededeling_starts" in truth:
        mededeling = getattr(doc.meta, "mededeling", None)
        if not same_start(mededeling, truth["mededeling_starts"], cut=True):
            score.mismatches.append(f"document: mededeling {words(mededeling)!r}, expected {truth['mededeling_starts']!r}")
    for key, value in truth.get("meta", {}).items():
        score.meta_total += 1
        if meta_matches(meta_value(doc, key), value, key):
            score.meta_right += 1
        else:
            score.mismatches.append(f"meta {key}: {meta_value(doc, key)!r}, expected {value!r}")
    return score


SUFFIXES = (".txt", ".pdf", ".xml", ".html")


def corpus(directories: list[Path], suffixes: tuple[str, ...] = SUFFIXES) -> list[Path]:
    return sorted(
        p for d in directories for p in d.iterdir() if p.suffix in suffixes and p.with_suffix(".json").is_file()
    )


def main(argv: list[str]) -> int:
    directories = [Path(a) for a in argv] or [ROOT / "tests" / "corpus"]
    scores = [score_document(path) for path in corpus(directories)]
    columns = ("document", "found", "numbers", "q.starts", "a.starts", "groups", "extra", "meta")
    print(f"{columns[0]:<58} {' '.join(f'{c:>9}' for c in columns[1:])}")
    for s in scores:
        cells = (
            f"{s.found}/{s.expected}",
            f"{s.numbers}/{s.expected}",
            f"{s.question_starts}/{s.expected}",
            f"{s.answer_starts}/{s.expected}",
            f"{s.structure}/{s.expected}",
            str(s.extra),
            f"{s.meta_right}/{s.meta_total}",
        )
        print(f"{s.name[:58]:<58} {' '.join(f'{c:>9}' for c in cells)}")
        for mismatch in s.mismatches:
            print(f"    {mismatch}")
    total = lambda attribute: sum(getattr(s, attribute) for s in scores)  # noqa: E731
    expected = total("expected")
    print(
        f"{'TOTAL':<58} {total('found'):>4}/{expected:<4} {total('numbers'):>4}/{expected:<4}"
        f" {total('question_starts'):>4}/{expected:<4} {total('answer_starts'):>4}/{expected:<4}"
        f" {total('structure'):>4}/{expected:<4}"
        f" {total('extra'):>9} {total('meta_right'):>4}/{total('meta_total'):<4}"
    )
    exact = sum(s.exact for s in scores)
    print(f"{exact} of {len(scores)} documents parsed exactly")
    right, asked = total("meta_right"), total("meta_total")
    print(f"metadata: {right} of {asked} fields right ({100 * right / max(asked, 1):.0f}%)")
    return 0 if exact == len(scores) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
