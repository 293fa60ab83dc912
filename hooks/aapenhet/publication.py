"""``python -m aapenhet.publication``: the publication gate under its earlier name; ``aapenhet gate``."""

import sys

from aapenhet.cli import main

if __name__ == "__main__":
    sys.exit(main(["gate", *sys.argv[1:]]))
