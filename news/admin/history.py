"""An article's revisions in the admin: the list, two of them compared, and one restored."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import is_historic

from ..revisions import compare
from .csp import allow_import_map


class ArticleHistoryAdmin(SimpleHistoryAdmin):
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
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        # A revision reaches the admin here, from history_form_view, before its form reads it.
        if obj is not None and is_historic(obj):
            obj.prepare_restore(self.current_article(request, str(obj.pk)))
        return super().get_form(request, obj, **kwargs)

    def render_history_view(self, request, template, context, **kwargs):
        response = super().render_history_view(request, template, context, **kwargs)
        return allow_import_map(response, context.get("media", ""))
