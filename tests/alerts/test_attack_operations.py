"""The worker as an operator meets it: a database that is briefly away or locked."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import OperationalError

from alerts.models import Alert, SubscriberQuerySet
from news import workflow
from news.models import Article

pytestmark = pytest.mark.django_db

migration = importlib.import_module("alerts.migrations.0003_announced_before")


def test_the_worker_survives_a_database_that_is_briefly_away(monkeypatch, subscribe):
    """PostgreSQL restarting, or SQLite "database is locked" past DJANGO_SQLITE_TIMEOUT: the site
    reconnects by itself (README, Deploying); the worker exits with a traceback (status 1). Under
    `make run` nothing starts it again, and under systemd's default StartLimitBurst (5 in 10 s)
    a database down for a few seconds leaves the unit failed for good."""
    real = SubscriberQuerySet.expired
    failures = iter([OperationalError("database is locked")])

    def flaky(self, now=None):
        if (error := next(failures, None)) is not None:
            raise error
        return real(self, now)

    monkeypatch.setattr(SubscriberQuerySet, "expired", flaky)
    subscribe("reader@example.by")

    call_command("sendalerts", "--once", "--poll", "0")


def test_an_article_published_before_the_alerts_is_not_announced_when_published_again(
    make_article, subscribe, publisher, work
):
    """An old release returned to draft to be fixed quietly, then published again, must not reach
    every subscriber as news: the migration counts what was out as announced."""
    article = make_article(title="A release of 2023")
    Alert.objects.all().delete()  # what the database of the running site held at the upgrade
    migration.announced_before(apps, None)
    subscribe("reader@example.by")
    workflow.return_to_draft(article, publisher)
    workflow.publish(Article.objects.get(pk=article.pk), publisher)
    assert work() == {}
