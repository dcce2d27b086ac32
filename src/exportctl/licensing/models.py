"""Licence applications (single, general, registration, amendment), their case work and licences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exportctl.accounts.models import Organisation


class Application(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single licence")
        GENERAL = "general", _("General licence")
        REGISTRATION = "registration", _("Registration (Art. 19)")
        AMENDMENT = "amendment", _("Amendment of a licence")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SUPPLEMENT_REQUESTED = "supplement_requested", _("Supplement requested")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")
        ACCEPTED = "accepted", _("Accepted")
        UNDER_REVIEW = "under_review", _("Under review")
        PROPOSED = "proposed", _("Decision proposed")
        APPROVED = "approved", _("Approved")
        DENIED = "denied", _("Denied")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="applications"
    )
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    amends = models.ForeignKey(
        "Licence", null=True, blank=True, on_delete=models.PROTECT, related_name="amendments"
    )
    registration_case = models.CharField(_("registration case"), max_length=40, blank=True)
    destination = models.CharField(_("destination country"), max_length=2, db_index=True)
    movement = models.CharField(_("movement"), max_length=40, default="export")
    contract_number = models.CharField(_("contract number"), max_length=100, blank=True)
    contract_date = models.DateField(_("contract date"), null=True, blank=True)
    end_use_category = models.CharField(_("end use"), max_length=20, default="civil")
    end_use_statement_zh = models.TextField(_("end-use statement (Chinese)"), blank=True)
    end_use_statement_en = models.TextField(_("end-use statement (English)"), blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=100, blank=True)
    handler = models.CharField(_("handler"), max_length=100, blank=True)
    handler_phone = models.CharField(_("handler's telephone"), max_length=40, blank=True)
    icp_summary = models.TextField(_("ICP operation report (general licence)"), blank=True)
    licence_history = models.TextField(_("licence use history (general licence)"), blank=True)
    channels_and_end_users = models.TextField(
        _("channels and end users (general licence)"), blank=True
    )
    amendment_note = models.TextField(_("what changes (amendment)"), blank=True)
    knows_risk = models.BooleanField(
        _("the exporter knows of a national security, WMD or terrorism risk"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_on = models.DateField(_("received"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted"), null=True, blank=True)
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    time_limit_days = models.PositiveSmallIntegerField(
        _("time limit (working days)"), null=True, blank=True
    )
    referred_to_state_council = models.BooleanField(
        _("referred to the State Council (no time limit)"), default=False
    )
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    determination = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=0)  # bumped by every transition (idempotency key)
    # Denormalised from the clock at every step, so the queue sorts and pages in the database.
    due_on = models.DateField(_("decision due"), null=True, blank=True, db_index=True)
    clock_paused = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            # The officer queue: open cases by due date (licensing.views.queue).
            models.Index(
                fields=["due_on", "submitted_on", "id"],
                name="application_queue_order",
                condition=models.Q(
                    status__in=[
                        "submitted",
                        "supplement_requested",
                        "accepted",
                        "under_review",
                        "proposed",
                    ]
                ),
            )
        ]

    def __str__(self) -> str:
        return self.reference


class Item(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="items")
    control_code = models.CharField(_("control code"), max_length=40, blank=True)
    description = models.CharField(_("description"), max_length=300)
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20)
    value_cny = models.DecimalField(_("value (CNY)"), max_digits=16, decimal_places=2)
    technical_description = models.TextField(_("technical description"), blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.control_code or '-'} {self.description}"


class Party(models.Model):
    class Role(models.TextChoices):
        CONSIGNEE = "consignee", _("Consignee")
        END_USER = "end_user", _("End user")
        ULTIMATE_END_USER = "ultimate_end_user", _("Ultimate end user")
        INTERMEDIATE = "intermediate", _("Intermediary")
        IMPORTER = "importer", _("Importer")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2)
    address = models.CharField(_("address"), max_length=300, blank=True)
    military = models.BooleanField(_("military user"), default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.role}: {self.name}"


class EndUseCertificate(models.Model):
    """The end-user and end-use certificate (Regulations Art. 24; Export Control Law Art. 15)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="certificate"
    )
    end_user = models.CharField(_("end user"), max_length=300)
    address = models.CharField(_("address"), max_length=300)
    items = models.TextField(_("items and quantities"))
    end_use = models.TextField(_("end-use statement"))
    no_retransfer = models.BooleanField(
        _("commits not to transfer to a third party without approval"), default=False
    )
    no_change_of_use = models.BooleanField(
        _("commits not to change the end use without approval"), default=False
    )
    signatory = models.CharField(_("signed by"), max_length=200)
    signed_on = models.DateField(_("signed on"))
    government_authenticated = models.BooleanField(
        _("issued or authenticated by its government"), default=False
    )

    def __str__(self) -> str:
        return self.end_user


