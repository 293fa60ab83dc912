"""Exso's åpenhetsloven statement: load, validate and render the facts in ``data/``.

The MkDocs hook files in ``hooks/`` only adapt MkDocs events to the plain functions here, so the
same code serves the build, the tests and any command-line tool.
"""
