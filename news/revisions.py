"""A readable comparison of two revisions of an article, for the admin."""

import difflib
from dataclasses import dataclass

from django.utils.html import strip_tags

from .models import PUBLICATION_FIELDS, READER_FIELDS, Article

# What readers see, then where and when they see it, as editors set it (not the times stamped).
COMPARED_FIELDS = [
    *READER_FIELDS,
    "slug",
    *(name for name in PUBLICATION_FIELDS if Article._meta.get_field(name).editable),
]


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    # (kind, text): kind is "same", "removed" or "added", word by word.
    words: list


def _text(record, name):
    value = getattr(record, name)
    if name == "body":
        return strip_tags(value.replace("</p>", "</p>\n"))
    if name == "status":
        return str(Article.Status(value).label)
    return "" if value is None else str(value)


# Word by word, difflib's cost grows with the square of the text where words repeat (two
# 15,000-word bodies took a worker past its timeout): longer texts are compared line by line (a
# body has a paragraph a line), with difflib's own heuristic that skips the most frequent lines.
MAX_WORDS = 3000


def word_diff(old, new):
    old_words, new_words = old.split(), new.split()
    long = len(old_words) + len(new_words) > MAX_WORDS
    if long:
        old_words, new_words = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=long)
    segments = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", " ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            segments.append(("removed", " ".join(old_words[a1:a2])))
        if b2 > b1:
            segments.append(("added", " ".join(new_words[b1:b2])))
    return segments


def compare(old_record, new_record):
    """The fields that differ between two historical records, oldest first."""
    changes = []
    for name in COMPARED_FIELDS:
        old, new = _text(old_record, name), _text(new_record, name)
        if old != new:
            label = Article._meta.get_field(name).verbose_name
            changes.append(FieldChange(str(label).capitalize(), old, new, word_diff(old, new)))
    return changes
