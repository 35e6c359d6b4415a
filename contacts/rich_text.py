"""What an editor may write on the appeals page: the editor's toolbar and the sanitiser that runs
on every save are built from this one configuration (as the news bodies are, news/rich_text.py,
which the contacts may not import)."""

import nh3
from django_prose_editor.config import allowlist_from_extensions

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Link": {"protocols": ["http", "https", "mailto", "tel"]},
}


def _cleaner():
    allowlist = allowlist_from_extensions(EXTENSIONS)
    allowlist["attributes"]["a"] = allowlist["attributes"]["a"] - {"rel"}
    allowlist["attributes"]["*"] = set()
    # Whatever rel an editor typed, every link leaves with this one (no reverse tabnabbing).
    return nh3.Cleaner(**allowlist | {"link_rel": "noopener noreferrer"})


_clean = _cleaner().clean


def sanitize(html):
    body = _clean(html or "")
    # The editor always leaves one empty paragraph: an empty text is stored empty.
    return "" if body in ("", "<p></p>") else body
