from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What is site-wide and belongs to no app: the low-vision version, health, errors, storage,
    the staff's second factor and the demo command."""

    name = "core"
    verbose_name = _("Site")
