"""Revisions in the admin: every save is one, two are compared (test_history_compare.py tells
how), and restoring one is an edit of the article as it is now (permissions, validation, the
edit-conflict check, the change note), also outside a test-wrapping transaction, as production
runs it."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.news.browser_form import article_form
from tests.news.test_admin_writes import change_url
from tests.news.test_history_compare import read

pytestmark = pytest.mark.django_db


def revision_url(article, record):
    return reverse("admin:news_article_simple_history", args=[article.pk, record.history_id])


def revision_form(client, article, record):
    return article_form(client, revision_url(article, record), form_id="historicalarticle_form")


def saved_as(article, **changes):
    """Save `article` with `changes`, as another session would: a new revision."""
    for name, value in changes.items():
        setattr(article, name, value)
    article.save()
    return article.history.first()


@pytest.fixture
def once_live_now_draft(make_article):
    """An article that was live (its first revision says so) and is a draft again."""
    article = make_article(title="Live once")
    live_revision = article.history.first()
    saved_as(article, status=Article.Status.DRAFT, title="Draft again")
    return article, live_revision


# Restoring a revision


def test_every_save_is_a_revision_and_restoring_adds_one(publisher_client, make_article):
    article = make_article(title="First title")
    for title in ("Second title", "Third title"):
        data = article_form(publisher_client, change_url(article))
        publisher_client.post(change_url(article), data | {"title": title, "minor_edit": "on"})
    records = list(article.history.all())
    assert [r.title for r in records] == ["Third title", "Second title", "First title"]
    assert records[0].history_user.username == "publisher"

    history = publisher_client.get(reverse("admin:news_article_history", args=[article.pk]))
    assert history.status_code == 200 and "Changed: title" in history.text

    compare = publisher_client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"old": records[2].history_id, "new": records[0].history_id},
    )
    assert read(compare.text).sides["Title"] == ["First title", "Third title"]
    assert read(compare.text).marks == [("del", "First", "removed:"), ("ins", "Third", "added:")]

    revision_url = reverse(
        "admin:news_article_simple_history", args=[article.pk, records[2].history_id]
    )
    data = article_form(publisher_client, revision_url, form_id="historicalarticle_form")
    assert data["title"] == "First title"
    assert publisher_client.post(revision_url, data | {"minor_edit": "on"}).status_code == 302
    article.refresh_from_db()
    assert article.title == "First title"
    assert [r.title for r in article.history.all()][:2] == ["First title", "Third title"]
    assert article.history.count() == 4


def test_editor_restoring_a_published_revision_of_a_draft_does_not_publish_it(
    editor_client, once_live_now_draft, client
):
    article, live_revision = once_live_now_draft
    data = revision_form(editor_client, article, live_revision)
    assert editor_client.post(revision_url(article, live_revision), data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Live once", Article.Status.DRAFT)
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_cannot_restore_any_revision_of_a_live_article(editor_client, make_article):
    article = make_article(title="Live", status=Article.Status.DRAFT)
    draft_revision = article.history.first()
    saved_as(article, status=Article.Status.PUBLISHED)
    page = editor_client.get(revision_url(article, draft_revision))
    assert page.status_code == 200 and 'name="_save"' not in page.text
    forged = {"title": "Hacked", "slug": article.slug, "lead": "x", "body": "<p>x</p>"}
    for data in (forged, forged | {"pub_date_0": "2099-01-01", "pub_date_1": "00:00:00"}):
        response = editor_client.post(revision_url(article, draft_revision), data)
        assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.state) == ("Live", Article.State.LIVE)


def test_editor_cannot_lift_an_embargo_through_a_revision(editor_client, make_article):
    future = timezone.now() + datetime.timedelta(days=3)
    article = make_article(pub_date=future)
    record = article.history.first()
    data = revision_form(editor_client, article, record) | {
        "pub_date_0": "2020-01-01",
        "pub_date_1": "00:00:00",
    }
    assert editor_client.post(revision_url(article, record), data).status_code == 403
    article.refresh_from_db()
    assert article.pub_date == future


def test_publisher_restoring_a_draft_revision_keeps_a_live_article_live(
    publisher_client, make_article, client
):
    article = make_article(title="First", status=Article.Status.DRAFT)
    draft_revision = article.history.first()
    saved_as(article, status=Article.Status.PUBLISHED, title="Second")
    data = revision_form(publisher_client, article, draft_revision)
    assert "status" not in data  # whether readers see it is a step of its own, never restored
    response = publisher_client.post(revision_url(article, draft_revision), data)
    # Its text changes what readers see: the change-note rule applies as to any edit.
    assert response.status_code == 200
    assert "describe the change for readers" in response.text
    note = {"change_note": "The earlier wording is restored."}
    response = publisher_client.post(revision_url(article, draft_revision), data | note)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.state) == ("First", Article.State.LIVE)
    assert list(article.change_notes.values_list("note", flat=True)) == [note["change_note"]]
    assert client.get(article.get_absolute_url()).status_code == 200


def test_restoring_a_revision_meets_the_edit_conflict_check(publisher_client, make_article):
    article = make_article(title="First", status=Article.Status.DRAFT)
    record = article.history.first()
    saved_as(article, title="Second")
    data = revision_form(publisher_client, article, record)
    saved_as(article, title="Third, by someone else")
    response = publisher_client.post(revision_url(article, record), data)
    assert "Someone else saved this article while you were editing it" in response.text
    article.refresh_from_db()
    assert article.title == "Third, by someone else"


# Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
# database): a superuser stands for everyone here; the roles are tested above.


@pytest.mark.django_db(transaction=True)
def test_restoring_a_revision_works_outside_a_test_transaction(admin_user, client, make_article):
    """The restore view ran outside a transaction, where select_for_update() (the edit-conflict
    check) is refused by PostgreSQL: a 500 for everyone."""
    client.force_login(admin_user)
    article = make_article(title="First", status=Article.Status.DRAFT)
    record = article.history.first()
    saved_as(article, title="Second")
    data = revision_form(client, article, record)
    assert client.post(revision_url(article, record), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "First"


# Comparing revisions


def test_comparing_an_article_without_history_explains_it(publisher_client):
    # As generatenews and bulk loads make them: no revision recorded.
    (article,) = Article.objects.bulk_create(
        [Article(title="Bulk", slug="bulk", lead="Lead.", body="<p>Body.</p>")]
    )
    response = publisher_client.get(
        reverse("admin:news_article_compare", args=[article.pk]), follow=True
    )
    assert response.status_code == 200
    assert "This article has no revisions yet" in response.text
    history = publisher_client.get(reverse("admin:news_article_history", args=[article.pk]))
    assert history.status_code == 200


def test_comparing_with_unknown_revision_ids_shows_the_latest(publisher_client, make_article):
    article = make_article(title="One")
    saved_as(article, title="Two")
    url = reverse("admin:news_article_compare", args=[article.pk])
    response = publisher_client.get(url, {"old": "x", "new": "99999999999999999999"})
    assert response.status_code == 200
    assert read(response.text).sides["Title"] == ["One", "Two"]


def test_comparing_long_bodies_takes_moments_not_minutes(publisher_client, make_article):
    words = " ".join("ab"[number * 7919 % 13 % 2] for number in range(15_000))
    article = make_article(body=f"<p>{words}</p>", status=Article.Status.DRAFT)
    saved_as(article, body=f"<p>{words[::-1]}</p>")
    started = time.monotonic()
    response = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert response.status_code == 200 and "<ins>" in response.text
    assert "chars]" not in response.text  # shown whole, as removed and added
    assert time.monotonic() - started < 5  # word by word it ran past gunicorn's 30 s


def test_comparing_long_bodies_of_repeated_paragraphs_takes_moments(publisher_client, make_article):
    article = make_article(body="<p>a</p>" * 15_000, status=Article.Status.DRAFT)
    saved_as(article, body="<p>a</p>" * 15_000 + "<p>b</p>")
    started = time.monotonic()
    response = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert response.status_code == 200
    page = read(response.text)
    assert page.marks == [("ins", "b", "added:")]
    assert page.folded == ["15000 unchanged paragraphs", *["a"] * 15_000]
    assert time.monotonic() - started < 5
