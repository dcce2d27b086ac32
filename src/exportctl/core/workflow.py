"""The workflow table for licence applications and licences: load, check, explain refusals.

Source: rules/workflow.yaml, each transition cited (Dual-Use Regulations Arts. 15-18, Export
Control Law Arts. 13, 39, 41; Administrative Licensing Law Art. 32). One way to change a status:
`check(table, name, current, role, ...)` returns the target state or raises IllegalTransition
saying why; the service applies it under a row lock with its audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from exportctl.core.errors import IllegalTransition, MalformedFile

WORKFLOW_FILE = Path(__file__).resolve().parent.parent / "rules" / "workflow.yaml"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    citation: str
    four_eyes: str | None = None  # the earlier transition whose actor may not take this one


@dataclass(frozen=True)
class Table:
    kind: str
    states: tuple[str, ...]
    final: tuple[str, ...]
    transitions: dict[str, Transition]

    def available(self, current: str, role: str) -> list[Transition]:
        """Transitions a user with `role` may take from `current`."""
        return [t for t in self.transitions.values() if current in t.sources and role in t.roles]


def _table(kind: str, data: Any, location: str) -> Table:
    if not isinstance(data, dict):
        raise MalformedFile(f"{kind} must be a mapping", location=location)
    states = tuple(data.get("states") or ())
    final = tuple(data.get("final") or ())
    if not states or not set(final) <= set(states):
        raise MalformedFile(
            f"{kind}: states missing or final states not among them", location=location
        )
    transitions: dict[str, Transition] = {}
    for raw in data.get("transitions") or ():
        name = raw.get("name")
        where = f"{location} {kind}.{name}"
        if not name or name in transitions:
            raise MalformedFile(
                "transition without a name or with a duplicate name", location=where
            )
        if not raw.get("citation"):
            raise MalformedFile("transition without a citation", location=where)
        sources, target = tuple(raw.get("from") or ()), raw.get("to")
        if not sources or not set(sources) <= set(states) or target not in states:
            raise MalformedFile("from/to must name declared states", location=where)
        if set(sources) & set(final):
            raise MalformedFile("a transition cannot leave a final state", location=where)
        transitions[name] = Transition(
            name,
            sources,
            target,
            tuple(raw.get("roles") or ()),
            raw["citation"],
            raw.get("four_eyes"),
        )
    return Table(kind, states, final, transitions)


def load(path: Path = WORKFLOW_FILE) -> dict[str, Table]:
    """Load and validate the workflow tables (application, licence)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise MalformedFile(f"cannot read workflow rules: {exc}", location=path.name) from exc
    if not isinstance(data, dict) or data.get("format") != "exportctl-workflow/1":
        raise MalformedFile("not an exportctl-workflow/1 file", location=path.name)
    return {kind: _table(kind, data.get(kind), path.name) for kind in ("application", "licence")}


_TABLES: dict[str, Table] | None = None


def tables() -> dict[str, Table]:
    global _TABLES
    if _TABLES is None:
        _TABLES = load()
    return _TABLES


def check(
    table: Table,
    name: str,
    current: str,
    role: str,
    *,
    earlier_actor: int | None = None,
    actor: int | None = None,
) -> Transition:
    """The transition `name` if `role` may take it from `current`; otherwise say exactly why not."""
    transition = table.transitions.get(name)
    if transition is None:
        raise IllegalTransition(f"there is no {table.kind} step called {name!r}")
    if current in table.final:
        raise IllegalTransition(
            f"the {table.kind} is {current}, a final state: nothing more can happen to it"
        )
    if current not in transition.sources:
        allowed = ", ".join(transition.sources)
        raise IllegalTransition(
            f"'{name}' is possible only when the {table.kind} is {allowed}; it is {current}"
        )
    if role not in transition.roles:
        raise IllegalTransition(
            f"'{name}' is a step for {', '.join(transition.roles)}, not for {role}"
        )
    if transition.four_eyes and earlier_actor is not None and earlier_actor == actor:
        raise IllegalTransition(
            f"four eyes: the person who took '{transition.four_eyes}' cannot also '{name}' the same case"
        )
    return transition


def describe(table: Table) -> str:
    """The table as Markdown, for the documentation."""
    lines = [f"| {table.kind} step | from | to | who | basis |", "|---|---|---|---|---|"]
    for t in table.transitions.values():
        lines.append(
            f"| {t.name} | {', '.join(t.sources)} | {t.target} | {', '.join(t.roles)} | {t.citation} |"
        )
    return "\n".join(lines)
