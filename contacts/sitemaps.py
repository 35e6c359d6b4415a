from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ContactsSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["contacts:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"contacts": ContactsSitemap}
