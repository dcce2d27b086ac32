"""One screening index per list version: in memory, saved under the data directory, rebuilt on change."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from exportctl.core.errors import MalformedFile
from exportctl.core.screening import warm_up
from exportctl.core.screening.index import ScreeningIndex, build_index
from exportctl.parties.models import Entity
from exportctl.parties.records import list_version, records_for


@dataclass(frozen=True)
class LoadedIndex:
    version: str
    index: ScreeningIndex
    entity_ids: dict[tuple[str, str], int]


_lock = threading.Lock()
_current: LoadedIndex | None = None


def _directory() -> Path:
    return Path(settings.DATA_DIR) / "screening"


def current_index() -> LoadedIndex:
    """The index of every active listed party for the current list version."""
    global _current
    version = list_version()
    if _current is not None and _current.version == version:
        return _current
    with _lock:
        if _current is not None and _current.version == version:
            return _current
        _current = _load_or_build(version)
        return _current


def warm_index() -> LoadedIndex:
    """current_index() ready for a long-running server: the dictionaries names need loaded and
    every analysed name rebuilt now (about 1 s), not while its first requests wait. One-off
    commands leave this out: they would pay for names they never meet."""
    loaded = current_index()
    warm_up()
    loaded.index.prepare()
    return loaded


def _load_or_build(version: str) -> LoadedIndex:
    path = _directory() / f"index-{version}.pickle"
    active = Entity.objects.filter(removed_at__isnull=True)
    ids = dict(((s, k), i) for s, k, i in active.values_list("source", "key", "id"))
    if path.exists():
        try:
            return LoadedIndex(version, ScreeningIndex.load(path), ids)
        except MalformedFile:
            path.unlink(missing_ok=True)  # stale or foreign format: rebuild below
    records, ids = records_for(active)
    index = build_index(records)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("index-*.pickle"):
        old.unlink(missing_ok=True)
    tmp = path.with_suffix(".tmp")
    index.save(tmp)
    tmp.replace(path)
    return LoadedIndex(version, index, ids)


def index_for(entities: list[Entity]) -> LoadedIndex:
    """A small, unsaved index over some entities (re-screening against what an import changed)."""
    records, ids = records_for(Entity.objects.filter(pk__in=[e.pk for e in entities]))
    return LoadedIndex("partial", build_index(records), ids)
