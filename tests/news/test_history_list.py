"""An article's history as a press officer reads it: who saved each revision and when, in Minsk
time to the second and in the admin's language, why, and links to compare it with the one before
and to open it."""

import datetime
import re

import pytest
import time_machine
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from news import workflow
from news.models import Article
from news.translating import translate
from tests.news.browser_form import article_form
from tests.news.uploads_support import change_url

pytestmark = pytest.mark.django_db

# 12.04.05 on 12 May 2026 in Minsk (UTC+3).
SAVED = datetime.datetime(2026, 5, 12, 9, 4, 5, tzinfo=datetime.UTC)


def history(client, article, **query):
    response = client.get(reverse("admin:news_article_history", args=[article.pk]), query)
    assert response.status_code == 200
    return response.text


@pytest.fixture
def saved_twice_in_a_minute(make_article):
    """An article created at SAVED and saved again five seconds later."""
    with time_machine.travel(SAVED, tick=False):
        article = make_article(title="First", status=Article.Status.DRAFT)
    with time_machine.travel(SAVED + datetime.timedelta(seconds=5), tick=False):
        article.title = "Second"
        article.save()
    return article


def test_saves_within_a_minute_are_told_apart_in_minsk_time(
    publisher_client, saved_twice_in_a_minute
):
    page = history(publisher_client, saved_twice_in_a_minute)
    assert '<time datetime="2026-05-12T12:04:10+0300">12 May 2026, 12:04:10</time>' in page
    assert '<time datetime="2026-05-12T12:04:05+0300">12 May 2026, 12:04:05</time>' in page


@pytest.mark.parametrize(
    "language,moment",
    [("ru", "12 мая 2026 г., 12:04:10"), ("be", "12 траўня 2026 г., 12:04:10")],
)
def test_times_are_written_as_the_admins_language_writes_them(
    publisher_client, saved_twice_in_a_minute, settings, language, moment
):
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = history(publisher_client, saved_twice_in_a_minute)
    assert f'<html lang="{language}"' in page
    assert f">{moment}</time>" in page


def test_each_revision_says_why_it_was_saved(publisher, publisher_client, make_article):
    article = make_article(title="Forum", status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article))
    publisher_client.post(change_url(article), data | {"title": "Forum opens", "minor_edit": "on"})
    workflow.publish(Article.objects.get(pk=article.pk), publisher)
    article = Article.objects.get(pk=article.pk)
    article.lead = "A corrected lead."
    workflow.record_change(article, "The date of the forum is corrected.", publisher)

    cells = [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r'<td class="revision-list__what">(.*?)</td>', history(
            publisher_client, article
        ), re.S)
    ]  # fmt: skip
    assert cells == [
        "Change note for readers: The date of the forum is corrected. Changed: lead",
        "Published on the site Changed: status, publication time",
        "Minor edit Changed: title",
        "Created",
    ]


def test_each_revision_links_to_its_comparison_with_the_one_before_across_pages(
    publisher_client, make_article, monkeypatch
):
    monkeypatch.setattr(admin.site.get_model_admin(Article), "history_list_per_page", 2)
    article = make_article(title="One", status=Article.Status.DRAFT)
    for title in ("Two", "Three"):
        article.title = title
        article.save()
    third, second, first = article.history.all()
    page = history(publisher_client, article)
    compare = reverse("admin:news_article_compare", args=[article.pk])
    for old, new in ((second, third), (first, second)):  # the first is on the next page
        assert f'href="{compare}?old={old.history_id}&amp;new={new.history_id}"' in page
    view = reverse("admin:news_article_simple_history", args=[article.pk, third.history_id])
    assert f'href="{view}">View or restore</a>' in page
    assert "Compare with the revision before" not in history(publisher_client, article, p=2)


def test_the_history_page_keeps_to_the_content_security_policy(
    publisher_client, saved_twice_in_a_minute
):
    page = history(publisher_client, saved_twice_in_a_minute)
    assert " style=" not in page and "<style" not in page


def test_a_translation_started_in_one_language_is_told_in_the_readers(
    publisher, publisher_client, make_article, settings
):
    original = make_article(title="Forum opens", language="en")
    with translation.override("ru"):  # started by a colleague whose admin is in Russian
        draft = translate(original, "be", publisher)
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "be"
    page = history(publisher_client, draft)
    assert "Пераклад пачаты з «Forum opens»" in page
    assert "Перевод начат" not in page
