"""What an editor may write: in an article body, the editor's toolbar and the sanitiser
that runs on every save are built from this one configuration; in any text, no control
characters."""

import re

import nh3
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import allowlist_from_extensions

# A language tag (BCP 47, RFC 5646) in the shape a body may carry: a language, then subtags for
# its script, region or variant; at most 35 characters, the length RFC 5646 (4.4.1) asks every
# implementation to take. The editor checks what is typed by this rule, the sanitiser what is saved.
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")
LANGUAGE_TAG_MAX_LENGTH = 35

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
    # A passage in another language, <span lang="be">, for screen readers (WCAG 3.1.2): the mark
    # is news/static/news/editor/language.js, loaded through DJANGO_PROSE_EDITOR_EXTENSIONS.
    "Language": {
        "languages": dict(settings.LANGUAGES),
        "tagPattern": LANGUAGE_TAG.pattern,
        "tagMaxLength": LANGUAGE_TAG_MAX_LENGTH,
        "labels": {
            "button": _("Language of a passage"),
            "language": _("Language"),
            "another": _("Another language"),
            "tag": _("Language tag (BCP 47)"),
            "tagHelp": _("such as pl, de or en-GB"),
            "invalid": _(
                "Give a language tag: two or three Latin letters, then parts after hyphens, "
                "such as en-GB."
            ),
            "apply": _("Apply"),
            "remove": _("Remove the language mark"),
            "cancel": _("Cancel"),
        },
    },
}
# Whatever rel an editor typed (rel="opener" hands the site's tab to the page a link opens, for
# reverse tabnabbing), every link leaves with this one: nh3 sets it when rel is not allowed.
LINK_REL = "noopener noreferrer"


def is_language_tag(value):
    return len(value) <= LANGUAGE_TAG_MAX_LENGTH and LANGUAGE_TAG.fullmatch(value) is not None


def _language_tags_only(tag, attribute, value):
    """A lang that names no language goes, and the text it was on stays."""
    if attribute == "lang" and not is_language_tag(value):
        return None
    return value


def _cleaner():
    allowlist = allowlist_from_extensions(BODY_EXTENSIONS)
    allowlist["attributes"]["a"] = allowlist["attributes"]["a"] - {"rel"}
    # Only what the extensions allow: by default nh3 also keeps lang and title on every tag.
    allowlist["attributes"]["*"] = set()
    return nh3.Cleaner(
        **allowlist | {"link_rel": LINK_REL, "attribute_filter": _language_tags_only}
    )


_clean = _cleaner().clean
EMPTY = re.compile(r"<(\w+)></\1>")
# Never meant in typed text: control characters (invisible; the search uses two of them to mark
# its matches), U+FFFE and U+FFFF (no characters at all: XML refuses them, and one in a title made
# the feeds unreadable), and the overrides and isolates of the writing direction (U+202A-U+202E,
# U+2066-U+2069), which make a title or a file's name read otherwise than it is, past its end.
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def sanitize_body(html):
    body = _clean(html)
    # The editor always leaves one empty paragraph: an empty body is stored empty.
    return "" if EMPTY.fullmatch(body) else body


# The texts typed in a box of several lines. The others (a title, a caption) are typed on one
# line, where a break can only be forged, and would split a title in an e-mail or the history.
MULTI_LINE = {"lead", "body"}
LINE_BREAKS = re.compile(r"[\n\r\x85\u2028\u2029]+")


def typed(text):
    """Text as it is stored, without the characters no one means to type."""
    return CONTROL_CHARACTERS.sub("", text)


def one_line(text):
    """A text typed on one line (a title, a caption), as it is stored."""
    return LINE_BREAKS.sub(" ", typed(text)).strip()


def cleaned(texts):
    """An article's typed texts by field, as they are stored: the one-line texts on one line,
    and the body sanitised."""
    texts = {
        name: typed(text) if name in MULTI_LINE else one_line(text) for name, text in texts.items()
    }
    return texts | {"body": sanitize_body(texts["body"])}
