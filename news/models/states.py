"""Where an article stands for the public: one rule, written as a database filter (for the
querysets) and for one article in memory (for the admin)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class State(models.TextChoices):
    """Where an article stands for the public, derived from its status and times."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Submitted for review")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def state_conditions(now):
    published = Q(status=Status.PUBLISHED)
    not_expired = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    return {
        State.DRAFT: Q(status=Status.DRAFT),
        State.REVIEW: Q(status=Status.REVIEW),
        State.SCHEDULED: published & Q(pub_date__gt=now),
        State.LIVE: published & Q(pub_date__lte=now) & not_expired,
        State.EXPIRED: published & Q(pub_date__lte=now, expires_at__lte=now),
        State.WITHDRAWN: Q(status=Status.WITHDRAWN),
    }


def state_of(article, now):
    """state_conditions() for one article."""
    if article.status == Status.PUBLISHED:
        if article.pub_date > now:
            return State.SCHEDULED
        if article.expires_at and article.expires_at <= now:
            return State.EXPIRED
        return State.LIVE
    return State(article.status)
