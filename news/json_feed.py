"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as one more format of Django's
syndication framework: a Feed names it as its `feed_type`, as it would RSS or Atom, and gets the
same items, ids and dates."""

import html
import json

from django.utils.feedgenerator import SyndicationFeed, rfc3339_date
from django.utils.html import strip_tags

VERSION = "https://jsonfeed.org/version/1.1"


def present(fields):
    """The spec's optional fields are left out when there is nothing to say, never null."""
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


def as_text(description):
    # The framework's descriptions are HTML (Atom writes them as type="html"); a JSON Feed
    # summary is plain text.
    return html.unescape(strip_tags(description or "")).strip()


def authors(entry):
    """The author of a feed or of an item, which the framework describes with the same keys."""
    name, email = entry["author_name"], entry["author_email"]
    url = entry["author_link"] or (email and f"mailto:{email}")  # the spec allows mailto:
    return [present({"name": name, "url": url})] if name or url else []


def attachment(enclosure):
    return present(
        {
            "url": enclosure.url,
            "mime_type": enclosure.mime_type,
            "size_in_bytes": int(enclosure.length) or None,
        }
    )


class JsonFeed(SyndicationFeed):
    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        # The response's charset is the content type's: the text needs no escaping.
        json.dump(self.as_json(), outfile, ensure_ascii=False)

    def as_json(self):
        feed = self.feed
        return present(
            {
                "version": VERSION,
                "title": feed["title"],
                "home_page_url": feed["link"],
                "feed_url": feed["feed_url"],
                "description": feed["description"] or feed["subtitle"],
                "icon": feed.get("icon"),
                "favicon": feed.get("favicon"),
                "language": feed["language"],
                "authors": authors(feed),
            }
        ) | {"items": [self.item_as_json(item) for item in self.items]}

    def item_as_json(self, item):
        enclosures = item["enclosures"]
        images = [e.url for e in enclosures if e.mime_type.startswith("image/")]
        return present(
            {
                # As Atom's <id>: the feed's own id, else the address.
                "id": item["unique_id"] or item["link"],
                "url": item["link"],
                "title": item["title"],
                "summary": as_text(item["description"]),
                # The spec requires a content: the description when the Feed gives no other.
                "content_html": item.get("content") or item["description"],
                "image": images[0] if images else None,
                "date_published": item["pubdate"] and rfc3339_date(item["pubdate"]),
                "date_modified": item["updateddate"] and rfc3339_date(item["updateddate"]),
                "authors": authors(item),
                "tags": item["categories"],
                "attachments": [attachment(e) for e in enclosures],
            }
        )
