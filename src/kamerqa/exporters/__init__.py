"""Exporters: write a :class:`~kamerqa.model.Document` in some format.

An exporter is any object with

- ``name``: the format name used on the command line (``--to json``);
- ``suffixes``: file suffixes it claims (``(".json",)``), used to pick the
  format from an output file name;
- ``binary``: whether it writes bytes (docx, xlsx) or text (json);
- ``description``: one line for ``kamerqa formats``;
- ``write(document, stream, **options)``: write to a binary stream if
  ``binary`` else a text stream.

Built-in exporters are registered here; third parties add theirs through the
entry-point group ``kamerqa.exporters`` (the entry point names the exporter
object or a class to instantiate).  A plugin that fails to load is reported
by :func:`plugin_problems`, never fatal.  Exporters import the model only,
never the parser.
"""

from __future__ import annotations

import functools
import importlib
import io
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

from ..errors import KamerqaError
from ..model import Document
from ..plugins import check_plugin

__all__ = [
    "ENTRY_POINT_GROUP",
    "Exporter",
    "UnknownFormatError",
    "UnsupportedOptionError",
    "available",
    "export",
    "exporter_for",
    "plugin_problems",
    "reject_options",
    "write_file",
]

ENTRY_POINT_GROUP = "kamerqa.exporters"


@runtime_checkable
class Exporter(Protocol):
    name: str
    suffixes: tuple[str, ...]
    binary: bool
    description: str

    def write(self, document: Document, stream: IO[Any], **options: Any) -> None: ...


class UnknownFormatError(KamerqaError, ValueError):
    """No exporter has this name or suffix."""


class UnsupportedOptionError(KamerqaError, TypeError):
    """An exporter was given an option it does not have."""


def reject_options(exporter: str, options: Mapping[str, Any]) -> None:
    """For exporters: refuse options they do not know, naming them."""
    if options:
        names = ", ".join(sorted(options))
        raise UnsupportedOptionError(f"the {exporter} format has no option {names}")


# name -> "module:attribute"; modules are imported only when used, so that
# e.g. python-docx is not loaded for a JSON conversion.
_BUILTIN: dict[str, str] = {
    "json": "kamerqa.exporters.json:JsonExporter",
    "docx": "kamerqa.exporters.docx:DocxExporter",
    "xlsx": "kamerqa.exporters.xlsx:XlsxExporter",
    "txt": "kamerqa.exporters.txt:TxtExporter",
    "csv": "kamerqa.exporters.csv:CsvExporter",
    "html": "kamerqa.exporters.html:HtmlExporter",
}
# The built-ins' suffixes, so that "-o out.json" needs no scan of installed
# packages for plugins (importlib.metadata is slow to start).
_BUILTIN_SUFFIXES = {
    ".json": "json", ".docx": "docx", ".xlsx": "xlsx", ".txt": "txt", ".csv": "csv", ".html": "html", ".htm": "html",
}

_registry: dict[str, Exporter] | None = None
_problems: list[str] = []


def _instantiate(target: Any) -> Exporter:
    exporter = target() if isinstance(target, type) else target
    if not isinstance(exporter, Exporter):
        raise TypeError(f"{exporter!r} does not implement the exporter protocol (name, suffixes, binary, write)")
    check_plugin(exporter, "exporter")
    return exporter


def _load(spec: str) -> Exporter:
    module, _, attribute = spec.partition(":")
    return _instantiate(getattr(importlib.import_module(module), attribute))


def _build_registry() -> dict[str, Exporter]:
    from importlib.metadata import entry_points  # slow to import; only needed here

    registry = {name: _builtin(name) for name in _BUILTIN}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            exporter = _instantiate(entry_point.load())
        except (Exception, SystemExit) as exc:  # a broken plugin (even one that exits) must not break kamerqa
            _problems.append(f"exporter plugin {entry_point.name!r} ({entry_point.value}) failed to load: {exc!r}")
            continue
        if exporter.name in _BUILTIN:
            _problems.append(f"exporter plugin {entry_point.name!r} ignored: it would replace the built-in {exporter.name!r}")
            continue
        if exporter.name in registry:
            _problems.append(f"exporter plugin {entry_point.name!r} ignored: another plugin already has the name {exporter.name!r}")
            continue
        registry[exporter.name] = exporter
    return registry


