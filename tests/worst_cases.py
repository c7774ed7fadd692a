"""Constructed worst cases for time and memory, one per fault class the
adversarial review found (issue 14, items 7-12), and the ones before it.

Each maker takes a size ``n`` and returns a text whose cost should grow
linearly with ``n``.  ``bench/run.py`` prints their figures at n, 10n and
100n; ``tests/test_scaling.py`` checks the ratio between sizes (never a
wall-clock time).
"""

from __future__ import annotations

from collections.abc import Callable

#: name -> text of size about n (lines or items).
CASES: dict[str, Callable[[int], str]] = {
    "answer labels": lambda n: "1 Vraag?\n" + "Antwoord\n" * n,
    "lone numbers": lambda n: "1 Vraag?\nAntwoord\n" + "7\n" * n,
    # each could be a footnote marker on a line of its own: is a body below?
    "lone numbers under text": lambda n: "Vraag 1\nIs dat zo?\nAntwoord 1\n" + "Dit is tekst.\n5\n" * (n // 2)
    + "5 Een noot.\n",
    "blank lines": lambda n: "1 Vraag?\nAntwoord\nJa.\n" + "\n" * (10 * n) + "2 Vraag?\nAntwoord\nNee.\n",
    "questions": lambda n: "".join(f"{k} Vraag {k}?\nAntwoord\nJa.\n" for k in range(1, n + 1)),
    "fragments after the list": lambda n: "1 Vraag?\nAntwoord\nJa, dat is zo en zo blijft het.\n"
    + "\tJa, dat is zo en zo blijft het.\n" * n,
    "tab-indented lines in the list": lambda n: "".join(
        f"{k} Vraag {k}?\nAntwoord\n\tJa, dat is zo.\n\tEn zo blijft het.\n" for k in range(1, n + 1)
    ),
    "one long line": lambda n: "Vraag 1 Is dat zo? Antwoord: " + "ja " * (50 * n) + "Vraag 2 En dit? Antwoord: nee",
    "footnote markers": lambda n: "1 Vraag?\nAntwoord\n" + "tekst.1 meer\n" * n,
    "footnote markers and bodies": lambda n: "1 Vraag?\nAntwoord\n"
    + "".join(f"tekst.{k % 999 + 1}\n" for k in range(n))
    + "".join(f"{k % 999 + 1} https://example.org/{k}\n" for k in range(n)),
    "cross-references": lambda n: "1 Vraag?\nAntwoord\nZie het antwoord op vraag "
    + ", ".join(f"{k % 9999 + 1}{'abc'[k // 9999 % 3]}" for k in range(n))
    + ".\n",
    "page counters in flat text": lambda n: "Vraag 1 Is dat zo? Antwoord: " + "tekst 1/2 " * (5 * n) + "Vraag 2 En dit? Antwoord: nee",
    "kamervragen heading": lambda n: "Vragen van het lid aan over " * (n // 10) + "(ingezonden 1 mei 2024)\nVraag 1\nIs dat?\n",
    "letterhead": lambda n: "BETREFT rapport " * (n // 10) + "Algemene Rekenkamer DATUM 1 mei 2024\nVraag 1\nIs dat?\n",
    "flat letter": lambda n: "Algemene Rekenkamer BEZORGEN "
    + " ".join(
        f"Vraag {k} Is dat zo bij {k}? Dat is zo. Antwoorden Algemene Rekenkamer op vragen over het rapport X {k % 9 + 1}/9"
        for k in range(1, n // 10 + 2)
    ),
}
