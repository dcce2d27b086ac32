"""Demo organisations and one account per role, created once with random passwords."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db import transaction

from exportctl.accounts.models import USCC_ALPHABET, USCC_WEIGHTS, Organisation, User
from exportctl.accounts.roles import Role
from exportctl.audit import services as audit


def with_check_character(first17: str) -> str:
    """Complete a unified social credit code with its GB 32100-2015 check character."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


# Fictional organisations for demonstration; the codes are well-formed but belong to no one.
DEMO_ORGS = {
    "authority": ("authority", "出口管制许可机关（演示）", "Licensing authority (demo)", ""),
    "customs": ("customs", "海关（演示）", "Customs (demo)", ""),
    "exporter_a": (
        "exporter",
        "演示甲材料科技有限公司",
        "Demo A Materials Technology Co., Ltd.",
        with_check_character("91310000MA1K00001"),
    ),
    "exporter_b": (
        "exporter",
        "演示乙电子有限公司",
        "Demo B Electronics Co., Ltd.",
        with_check_character("91440300MA5F00002"),
    ),
}
DEMO_USERS = (
    ("officer", Role.CASE_OFFICER, "authority"),
    ("reviewer", Role.REVIEWER, "authority"),
    ("approver", Role.APPROVER, "authority"),
    ("listadmin", Role.LIST_ADMIN, "authority"),
    ("auditor", Role.AUDITOR, "authority"),
    ("exporter", Role.EXPORTER, "exporter_a"),
    ("exporter2", Role.EXPORTER, "exporter_b"),
    ("customs", Role.CUSTOMS, "customs"),
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    organisation: str
    password: str | None  # None when the account existed already


def ensure_demo_accounts() -> list[DemoAccount]:
    """Create missing demo organisations and users; passwords are returned only for new users."""
    accounts = []
    with transaction.atomic():
        orgs = {}
        for key, (kind, zh, en, uscc) in DEMO_ORGS.items():
            org, created = Organisation.objects.get_or_create(
                name_zh=zh, defaults={"kind": kind, "name_en": en, "uscc": uscc}
            )
            if created:
                audit.record("accounts.organisation_created", org, data={"name": zh, "demo": True})
            orgs[key] = org
        for username, role, org_key in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            password = None
            if user is None:
                password = secrets.token_urlsafe(12)
                user = User(
                    username=username,
                    role=role,
                    organisation=orgs[org_key],
                    is_staff=role == Role.LIST_ADMIN,
                )
                user.set_password(password)
                user.save()
                audit.record(
                    "accounts.user_created",
                    user,
                    data={"username": username, "role": role, "demo": True},
                )
            accounts.append(DemoAccount(username, role, orgs[org_key].name_zh, password))
    return accounts


def reset_password(username: str) -> str:
    user = User.objects.get(username=username)
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    with transaction.atomic():
        user.save()
        audit.record("accounts.password_reset", user, data={"username": username})
    return password
