"""The admin's side of translations: each article's language and versions in the list, and
"Translate into …" on the change form."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from .. import translating


class TranslationsAdminMixin:
    def get_urls(self):
        translate_view = self.admin_site.admin_view(self.translate_view)
        return [
            path(
                "<path:object_id>/translate/<str:language>/",
                translate_view,
                name="news_article_translate",
            ),
            *super().get_urls(),
        ]

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # Every version of the page's articles in one query, not one per row.
        keys = {article.translation_key for article in changelist.result_list}
        versions = {}
        for version in self.model.objects.filter(translation_key__in=keys).only(
            "pk", "language", "translation_key", "status", "pub_date", "expires_at"
        ):
            versions.setdefault(version.translation_key, []).append(version)
        for article in changelist.result_list:
            article.listed_versions = [
                v for v in versions.get(article.translation_key, []) if v.pk != article.pk
            ]
        return changelist

    @admin.display(description=_("translations"))
    def translations_column(self, article):
        versions = getattr(article, "listed_versions", None)
        if versions is None:
            versions = article.translations()
        if not versions:
            return "—"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("admin:news_article_change", args=[version.pk]),
                    version.get_language_display(),
                    version.state.label,
                )
                for version in versions
            ),
        )

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.pk and translating.may_translate(request.user):
            context["translate_into"] = [
                (name, reverse("admin:news_article_translate", args=[obj.pk, code]))
                for code, name in obj.missing_languages()
            ]
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def translate_view(self, request, object_id, language):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if language not in dict(settings.LANGUAGES):
            raise Http404
        original = self.current_article(request, object_id)
        try:
            draft = translating.translate(original, language, request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[original.pk]))
        self.message_user(
            request,
            _("A draft in %(language)s was started from the original: translate it, then save.")
            % {"language": draft.get_language_display()},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:news_article_change", args=[draft.pk]))
