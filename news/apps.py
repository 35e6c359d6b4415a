from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from django_cleanup.signals import cleanup_post_delete

        from pagecache.backends import cache_recovered

        from .caching import invalidate_news
        from .checks import belarusian_search_stems
        from .renditions import delete_renditions
        from .search import prepare_languages

        # Anything a public page or feed shows: a change drops the cached copies everywhere.
        for model in ("Article", "Topic", "Attachment", "ChangeNote", "ArticlePhoto"):
            sender = self.get_model(model)
            post_save.connect(
                invalidate_news, sender=sender, dispatch_uid=f"invalidate-news-{model}"
            )
            post_delete.connect(
                invalidate_news, sender=sender, dispatch_uid=f"invalidate-news-del-{model}"
            )
        topics = self.get_model("Article").topics.through
        m2m_changed.connect(invalidate_news, sender=topics, dispatch_uid="invalidate-news-topics")
        for model in ("Article", "ArticlePhoto"):
            cleanup_post_delete.connect(
                delete_renditions,
                sender=self.get_model(model),
                dispatch_uid=f"delete-renditions-{model}",
            )
        # Each release runs migrate: what the previous code rendered (naming static files that may
        # be gone) or kept (objects of models that may have changed) is dropped with it.
        post_migrate.connect(
            invalidate_news, sender=self, dispatch_uid="invalidate-news-on-release"
        )
        # Migrate is also where PostgreSQL gets its Belarusian text-search configuration: on every
        # database it creates, the tests' too, and at each release, when the dictionary may have
        # come (a migration could not try again, and would fail where PostgreSQL has no files).
        post_migrate.connect(prepare_languages, sender=self, dispatch_uid="search-languages")
        checks.register(belarusian_search_stems, checks.Tags.database)
        # A save while the cache could not be written left stale copies there.
        cache_recovered.connect(invalidate_news, dispatch_uid="invalidate-news-on-cache-recovery")
