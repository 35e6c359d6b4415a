from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ContactsSitemap(Sitemap):
    """The contacts page in each language, naming the others (hreflang)."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["contacts:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"contacts": ContactsSitemap}
