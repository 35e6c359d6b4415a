"""The news in the sitemap, with Django's hreflang alternates: an article's are the languages it is
published in; the listings exist in every language."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse
from django.utils.translation import get_language

from .caching import cache_public
from .models import Article, Topic


class LanguageSitemap(Sitemap):
    """Every item in each of its languages, each naming the others (and x-default: the address
    without a language, which leads each reader to theirs)."""

    i18n = True
    alternates = True
    x_default = True


class ArticleSitemap(LanguageSitemap):
    """An item is an article's published versions, by language."""

    changefreq = "monthly"
    limit = 1000

    def items(self):
        versions = {}
        for article in Article.objects.published().defer("body"):
            versions.setdefault(article.translation_key, {})[article.language] = article
        return list(versions.values())

    def get_languages_for_item(self, versions):
        return list(versions)

    def location(self, versions):
        return versions[get_language()].get_absolute_url()

    def get_urls(self, *args, **kwargs):
        # Each address's own last change: Django asks lastmod() for the item, not the language.
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            versions, language = url["item"]
            url["lastmod"] = versions[language].last_public_update
        return urls


class TopicSitemap(LanguageSitemap):
    """A topic's page in each language it has published articles in."""

    changefreq = "weekly"

    def items(self):
        self.languages_of = {}
        for language, _name in settings.LANGUAGES:
            for topic in Topic.objects.in_use(language):
                self.languages_of.setdefault(topic, []).append(language)
        return list(self.languages_of)

    def get_languages_for_item(self, topic):
        return self.languages_of[topic]


class PageSitemap(LanguageSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "news:list", "news:topics", "news:subscribe"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"news": ArticleSitemap, "topics": TopicSitemap, "pages": PageSitemap}

# The site's sitemap (config/urls.py gives it every app's sections): it changes when the news do.
index = cache_public(sitemap, parameters=("p",))
