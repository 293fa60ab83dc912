"""Rendering: placeholders in ``docs/``, the templates that fill them (package data), labels, formats."""
