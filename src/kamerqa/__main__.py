"""``python -m kamerqa``: the command line."""

from .cli import main

main()