def available() -> Mapping[str, Exporter]:
    """Every exporter by name: the built-ins, then the plugins."""
    global _registry
    if _registry is None:
        _registry = _build_registry()
    return _registry


def plugin_problems() -> list[str]:
    """Messages about plugins that could not be loaded."""
    available()
    return list(_problems)


def reload() -> None:
    """Forget the registry (after installing a plugin at run time)."""
    global _registry
    _registry = None
    _problems.clear()


@functools.cache
def _builtin(name: str) -> Exporter:
    return _load(_BUILTIN[name])


def exporter_for(format: str | None = None, path: str | os.PathLike[str] | None = None) -> Exporter:
    """The exporter named ``format``, or else the one claiming ``path``'s suffix."""
    if format is not None and format.lower() in _BUILTIN:
        return _builtin(format.lower())
    if format is None and path is not None and Path(path).suffix.lower() in _BUILTIN_SUFFIXES:
        return _builtin(_BUILTIN_SUFFIXES[Path(path).suffix.lower()])
    exporters = available()
    if format is not None:
        try:
            return exporters[format.lower()]
        except KeyError:
            raise UnknownFormatError(f"unknown format {format!r}; known formats: {', '.join(sorted(exporters))}") from None
    if path is not None:
        suffix = Path(path).suffix.lower()
        for exporter in exporters.values():
            if suffix in exporter.suffixes:
                return exporter
        raise UnknownFormatError(
            f"cannot tell the format from {str(path)!r}; use --to with one of: {', '.join(sorted(exporters))}"
        )
    raise UnknownFormatError("no format given")


def export(
    document: Document,
    destination: str | os.PathLike[str] | IO[Any],
    format: str | None = None,
    **options: Any,
) -> None:
    """Write ``document`` to a path or an open stream.

    The format is ``format`` or, for a path, the one its suffix names.  A
    text exporter given a binary stream writes UTF-8.
    """
    if isinstance(destination, (str, os.PathLike)):
        exporter = exporter_for(format, destination if format is None else None)
        _write_file(Path(destination), exporter, document, options)
        return
    exporter = exporter_for(format, None)
    stream = destination
    if not exporter.binary and _is_binary(stream):
        wrapper = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
        try:
            exporter.write(document, wrapper, **options)
            wrapper.flush()
        finally:
            wrapper.detach()
        return
    exporter.write(document, stream, **options)


def _write_file(path: Path, exporter: Any, document: Document, options: dict[str, Any]) -> None:
    write_file(path, exporter.binary, lambda stream: exporter.write(document, stream, **options))


def write_file(path: Path, binary: bool, write: Callable[[IO[Any]], Any]) -> None:
    """Write to ``path`` as a user means it: a regular file is replaced
    atomically (written to a temporary file of its own name in the same
    folder, then moved into place, so a failed export never leaves a
    half-written or destroyed file and no other file is touched); a symlink
    is followed to the file it names; a device or FIFO ("/dev/null",
    "/dev/stdout") is opened and written as it is.  ``write`` gets a binary
    stream if ``binary``, else a UTF-8 text stream."""
    target = path.resolve() if path.is_symlink() else path
    encoding, newline = (None, None) if binary else ("utf-8", "\n")
    mode = "wb" if binary else "w"
    if target.exists() and not target.is_file():  # a device, FIFO or socket: never replaced by a file
        with open(target, mode, encoding=encoding, newline=newline) as stream:
            write(stream)
        return
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    partial = Path(name)
    try:
        with os.fdopen(handle, mode, encoding=encoding, newline=newline) as stream:
            write(stream)
        if target.exists():
            os.chmod(partial, target.stat().st_mode & 0o7777)
        else:
            os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _is_binary(stream: IO[Any]) -> bool:
    return isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(stream, "mode", "")

