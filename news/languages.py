"""Which language versions a news page has, for the language switcher and hreflang
(core.languages.PageLanguages): a page another language lacks leads to that language's news,
which say the page was not translated."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


def versions(existing):
    """{language: (address, exists)} for every language, from `existing`: {language: address}."""
    return {
        code: (existing[code], True) if code in existing else (not_translated(code), False)
        for code, _name in settings.LANGUAGES
    }


def not_translated(code):
    with translation.override(code):
        return reverse("news:not-translated")


def article_versions(article):
    """The article's published versions (itself whatever its state: a preview)."""
    published = [version for version in article.translations() if version.is_published]
    return versions(
        {version.language: version.get_absolute_url() for version in [article, *published]}
    )


def page_versions(request, exists):
    """The page at its address in each language where `exists(language)`."""
    return versions(
        {
            code: translate_url(request.path, code)
            for code, _name in settings.LANGUAGES
            if exists(code)
        }
    )
