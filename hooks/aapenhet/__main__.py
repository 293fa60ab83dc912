"""``python -m aapenhet``: the command line (see ``aapenhet.cli``)."""

import sys

from aapenhet.cli import main

sys.exit(main())
