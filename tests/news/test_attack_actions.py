"""The publishing actions on several articles: each article is published (or returned to draft)
on its own, and one that cannot be is named with the reason, never a 500 halfway through."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from news import workflow
from news.models import Article

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:news_article_changelist"


def minsk(*args):
    return timezone.make_aware(datetime.datetime(*args))


def act(client, action, *articles):
    selected = [article.pk for article in articles]
    return client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": selected}, follow=True
    )


def test_publishing_a_draft_whose_expiry_has_passed_names_it_and_publishes_the_others(
    publisher_client, make_article
):
    expired = make_article(
        title="Exhibition in 2020",
        status=Article.Status.DRAFT,
        pub_date=minsk(2020, 1, 1, 10),
        expires_at=minsk(2021, 1, 1, 10),
    )
    ready = make_article(title="Exhibition opened", status=Article.Status.DRAFT)
    assert list(Article.objects.all()) == [ready, expired]  # the ready one is published first
    response = act(publisher_client, "publish", ready, expired)
    assert response.status_code == 200
    assert (
        "“Exhibition in 2020” was not published: "
        "The expiry time must be after the publication time." in response.text
    )
    assert "1 selected article is now “Published”." in response.text
    ready.refresh_from_db()
    expired.refresh_from_db()
    assert ready.is_published
    assert (expired.status, expired.pub_date) == (Article.Status.DRAFT, minsk(2020, 1, 1, 10))


def test_an_article_that_cannot_return_to_draft_is_named_and_the_others_return(
    publisher_client, make_article, monkeypatch
):
    stuck = make_article(title="Court ruling")
    other = make_article(title="Road works")
    step = workflow.return_to_draft

    def refusing(article, user):
        if article.pk == stuck.pk:
            raise ValidationError("Refused for the test.")
        step(article, user)

    monkeypatch.setattr(workflow, "return_to_draft", refusing)
    response = act(publisher_client, "make_draft", stuck, other)
    assert response.status_code == 200
    assert "“Court ruling” was not returned to draft: Refused for the test." in response.text
    assert "1 selected article is now “Draft”." in response.text
    stuck.refresh_from_db()
    other.refresh_from_db()
    assert (stuck.status, other.status) == (Article.Status.PUBLISHED, Article.Status.DRAFT)


def test_a_step_on_several_articles_takes_what_it_can_and_returns_the_refusals(
    publisher, make_article
):
    first = make_article(title="First", status=Article.Status.DRAFT)
    refused = make_article(
        title="Refused",
        status=Article.Status.DRAFT,
        pub_date=minsk(2020, 1, 1, 10),
        expires_at=minsk(2021, 1, 1, 10),
    )
    failures = workflow.each(workflow.publish, [first, refused], publisher)
    assert [(article.title, error.messages) for article, error in failures] == [
        ("Refused", ["The expiry time must be after the publication time."])
    ]
    assert Article.objects.get(pk=first.pk).is_published
    assert Article.objects.get(pk=refused.pk).status == Article.Status.DRAFT
