from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .models import Article


class FullContentRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the whole article in <content:encoded>, as feed readers expect."""

    def rss_attributes(self):
        return super().rss_attributes() | {
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/"
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class FullContentAtomFeed(Atom1Feed):
    """Atom 1.0 with the whole article in <content type="html">: Django writes only <summary>."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class LatestArticlesFeed(Feed):
    feed_type = FullContentRssFeed
    title = _("State Committee for Science and Technology: news")
    description = _("Press releases of the State Committee for Science and Technology.")
    link = reverse_lazy("news:list")
    # Atom needs an author for entries that name none: the agency itself.
    author_name = _("State Committee for Science and Technology")
    description_template = "feeds/article_description.html"
    item_guid_is_permalink = False

    def items(self):
        return Article.objects.published()[:20]

    def item_title(self, item):
        return item.title

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return item.pub_date

    def item_updateddate(self, item):
        return item.updated

    def item_guid(self, item):
        # Stable even if the article's slug, date or the site's domain change.
        return item.uid.urn

    def item_extra_kwargs(self, item):
        return {"content": render_to_string("feeds/article_content.html", {"article": item})}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = FullContentAtomFeed
    subtitle = LatestArticlesFeed.description
