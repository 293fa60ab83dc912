"""The statement as every output reads it: the published document, the one mapping to it from
the data, and each language's view of it."""
