"""The ``aapenhet`` console script and ``python -m aapenhet``: Ctrl-C ends with one line, also while
the tool is still starting (importing its libraries takes a moment) and before a command runs."""

from __future__ import annotations

import sys

INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


def run() -> None:
    try:
        from aapenhet.cli import main

        status = main()
    except KeyboardInterrupt:
        print("\naapenhet: interrupted", file=sys.stderr)
        status = INTERRUPTED
    sys.exit(status)
