from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "exportctl.screening"
    label = "screening"
    verbose_name = _("Party screening")

    def ready(self) -> None:
        from exportctl.parties.models import ImportRun
        from exportctl.parties.signals import list_imported
        from exportctl.screening.services import safe_rescreen

        def on_import(
            sender: object, run: ImportRun, actor: object = None, **kwargs: object
        ) -> None:
            safe_rescreen(run, actor)

        # weak=False: the receiver is local to ready() and would otherwise be garbage-collected.
        list_imported.connect(on_import, dispatch_uid="screening.rescreen", weak=False)
