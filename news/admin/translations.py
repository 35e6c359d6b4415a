"""The admin's side of translations: each article's language and versions in the list, and
"Translate into …" on the change form; a translation's form shows its original beside it, and the
list and the form say when the translation is out of date."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import is_historic

from .. import translating


def out_of_date_note(translation):
    """The mark "Out of date: the original was updated on …", a link to the original; "" for a
    translation that is not out of date (or no translation)."""
    if not translation.is_out_of_date:
        return ""
    original = translation.original
    updated = date_format(localtime(original.revised_at), "SHORT_DATE_FORMAT")
    return format_html(
        '<a class="out-of-date" href="{}">{}</a>',
        reverse("admin:news_article_change", args=[original.pk]),
        gettext("Out of date: the original was updated on %(date)s.") % {"date": updated},
    )


def version_state(version):
    if version.is_out_of_date:
        return gettext("%(state)s, out of date") % {"state": version.state.label}
    return version.state.label


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
        # Every version of the page's articles in one query, not one per row. A translation's
        # original is one of them (they share the key): freshness needs no query either.
        keys = {article.translation_key for article in changelist.result_list}
        # The fields of the language, the state and freshness (translations.py, states.py).
        fields = ["language", "translation_key", "source", "status", "pub_date", "expires_at"]
        fields += ["created", "revised_at"]
        loaded = self.model.objects.filter(translation_key__in=keys).only(*fields)
        by_pk = {version.pk: version for version in loaded}
        versions = {}
        for version in by_pk.values():
            versions.setdefault(version.translation_key, []).append(version)
        for article in [*by_pk.values(), *changelist.result_list]:
            if article.source_id in by_pk:
                article.original = by_pk[article.source_id]
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
        listed = format_html_join(
            ", ",
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("admin:news_article_change", args=[version.pk]),
                    version.get_language_display(),
                    version_state(version),
                )
                for version in versions
            ),
        )
        if note := out_of_date_note(article):
            return format_html("{}<br>{}", note, listed) if listed else note
        return listed or "—"

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.pk:
            context["translated_from"] = obj.original
            context["out_of_date_note"] = out_of_date_note(obj)
            if translating.may_translate(request.user):
                context["translate_into"] = [
                    (name, reverse("admin:news_article_translate", args=[obj.pk, code]))
                    for code, name in obj.missing_languages()
                ]
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None and is_historic(obj):
            # A revision brings back text, not where the translation came from: that original
            # may have been deleted since (its revisions still name it).
            obj.source_id = self.current_article(request, str(obj.pk)).source_id
        return super().get_form(request, obj, **kwargs)

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
