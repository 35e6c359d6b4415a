from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Contacts")

    def ready(self):
        from config.cache import cache_recovered

        from .directory import forget_directory

        # Every model of this app feeds the cached directory.
        for model in self.get_models():
            post_save.connect(
                forget_directory, sender=model, dispatch_uid=f"forget-{model.__name__}"
            )
            post_delete.connect(
                forget_directory, sender=model, dispatch_uid=f"forget-del-{model.__name__}"
            )
        # A save while the cache could not be written left the old directory there.
        cache_recovered.connect(forget_directory, dispatch_uid="forget-directory-on-cache-recovery")
