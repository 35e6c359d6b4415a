"""The parts of an article edited on its page: documents, gallery photos and change notes (and
previews.py)."""

from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..forms import AttachmentForm, AttachmentFormSet, GalleryPhotoForm
from ..models import ArticlePhoto, Attachment, ChangeNote
from ..widgets import ThumbnailImageWidget
from ..workflow import can_publish, may_change


class ArticlePart:
    """Part of an article: written only by whoever may change the article (news/workflow.py)."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and may_change(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_change(request.user, obj)


class ArticlePartInline(ArticlePart, admin.TabularInline):
    pass


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
    form = AttachmentForm
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


class GalleryFormSet(AttachmentFormSet):
    """A live article's photos are part of what readers were told, as its documents are: the
    documents' rule (news/forms.py), said of photos."""

    untold_change = _(
        "This article is live: describe the change to its photos in the change note, "
        "or mark it as a minor edit."
    )


class GalleryInline(ArticlePart, admin.StackedInline):
    model = ArticlePhoto
    form = GalleryPhotoForm
    formset = GalleryFormSet
    fields = ["image", "alt", "caption", "credit", "position"]
    formfield_overrides = {models.ImageField: {"widget": ThumbnailImageWidget}}
