"""Publishing: the machine-readable statement (JSON, its schema, CSV) and the publication gate."""
