"""Party screening engine (placeholder docstring, replaced below)."""
