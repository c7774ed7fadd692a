"""What every plugin (reader or exporter, from an entry point) must offer:
checked once, when it is loaded, so a plugin kamerqa cannot use is
reported and skipped instead of failing later in a message or a batch."""

from __future__ import annotations

from typing import Any

__all__ = ["check_plugin"]


def check_plugin(plugin: Any, kind: str) -> None:
    """Refuse a plugin whose attributes kamerqa cannot use: ``name`` a
    lower-case word, ``suffixes`` a tuple of ".suffix" strings,
    ``description`` a string (``TypeError`` names what is wrong)."""
    name = getattr(plugin, "name", None)
    if not isinstance(name, str) or not name or name != name.lower() or not name.replace("-", "").replace("_", "").isalnum():
        raise TypeError(f"its name {name!r} is not a lower-case word ({kind} names are typed on the command line)")
    suffixes = getattr(plugin, "suffixes", None)
    if not isinstance(suffixes, tuple) or not all(isinstance(x, str) and x.startswith(".") and len(x) > 1 for x in suffixes):
        raise TypeError(f"its suffixes {suffixes!r} are not a tuple of '.suffix' strings")
    if not isinstance(getattr(plugin, "description", None), str):
        raise TypeError("its description is not a string")
