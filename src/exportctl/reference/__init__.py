"""Reference data: parsers for official list formats, the bundled snapshot, and its provenance."""
