"""Forms check shape; the services decide."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from exportctl.determination.forms import END_USES, MOVEMENTS, REGISTRATION
from exportctl.licensing.models import (
    Application,
    ClassificationQuestion,
    Document,
    EndUseCertificate,
    Item,
    Party,
)
from exportctl.web.labels import LABELS

MAX_UPLOAD = 20 * 1024 * 1024
# Uploads are stored, never executed or served inline: only these types are accepted.
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
MAGIC = {
    ".pdf": (b"%PDF",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


class NewApplicationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Application.Kind.choices)
    destination = forms.CharField(label=_("Destination country (ISO code)"), max_length=2)
    amends = forms.CharField(
        label=_("Licence number to amend (amendments only)"), required=False, max_length=30
    )


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "destination",
            "movement",
            "registration_case",
            "contract_number",
            "contract_date",
            "end_use_category",
            "end_use_statement_zh",
            "end_use_statement_en",
            "legal_representative",
            "handler",
            "handler_phone",
            "knows_risk",
            "icp_summary",
            "licence_history",
            "channels_and_end_users",
            "amendment_note",
        ]
        widgets = {
            "contract_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "movement": forms.Select(choices=[(m, LABELS[m]) for m in MOVEMENTS]),
            "registration_case": forms.Select(
                choices=[(c, LABELS[c] if c else "—") for c in REGISTRATION]
            ),
            "end_use_category": forms.Select(choices=[(c, LABELS[c]) for c in END_USES]),
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in (
                    "end_use_statement_zh",
                    "end_use_statement_en",
                    "icp_summary",
                    "licence_history",
                    "channels_and_end_users",
                    "amendment_note",
                )
            },
        }


ItemFormSet = inlineformset_factory(
    Application,
    Item,
    fields=[
        "control_code",
        "description",
        "hs_code",
        "quantity",
        "unit",
        "value_cny",
        "technical_description",
    ],
    extra=1,
    can_delete=True,
    widgets={"technical_description": forms.Textarea(attrs={"rows": 2})},
)
PartyFormSet = inlineformset_factory(
    Application,
    Party,
    fields=["role", "name", "country", "address", "military"],
    extra=2,
    can_delete=True,
)


class CertificateForm(forms.ModelForm):
    class Meta:
        model = EndUseCertificate
        fields = [
            "end_user",
            "address",
            "items",
            "end_use",
            "no_retransfer",
            "no_change_of_use",
            "signatory",
            "signed_on",
            "government_authenticated",
        ]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "items": forms.Textarea(attrs={"rows": 2}),
            "end_use": forms.Textarea(attrs={"rows": 2}),
        }


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Document.Kind.choices)
    file = forms.FileField(label=_("File (PDF, JPG or PNG, at most 20 MB)"))

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        ext = next((e for e in ALLOWED_TYPES if name.endswith(e)), None)
        if ext is None:
            raise forms.ValidationError(_("Only PDF, JPG and PNG files are accepted."))
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        head = upload.read(16)
        upload.seek(0)
        if not head.startswith(MAGIC[ext]):
            raise forms.ValidationError(_("The file's content does not match its type."))
        upload.checked_type = ALLOWED_TYPES[ext]
        return upload


class ActionForm(forms.Form):
    action = forms.CharField(max_length=40)
    note = forms.CharField(required=False, max_length=4000)
    version = forms.IntegerField(required=False)
    decision = forms.CharField(required=False, max_length=10)
    conditions = forms.CharField(required=False, max_length=4000)
    factors = forms.MultipleChoiceField(required=False, choices=[])
    reason = forms.CharField(required=False, max_length=40)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from exportctl.licensing.services import LAW13_FACTORS

        super().__init__(*args, **kwargs)
        self.fields["factors"].choices = list(LAW13_FACTORS.items())


class QuestionForm(forms.ModelForm):
    class Meta:
        model = ClassificationQuestion
        fields = ["item", "parameters", "uses", "doubt"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ("parameters", "uses", "doubt")}


class AnswerForm(forms.ModelForm):
    class Meta:
        model = ClassificationQuestion
        fields = ["answer", "control_code"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 3})}
