"""Fixtures: the Knowledge built from the data the package ships (rules, catalogue, party lists).

Party records are the bundled snapshots (src/exportctl/reference/snapshot/parties, built from
../shared/data/cn-mofcom-controlled-parties, un-sc-consolidated-list, us-bis-denied-persons);
control entries are the catalogue snapshot (from cn-dual-use-control-list and cn-mofcom-notices).
"""

from __future__ import annotations

import pytest

from exportctl.core.determination import MemoryKnowledge
from exportctl.core.determination.bundled import bundled_knowledge


@pytest.fixture(scope="session")
def knowledge() -> MemoryKnowledge:
    """PRC lists (MOFCOM control and watch lists, UEL, MFA), the UN list and the BIS DPL."""
    return bundled_knowledge(sources=("mofcom", "uel", "mfa", "un", "bis_dpl"))


@pytest.fixture(scope="session")
def uel_only() -> MemoryKnowledge:
    """Only the Unreliable Entity List: its entities are often on other lists too, and some tests
    look at a UEL designation's own dates."""
    return bundled_knowledge(sources=("uel",))
