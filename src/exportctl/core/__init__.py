"""Pure decision code: no Django, no database, no network, no clock reads (import-linter checks)."""
