"""Merge the two sources of a Chinese list: match entities within an announcement, build one record.

A match is the same announcement with the same Chinese name or the same normalised English name.
The compliance_hub row (official site) wins where both give a value; ammitto fills the gaps
(reason, effective dates it alone has, the entities compliance_hub lacks).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exportctl.reference.formats.countries import (
    iso2,
    iso2_in_address,
    iso2_in_zh_text,
    iso2_zh_prefix,
)
from exportctl.reference.formats.mofcom_terms import Listing, measure_codes
from exportctl.reference.formats.names import match_key, script_of, unique, unique_names
from exportctl.reference.records import Designation, EntityRecord, Name


@dataclass(frozen=True)
class Match:
    """One entity of one announcement: its compliance_hub row, its ammitto entry, or both."""

    hub: Listing | None
    ammitto: Listing | None

    @property
    def first(self) -> Listing:
        first = self.hub or self.ammitto
        if first is None:
            raise ValueError("a match needs at least one listing")
        return first

    @property
    def listings(self) -> list[Listing]:
        return [x for x in (self.hub, self.ammitto) if x]

    def measures(self) -> tuple[str, ...]:
        """Measure texts: the hub's numbered summary (closest to the notice), else ammitto's."""
        return (self.hub.measures if self.hub else ()) or (
            self.ammitto.measures if self.ammitto else ()
        )


def match(hub: list[Listing], ammitto: list[Listing]) -> list[Match]:
    """Pair the two sources' entities within each announcement; unmatched ones stand alone."""
    out = []
    for number in sorted({x.announcement for x in hub + ammitto}):
        left = [h for h in hub if h.announcement == number]
        for item in (a for a in ammitto if a.announcement == number):
            found = next((h for h in left if _same(h, item)), None)
            if found:
                left.remove(found)
            out.append(Match(found, item))
        out += [Match(h, None) for h in left]
    return out


def _same(h: Listing, a: Listing) -> bool:
    same_zh = bool(h.name_zh) and "".join(h.name_zh.split()) == "".join(a.name_zh.split())
    return same_zh or (bool(h.name_en) and match_key(h.name_en) == match_key(a.name_en))


def merged_record(
    source: str, pair: Match, extra: dict[str, tuple[str, ...]], zh_csv: Path | None
) -> EntityRecord:
    """The EntityRecord of a match; `extra`: measures from full notice texts, by announcement."""
    first, h, a = pair.first, pair.hub, pair.ammitto
    measures = pair.measures() or extra.get(first.announcement, ())
    remarks = [*(a.remarks if a else [])]
    for attr in ("published", "effective"):
        values = {getattr(x, attr) for x in pair.listings if getattr(x, attr)}
        if len(values) > 1:
            remarks.append(
                f"sources differ on the {attr} date: {', '.join(sorted(map(str, values)))}"
            )
    designation = Designation(
        list_code=first.list_code,
        announcement=first.announcement,
        title=_pick(pair, "title"),
        authority=_pick(pair, "authority"),
        published=_pick(pair, "published"),
        effective=_pick(pair, "effective"),
        legal_basis=_pick(pair, "legal_basis"),
        measures=measures,
        measure_codes=measure_codes(measures),
        reason=a.reason if a else None,
        source_url=_pick(pair, "source_url"),
    )
    return EntityRecord(
        source=source,
        key=f"{first.announcement}-{first.ordinal}",
        schema=a.schema if a else first.schema,
        names=_names(h, a),
        countries=_countries(pair.listings, zh_csv),
        addresses=unique(
            f"{x} (postal code {i.postal_code})" if i.postal_code else x
            for i in pair.listings
            for x in i.addresses
        ),
        designations=(designation,),
        remarks="\n".join(remarks) or None,
    )


def _pick(pair: Match, attr: str) -> Any:
    return next((getattr(x, attr) for x in pair.listings if getattr(x, attr)), None)


def _names(h: Listing | None, a: Listing | None) -> tuple[Name, ...]:
    """Official Chinese name first, then the English as printed; ammitto's own zh is translation."""
    official = [x.name_zh for x in (h, a) if x and x.name_zh and x.zh_official]
    other_zh = [x.name_zh for x in (h, a) if x and x.name_zh and not x.zh_official]
    english = [x.name_en for x in (h, a) if x and x.name_en]
    names = [Name(official[0], "primary", "zh", "Hani")] if official else []
    names += [Name(z, "alias", "zh", "Hani") for z in official[1:]]
    for en in english:
        names.append(Name(en, "translation" if names else "primary", "en", script_of(en)))
    names += [Name(z, "translation", "zh", "Hani") for z in other_zh]
    names += [Name(x, "alias", script=script_of(x)) for x in (h.aliases if h else [])]
    return unique_names(names)


def _countries(items: list[Listing], zh_csv: Path | None) -> tuple[str, ...]:
    """Country codes given, the country an address names, the country the notice title names."""
    found: list[str | None] = []
    for item in items:
        found += [h if len(h) == 2 and h.isupper() else iso2(h) for h in item.country_hints]
        found += [iso2_zh_prefix(x, zh_csv) or iso2_in_address(x) for x in item.addresses]
        found += [c for text in item.zh_context if text for c in iso2_in_zh_text(text, zh_csv)]
    return unique(found)
