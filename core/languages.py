"""The site's languages in its addresses: /ru/…, /be/…, /en/… (Django's i18n_patterns).

"/" leads each reader to their language; an address published before the site had languages
(/news/…, /contacts/…) leads, permanently, to the same page in the reader's language, and an
article's page in another language than its own to its own (news.views).
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.middleware import locale
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

# How a language names itself, in the switcher: a reader looks for their own language's name.
NATIVE_NAMES = {"ru": "Русский", "be": "Беларуская", "en": "English"}


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, with the redirect from an address without a language made permanent: links in
    old e-mails, bookmarks and feed readers must keep working, and search engines move their
    index to the new address. It varies, as Django marks it, on Accept-Language and the cookie."""

    response_redirect_class = HttpResponsePermanentRedirect


def choose_language(request):
    """The site's root: the reader's language (the language cookie, then Accept-Language, then
    the site's default, as LocaleMiddleware chose it). Temporary: it depends on the reader."""
    response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, private=True)
    return response


def without_language(path):
    """An address of the site without its language prefix: "/en/news/" → "/news/"."""
    language = translation.get_language_from_path(path)
    return path.removeprefix(f"/{language}") if language else path
