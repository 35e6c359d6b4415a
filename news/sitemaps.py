from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from .caching import cache_public
from .models import Article, Topic


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 1000

    def items(self):
        return Article.objects.published().defer("body")

    def lastmod(self, article):
        return article.last_public_update


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.in_use()


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "news:list", "news:topics"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"news": ArticleSitemap, "topics": TopicSitemap, "pages": PageSitemap}

# The site's sitemap (config/urls.py gives it every app's sections): it changes when the news do.
index = cache_public(sitemap, parameters=("p",))
