"""The innsynskrav form: its settings in ``mkdocs.yml``, presets per service, what its template needs."""
