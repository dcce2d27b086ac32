"""Where the shared reference data is for these tests: ../shared/data or EXPORTCTL_SHARED_DATA."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(
    os.environ.get("EXPORTCTL_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared" / "data")
)
NOTICES = SHARED / "cn-mofcom-notices" / "china-dual-use-notices.json.gz"
CATALOGUE_NOTICES = SHARED / "cn-mofcom-notices" / "china-licence-catalogue-notices.json"
CONTROL_LIST = SHARED / "cn-dual-use-control-list" / "china-control-list.json"
DUAL_USE_HS = SHARED / "cn-dual-use-licence-catalogue-hs-2026" / "dual_use_hs_codes_2026.json"

needs_shared = pytest.mark.skipif(
    not NOTICES.is_file(), reason=f"shared data not found at {SHARED}"
)
