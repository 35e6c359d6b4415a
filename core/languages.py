"""The site's languages in its addresses: /ru/…, /be/…, /en/… (Django's i18n_patterns).

"/" leads each reader to their language; an address published before the site had languages
(/news/…, /contacts/…) leads, permanently, to the same page in the reader's language, and an
article's page in another language than its own to its own (news.views).
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.middleware import locale
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property

# How a language names itself, in the switcher: a reader looks for their own language's name.
NATIVE_NAMES = {"ru": "Русский", "be": "Беларуская", "en": "English"}
# On a phone, where the three names would take a row of the header of their own.
SHORT_NAMES = {"ru": "Рус", "be": "Бел", "en": "Eng"}
# Open Graph's locales (language_TERRITORY), as social networks know them.
LOCALES = {"ru": "ru_RU", "be": "be_BY", "en": "en_GB"}


class ReaderLanguageRedirect(HttpResponsePermanentRedirect):
    """Permanent, but to the reader's language: kept by their browser for a day, by no shared
    cache (one that ignored Vary would send every reader to one language)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        patch_cache_control(self, private=True, max_age=24 * 3600)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, with the redirect from an address without a language made permanent: links in
    old e-mails, bookmarks and feed readers must keep working, and search engines move their
    index to the new address. It varies, as Django marks it, on Accept-Language and the cookie."""

    response_redirect_class = ReaderLanguageRedirect


def choose_language(request):
    """The site's root: the reader's language (the language cookie, then Accept-Language, then
    the site's default, as LocaleMiddleware chose it). Temporary: it depends on the reader."""
    response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, private=True)
    return response


def in_language(path, language):
    """The same address in another language: "/ru/news/" → "/be/news/". The site's paths are the
    same in every language but for their prefix (none is translated), so none is resolved."""
    return f"/{language}{without_language(path)}"


def without_language(path):
    """An address of the site without its language prefix: "/en/news/" → "/news/"."""
    language = translation.get_language_from_path(path)
    return path.removeprefix(f"/{language}") if language else path


class PageLanguages:
    """The page the reader is on, in each of the site's languages: where the switcher leads and
    which versions search engines are told of (hreflang).

    `versions` is what the view knows: {language: (address, exists)} for every language, or a
    callable giving it (called only when a template asks). Without it the page exists in every
    language at the same address in that language (a listing, the contacts page).
    """

    def __init__(self, request, versions=None):
        self.request = request
        self._versions = versions

    @cached_property
    def versions(self):
        if callable(self._versions):
            return self._versions()
        if self._versions is not None:
            return self._versions
        if self.request.resolver_match is None:  # an error page: each language's home page
            return {code: (self._home(code), False) for code, _name in settings.LANGUAGES}
        return {
            code: (in_language(self.request.path, code), True) for code, _name in settings.LANGUAGES
        }

    @staticmethod
    def _home(code):
        with translation.override(code):
            return reverse("home")

    @property
    def current(self):
        return translation.get_language()

    @property
    def locale(self):
        return LOCALES[self.current]

    def switcher(self):
        """(code, name in itself, its short form, address, whether it is this page's language)
        for each."""
        return [
            (
                code,
                NATIVE_NAMES[code],
                SHORT_NAMES[code],
                self.versions[code][0],
                code == self.current,
            )
            for code, _name in settings.LANGUAGES
        ]

    @cached_property
    def alternates(self):
        """The languages the page exists in, as (hreflang, absolute address), with x-default (the
        address without a language, which leads each reader to theirs) when the default language
        is one of them; none for a page in a single language."""
        existing = {code: path for code, (path, exists) in self.versions.items() if exists}
        # Only a page that is one of the versions names them (not a withdrawn article's).
        if len(existing) < 2 or self.current not in existing:
            return []
        links = [(code, self.request.build_absolute_uri(path)) for code, path in existing.items()]
        if default := existing.get(settings.LANGUAGE_CODE):
            links.append(("x-default", self.request.build_absolute_uri(without_language(default))))
        return links

    def other_locales(self):
        return [
            LOCALES[code]
            for code, _uri in self.alternates
            if code in LOCALES and code != self.current
        ]
