import base64
import hashlib
import re

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import uploads, workflow
from .forms import ArticleAdminForm, AttachmentFormSet
from .models import Article, Attachment, ChangeNote, PreviewLink, State, Topic
from .revisions import compare
from .workflow import can_publish, may_change


def parsed_datetime(value):
    try:
        return parse_datetime(str(value))
    except ValueError:  # well formed, but no such moment (a 13th month)
        return None


IMPORT_MAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.S)


def allow_import_map(response, media):
    """The editor's import map is the admin's one inline script: the CSP admits it by its hash."""
    hashes = [
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in IMPORT_MAP.findall(str(media))
    ]
    if hashes:
        response._csp_update = {"script-src": hashes}
    return response


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(State(self.value()))
        return queryset


class ArticlePartInline(admin.TabularInline):
    """Part of an article: written only by whoever may change the article (news/workflow.py)."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and may_change(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_change(request.user, obj)


class PublisherOnlyInline(ArticlePartInline):
    def has_add_permission(self, request, obj=None):
        return can_publish(request.user) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return can_publish(request.user) and super().has_delete_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("news.view_article")


class ChangeNoteInline(PublisherOnlyInline):
    model = ChangeNote
    fields = ["created", "note", "author"]
    readonly_fields = ["author"]
    verbose_name_plural = _("change notes shown to readers (added with “change note” above)")

    def has_add_permission(self, request, obj=None):
        return False


class PreviewLinkInline(PublisherOnlyInline):
    model = PreviewLink
    fields = ["link", "expires_at", "revoked", "created_by"]
    readonly_fields = ["link", "created_by"]
    verbose_name_plural = _("preview links for reviewers without an account")

    @admin.display(description=_("link"))
    def link(self, obj):
        if obj.pk is None:
            return _("Saved with the article")
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AttachmentInline(ArticlePartInline):
    model = Attachment
    formset = AttachmentFormSet
    fields = ["title", "file", "details", "position"]
    readonly_fields = ["details"]

    @admin.display(description=_("type and size"))
    def details(self, attachment):
        if not attachment.pk:
            return "—"
        return f"{attachment.kind}, {filesizeformat(attachment.size)}"


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    form = ArticleAdminForm
    list_display = ["title", "state", "pub_date", "expires_at", "is_published", "updated"]
    list_filter = [StateFilter, "status", "topics", "pub_date"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "pub_date"
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish", "make_draft"]
    inlines = [AttachmentInline, ChangeNoteInline, PreviewLinkInline]
    filter_horizontal = ["topics"]
    history_list_display = ["status", "title"]
    object_history_template = "admin/news/article/object_history.html"

    def get_urls(self):
        compare_view = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/history/compare/", compare_view, name="news_article_compare"),
            *super().get_urls(),
        ]

    def current_article(self, request, object_id):
        """The article as it is stored, or a 404 for an id that names none (or is no number)."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("No article has this address."))
        return article

    def compare_view(self, request, object_id):
        """Two revisions side by side; by default the latest against the one before it."""
        article = self.current_article(request, object_id)
        if not self.has_view_history_or_change_history_permission(request, article):
            raise PermissionDenied
        records = list(article.history.all())
        if not records:  # made outside the admin (a bulk load), and never saved since
            self.message_user(
                request,
                _("This article has no revisions yet: the first is recorded at its next save."),
                messages.INFO,
            )
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))
        by_id = {str(record.history_id): record for record in records}
        new = by_id.get(request.GET.get("new"), records[0])
        old = by_id.get(request.GET.get("old"), records[1] if len(records) > 1 else records[0])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Compare revisions of “%(title)s”") % {"title": article.title},
            "records": records,
            "old": old,
            "new": new,
            "changes": compare(old, new),
        }
        return TemplateResponse(request, "admin/news/article/compare.html", context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            # A failed save's rows are rolled back; the files it stored (the photo, its copies,
            # documents) are deleted with them.
            with uploads.all_or_nothing():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as error:
            # The upload could not be written (disk full, read-only storage): the save was rolled
            # back; show the form again, with what was typed and the reason.
            request.storage_error = error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        # The one moment the restore view hands over the revision, before the form reads it.
        if obj is not None and (current := getattr(request, "restoring_revision", None)):
            obj.prepare_restore(current)
        form = super().get_form(request, obj, **kwargs)
        if error := getattr(request, "storage_error", None):
            form = type(form.__name__, (form,), {"storage_error": error})
        return form

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        return allow_import_map(response, context.get("media", ""))

    def render_history_view(self, request, template, context, **kwargs):
        response = super().render_history_view(request, template, context, **kwargs)
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
        publication = ["status", "pub_date", "expires_at", "withdrawal_reason"]
        return [
            (None, {"fields": ["title", "slug", "lead", "body", "author", "topics"]}),
            (_("Lead image"), {"fields": ["image", "image_alt", "image_caption", "image_credit"]}),
            (_("Publication"), {"fields": publication}),
            (
                _("Telling readers about this change"),
                {"fields": ["change_note", "minor_edit", "based_on_version"]},
            ),
            (_("Record"), {"fields": ["created", "updated", "revised_at", "withdrawn_at"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["created", "updated", "revised_at", "withdrawn_at"]
        if not can_publish(request.user):
            readonly += ["status", "expires_at", "withdrawal_reason"]
        return readonly

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_change(request.user, obj)

    def save_model(self, request, obj, form, change):
        note = form.public_change_note()
        if note:
            obj.revised_at = timezone.now()
        obj._change_reason = note or (
            _("Minor edit") if form.cleaned_data.get("minor_edit") else ""
        )
        super().save_model(request, obj, form, change)
        if note:
            obj.change_notes.create(note=note, author=request.user, created=obj.revised_at)

    def history_view(self, request, object_id, extra_context=None):
        self.current_article(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A revision, and restoring it: an edit of the article as it is now, so the same rules
        (who may change it, validation, the edit-conflict check, the change note) and, as for
        any admin write, one transaction."""
        current = self.current_article(request, object_id)
        if not version_id.isdigit():
            raise Http404(_("No revision has this address."))
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        request.restoring_revision = current
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def save_form(self, request, form, change):
        # The documents' formset, checked next, asks this form whether their change needs a note.
        request.article_form = form
        return super().save_form(request, form, change)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, AttachmentInline):
            kwargs["article_form"] = lambda: getattr(request, "article_form", None)
        return kwargs

    def save_formset(self, request, form, formset, change):
        if formset.model is PreviewLink:
            for link in formset.save(commit=False):
                link.created_by = link.created_by or request.user
                link.save()
            for deleted in formset.deleted_objects:
                deleted.delete()
        else:
            formset.save()

    @admin.display(description=_("state"))
    def state(self, obj):
        return obj.state.label

    @admin.display(boolean=True, description=_("on the site"))
    def is_published(self, obj):
        return obj.is_published

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        for article in queryset:
            workflow.publish(article, request.user)
        self._report(request, queryset, Article.Status.PUBLISHED)

    @admin.action(description=_("Return the selected articles to draft"), permissions=["publish"])
    def make_draft(self, request, queryset):
        for article in queryset:
            workflow.return_to_draft(article, request.user)
        self._report(request, queryset, Article.Status.DRAFT)

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
