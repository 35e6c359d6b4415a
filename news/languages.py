"""Which language versions a news page has, for the language switcher and hreflang
(core.languages.PageLanguages), kept until the news change: a page another language lacks leads
to that language's news, which say the page was not translated."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.languages import in_language

from .caching import kept_until_next_change


def versions(existing):
    """{language: (address, exists)} for every language, from `existing`: {language: address}."""
    return {
        code: (existing[code], True) if code in existing else (not_translated(code), False)
        for code, _name in settings.LANGUAGES
    }


def not_translated(code):
    with translation.override(code):
        return reverse("news:not-translated")


def article_versions(article, request):
    """The article's published versions, itself among them only if it is one."""

    def find():
        published = [v for v in [article, *article.translations()] if v.is_published]
        return {version.language: version.get_absolute_url() for version in published}

    return versions(kept_until_next_change(f"versions:{article.pk}", find, request))


def page_versions(request, articles):
    """A topic's or a period's page, at its address in each language that `articles` (the
    published articles it lists, in any language) are written in."""

    def find():
        languages = set(articles.values_list("language", flat=True).distinct())
        return {code: in_language(request.path, code) for code in languages}

    return versions(kept_until_next_change(f"versions:{request.path}", find, request))
