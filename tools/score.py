"""Score kamerqa against the ground truth of the corpus documents.

    python tools/score.py [DIR ...]        (default: tests/corpus)

For every ``NNN_name.txt`` with a ``NNN_name.json`` beside it (format: see
tests/corpus/README.md) it prints the questions found, how many question
numbers, question starts and answer starts are right, the extra questions,
and the metadata fields right; then the totals.  Exit status 1 when any
document is not parsed exactly.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kamerqa
from kamerqa.text import parse_dutch_date

ROOT = Path(__file__).resolve().parents[1]


def words(text: str | None, count: int = 8) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()[:count])


def same_start(ours: str | None, truth: str | None) -> bool:
    """Our text starts with the ground truth's first words (a truncated
    document's last question may show fewer than eight)."""
    if truth is None or ours is None:
        return truth is ours
    expected = truth.split()
    return ours.split()[: len(expected)] == expected


def norm_number(number: str | None) -> str | None:
    return None if number is None else re.sub(r"\s+", "", number).lower()


def meta_value(doc: kamerqa.Document, key: str) -> Any:
    meta = doc.meta
    return {
        "dossier": meta.dossier,
        "nr": meta.number,
        "title": meta.title,
        "vastgesteld": meta.vastgesteld,
        "committee": meta.committee,
        "minister": meta.answered_by or meta.addressee,
        "voorzitter": meta.chair,
        "griffier": meta.clerk,
        "vragensteller": ", ".join(meta.askers) or None,
        "ingezonden": meta.submitted,
        "ontvangen": meta.received,
        "datum": meta.document_date,
        "vergaderjaar": meta.session,
    }.get(key, KeyError)


def meta_matches(ours: Any, truth: Any) -> bool:
    if ours is KeyError:
        return False
    if hasattr(ours, "isoformat"):
        return ours == parse_dutch_date(str(truth))
    return ours is not None and " ".join(str(ours).split()) == " ".join(str(truth).split())


@dataclass
class Score:
    name: str
    expected: int = 0
    found: int = 0
    numbers: int = 0
    question_starts: int = 0
    answer_starts: int = 0
    extra: int = 0
    meta_right: int = 0
    meta_total: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return (
            self.numbers == self.question_starts == self.answer_starts == self.expected
            and self.extra == 0
        )


def score_document(text_path: Path) -> Score:
    truth = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    score = Score(text_path.stem)
    try:
        doc = kamerqa.parse_file(text_path)
    except kamerqa.ParseError as error:
        score.expected = len(truth["questions"])
        score.mismatches.append(f"ParseError: {error}")
        return score
    expected = truth["questions"]
    score.expected, score.found = len(expected), len(doc.questions)
    allowed = len(expected) + (1 if truth.get("truncated") else 0)
    score.extra = max(0, len(doc.questions) - allowed)
    for index, want in enumerate(expected):
        if index >= len(doc.questions):
            score.mismatches.append(f"missing question {want['number']}")
            continue
        got = doc.questions[index]
        if norm_number(got.number) == norm_number(want["number"]):
            score.numbers += 1
        else:
            score.mismatches.append(f"question {index + 1}: number {got.number!r}, expected {want['number']!r}")
        if same_start(got.text, want["question_starts"]):
            score.question_starts += 1
        else:
            score.mismatches.append(f"question {want['number']}: text {words(got.text)!r}, expected {want['question_starts']!r}")
        if same_start(got.answer, want["answer_starts"]):
            score.answer_starts += 1
        else:
            score.mismatches.append(
                f"question {want['number']}: answer {words(got.answer)!r}, expected {want['answer_starts']!r}"
            )
    for key, value in truth.get("meta", {}).items():
        score.meta_total += 1
        if meta_matches(meta_value(doc, key), value):
            score.meta_right += 1
        else:
            score.mismatches.append(f"meta {key}: {meta_value(doc, key)!r}, expected {value!r}")
    return score


def corpus(directories: list[Path]) -> list[Path]:
    return sorted(p for d in directories for p in d.glob("*.txt") if p.with_suffix(".json").is_file())


def main(argv: list[str]) -> int:
    directories = [Path(a) for a in argv] or [ROOT / "tests" / "corpus"]
    scores = [score_document(path) for path in corpus(directories)]
    columns = ("document", "found", "numbers", "q.starts", "a.starts", "extra", "meta")
    print(f"{columns[0]:<58} {' '.join(f'{c:>9}' for c in columns[1:])}")
    for s in scores:
        cells = (
            f"{s.found}/{s.expected}",
            f"{s.numbers}/{s.expected}",
            f"{s.question_starts}/{s.expected}",
            f"{s.answer_starts}/{s.expected}",
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
        f" {total('extra'):>9} {total('meta_right'):>4}/{total('meta_total'):<4}"
    )
    exact = sum(s.exact for s in scores)
    print(f"{exact} of {len(scores)} documents parsed exactly")
    return 0 if exact == len(scores) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
