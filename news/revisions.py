"""Two revisions of an article compared as an editor reads them, for the admin: which fields
differ, the body paragraph by paragraph and the other fields as before → after, in the words of
the form (news/text_diff.py marks the changed words)."""

import datetime
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import PUBLICATION_FIELDS, READER_FIELDS, TYPED_TEXT, Article
from .models.states import state_of
from .text_diff import Unchanged, body_diff, marked, word_diff

# What readers see, then where and when they see it, as editors set it (not the times stamped).
COMPARED_FIELDS = [
    *READER_FIELDS,
    "slug",
    *(name for name in PUBLICATION_FIELDS if Article._meta.get_field(name).editable),
]


def moment(value):
    """A time in the site's zone (Minsk) as the admin's language writes a date, to the second:
    two saves within a minute must not look alike."""
    local = timezone.localtime(value)
    return _("%(date)s, %(time)s") % {
        "date": formats.date_format(local, "SHORT_DATE_FORMAT"),
        "time": formats.time_format(local, "G:i:s"),
    }


# Fields whose words an editor typed: their changed words are marked. The others (times, the
# state, the photo) change as a whole.
WORDED = {*TYPED_TEXT, "slug", "withdrawal_reason"}
EMPTY = {"image": _("no photo"), "pub_date": _("not set"), "expires_at": _("not set")}


def _shown(record, name):
    """A field's value in the words of the form, or "" for nothing."""
    value = getattr(record, name)
    if name == "status":
        # The state at the time of the revision: "Scheduled" says more than "Published".
        return str(state_of(record, record.history_date).label)
    if name in ("pub_date", "expires_at"):
        return value and moment(value)
    if name == "image" and value:
        if record.image_width is None:
            return str(_("a photo"))
        size = {"width": record.image_width, "height": record.image_height}
        return _("a photo of %(width)s × %(height)s px") % size
    return "" if value is None else str(value)


def _photo(record):
    """The address of a revision's photo, its narrowest copy, while the file is kept."""
    article = record.instance  # the revision holds the file's name; the article, the file
    if not article.image or not article.image.storage.exists(article.image.name):
        return ""
    sources = article.image_sources
    return sources[0][0] if sources else article.image.url


@dataclass
class FieldChange:
    name: str
    label: str
    before: str = ""  # marked HTML
    after: str = ""
    paragraphs: list = field(default_factory=list)  # the body's
    note: str = ""
    photos: tuple = ()  # each side's photo, "" where there is none (any more)

    @property
    def empty(self):
        return EMPTY.get(self.name, _("empty"))


def _field_change(name, old, new):
    label = str(Article._meta.get_field(name).verbose_name).capitalize()
    if name == "body":
        paragraphs = body_diff(old.body, new.body)
        if any(not isinstance(p, Unchanged) for p in paragraphs):
            return FieldChange(name, label, paragraphs=paragraphs)
        return FieldChange(
            name, label, note=_("Only the formatting changed: the text reads the same.")
        )
    before, after = _shown(old, name), _shown(new, name)
    if name == "image":
        note = _("Another photo of the same size.") if before == after else ""
        return FieldChange(name, label, before, after, note=note, photos=(_photo(old), _photo(new)))
    if name not in WORDED:
        return FieldChange(name, label, before, after)
    pieces = word_diff(before, after)
    return FieldChange(
        name,
        label,
        before=marked(piece for piece in pieces if piece[0] != "added"),
        after=marked(piece for piece in pieces if piece[0] != "removed"),
    )


def _value(record, name):
    """A field's value, its times to the second: the form drops the microseconds of a time a
    script set, which is no change."""
    value = getattr(record, name)
    return value.replace(microsecond=0) if isinstance(value, datetime.datetime) else value


def _changed(old_record, new_record):
    return [
        name for name in COMPARED_FIELDS if _value(old_record, name) != _value(new_record, name)
    ]


def compare(old_record, new_record):
    """The fields that differ between two historical records, in the form's order."""
    return [
        _field_change(name, old_record, new_record) for name in _changed(old_record, new_record)
    ]


def changed_labels(old_record, new_record):
    """The names of the fields a revision changed, for the list of revisions."""
    return [
        str(Article._meta.get_field(name).verbose_name) for name in _changed(old_record, new_record)
    ]
