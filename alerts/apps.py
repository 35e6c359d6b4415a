from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("E-mail alerts")

    def ready(self):
        from news.models import Article, ChangeNote

        from . import checks, signals  # noqa: F401 (checks registers itself)

        pre_save.connect(signals.remember_stored_status, sender=Article, dispatch_uid="alerts-pre")
        post_save.connect(signals.queue_publication, sender=Article, dispatch_uid="alerts-publish")
        post_save.connect(signals.queue_update, sender=ChangeNote, dispatch_uid="alerts-update")
