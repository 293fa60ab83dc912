"""``python -m aapenhet``: the command line (see ``aapenhet.cli``)."""

from aapenhet.console import run

run()
