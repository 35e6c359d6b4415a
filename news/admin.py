from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "pub_date", "is_published", "updated"]
    list_filter = ["status", "pub_date"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "pub_date"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created", "updated"]
    actions = ["publish", "make_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "author"]}),
        (_("Publication"), {"fields": ["status", "pub_date", "created", "updated"]}),
    ]

    @admin.display(boolean=True, description=_("on the site"))
    def is_published(self, obj):
        return obj.is_published

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Article.Status.PUBLISHED)

    @admin.action(description=_("Return the selected articles to draft"), permissions=["change"])
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, Article.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        # Saved one by one, not with update(), so that `updated` moves and save()
        # runs exactly as it does for the change form.
        articles = list(queryset.exclude(status=status))
        for article in articles:
            article.status = status
            article.save(update_fields=["status", "updated"])
        self.message_user(
            request,
            ngettext(
                "%(count)d article is now “%(status)s”.",
                "%(count)d articles are now “%(status)s”.",
                len(articles),
            )
            % {"count": len(articles), "status": status.label},
            messages.SUCCESS,
        )
