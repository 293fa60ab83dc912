"""Benchmarks of the site at scale: generated data of any size, and builds measured against a bare site.

- ``generate``: a complete, valid ``data/`` folder with N suppliers (``aapenhet bench generate``).
- ``baseline``: a plain Material + mkdocs-static-i18n site with as many pages and table rows.
- ``measure``: one ``mkdocs build`` in a subprocess: wall and CPU time, peak memory, what it wrote.
- ``report``: the environment and the table of figures, with ratios to the baseline.
- ``run``: the whole benchmark (``aapenhet bench``).

Test data only: nothing here is part of a build of the statement.
"""
