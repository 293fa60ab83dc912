"""Benchmarks of the site at scale: generated data of any size.

- ``generate``: a complete, valid ``data/`` folder with N suppliers (``aapenhet bench generate``).

Test data only: nothing here is part of a build of the statement.
"""
