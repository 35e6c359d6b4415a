"""The press office's view of the alerts: who is subscribed to what (counts; an address deleted on
its owner's request) and what was sent for each article. Nobody edits a subscription here: that
is the subscriber's own choice, through the links in every message."""

import copy

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from news.models import Topic

from .models import SendingLog, Subscriber


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(confirmed_at__isnull=self.value() == "no")
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "choice", "updates", "confirmed_at", "created_at"]
    list_filter = [ConfirmedFilter, "language", "all_news", "topics"]
    search_fields = ["email"]
    fields = ["email", "language", "all_news", "topics", "updates", "created_at", "confirmed_at"]
    readonly_fields = fields

    @admin.display(description=_("gets"))
    def choice(self, subscriber):
        if subscriber.all_news:
            return _("All the news")
        return ", ".join(topic.name for topic in subscriber.topics.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def log_deletions(self, request, queryset):
        # Deleted on its owner's request: the admin's log, which outlives it, keeps no copy.
        anonymous = [copy.copy(subscriber) for subscriber in queryset]
        for subscriber in anonymous:
            subscriber.email = str(_("(address deleted)"))
        super().log_deletions(request, anonymous)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"counts": counts()} | (extra_context or {}))


def counts():
    """Confirmed subscribers of all the news and of each topic, by language: [(label, [n…])]."""
    languages = [code for code, _name in settings.LANGUAGES]
    confirmed = Q(subscribers__confirmed_at__isnull=False)
    per_topic = Topic.objects.order_by("name").annotate(
        **{
            code: Count("subscribers", filter=confirmed & Q(subscribers__language=code))
            for code in languages
        }
    )
    everything = (
        Subscriber.objects.confirmed()
        .filter(all_news=True)
        .aggregate(**{code: Count("pk", filter=Q(language=code)) for code in languages})
    )
    rows = [(_("All the news"), [everything[code] for code in languages])]
    rows += [(topic.name, [getattr(topic, code) for code in languages]) for topic in per_topic]
    return {"languages": languages, "rows": [(label, n, sum(n)) for label, n in rows]}


@admin.register(SendingLog)
class SendingLogAdmin(admin.ModelAdmin):
    list_display = ["release", "kind", "created_at", "shared_at", "sent", "pending", "failed"]
    list_filter = ["kind", "article__language"]
    search_fields = ["article__title"]
    list_select_related = ["article"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                sent=Count("deliveries", filter=Q(deliveries__sent_at__isnull=False)),
                failed=Count("deliveries", filter=Q(deliveries__failed_at__isnull=False)),
                pending=Count(
                    "deliveries", filter=Q(deliveries__sent_at=None, deliveries__failed_at=None)
                ),
            )
        )

    @admin.display(description=_("article"), ordering="article__title")
    def release(self, alert):
        # Short enough for the counts to stay in sight beside it at 1280 px.
        return Truncator(alert.article.title).chars(70)

    @admin.display(description=_("sent"), ordering="sent")
    def sent(self, alert):
        return alert.sent

    @admin.display(description=_("waiting"), ordering="pending")
    def pending(self, alert):
        return alert.pending if alert.shared_at else "—"

    @admin.display(description=_("failed"), ordering="failed")
    def failed(self, alert):
        return alert.failed

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
