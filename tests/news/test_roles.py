"""Editors draft, publishers publish: shown in the admin and enforced by the server."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from news import workflow
from news.models import Article
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:news_article_changelist"


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_groups_have_exact_permissions():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    documents = {
        f"{action}_{model}"
        for action in ("view", "add", "change", "delete")
        for model in ("attachment", "articlephoto")
    }
    assert codenames("Editors") == {
        "view_article",
        "add_article",
        "change_article",
        "view_historicalarticle",
        "view_changenote",
        "view_previewlink",
        "view_topic",
        "view_sendinglog",  # what was sent, without an address
        *documents,
    }
    assert codenames("Publishers") >= {
        "publish_article",
        "delete_article",
        "add_previewlink",
        "add_topic",
        "change_topic",
        "delete_topic",
        "view_sendinglog",
        "view_subscriber",
        "delete_subscriber",  # on its owner's request
        *documents,
    }
    assert "publish_article" not in codenames("Editors")
    assert "view_subscriber" not in codenames("Editors")  # addresses are personal data
    assert "add_topic" not in codenames("Editors")


def test_editor_adds_a_draft_and_a_forged_status_is_ignored(editor_client):
    data = article_form(editor_client, reverse("admin:news_article_add"))
    assert "status" not in data  # a step, not a field
    data |= {
        "title": "Draft by an editor",
        "slug": "draft-by-an-editor",
        "lead": "Lead.",
        "body": "<p>Body.</p>",
        "status": "published",
    }
    response = editor_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302
    assert Article.objects.get().status == Article.Status.DRAFT


@pytest.mark.parametrize("step", ["publish", "schedule", "withdraw", "return_to_draft"])
def test_an_editor_s_forged_publishing_step_is_a_form_error(editor_client, step):
    data = article_form(editor_client, reverse("admin:news_article_add")) | {
        "title": "Draft by an editor",
        "slug": "draft-by-an-editor",
        "lead": "Lead.",
        "body": "<p>Body.</p>",
        "action": step,
    }
    response = editor_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    assert "This step is not open to you" in response.text
    assert not Article.objects.exists()


def test_editor_edits_a_draft_but_cannot_publish_it(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(editor_client, change_url(article)) | {
        "title": "Better",
        "status": "published",
        "action": "save_draft",
    }
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Better", Article.Status.DRAFT)


def test_editor_is_not_offered_publishing_actions(editor_client, make_article):
    make_article(status=Article.Status.DRAFT)
    text = editor_client.get(reverse(CHANGELIST)).text
    assert 'value="publish"' not in text and 'value="make_draft"' not in text


@pytest.mark.parametrize("action,status", [("publish", "draft"), ("make_draft", "published")])
def test_editor_forged_action_changes_nothing(editor_client, make_article, action, status):
    article = make_article(status=status)
    editor_client.post(reverse(CHANGELIST), {"action": action, "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == status


def test_editor_sees_a_live_article_read_only_and_cannot_post_to_it(editor_client, make_article):
    article = make_article(title="Live")
    page = editor_client.get(change_url(article))
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    forged = {"title": "Hacked", "slug": article.slug, "lead": "x", "body": "x", "status": "draft"}
    assert editor_client.post(change_url(article), forged).status_code == 403
    assert (
        editor_client.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    article.refresh_from_db()
    assert (article.title, article.status) == ("Live", Article.Status.PUBLISHED)


def test_publisher_is_offered_and_may_use_publishing_actions(publisher_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    text = publisher_client.get(reverse(CHANGELIST)).text
    assert 'value="publish"' in text and 'value="make_draft"' in text
    publisher_client.post(
        reverse(CHANGELIST), {"action": "publish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.is_published


def test_publisher_publishes_through_the_form(publisher_client, make_article, client):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article)) | {"action": "publish"}
    assert publisher_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()  # published now: after midnight in Minsk, its address has a new date
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_publishing_an_old_draft_by_action_does_not_backdate_it(publisher_client, make_article):
    article = make_article(
        status=Article.Status.DRAFT, pub_date=timezone.now() - datetime.timedelta(days=30)
    )
    publisher_client.post(
        reverse(CHANGELIST), {"action": "publish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert timezone.now() - article.pub_date < datetime.timedelta(minutes=1)


def test_publishing_steps_refuse_an_editor_whoever_calls_them(editor, publisher, make_article):
    draft, live = make_article(status=Article.Status.DRAFT), make_article()
    with pytest.raises(PermissionDenied):
        workflow.publish(draft, editor)
    with pytest.raises(PermissionDenied):
        workflow.return_to_draft(live, editor)
    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.status, live.status) == (Article.Status.DRAFT, Article.Status.PUBLISHED)
    workflow.publish(draft, publisher)
    assert draft.history.first().history_user == publisher
