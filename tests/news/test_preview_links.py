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


def create_url(article):
    return reverse("admin:news_article_create_preview_link", args=[article.pk])


def test_publisher_creates_link_that_shows_the_draft_read_only(publisher_client, draft, client):
    assert "preview_links-TOTAL_FORMS" not in publisher_client.get(change_url(draft)).text
    response = publisher_client.post(create_url(draft))
    assert response.status_code == 302
    link = PreviewLink.objects.get()
    assert link.created_by.username == "publisher"
    assert link.expires_at - timezone.now() > datetime.timedelta(days=6)
    # Shown as the full address, to copy and send.
    form = publisher_client.get(change_url(draft)).text
    assert f'value="http://testserver{link.get_absolute_url()}"' in form
    assert "data-copy=" in form

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
    assert editor_client.post(create_url(draft)).status_code == 403
    assert "Create a preview link" not in editor_client.get(change_url(draft)).text
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


def test_only_a_publisher_creates_links_by_post_for_an_article_readers_cannot_see(
    publisher_client, editor, draft, make_article, client
):
    assert publisher_client.get(create_url(draft)).status_code == 405
    live = make_article()
    assert publisher_client.post(create_url(live)).status_code == 403
    assert "Create a preview link" not in publisher_client.get(change_url(live)).text
    assert publisher_client.post(create_url(draft).replace(str(draft.pk), "999")).status_code == 404
    client.force_login(editor)
    assert client.post(create_url(draft)).status_code == 403
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
