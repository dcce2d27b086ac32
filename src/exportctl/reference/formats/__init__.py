"""Parsers for the party lists' published formats; each `parse` returns a SourceSnapshot."""
