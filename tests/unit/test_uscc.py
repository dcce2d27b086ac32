"""Unified social credit codes (GB 32100-2015) are checked, including the check character."""

import pytest
from django.core.exceptions import ValidationError

from exportctl.accounts.demo import with_check_character
from exportctl.accounts.models import validate_uscc


def test_code_with_computed_check_character_is_valid():
    validate_uscc(with_check_character("91310000MA1K00001"))


@pytest.mark.parametrize("value", ["", "123", "91310000MA1K0000I1", "91310000MA1K00001X"])
def test_malformed_codes_are_refused(value):
    with pytest.raises(ValidationError):
        validate_uscc(value)


def test_wrong_check_character_is_refused():
    good = with_check_character("91440300MA5F00002")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError):
        validate_uscc(bad)
