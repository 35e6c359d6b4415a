from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from .backends import cache_recovered
        from .generation import invalidate

        # Each release runs migrate: what the previous code rendered (naming static files that
        # may be gone) or kept (objects of models that may have changed) is dropped with it.
        post_migrate.connect(invalidate, sender=self, dispatch_uid="pagecache-on-release")
        # A save while the cache could not be written left stale copies there.
        cache_recovered.connect(invalidate, dispatch_uid="pagecache-on-cache-recovery")
