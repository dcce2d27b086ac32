"""The 'Do I need a licence?' form: shape only; the engine validates meaning (codes, countries)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from exportctl.web.labels import LABELS

MOVEMENTS = [
    "export",
    "re_export",
    "transit",
    "transshipment",
    "deemed_export",
    "into_special_customs_zone",
    "between_special_customs_zones",
]
REGISTRATION = [
    "",
    "inbound_repair_return",
    "outbound_repair",
    "domestic_exhibition_return",
    "foreign_exhibition",
    "civil_aircraft_parts",
]
ROLES = ["end_user", "consignee", "importer", "intermediate", "ultimate_end_user"]
END_USES = ["civil", "military", "wmd", "terrorism", "unknown"]
ROWS = 3


class DeterminationForm(forms.Form):
    date = forms.DateField(
        label=_("Export date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    movement = forms.ChoiceField(label=_("Movement"), choices=[(m, LABELS[m]) for m in MOVEMENTS])
    registration_case = forms.ChoiceField(
        label=_("Registration case (Art. 19)"),
        choices=[(c, LABELS[c] if c else "—") for c in REGISTRATION],
        required=False,
    )
    destination = forms.CharField(label=_("Destination (ISO code)"), max_length=2)
    criminal_penalty = forms.BooleanField(
        label=_("The exporter has a criminal penalty"), required=False
    )
    serious_penalty_within_5_years = forms.BooleanField(
        label=_("A serious administrative penalty within 5 years"), required=False
    )
    branch_of_control_listed_party = forms.BooleanField(
        label=_("A PRC branch of a control-listed party"), required=False
    )
    end_use_category = forms.ChoiceField(
        label=_("End use"), choices=[(e, LABELS[e]) for e in END_USES]
    )
    end_use_statement = forms.CharField(
        label=_("End-use statement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    national_security_risk = forms.BooleanField(
        label=_("Known or suspected risk to national security"), required=False
    )
    wmd_risk = forms.BooleanField(
        label=_("Known or suspected use for weapons of mass destruction"), required=False
    )
    terrorism_risk = forms.BooleanField(
        label=_("Known or suspected use for terrorism"), required=False
    )
    notified_by_authority = forms.BooleanField(
        label=_("The authority notified a risk"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(ROWS):
            self.fields[f"item{i}_code"] = forms.CharField(
                label=_("Control code (empty if unlisted)"), required=False, max_length=40
            )
            self.fields[f"item{i}_description"] = forms.CharField(
                label=_("Description"), required=False, max_length=300
            )
            self.fields[f"item{i}_hs"] = forms.CharField(
                label=_("HS code"), required=False, max_length=10
            )
            self.fields[f"item{i}_quantity"] = forms.DecimalField(
                label=_("Quantity"), required=False
            )
            self.fields[f"item{i}_unit"] = forms.CharField(
                label=_("Unit"), required=False, max_length=20
            )
            self.fields[f"item{i}_value"] = forms.DecimalField(
                label=_("Value (CNY)"), required=False
            )
            self.fields[f"party{i}_role"] = forms.ChoiceField(
                label=_("Role"), choices=[(r, LABELS[r]) for r in ROLES], required=False
            )
            self.fields[f"party{i}_name"] = forms.CharField(
                label=_("Name"), required=False, max_length=300
            )
            self.fields[f"party{i}_country"] = forms.CharField(
                label=_("Country"), required=False, max_length=2
            )
            self.fields[f"party{i}_military"] = forms.BooleanField(
                label=_("Military user"), required=False
            )

    def item_rows(self) -> list[list[Any]]:
        return [
            [
                self[f"item{i}_{k}"]
                for k in ("code", "description", "hs", "quantity", "unit", "value")
            ]
            for i in range(ROWS)
        ]

    def party_rows(self) -> list[list[Any]]:
        return [
            [self[f"party{i}_{k}"] for k in ("role", "name", "country", "military")]
            for i in range(ROWS)
        ]

    def case(self, exporter_name: str) -> dict[str, Any]:
        """The fixed input interface of the engine, built from the cleaned form."""
        d = self.cleaned_data
        items = [
            {
                "control_code": d[f"item{i}_code"].strip() or None,
                "description": d[f"item{i}_description"],
                "hs_code": d[f"item{i}_hs"] or None,
                "quantity": float(d[f"item{i}_quantity"])
                if d[f"item{i}_quantity"] is not None
                else None,
                "unit": d[f"item{i}_unit"] or None,
                "value_cny": float(d[f"item{i}_value"])
                if d[f"item{i}_value"] is not None
                else None,
            }
            for i in range(ROWS)
            if d[f"item{i}_code"] or d[f"item{i}_description"]
        ]
        parties = [
            {
                "role": d[f"party{i}_role"] or "end_user",
                "name": d[f"party{i}_name"],
                "country": d[f"party{i}_country"].upper() or None,
                "military": d[f"party{i}_military"],
            }
            for i in range(ROWS)
            if d[f"party{i}_name"]
        ]
        return {
            "date": d["date"].isoformat(),
            "movement": d["movement"],
            "registration_case": d["registration_case"] or None,
            "destination": d["destination"].upper(),
            "exporter": {
                "name": exporter_name,
                "criminal_penalty": d["criminal_penalty"],
                "serious_penalty_within_5_years": d["serious_penalty_within_5_years"],
                "branch_of_control_listed_party": d["branch_of_control_listed_party"],
            },
            "items": items,
            "parties": parties,
            "end_use": {"category": d["end_use_category"], "statement": d["end_use_statement"]},
            "knowledge": {
                k: d[k]
                for k in (
                    "national_security_risk",
                    "wmd_risk",
                    "terrorism_risk",
                    "notified_by_authority",
                )
            },
        }
