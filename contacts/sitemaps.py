from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ContactsSitemap(Sitemap):
    """The contacts, the reception of citizens and the appeals procedure in each language, naming
    the others (hreflang)."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["contacts:index", "contacts:reception", "contacts:appeals"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"contacts": ContactsSitemap}
