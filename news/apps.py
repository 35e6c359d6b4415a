from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from django_cleanup.signals import cleanup_post_delete

        from pagecache.backends import cache_recovered

        from .caching import invalidate_news
        from .renditions import delete_renditions

        # Anything a public page or feed shows: a change drops the cached copies everywhere.
        for model in ("Article", "Topic", "Attachment", "ChangeNote"):
            sender = self.get_model(model)
            post_save.connect(
                invalidate_news, sender=sender, dispatch_uid=f"invalidate-news-{model}"
            )
            post_delete.connect(
                invalidate_news, sender=sender, dispatch_uid=f"invalidate-news-del-{model}"
            )
        topics = self.get_model("Article").topics.through
        m2m_changed.connect(invalidate_news, sender=topics, dispatch_uid="invalidate-news-topics")
        cleanup_post_delete.connect(
            delete_renditions, sender=self.get_model("Article"), dispatch_uid="delete-renditions"
        )
        # Each release runs migrate: what the previous code rendered (naming static files that may
        # be gone) or kept (objects of models that may have changed) is dropped with it.
        post_migrate.connect(
            invalidate_news, sender=self, dispatch_uid="invalidate-news-on-release"
        )
        # A save while the cache could not be written left stale copies there.
        cache_recovered.connect(invalidate_news, dispatch_uid="invalidate-news-on-cache-recovery")
