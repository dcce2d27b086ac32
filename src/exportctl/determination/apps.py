from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeterminationConfig(AppConfig):
    name = "exportctl.determination"
    label = "determination"
    verbose_name = _("Licence determination")