class Document(models.Model):
    class Kind(models.TextChoices):
        CONTRACT = "contract", _("Contract")
        TECHNICAL = "technical_description", _("Technical description or test report")
        CERTIFICATE = "end_use_certificate", _("End-user and end-use certificate (signed)")
        IDENTITY = "id_documents", _("Identity documents")
        ICP = "icp_report", _("ICP operation report")
        OTHER = "other", _("Other")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    original_name = models.CharField(_("file name"), max_length=200)
    stored_as = models.CharField(
        max_length=100
    )  # a random name under MEDIA_ROOT, never served statically
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Event(models.Model):
    """The timeline: every transition and step of a case."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField()  # the calendar day (Asia/Shanghai) the step counts on
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.action}"


class ClockPause(models.Model):
    """A review step that stops the clock (Regulations Art. 17 ¶3)."""

    # Art. 17 ¶3 names these three; consultation with other departments runs inside the 45 days.
    class Reason(models.TextChoices):
        EXPERT = "expert_consultation", _("Expert consultation")
        IDENTIFICATION = "identification", _("Identification")
        ONSITE = "on_site_verification", _("On-site verification")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["started_on", "id"]

    def __str__(self) -> str:
        return f"{self.reason} {self.started_on}"


class Proposal(models.Model):
    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approve")
        DENY = "deny", _("Deny")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="proposals")
    decision = models.CharField(_("proposed decision"), max_length=10, choices=Decision.choices)
    conditions = models.TextField(_("conditions"), blank=True)
    reasons = models.TextField(_("reasons"))
    factors = models.JSONField(_("Export Control Law Art. 13 factors"), default=list)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.decision} {self.application_id}"


class Licence(models.Model):
    class Status(models.TextChoices):
        ISSUED = "issued", _("Issued")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")
        SPENT = "spent", _("Used")
        RETURNED = "returned", _("Returned")
        REPLACED = "replaced", _("Replaced by an amendment")

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="licence"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="licences"
    )
    number = models.CharField(_("licence number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ISSUED
    )
    issued_on = models.DateField(_("issued"))
    valid_until = models.DateField(_("valid until"))
    destination = models.CharField(_("destination"), max_length=2)
    end_user = models.CharField(_("end user"), max_length=300, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    lines = models.JSONField(_("items"), default=list)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self) -> str:
        return self.number


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    """A message to one user. Stored as a msgid + params and said in the reader's language when
    shown (`shown`); `text` keeps the English wording (and is all that notifications stored
    before msgids were kept have, so they still display)."""

    text = models.CharField(max_length=300)
    template = models.CharField(max_length=300, blank=True, default="")
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300)
    at = models.DateTimeField(auto_now_add=True)
    read = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return self.text

    def shown(self) -> str:
        """The text in the active language (the English text when no msgid was stored)."""
        from exportctl.web.localise import params_from_json, render

        if not self.template:
            return self.text
        try:
            return render(self.template, params_from_json(self.params))
        except (KeyError, TypeError, ValueError):
            return self.text


class ClassificationQuestion(models.Model):
    """'Is my item dual-use?' (Export Control Law Art. 12 ¶4; Regulations Art. 14 ¶4)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    item = models.CharField(_("item"), max_length=300)
    parameters = models.TextField(_("technical parameters"))
    uses = models.TextField(_("main uses"))
    doubt = models.TextField(_("why you are unsure"))
    answer = models.TextField(_("answer"), blank=True)
    control_code = models.CharField(_("control code (if controlled)"), max_length=40, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at"]

    def __str__(self) -> str:
        return self.item
