import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db


def test_published_includes_past_published_article(make_article):
    article = make_article()
    assert list(Article.objects.published()) == [article]
    assert article.is_published


def test_published_excludes_draft(make_article):
    article = make_article(status=Article.Status.DRAFT)
    assert not Article.objects.published().exists()
    assert not article.is_published


def test_published_excludes_scheduled_article(make_article):
    article = make_article(pub_date=timezone.now() + datetime.timedelta(minutes=5))
    assert not Article.objects.published().exists()
    assert not article.is_published


def test_scheduled_article_appears_by_itself_at_publication_time(make_article):
    go_live = timezone.now() + datetime.timedelta(days=1)
    article = make_article(pub_date=go_live)
    with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
        assert not Article.objects.published().exists()
    with time_machine.travel(go_live, tick=False):
        assert list(Article.objects.published()) == [article]
        assert article.is_published


def test_published_is_newest_first(make_article):
    older = make_article(pub_date=timezone.now() - datetime.timedelta(days=2))
    newer = make_article(pub_date=timezone.now() - datetime.timedelta(days=1))
    assert list(Article.objects.published()) == [newer, older]


def test_absolute_url_uses_minsk_date_with_two_digits(make_article):
    # 22:30 UTC on 31 December is already 1 January in Minsk (UTC+3).
    moment = datetime.datetime(2022, 12, 31, 22, 30, tzinfo=datetime.UTC)
    article = make_article(slug="new-year", pub_date=moment)
    assert article.get_absolute_url() == "/en/news/2023/01/01/new-year/"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        '<p onclick="alert(1)" style="color:red">text</p>',
        '<iframe src="https://example.com"></iframe>',
        '<form action="/"><input name="q"></form>',
        "<style>body{display:none}</style>",
        "<svg><script>alert(1)</script></svg>",
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    ],
)
def test_body_is_sanitised_on_save(make_article, payload):
    article = make_article(body=f"<p>Safe text</p>{payload}")
    article.refresh_from_db()
    body = article.body.lower()
    for forbidden in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "style",
        "<iframe",
        "<form",
        "<input",
        "data:text",
        "<svg",
    ):
        assert forbidden not in body
    assert "<p>Safe text</p>" in article.body


def test_sanitising_keeps_what_editors_write(make_article):
    body = (
        "<h2>Results</h2><p>The <strong>plan</strong> was <em>exceeded</em>.</p>"
        "<blockquote><p>“We did it,” said the chairman.</p></blockquote>"
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
        '<p><a href="https://gknt.gov.by/">Committee</a> and H<sub>2</sub>O, m<sup>2</sup></p>'
    )
    article = make_article(body=body)
    article.refresh_from_db()
    assert article.body == body.replace('/">', '/" rel="noopener noreferrer">')


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://evil.example/" rel="opener" target="_blank">x</a>',
        '<a href="https://evil.example/" target="_blank">x</a>',
        '<a href="https://evil.example/" rel="nofollow opener" target="_blank">x</a>',
        '<a href="https://evil.example/" REL="opener">x</a>',
    ],
)
def test_links_leave_the_sanitiser_without_an_opener(make_article, link):
    article = make_article(body=f"<p>{link}</p>")
    article.refresh_from_db()
    assert 'rel="noopener noreferrer"' in article.body
    assert article.body.count("rel=") == 1 and 'opener"' not in article.body.replace("noopener", "")


def test_a_save_of_some_fields_writes_what_the_save_derives_from_them(make_article):
    article = make_article()
    article.status = Article.Status.WITHDRAWN
    article.withdrawal_reason = "Published by mistake."
    article.save(update_fields=["status", "withdrawal_reason"])
    stored = Article.objects.get()
    assert stored.withdrawn_at == article.withdrawn_at is not None
    assert stored.version == article.version == 2


def test_a_save_writes_the_article_row_once(make_article):
    """The search columns with the rest: PostgreSQL makes the vector in the same statement."""
    article = make_article()
    article.title = "Edited"
    with CaptureQueriesContext(connection) as queries:
        article.save()
    updates = [query for query in queries if query["sql"].startswith('UPDATE "news_article"')]
    assert len(updates) == 1


MINSK = zoneinfo.ZoneInfo("Europe/Minsk")


@pytest.mark.parametrize(
    "moment,plausible",
    [
        (datetime.datetime(1989, 12, 31, 23, 30, tzinfo=MINSK), False),
        (datetime.datetime(1990, 1, 1, 0, 30, tzinfo=MINSK), True),  # still 1989 in UTC
        (datetime.datetime(2999, 12, 31, 23, 30, tzinfo=MINSK), True),
        (datetime.datetime(3000, 1, 1, 0, 0, tzinfo=MINSK), False),
    ],
)
def test_plausible_years_are_counted_in_the_time_staff_type_in(make_article, moment, plausible):
    article = make_article(status=Article.Status.DRAFT)
    article.pub_date = article.expires_at = moment
    errors = {}
    try:
        article.full_clean()
    except ValidationError as error:
        errors = error.message_dict
    assert ("pub_date" not in errors and "expires_at" not in errors) == plausible, errors
