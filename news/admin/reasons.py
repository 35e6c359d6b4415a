"""What a revision's reason says, told in the reader's language whichever language it was saved
in: the steps of news/workflow.py, a translation started, and the photos, documents and topics
news/admin/history.py writes into it."""

import functools

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import State, Status
from ..models.states import state_of
from ..translating import STARTED_FROM
from ..workflow import MINOR_EDIT, STATUS_CHANGED
from .states import state_in_words

# A save's photos, documents and topics, a line each in its revision's reason, in words of no
# language ("document added: Decree No. 12"), told in the reader's. A photo is named by its alt
# text, as a document by its title (and told apart: in Russian "photo" is feminine).
TOLD = {
    "photo added": _("added “%(photo)s”"),
    "photo removed": _("removed “%(photo)s”"),
    "photo renamed": _("changed the description “%(old)s” to “%(new)s”"),
    "photo replaced": _("replaced the photo “%(photo)s”"),
    "document added": _("added “%(title)s”"),
    "document removed": _("removed “%(title)s”"),
    "document renamed": _("renamed “%(old)s” to “%(new)s”"),
    "document replaced": _("replaced the file of “%(title)s”"),
    "topic added": _("added “%(topic)s”"),
    "topic removed": _("removed “%(topic)s”"),
}
SUBJECTS = {
    "photo": _("Gallery photos: %(changes)s"),
    "document": _("Documents: %(changes)s"),
    "topic": _("Topics: %(changes)s"),
}
RENAMED = " → "
PUBLISHED_NOW = _("Published on the site")


def in_readers_words(lines, record):
    """A reason's lines in the reader's language: photos, documents and topics told together."""
    told = []  # (subject, clauses), or (None, a line as saved)
    for line in lines:
        key, _colon, value = line.partition(": ")
        if key not in TOLD:
            told.append((None, _said_again(line, record)))
            continue
        old, _arrow, new = value.partition(RENAMED)
        names = {"title": value, "topic": value, "photo": value, "old": old, "new": new}
        clause = TOLD[key] % names
        subject = key.split()[0]
        if told and told[-1][0] == subject:
            told[-1][1].append(clause)
        else:
            told.append((subject, [clause]))
    return [
        SUBJECTS[subject] % {"changes": "; ".join(said)} if subject else said
        for subject, said in told
    ]


def _said_again(line, record):
    """A reason the admin wrote (news/workflow.py's phrases, in the language of whoever saved), in
    the reader's language whichever it was saved in (a send-back adds the publisher's comment after
    a colon); any other line as it was saved."""
    for language, _name in settings.LANGUAGES:
        for said, status in _phrases(language).items():
            if line == said or line.startswith(f"{said}: "):
                return _step_told(status, record) + line[len(said) :]
        before, after = _started_from(language)
        if line.startswith(before) and line.endswith(after) and len(before + after) <= len(line):
            return STARTED_FROM % {"title": line[len(before) : len(line) - len(after)]}
    return line


def _step_told(status, record):
    if status is None:
        return str(MINOR_EDIT)
    if status == Status.PUBLISHED:
        # "Publish now" and a schedule both leave the status "Published": the revision's own
        # times tell them apart, as they told the article's state at the save.
        if state_of(record, record.history_date) == State.SCHEDULED:
            return str(state_in_words(record, record.history_date))
        return str(PUBLISHED_NOW)
    return STATUS_CHANGED % {"status": status.label}


@functools.cache
def _started_from(language):
    """What news/translating.py writes of a translation started, in `language`, around the title."""
    with translation.override(language):
        before, _title, after = str(STARTED_FROM).partition("%(title)s")
    return before, after


@functools.cache
def _phrases(language):
    """What news/workflow.py writes of each step in `language`, and the status it names (None
    for a minor edit)."""
    with translation.override(language):
        phrases = {str(MINOR_EDIT): None}
        for status in Status:
            phrases[str(STATUS_CHANGED % {"status": status.label})] = status
    return phrases
