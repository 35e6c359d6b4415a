import hashlib
import re

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from contacts.directory import agency
from pagecache.generation import PAGES, SERVER_MAX_AGE, get_or_set

from .json_feed import JsonFeed
from .models import Article, Topic

# What XML 1.0 refuses: one such character in any text a feed carries (a topic's name, the
# agency's) made the whole feed unreadable, or Django's writer refuse it (a 500). Articles' texts
# are cleaned as they are typed (news/rich_text.py); this holds for all the rest.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def readable(value):
    """`value` (a feed's or an item's field: text, or a list of texts) without what XML refuses."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(map(readable, value))
    return value


def readable_fields(fields):
    return {name: readable(value) for name, value in fields.items()}


class WellFormedFeed:
    """A feed written without the characters XML refuses."""

    def write(self, outfile, encoding):
        self.feed = readable_fields(self.feed)
        self.items = [readable_fields(item) for item in self.items]
        super().write(outfile, encoding)


class FullContentRssFeed(WellFormedFeed, Rss201rev2Feed):
    """RSS 2.0 with the whole article in <content:encoded>, as feed readers expect."""

    def rss_attributes(self):
        return super().rss_attributes() | {
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/"
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class FullContentAtomFeed(WellFormedFeed, Atom1Feed):
    """Atom 1.0 with the whole article in <content type="html">: Django writes only <summary>."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class LatestArticlesFeed(Feed):
    feed_type = FullContentRssFeed
    link = reverse_lazy("news:list")
    description_template = "feeds/article_description.html"
    item_guid_is_permalink = False

    def title(self):
        return _("%(agency)s: news") % {"agency": agency().short_name}

    def description(self):
        return _("Press releases of the %(agency)s.") % {"agency": agency().short_name}

    def author_name(self):
        # Atom needs an author for entries that name none: the agency itself.
        return agency().short_name

    def items(self, topic=None):
        articles = self.articles()
        return (articles if topic is None else articles.filter(topics=topic))[:20]

    @staticmethod
    def articles():
        """The feed's language is the address's (/ru/news/feed/rss/…), and so are its articles;
        Django's Feed states it in <language> and xml:lang."""
        return Article.objects.published().written_in(get_language()).prefetch_related("topics")

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]

    def item_enclosures(self, item):
        if not item.image or item.image_size is None:  # a photo whose file was lost
            return []
        return [Enclosure(item.image.url, str(item.image_size), item.image_type)]

    def __call__(self, request, *args, **kwargs):
        # No Last-Modified (Django's Feed sends one): the newest item's date stays when an article
        # is withdrawn or taken back, and a reader asking If-Modified-Since would keep it for
        # ever. The ETag changes.
        topic = self.get_object(request, *args, **kwargs)
        return HttpResponse(self.written(topic, request), content_type=self.feed_type.content_type)

    def written(self, topic, request):
        """The feed as its generator writes it, kept like a fragment: until anything public is
        saved, and for these very items (which only reading their ids tells, every time), at
        this address (its links are absolute)."""
        ids = list(self.items(topic).values_list("pk", flat=True))
        address = "|".join([request.scheme, request.get_host(), request.path, *map(str, ids)])
        return get_or_set(
            f"feed:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}",
            lambda: self.get_feed(topic, request).writeString("utf-8"),
            SERVER_MAX_AGE,
            scope=PAGES,
            request=request,
        )

    def get_feed(self, obj, request):
        # Files' addresses (the site's icon, enclosures) become absolute here, from the request,
        # like every other link.
        feed = super().get_feed(obj, request)
        feed.feed["favicon"] = request.build_absolute_uri(static("favicon.svg"))
        for item in feed.items:
            item["enclosures"] = [
                Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type)
                for e in item["enclosures"]
            ]
        return feed

    def item_title(self, item):
        return item.title

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return item.pub_date

    def item_updateddate(self, item):
        # Moves only with a change note: a typo fix does not make readers' apps flag the item.
        return item.last_public_update

    def item_guid(self, item):
        # Stable even if the article's slug, date or the site's domain change.
        return item.uid.urn

    def item_extra_kwargs(self, item):
        return {"content": render_to_string("feeds/article_content.html", {"article": item})}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = FullContentAtomFeed
    subtitle = LatestArticlesFeed.description


class LatestArticlesJsonFeed(LatestArticlesFeed):
    feed_type = JsonFeed


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return _("%(agency)s: %(topic)s") % {"agency": agency().short_name, "topic": topic.name}

    def description(self, topic):
        return topic.description or self.title(topic)

    def link(self, topic):
        return topic.get_absolute_url()


class TopicAtomFeed(TopicFeed):
    feed_type = FullContentAtomFeed
    subtitle = TopicFeed.description


class TopicJsonFeed(TopicFeed):
    feed_type = JsonFeed
