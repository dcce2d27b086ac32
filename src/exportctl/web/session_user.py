"""Sign-in backend: the session's user is read with its organisation in one query.

Every page needs both (tenancy middleware, navigation, templates); Django's ModelBackend reads
the organisation with a second query on each request. Password checks are ModelBackend's own.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserWithOrganisationBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("organisation").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
