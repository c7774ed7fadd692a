"""Converting many files: in parallel processes, past bad files, with a summary.

``convert_file`` is the unit of work: pure, its arguments and result
picklable, so it runs the same in a process pool, in Dask (docs/dask.md) or
in a loop.  ``convert_many`` runs it over many inputs with
``concurrent.futures``; the results come back in input order, identical to
a serial run.
"""

from __future__ import annotations

import glob
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .errors import InternalError, KamerqaError

__all__ = ["Result", "convert_file", "convert_many", "expand_inputs", "parallel_map"]


@attrs.frozen
class Result:
    """What happened to one input."""

    input: str
    output: str | None = None
    questions: int = 0
    problems: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files, glob patterns ("archief/*.pdf") and directories (their files
    of every input format kamerqa reads, by suffix in any case: .txt, .PDF,
    .docx, .xml, .html, ..., in subfolders too), in a stable order and
    without duplicates.  A pattern that matches nothing, a missing file, a
    dangling symlink and a special file (a FIFO, a device) are kept, to be
    reported as failures, never read."""
    found: list[Path] = []
    for item in inputs:
        text = os.fspath(item)
        path = Path(text)
        if path.is_dir():
            suffixes = input_suffixes()
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and not p.is_dir()))
        elif glob.has_magic(text) and not path.exists():
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            found.extend(matches or [path])
        else:
            found.append(path)
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.normpath(path), path)
    return list(unique.values())


def input_suffixes() -> frozenset[str]:
    """The file suffixes of every input format (plugins' too)."""
    from .readers import available

    return frozenset(suffix for reader in available().values() for suffix in reader.suffixes)


def output_path(input: Path, outdir: Path, suffix: str, *, full_name: bool = False) -> Path:
    """``outdir/<stem><suffix>``; ``full_name`` keeps the input's suffix
    too ("340.pdf.json"), for inputs that share a stem."""
    return outdir / ((input.name if full_name else input.stem) + suffix)


def convert_file(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    format: str,
    *,
    strict: bool = False,
    layout: str | None = None,
    options: dict[str, Any] | None = None,
    reading: dict[str, Any] | None = None,
) -> Result:
    """Parse ``input`` and export it to ``output``; never raises for bad
    input, the reason is in ``Result.error``."""
    from .exporters import export
    from .parsing import parse_file

    name = os.fspath(input)
    if os.path.lexists(input) and not os.path.isfile(input):  # never read a FIFO or a device in a batch: it could wait
        what = "a dangling symlink" if not os.path.exists(input) else "not a regular file (a FIFO, device or folder)"
        return Result(name, error=f"{name}: {what}; kamerqa converts files")
    if os.path.exists(output) and os.path.samefile(input, output):
        return Result(name, error=f"{os.fspath(output)}: is the input file; kamerqa never writes over its input")
    try:
        document = parse_file(input, strict=strict, layout=layout, **(reading or {}))
        export(document, output, format, **(options or {}))
    except (KamerqaError, OSError) as exc:
        return Result(name, error=failure(exc, name))
    except Exception as exc:  # an exporter plugin's bug (or kamerqa's): this file fails, the batch goes on
        return Result(name, error=f"{name}: the {format} export failed unexpectedly: {exc!r}")
    return Result(name, os.fspath(output), len(document.questions), len(document.problems))


def failure(exc: KamerqaError | OSError, name: str) -> str:
    """The one-line reason a file could not be converted or read."""
    if isinstance(exc, InternalError):
        return f"internal error (please report it): {exc}"
    if isinstance(exc, KamerqaError):
        return str(exc)
    return f"{exc.strerror or exc}: {exc.filename or name}"


def _crashed(arguments: tuple, error: BaseException) -> Result:
    name = arguments[0]
    return Result(name, error=f"{name}: the process converting it died ({error}); too large for the memory?")


def _convert(arguments: tuple) -> Result:
    input, output, format, strict, layout, options, reading = arguments
    return convert_file(input, output, format, strict=strict, layout=layout, options=options, reading=reading)


def convert_many(
    inputs: Sequence[Path],
    outdir: Path,
    format: str,
    *,
    jobs: int | None = None,
    strict: bool = False,
    layout: str | None = None,
    options: dict[str, Any] | None = None,
    reading: dict[str, Any] | None = None,
    progress: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Convert every input into ``outdir`` (file name: the input's stem and
    the format's suffix; inputs that share a stem, such as the PDF and the
    XML of one document, keep their own suffix too: "340.pdf.json") using ``jobs`` processes (default: every core).
    ``progress`` is called with each result as it completes; ``reading``
    holds :func:`~kamerqa.parse_file`'s ``format`` and ``encoding``."""
    from .exporters import exporter_for

    exporter = exporter_for(format)
    outdir.mkdir(parents=True, exist_ok=True)
    work, clashes = [], {}
    taken: dict[Path, str] = {}
    stems = Counter(path.stem for path in inputs)
    for index, path in enumerate(inputs):
        output = output_path(path, outdir, exporter.suffixes[0], full_name=stems[path.stem] > 1)
        if output in taken:
            clashes[index] = Result(str(path), error=f"{taken[output]} also writes {output}; rename one of them")
            continue
        taken[output] = str(path)
        work.append((index, (str(path), str(output), exporter.name, strict, layout, options, reading)))
    done: dict[int, Result] = dict(clashes)
    for result in clashes.values():
        if progress:
            progress(result)
    outcomes = parallel_map(_convert, [item for _, item in work], jobs=jobs, progress=progress, on_crash=_crashed)
    for (index, _), result in zip(work, outcomes):
        done[index] = result
    return [done[index] for index in range(len(inputs))]


T = TypeVar("T")
R = TypeVar("R")


def parallel_map(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int | None = None,
    progress: Callable[[R], None] | None = None,
    on_crash: Callable[[T, BaseException], R] | None = None,
) -> list[R]:
    """``function`` over ``items`` in ``jobs`` processes (default: every
    core; one, or a single item, runs in this process), results in input
    order; ``progress`` is called with each result as it comes.  A worker
    that dies (killed for its memory) gives ``on_crash(item, error)`` for
    every item it left undone instead of ending the run.  Ctrl-C cancels
    what has not started, lets the workers finish what they hold, and
    raises ``KeyboardInterrupt``."""
    jobs = jobs or os.cpu_count() or 1
    results: list[R] = []
    if jobs == 1 or len(items) <= 1:
        outcomes: Iterable[R] = map(function, items)
        for result in outcomes:
            results.append(result)
            if progress:
                progress(result)
        return results
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)))
    try:
        futures = [pool.submit(function, item) for item in items]
        for item, future in zip(items, futures):
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                if on_crash is None:
                    raise
                result = on_crash(item, exc)
            results.append(result)
            if progress:
                progress(result)
    except KeyboardInterrupt:
        # Cancel what has not started, and wait for what has: a worker still
        # writing after the command returned would leave its half-written
        # file behind (the few items already queued to a worker finish).
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    return results
