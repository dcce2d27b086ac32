"""Every application and licence step, allowed and refused, for every role and state (the issue's table)."""

from __future__ import annotations

import itertools

import pytest

from exportctl.core import workflow
from exportctl.core.errors import IllegalTransition

ROLES = [
    "exporter",
    "case_officer",
    "reviewer",
    "approver",
    "list_admin",
    "auditor",
    "customs_officer",
    "system",
]

# Written from the issue (and Regulations Arts. 15-18), not generated from the YAML.
APPLICATION = {
    "submit": ({"draft"}, "submitted", {"exporter"}),
    "request_supplement": ({"submitted"}, "supplement_requested", {"case_officer"}),
    "resubmit": ({"supplement_requested"}, "submitted", {"exporter"}),
    "accept": ({"submitted"}, "accepted", {"case_officer"}),
    "refuse_acceptance": ({"submitted", "supplement_requested"}, "not_accepted", {"case_officer"}),
    "start_review": ({"accepted"}, "under_review", {"case_officer"}),
    "propose": ({"under_review"}, "proposed", {"reviewer"}),
    "return_to_review": ({"proposed"}, "under_review", {"approver"}),
    "approve": ({"proposed"}, "approved", {"approver"}),
    "deny": ({"proposed"}, "denied", {"approver"}),
    "withdraw": (
        {"draft", "submitted", "supplement_requested", "accepted", "under_review", "proposed"},
        "withdrawn",
        {"exporter"},
    ),
}
LICENCE = {
    "suspend": ({"issued"}, "suspended", {"approver"}),
    "restore": ({"suspended"}, "issued", {"approver"}),
    "revoke": ({"suspended"}, "revoked", {"approver"}),
    "withdraw_licence": ({"suspended"}, "withdrawn", {"approver"}),
    "return_licence": ({"issued", "suspended"}, "returned", {"exporter"}),
    "replace": ({"issued"}, "replaced", {"system"}),
    "expire": ({"issued", "suspended"}, "expired", {"system"}),
    "spend": ({"issued"}, "spent", {"system"}),
}


def _cases(kind, expected):
    table = workflow.tables()[kind]
    for (name, (sources, target, roles)), state, role in itertools.product(
        expected.items(), table.states, ROLES
    ):
        yield pytest.param(
            kind,
            name,
            state,
            role,
            state in sources and role in roles,
            target,
            id=f"{kind}-{name}-{state}-{role}",
        )


@pytest.mark.parametrize(
    ("kind", "name", "state", "role", "allowed", "target"),
    [*_cases("application", APPLICATION), *_cases("licence", LICENCE)],
)
def test_step_is_allowed_exactly_when_the_table_says(kind, name, state, role, allowed, target):
    table = workflow.tables()[kind]
    if allowed:
        assert workflow.check(table, name, state, role).target == target
    else:
        with pytest.raises(IllegalTransition) as err:
            workflow.check(table, name, state, role)
        assert err.value.message  # says why, in words


def test_the_yaml_has_no_step_the_issue_does_not_name():
    assert set(workflow.tables()["application"].transitions) == set(APPLICATION)
    assert set(workflow.tables()["licence"].transitions) == set(LICENCE)


def test_refusal_says_why():
    table = workflow.tables()["application"]
    with pytest.raises(
        IllegalTransition, match="possible only when the application is proposed; it is submitted"
    ):
        workflow.check(table, "approve", "submitted", "approver")
    with pytest.raises(IllegalTransition, match="final state"):
        workflow.check(table, "withdraw", "approved", "exporter")
    with pytest.raises(IllegalTransition, match="four eyes"):
        workflow.check(table, "approve", "proposed", "approver", earlier_actor=7, actor=7)


def test_every_transition_is_cited():
    for table in workflow.tables().values():
        for t in table.transitions.values():
            assert "Art." in t.citation or "review" in t.citation.lower(), t.name


def test_docs_workflow_table_is_current():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "workflow.md").read_text(encoding="utf-8")
    tables = workflow.tables()
    assert workflow.describe(tables["application"]) in doc
    assert workflow.describe(tables["licence"]) in doc
