"""Who may change an article, and the steps of its life: one rule for every path that writes.

The change form, the add form, a revision being restored, the actions, the inlines (documents,
change notes, preview links) and deletion all ask these functions, with the article as it is
stored: a revision or a forged form says nothing about what the article is now.

A step that the article's constraints refuse (an expiry before the publication time, a withdrawal
without a reason) raises a ValidationError with the model's own message, before anything is saved.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import ChangeNote, State, Status

UNSEEN_WITHDRAWAL = _("Only an article readers have seen can be withdrawn: return it to draft.")


def can_publish(user):
    """Publish, schedule, return to draft, withdraw, delete and share previews."""
    return user.has_perm("news.publish_article")


def may_change(user, article):
    """Editors work on drafts; once an article has been published, only publishers touch it."""
    return article is None or article.status == Status.DRAFT or can_publish(user)


def can_be_withdrawn(article):
    """Withdrawing tells readers why a page they saw is gone; a page nobody saw is not announced
    (its title and the reason would be public at its address)."""
    return article.state in (State.LIVE, State.EXPIRED, State.WITHDRAWN)


def publish(article, user):
    """On the site now, or at its scheduled time. A draft's time may be long past: it goes out
    now, not backdated."""
    if article.status == Status.PUBLISHED:
        return
    if article.status == Status.DRAFT:
        article.pub_date = max(article.pub_date, timezone.now())
    _set_status(article, user, Status.PUBLISHED, ["status", "pub_date"])


def schedule(article, user, moment):
    """On the site at `moment`, a time still to come (and off it until then)."""
    _refuse_unless_publisher(user)
    if moment <= timezone.now():
        raise ValueError("A scheduled time is in the future: publish() puts an article out now.")
    article.pub_date = moment
    _set_status(article, user, Status.PUBLISHED, ["status", "pub_date"])


def return_to_draft(article, user):
    """Off the site, back with the editors."""
    if article.status != Status.DRAFT:
        _set_status(article, user, Status.DRAFT, ["status"])


def withdraw(article, user, reason):
    """Off the site for good: its address tells readers that it was withdrawn, and why."""
    _refuse_unless_publisher(user)
    if not can_be_withdrawn(article):
        raise ValidationError(UNSEEN_WITHDRAWAL, code="withdraw_unseen")
    article.withdrawal_reason = reason.strip()
    _set_status(article, user, Status.WITHDRAWN, ["status", "withdrawal_reason"])


def each(step, articles, user):
    """Take `step` (publish, return_to_draft) for each article, each in a transaction of its own;
    the articles it refused, each with its ValidationError.

    Articles chosen together are still separate releases: one that cannot go out (its expiry has
    passed) must not hold back the others, nor leave some done and some not without a word."""
    refused = []
    for article in articles:
        try:
            with transaction.atomic():
                step(article, user)
        except ValidationError as error:
            refused.append((article, error))
    return refused


def record_change(article, note, user):
    """Save a significant change to a published article, telling its readers what changed: the
    note is shown on the article as "Updated …" and moves the feeds' date."""
    if not may_change(user, article):
        raise PermissionDenied
    change_note = ChangeNote(article=article, note=note.strip(), author=user)
    change_note.full_clean()  # an empty note tells readers nothing
    article.revised_at = change_note.created
    article._history_user = user
    article._change_reason = change_note.note
    with transaction.atomic():
        # The whole article, not update_fields: the note tells of the change saved with it.
        article.save()
        change_note.save()


def _refuse_unless_publisher(user):
    if not can_publish(user):
        raise PermissionDenied


def _set_status(article, user, status, fields):
    _refuse_unless_publisher(user)
    article.status = status
    article.validate_constraints()
    article._history_user = user
    article._change_reason = gettext("Status changed to “%(status)s”") % {"status": status.label}
    # One by one, not update(): save() keeps history, aliases and caches right.
    article.save(update_fields=fields)
