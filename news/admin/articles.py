"""Articles in the admin: the list, the change form and the publishing actions."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import uploads
from core.csp import allow_import_map

from .. import workflow
from ..forms import ArticleAdminForm, refusing_to_save
from ..models import Article, State
from ..workflow import can_publish, may_change
from .history import ArticleHistoryAdmin
from .inlines import AttachmentInline, ChangeNoteInline, GalleryInline
from .previews import PreviewLinkInline, PreviewLinksAdminMixin
from .states import state_in_words
from .steps import WorkflowAdminMixin
from .translations import TranslationsAdminMixin


def parsed_datetime(value):
    try:
        return parse_datetime(str(value))
    except ValueError:  # well formed, but no such moment (a 13th month)
        return None


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(State(self.value()))
        return queryset


@admin.register(Article)
class ArticleAdmin(
    WorkflowAdminMixin, PreviewLinksAdminMixin, TranslationsAdminMixin, ArticleHistoryAdmin
):
    form = ArticleAdminForm
    list_display = ["title", "language", "translations_column", "state", "pub_date"]
    list_filter = [StateFilter, "language", "topics", "pub_date"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "pub_date"
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish", "make_draft"]
    inlines = [GalleryInline, AttachmentInline, ChangeNoteInline, PreviewLinkInline]
    filter_horizontal = ["topics"]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The commit, and what runs on it (deleting the files a save replaced), comes after the
        # try: an error then is no write that failed, and the article is saved by then.
        with transaction.atomic():
            try:
                # A failed save's rows are rolled back; the files it stored (the photo, its
                # copies, documents) are deleted with them.
                with uploads.all_or_nothing():
                    return super().changeform_view(request, object_id, form_url, extra_context)
            except OSError as error:
                # The upload could not be written (disk full, read-only storage). Django's admin
                # has no way to show an error raised while saving, so the view shows the form
                # again, with what was typed, refusing to save it and saying why.
                with refusing_to_save(error):
                    return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.pk is not None:
            # As stored: a form sent with errors, or a revision shown, changed `obj` in memory.
            context["state_in_words"] = state_in_words(self.current_article(request, str(obj.pk)))
        response = super().render_change_form(request, context, *args, obj=obj, **kwargs)
        return allow_import_map(response, context.get("media", ""))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        # Given in the address (?pub_date=…), a time reaches Django's date widgets as text, which
        # they cannot show: it is read here, and left out if it is no time.
        for name in ("pub_date", "expires_at"):
            if name in initial:
                moment = parsed_datetime(initial.pop(name))
                if moment is not None:
                    initial[name] = (
                        moment if timezone.is_aware(moment) else timezone.make_aware(moment)
                    )
        return initial

    def get_fieldsets(self, request, obj=None):
        publication = ["state", "pub_date", "expires_at"]
        if obj is not None and can_publish(request.user):
            if obj.status == Article.Status.REVIEW:
                publication.append("review_comment")
            if workflow.can_be_withdrawn(obj):
                publication.append("withdrawal_reason")
        fieldsets = [
            (None, {"fields": ["language", "title", "slug", "lead", "body", "author", "topics"]}),
            (_("Lead image"), {"fields": ["image", "image_alt", "image_caption", "image_credit"]}),
            (_("Publication"), {"fields": [*publication, "based_on_version"]}),
        ]
        if obj is not None and obj.state == State.LIVE:
            fieldsets.append(
                (_("Telling readers about this change"), {"fields": ["change_note", "minor_edit"]})
            )
        if obj is not None:
            fields = ["created", "updated", "revised_at", "withdrawn_at"]
            fieldsets.append((_("Record"), {"fields": fields}))
        return fieldsets

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        if obj is None or not obj.change_notes.exists():
            inlines = [inline for inline in inlines if inline is not ChangeNoteInline]
        return inlines

    def get_readonly_fields(self, request, obj=None):
        readonly = ["state", "created", "updated", "revised_at", "withdrawn_at"]
        if not can_publish(request.user):
            readonly += ["expires_at"]
        return readonly

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_change(request.user, obj)

    @admin.display(description=_("state"))
    def state(self, obj):
        return obj.state.label

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        refusal = _("“%(title)s” was not published: %(reason)s")
        self._take(request, queryset, workflow.publish, Article.Status.PUBLISHED, refusal)

    @admin.action(description=_("Return the selected articles to draft"), permissions=["publish"])
    def make_draft(self, request, queryset):
        refusal = _("“%(title)s” was not returned to draft: %(reason)s")
        self._take(request, queryset, workflow.return_to_draft, Article.Status.DRAFT, refusal)

    def _take(self, request, queryset, step, status, refusal):
        for article, error in workflow.each(step, queryset, request.user):
            reason = " ".join(error.messages)
            self.message_user(
                request, refusal % {"title": article.title, "reason": reason}, messages.ERROR
            )
        self._report(request, queryset, status)

    def _report(self, request, queryset, status):
        count = queryset.filter(status=status).count()
        self.message_user(
            request,
            ngettext(
                "%(count)d selected article is now “%(status)s”.",
                "%(count)d selected articles are now “%(status)s”.",
                count,
            )
            % {"count": count, "status": status.label},
            messages.SUCCESS,
        )
