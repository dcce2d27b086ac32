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
from exportctl.core.text import Code, Phrase, gettext_noop

WORKFLOW_FILE = Path(__file__).resolve().parent.parent / "rules" / "workflow.yaml"
# The table kinds as they read inside refusals (marked so pages can translate them).
KIND_NAMES = (gettext_noop("application"), gettext_noop("licence"))


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
    kind, step, state = Phrase(table.kind), Code(name), Code(current)
    if transition is None:
        raise IllegalTransition.of(
            gettext_noop("there is no %(kind)s step called '%(step)s'"), kind=kind, step=step
        )
    if current in table.final:
        raise IllegalTransition.of(
            gettext_noop("the %(kind)s is %(state)s, a final state: nothing more can happen to it"),
            kind=kind,
            state=state,
        )
    if current not in transition.sources:
        raise IllegalTransition.of(
            gettext_noop(
                "'%(step)s' is possible only when the %(kind)s is %(allowed)s; it is %(state)s"
            ),
            step=step,
            kind=kind,
            allowed=tuple(Code(s) for s in transition.sources),
            state=state,
        )
    if role not in transition.roles:
        raise IllegalTransition.of(
            gettext_noop("'%(step)s' is a step for %(roles)s, not for %(role)s"),
            step=step,
            roles=tuple(Code(r) for r in transition.roles),
            role=Code(role),
        )
    if transition.four_eyes and earlier_actor is not None and earlier_actor == actor:
        raise IllegalTransition.of(
            gettext_noop(
                "four eyes: the person who took '%(earlier)s' cannot also '%(step)s' the same case"
            ),
            earlier=Code(transition.four_eyes),
            step=step,
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
