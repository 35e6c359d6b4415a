"""What an editor may write: in an article body, the editor's toolbar and the sanitiser
that runs on every save are built from this one configuration; in any text, no control
characters."""

import re

import nh3
from django_prose_editor.config import allowlist_from_extensions

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "Blockquote": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}
# Whatever rel an editor typed (rel="opener" hands the site's tab to the page a link opens, for
# reverse tabnabbing), every link leaves with this one: nh3 sets it when rel is not allowed.
LINK_REL = "noopener noreferrer"


def _cleaner():
    allowlist = allowlist_from_extensions(BODY_EXTENSIONS)
    allowlist["attributes"]["a"] = allowlist["attributes"]["a"] - {"rel"}
    return nh3.Cleaner(**allowlist | {"link_rel": LINK_REL})


_clean = _cleaner().clean
EMPTY = re.compile(r"<(\w+)></\1>")
# Invisible, never meant, and the search uses two of them to mark its matches.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def sanitize_body(html):
    body = _clean(html)
    # The editor always leaves one empty paragraph: an empty body is stored empty.
    return "" if EMPTY.fullmatch(body) else body


def cleaned(texts):
    """An article's typed texts by field, as they are stored: without control characters, and
    the body sanitised."""
    texts = {name: CONTROL_CHARACTERS.sub("", text) for name, text in texts.items()}
    return texts | {"body": sanitize_body(texts["body"])}
