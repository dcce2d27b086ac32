"""Notifications in the app and by e-mail (after commit) on every step that waits for someone.

Language: a notification is stored as a msgid + params (`Notification.template`, `.params`)
and said in the reader's language when a page shows it. An e-mail has no request and users
have no stored language, so it is sent in both languages: Simplified Chinese (the site's
default) first, then English.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation

from exportctl.accounts.models import User
from exportctl.core.text import Param, english
from exportctl.licensing.models import Notification
from exportctl.web.localise import params_to_json, render

EMAIL_LANGUAGES = (settings.LANGUAGE_CODE, "en")


def in_languages(template: str, params: dict[str, Param]) -> list[str]:
    """The message in each e-mail language, without repeats."""
    texts: list[str] = []
    for language in EMAIL_LANGUAGES:
        with translation.override(language):
            text = render(template, params)
        if text not in texts:
            texts.append(text)
    return texts


def notify(users: Iterable[Any], template: str, url: str, **params: Param) -> None:
    """Tell `users`: `template` is a marked msgid (`gettext_noop`) with named placeholders."""
    recipients = [u for u in users if u is not None and u.is_active]
    text = english(template, params)
    stored = params_to_json(params)
    Notification.objects.bulk_create(
        [
            Notification(user=u, text=text[:300], template=template, params=stored, url=url[:300])
            for u in recipients
        ]
    )
    emails = [u.email for u in recipients if u.email]
    if emails:
        texts = in_languages(template, params)
        transaction.on_commit(
            lambda: send_mail(
                f"[exportctl] {' / '.join(texts)[:120]}",
                "\n\n".join([*texts, url]),
                settings.DEFAULT_FROM_EMAIL,
                emails,
                fail_silently=True,
            )
        )


def role_users(role: str) -> list[User]:
    return list(User.objects.filter(role=role, is_active=True))


def organisation_users(organisation_id: int) -> list[User]:
    return list(
        User.objects.filter(organisation_id=organisation_id, role="exporter", is_active=True)
    )
