"""Template filters used across pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`{{ mapping|get_item:key }}` for dict look-ups with a variable key."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter(name="label")
def label_filter(code: Any) -> str:
    """`{{ app.status|label }}`: the translated label of a stored code."""
    from exportctl.web.labels import label

    return label(code)
