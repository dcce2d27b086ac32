"""Signals other areas listen to (screening re-screens after every applied import)."""

from django.dispatch import Signal

# Sent after the import transaction commits: kwargs `run` (ImportRun) and `actor`.
list_imported = Signal()
