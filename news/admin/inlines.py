"""The parts of an article edited on its page: documents, change notes, preview links."""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..forms import AttachmentFormSet
from ..models import Attachment, ChangeNote, PreviewLink
from ..workflow import can_publish, may_change


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
