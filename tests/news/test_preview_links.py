"""Signed, expiring links that show a draft to a reviewer without an admin account."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import Article, PreviewLink
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


@pytest.fixture
def draft(make_article):
    return make_article(title="Decree on the innovation fund", status=Article.Status.DRAFT)


def add_link_through_admin(client, article, expires):
    local = timezone.localtime(expires)
    data = article_form(client, change_url(article)) | {
        "preview_links-TOTAL_FORMS": "1",
        "preview_links-0-expires_at_0": local.strftime("%Y-%m-%d"),
        "preview_links-0-expires_at_1": local.strftime("%H:%M:%S"),
    }
    return client.post(change_url(article), data)


def test_publisher_creates_link_that_shows_the_draft_read_only(publisher_client, draft, client):
    response = add_link_through_admin(
        publisher_client, draft, timezone.now() + datetime.timedelta(days=2)
    )
    assert response.status_code == 302
    link = PreviewLink.objects.get()
    assert link.created_by.username == "publisher"
    assert link.get_absolute_url() in publisher_client.get(change_url(draft)).text

    client.logout()
    page = client.get(link.get_absolute_url())
    assert page.status_code == 200
    assert "Decree on the innovation fund" in page.text
    assert "Preview for review" in page.text
    assert '<meta name="robots" content="noindex">' in page.text
    assert page["X-Robots-Tag"] == "noindex"
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "<form" not in page.text.split("<main")[1]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_cannot_create_a_link(editor_client, draft):
    add_link_through_admin(editor_client, draft, timezone.now() + datetime.timedelta(days=2))
    assert not PreviewLink.objects.exists()


def test_link_stops_working_at_expiry(draft, client):
    expires = timezone.now() + datetime.timedelta(days=1)
    link = PreviewLink.objects.create(article=draft, expires_at=expires)
    url = link.get_absolute_url()
    with time_machine.travel(expires - datetime.timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(expires, tick=False):
        response = client.get(url)
    assert response.status_code == 410
    assert "no longer works" in response.text
    assert "Decree on the innovation fund" not in response.text


def test_revoked_link_stops_working(publisher_client, draft, client):
    link = PreviewLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    data = article_form(publisher_client, change_url(draft)) | {"preview_links-0-revoked": "on"}
    assert publisher_client.post(change_url(draft), data).status_code == 302
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 410


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x" + t]
)
def test_forged_token_is_404(draft, client, tamper):
    link = PreviewLink.objects.create(
        article=draft, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    token = link.get_absolute_url().rstrip("/").rsplit("/", 1)[1]
    assert client.get(reverse("news:preview", args=[tamper(token)])).status_code == 404


def test_link_must_expire_in_the_future(publisher_client, draft):
    response = add_link_through_admin(
        publisher_client, draft, timezone.now() - datetime.timedelta(hours=1)
    )
    assert response.status_code == 200
    assert "Choose a time in the future." in response.text
    assert not PreviewLink.objects.exists()


def test_a_withdrawn_article_is_not_shown_through_its_preview_links(make_article, client):
    article = make_article(title="Retracted")
    link = PreviewLink.objects.create(article=article)
    assert client.get(link.get_absolute_url()).status_code == 200
    article.status = Article.Status.WITHDRAWN
    article.withdrawal_reason = "Court order."
    article.save()
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410 and "Retracted" not in response.text
