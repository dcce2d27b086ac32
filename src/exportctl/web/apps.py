from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "exportctl.web"
    label = "web"
    verbose_name = _("Web interface")

    def ready(self) -> None:
        from exportctl.web import admin_site  # noqa: F401  (role-gated admin site)
