from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from .caching import forget_next_change
        from .models import Article

        post_save.connect(forget_next_change, sender=Article, dispatch_uid="news-next-change-save")
        post_delete.connect(forget_next_change, sender=Article, dispatch_uid="news-next-change-del")
