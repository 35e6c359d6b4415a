from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Contacts")

    def ready(self):
        from pagecache.backends import cache_recovered

        from .directory import invalidate_contacts

        # Every model of this app feeds the cached directory.
        for model in self.get_models():
            post_save.connect(
                invalidate_contacts,
                sender=model,
                dispatch_uid=f"invalidate-contacts-{model.__name__}",
            )
            post_delete.connect(
                invalidate_contacts,
                sender=model,
                dispatch_uid=f"invalidate-contacts-del-{model.__name__}",
            )
        # A release or a restored database: what is kept may no longer be what is stored.
        post_migrate.connect(
            invalidate_contacts, sender=self, dispatch_uid="invalidate-contacts-migrate"
        )
        # A save while the cache could not be written left the old directory there.
        cache_recovered.connect(invalidate_contacts, dispatch_uid="invalidate-contacts-on-recovery")
