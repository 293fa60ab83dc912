"""The statement as data: models that mirror ``data/``, loading a folder, and the rules on the whole."""
