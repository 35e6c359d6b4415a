"""Preview links in the admin: made with one click, listed with their full address to copy."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import PreviewLink, State
from ..workflow import can_publish
from .inlines import PublisherOnlyInline


def may_share(user, article):
    """A preview shows an article readers have not seen yet; publishers share it."""
    return (
        article is not None
        and article.pk is not None
        and can_publish(user)
        and article.state in (State.DRAFT, State.REVIEW, State.SCHEDULED)
    )


class PreviewLinkInline(PublisherOnlyInline):
    model = PreviewLink
    fields = ["link", "expires_at", "revoked", "created_by"]
    readonly_fields = ["link", "created_by"]
    verbose_name_plural = _("preview links for reviewers without an account")

    def has_add_permission(self, request, obj=None):
        return False  # one click on "Create a preview link" makes one (PreviewLinksAdminMixin)

    def get_formset(self, request, obj=None, **kwargs):
        self.request = request  # an inline is made for each request: the links are absolute
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description=_("link"))
    def link(self, obj):
        address = self.request.build_absolute_uri(obj.get_absolute_url())
        return format_html(
            '<span class="copyable"><input type="text" readonly value="{0}" aria-label="{1}"'
            ' id="preview-link-{2}"><button type="button" class="button copy-button"'
            ' data-copy="preview-link-{2}" data-copied="{4}" hidden>{3}</button></span>',
            address,
            _("Preview address"),
            obj.pk,
            _("Copy"),
            _("Copied"),
        )


class PreviewLinksAdminMixin:
    def get_urls(self):
        create_view = self.admin_site.admin_view(self.create_preview_link_view)
        return [
            path(
                "<path:object_id>/preview-links/create/",
                create_view,
                name="news_article_create_preview_link",
            ),
            *super().get_urls(),
        ]

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        # Shown once there is a link: an empty table says nothing the button does not.
        if obj is None or not obj.preview_links.exists():
            inlines = [inline for inline in inlines if inline is not PreviewLinkInline]
        return inlines

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if may_share(request.user, obj):
            context["create_preview_link_url"] = reverse(
                "admin:news_article_create_preview_link", args=[obj.pk]
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def create_preview_link_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.current_article(request, object_id)
        if not may_share(request.user, article):
            raise PermissionDenied
        link = PreviewLink.objects.create(article=article, created_by=request.user)
        self.message_user(
            request,
            _("A preview link was created, valid until %(time)s: copy it from “Preview links”.")
            % {"time": admin.utils.display_for_value(link.expires_at, "")},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:news_article_change", args=[article.pk]) + "#preview_links-group"
        )
