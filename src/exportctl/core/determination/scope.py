"""Does a measure's scope cover an item code, a country, a use? (measures.yaml `scope`)."""

from __future__ import annotations

from exportctl.core.rules.model import Scope

# (id(scope), code) -> (scope, covered, covered unconfirmed). Scopes are immutable; the scope is
# kept in the value so its id cannot be reused while cached. Bounded: cleared when large.
_CACHE: dict[tuple[int, str], tuple[Scope, bool, bool]] = {}


def code_matches(code: str, listed: str) -> bool:
    """The item code is the listed code, one of its sub-items, or the group containing it.

    `1C902.a` matches 1C902 (a sub-item of a listed code) and `1E902` matches 1E902.a (the group
    holds a listed sub-item); a partial prefix such as `1C9` matches by prefix.
    """
    if len(listed) < 5:
        return code.startswith(listed)
    return code == listed or code.startswith(listed + ".") or listed.startswith(code + ".")


def covers_code(scope: Scope, code: str) -> bool:
    """Named by the scope's control codes or code prefixes (not `all_listed_items`)."""
    return _lookup(scope, code)[1]


def covers_code_unconfirmed(scope: Scope, code: str) -> bool:
    """Named only among the codes the data marks as inferred (unconfirmed)."""
    return _lookup(scope, code)[2]


def _lookup(scope: Scope, code: str) -> tuple[Scope, bool, bool]:
    key = (id(scope), code)
    found = _CACHE.get(key)
    if found is None or found[0] is not scope:
        covered = any(code_matches(code, c) for c in scope.control_codes) or any(
            code_matches(code, p) for p in scope.code_prefixes
        )
        unconfirmed = any(code_matches(code, c) for c in scope.control_codes_unconfirmed)
        if len(_CACHE) > 100_000:
            _CACHE.clear()
        found = _CACHE[key] = (scope, covered, unconfirmed)
    return found


def keyword_hit(text: str, keywords: tuple[str, ...]) -> str | None:
    """The first keyword (case-folded) found in the text."""
    folded = text.casefold()
    for word in keywords:
        if word in folded:
            return word
    return None
