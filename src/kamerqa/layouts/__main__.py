"""``python -m kamerqa.layouts``: the registry as docs/layouts.md's table."""

from . import markdown_table

print(markdown_table(), end="")
