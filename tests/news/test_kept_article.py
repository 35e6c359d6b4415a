"""The article an address leads the public to is kept between requests, never past a change to
an article, its going live or its expiry; addresses that lead nowhere are not kept."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def test_the_article_an_address_leads_to_is_read_once(client, make_article):
    url = make_article().get_absolute_url()
    assert queries(client, url)[0] == 200
    assert queries(client, url) == (200, 0)


def test_a_withdrawal_is_seen_at_once(client, make_article):
    article = make_article()
    client.get(article.get_absolute_url())
    article.status = Article.Status.WITHDRAWN
    article.withdrawal_reason = "Published in error."
    article.save()
    response = client.get(article.get_absolute_url())
    # The notice also replaces the front proxy's copy of the article.
    assert (response.status_code, response["X-Accel-Expires"]) == (410, "1")


def test_an_expiry_is_seen_at_its_moment(client, make_article):
    expiry = timezone.now() + datetime.timedelta(minutes=5)
    article = make_article(expires_at=expiry)
    assert client.get(article.get_absolute_url()).status_code == 200
    with time_machine.travel(expiry - datetime.timedelta(seconds=2), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
    with time_machine.travel(expiry + datetime.timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_previews_are_never_kept_for_the_public(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert editor_client.get(draft.get_absolute_url()).status_code == 200
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_made_up_addresses_are_not_kept(client, make_article, settings):
    article = make_article()
    client.get(article.get_absolute_url())
    folder = Path(settings.CACHES["default"]["LOCATION"])
    entries = len(list(folder.iterdir()))
    for number in range(5):
        url = article.get_absolute_url().replace(article.slug, f"made-up-{number}")
        assert client.get(url).status_code == 404
    assert len(list(folder.iterdir())) == entries
