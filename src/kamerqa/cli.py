"""The ``kamerqa`` command line.

Exit status: 0 success (for ``check``: no problems); 1 ``check`` found
warnings or errors, or a batch ``convert`` could not convert some inputs;
2 the input or the command was bad (one line on stderr, no traceback).
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from . import __version__, layouts
from .errors import InternalError, KamerqaError

# The layout names for --layout: the registry's, and "flat" (re-break text
# whose line breaks were lost even where it is not detected).
LAYOUTS = (*layouts.names(), "flat")

F = TypeVar("F", bound=Callable[..., Any])

EXIT_PROBLEMS = 1
EXIT_ERROR = 2


def _fail(message: str) -> NoReturn:
    click.echo(f"kamerqa: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _errors_as_messages(command: F) -> F:
    """Turn every expected failure into one line on stderr and exit 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InternalError as exc:
            _fail(f"internal error (please report it with the input file): {exc}")
        except KamerqaError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        except Exception as exc:  # a plugin's bug, or kamerqa's: one line, never a traceback
            _fail(f"unexpected failure (please report it with the input file): {exc!r}")

    return wrapper  # type: ignore[return-value]


def _reading_options(command: F) -> F:
    """--from and --encoding: how to read the inputs, for every command that reads them."""
    command = click.option("--encoding", metavar="NAME", help="Text encoding of text inputs (e.g. cp1252); default: detected.")(command)
    return click.option(
        "--from", "from_", metavar="FORMAT", help="Input format (see 'kamerqa formats'); default: from each input's content."
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamerqa")
def main() -> None:
    """Turn Dutch parliamentary question-and-answer lists ("Lijst van vragen
    en antwoorden") into structured data: JSON, and more formats through
    exporters.

    \b
    Examples:
      kamerqa convert lijst.pdf -o lijst.docx   a Word report from a PDF
      kamerqa convert lijst.txt                 JSON on standard output
      kamerqa convert lijst.xml -o lijst.xlsx   format from the suffix
      kamerqa check lijst.txt                   list the problems found
      kamerqa overview archief/ -o overzicht.xlsx   count and search a whole archive
      kamerqa formats                           the formats you can read and write
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output file (one input); standard output when left out.")
@click.option("-d", "--outdir", type=click.Path(file_okay=False, path_type=Path), help="Directory for the outputs of several inputs.")
@click.option("-t", "--to", "format_", metavar="FORMAT", help="Output format (see 'kamerqa formats'); default: from the output's suffix, else json.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Parallel processes for several inputs (default: the number of cores).")
@click.option("--strict", is_flag=True, help="Fail on the first problem instead of reporting it in the diagnostics.")
@click.option("--layout", type=click.Choice(LAYOUTS), help="Read the input in this layout instead of detecting it.")
@_reading_options
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="docx: a Word document whose styles the report uses (e.g. house-style.docx).",
)
@click.option("--with-diagnostics", is_flag=True, help="docx: add an appendix listing the diagnostics.")
@_errors_as_messages
def convert(
    inputs: tuple[str, ...],
    output: Path | None,
    outdir: Path | None,
    format_: str | None,
    jobs: int | None,
    strict: bool,
    layout: str | None,
    from_: str | None,
    encoding: str | None,
    template: Path | None,
    with_diagnostics: bool,
) -> None:
    """Parse INPUT (PDF, Word, official XML, HTML or text; "-" is standard
    input) and write JSON or another format.

    One INPUT goes to standard output or to -o OUTPUT.  Several inputs,
    glob patterns ("archief/*.pdf") or directories (their files of every
    input format) are
    converted in parallel into --outdir, each output named after its input;
    a bad file is reported and the rest go on.  The summary says what was
    converted, with warnings or failed; the exit status is 1 if any failed.
    """
    from .exporters import exporter_for

    options: dict[str, Any] = {}
    if template is not None:
        options["template"] = template
    if with_diagnostics:
        options["with_diagnostics"] = True
    reading = {"format": from_, "encoding": encoding}
    batch = outdir is not None or len(inputs) > 1 or any(Path(i).is_dir() or glob.has_magic(i) for i in inputs)
    if not batch:
        exporter = exporter_for(format_ or ("json" if output is None else None), output)
        _convert_one(Path(inputs[0]), output, exporter, strict, layout, options, reading)
        return
    if output is not None:
        _fail("-o names one output file; use --outdir for several inputs")
    if outdir is None:
        _fail("several inputs need --outdir DIR for their outputs")
    if "-" in inputs:
        _fail("standard input (-) can only be converted alone")
    _convert_batch(inputs, outdir, exporter_for(format_ or "json").name, jobs, strict, layout, options, reading)


def _convert_one(
    input: Path, output: Path | None, exporter, strict: bool, layout: str | None, options: dict, reading: dict
) -> None:
    from .exporters import export
    from .parsing import parse_file

    if input.is_dir():
        _fail(f"{input}: is a directory; use --outdir to convert its files")
    if output is not None and str(output) in ("-", "/dev/stdout"):
        output = None  # "-o -": standard output
    if output is not None and output.exists() and input.exists() and output.resolve() == input.resolve():
        _fail(f"{output}: is the input file; kamerqa never writes over its input (choose another -o)")
    document = parse_file(input, strict=strict, layout=layout, **reading)
    if output is None:
        if exporter.binary:
            if sys.stdout.isatty():
                _fail(f"{exporter.name} is a binary format; give an output file with -o")
            export(document, sys.stdout.buffer, exporter.name, **options)
            sys.stdout.buffer.flush()
        else:
            export(document, sys.stdout, exporter.name, **options)
        return
    export(document, output, exporter.name, **options)
    problems = len(document.problems)
    note = f" ({problems} problem{'s' if problems != 1 else ''}; see 'kamerqa check')" if problems else ""
    click.echo(f"{input} -> {output}: {len(document.questions)} questions{note}", err=True)


def _convert_batch(inputs, outdir: Path, format: str, jobs, strict: bool, layout, options: dict, reading: dict) -> None:
    from .batch import convert_many, expand_inputs, input_suffixes

    paths = expand_inputs(inputs)
    if not paths:
        _fail(f"no files to convert in {' '.join(inputs)} (kamerqa reads {', '.join(sorted(input_suffixes()))})")
    progress = _progress_bar(len(paths)) if sys.stderr.isatty() else None
    done: list = []

    def advance(result) -> None:
        done.append(result)
        if progress:
            progress.advance(result)

    try:
        results = convert_many(
            paths, outdir, format, jobs=jobs, strict=strict, layout=layout, options=options, reading=reading,
            progress=advance,
        )
    except KeyboardInterrupt:
        if progress:
            progress.close()
        click.echo(f"interrupted: {len(done)} of {len(paths)} inputs done, into {outdir}", err=True)
        sys.exit(130)
    finally:
        if progress:
            progress.close()
    failed = [r for r in results if not r.ok]
    warned = [r for r in results if r.ok and r.problems]
    converted = len(results) - len(failed)
    click.echo(
        f"{converted} converted ({len(warned)} with warnings), {len(failed)} failed, into {outdir}",
        err=True,
    )
    for result in warned:
        click.echo(f"  warnings: {result.input}: {result.problems} (see 'kamerqa check')", err=True)
    for result in failed:
        click.echo(f"  failed: {result.error}", err=True)
    if failed:
        sys.exit(EXIT_PROBLEMS)


class _progress_bar:
    """A rich progress bar on the terminal (rich is imported only here)."""

    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._progress = Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("converting", total=total)

    def advance(self, _result) -> None:
        self._progress.advance(self._task)

    def close(self) -> None:
        self._progress.stop()


@main.command()
@click.argument("input", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--all", "show_all", is_flag=True, help="Also show informational diagnostics.")
@click.option("--layout", type=click.Choice(LAYOUTS), help="Read the input in this layout instead of detecting it.")
@_reading_options
@_errors_as_messages
def check(input: Path, show_all: bool, layout: str | None, from_: str | None, encoding: str | None) -> None:
    """Parse INPUT and list its diagnostics, one per line:

    \b
      FILE:LINE:COLUMN: SEVERITY CODE MESSAGE

    (for a PDF, FILE:page N, line M (text line L): the page and its line
    as printed, and the line of the text 'kamerqa text' prints).  Exit status 0 when there are no warnings or errors, 1 when there are.
    """
    from .parsing import parse_file

    document = parse_file(input, layout=layout, format=from_, encoding=encoding)
    for diagnostic in document.diagnostics:
        if diagnostic.severity.value == "info" and not show_all:
            continue
        if diagnostic.page is not None:  # a PDF: where a person finds it, and the line of 'kamerqa text'
            where = f"{input}:page {diagnostic.page}, line {diagnostic.page_line or 0} (text line {diagnostic.line or 0})"
        else:
            where = f"{input}:{diagnostic.line or 0}:{diagnostic.column or 0}"
        click.echo(f"{where}: {diagnostic.severity.value} {diagnostic.code} {diagnostic.message}")
    problems = len(document.problems)
    click.echo(
        f"{input}: {len(document.questions)} questions ({document.meta.layout} layout), "
        f"{problems} problem{'s' if problems != 1 else ''}",
        err=True,
    )
    sys.exit(EXIT_PROBLEMS if problems else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="overzicht.xlsx, .csv or .json; JSON on standard output when left out.")
@click.option("-t", "--to", "format_", type=click.Choice(["xlsx", "csv", "json"]), help="The format, where the output's suffix does not say it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Parallel processes (default: the number of cores).")
@_reading_options
@_errors_as_messages
def overview(inputs: tuple[str, ...], output: Path | None, format_: str | None, jobs: int | None, from_: str | None, encoding: str | None) -> None:
    """An overview of an archive: one row per document (its family,
    dossier, number, title, date, committee or askers, how many questions,
    answered, unanswered and joint, diagnostics) and every question of every
    document.  INPUT: files, glob patterns or folders; a file that cannot be
    read is listed with its reason.  Exit status 1 if any could not be read.

    \b
      kamerqa overview archief/ -o overzicht.xlsx    sheets Documenten and Vragen
      kamerqa overview 'archief/*.pdf' -o overzicht.csv   also overzicht-vragen.csv
    """
    from . import overview as archive
    from .batch import expand_inputs, input_suffixes

    kind = archive.format_for(output, format_)
    paths = expand_inputs(inputs)
    if not paths:  # as convert: nothing to read is an error, not an empty overview
        _fail(f"no files to read in {' '.join(inputs)} (kamerqa reads {', '.join(sorted(input_suffixes()))})")
    progress = _progress_bar(len(paths)) if sys.stderr.isatty() else None
    done: list = []

    def advance(entry) -> None:
        done.append(entry)
        if progress:
            progress.advance(entry)

    try:
        entries = archive.collect(paths, jobs=jobs, reading={"format": from_, "encoding": encoding}, progress=advance)
    except KeyboardInterrupt:
        if progress:
            progress.close()
        click.echo(f"interrupted: {len(done)} of {len(paths)} inputs read; no overview written", err=True)
        sys.exit(130)
    finally:
        if progress:
            progress.close()
    written = archive.write(entries, output, kind, stdout=sys.stdout)
    failed = [e for e in entries if e.error]
    questions = sum(len(e.document.questions) for e in entries if e.document)
    answered = sum(q.answer is not None for e in entries if e.document for q in e.document.questions)
    where = f" into {', '.join(map(str, written))}" if written else ""
    click.echo(f"{len(entries) - len(failed)} documents read, {len(failed)} failed; {questions} questions, {answered} answered{where}", err=True)
    for entry in failed:
        click.echo(f"  failed: {entry.error}", err=True)
    if failed:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.argument("input", type=click.Path(dir_okay=False, path_type=Path))
@_reading_options
@_errors_as_messages
def text(input: Path, from_: str | None, encoding: str | None) -> None:
    """Print the text kamerqa reads from INPUT (a PDF's or Word file's
    text, line by line): the lines that diagnostics and question spans count."""
    from . import readers

    loaded = readers.load(input, format=from_, encoding=encoding)
    if isinstance(loaded, readers.Extracted):
        click.echo(loaded.text, nl=False)
    else:
        _fail(f"{input}: the {loaded.meta.layout or 'structured'} file marks its questions itself; lines count in the file")


@main.command()
def formats() -> None:
    """List the input formats kamerqa reads and the output formats it writes."""
    from . import readers
    from .exporters import available, plugin_problems

    click.echo("input formats (detected from the content; --from names one):")
    for reader in readers.available().values():
        click.echo(f"  {reader.name:<8} {' '.join(reader.suffixes):<20} {reader.description}")
    click.echo("output formats (from the output's suffix; --to names one):")
    for exporter in available().values():
        kind = "binary" if exporter.binary else "text"
        click.echo(f"  {exporter.name:<8} {' '.join(exporter.suffixes):<12} {kind:<7} {exporter.description}")
    for problem in [*readers.plugin_problems(), *plugin_problems()]:
        click.echo(f"kamerqa: warning: {problem}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
