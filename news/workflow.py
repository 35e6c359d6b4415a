"""Who may change an article, and the steps of its life: one rule for every path that writes.

The change form, the add form, a revision being restored, the actions, the inlines (documents,
change notes, preview links) and deletion all ask these functions, with the article as it is
stored: a revision or a forged form says nothing about what the article is now.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext

from .models import Status


def can_publish(user):
    """Publish, schedule, return to draft, withdraw, delete and share previews."""
    return user.has_perm("news.publish_article")


def may_change(user, article):
    """Editors work on drafts; once an article has been published, only publishers touch it."""
    return article is None or article.status == Status.DRAFT or can_publish(user)


def publish(article, user):
    """On the site now, or at its scheduled time. A draft's time may be long past: it goes out
    now, not backdated."""
    if article.status == Status.PUBLISHED:
        return
    if article.status == Status.DRAFT:
        article.pub_date = max(article.pub_date, timezone.now())
    _set_status(article, user, Status.PUBLISHED, ["status", "pub_date"])


def return_to_draft(article, user):
    """Off the site, back with the editors."""
    if article.status != Status.DRAFT:
        _set_status(article, user, Status.DRAFT, ["status"])


def _set_status(article, user, status, fields):
    if not can_publish(user):
        raise PermissionDenied
    article.status = status
    article._history_user = user
    article._change_reason = gettext("Status changed to “%(status)s”") % {"status": status.label}
    # One by one, not update(): save() keeps history, aliases and caches right.
    article.save(update_fields=fields)
