import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db


def test_home_lists_latest_published_news(client, make_article):
    article = make_article(title="Innovation programme approved")
    make_article(title="Secret draft", status=Article.Status.DRAFT)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert article.title in response.text
    assert "Secret draft" not in response.text


def test_news_list_shows_date_title_and_lead_newest_first(client, make_article):
    older = make_article(title="Older", pub_date=timezone.now() - datetime.timedelta(days=3))
    newer = make_article(
        title="Newer",
        lead="A short summary.",
        pub_date=datetime.datetime(2023, 1, 19, 10, tzinfo=datetime.UTC),
    )
    response = client.get(reverse("news:list"))
    text = response.text
    assert response.status_code == 200
    assert text.index(older.title) < text.index(newer.title)
    assert "A short summary." in text
    assert "Thursday, 19 January 2023" in text
    assert newer.get_absolute_url() in text


def test_news_list_is_paginated(client, make_article):
    for _ in range(12):
        make_article()
    first = client.get(reverse("news:list"))
    second = client.get(reverse("news:list"), {"page": 2})
    assert len(first.context["object_list"]) == 10
    assert len(second.context["object_list"]) == 2
    assert client.get(reverse("news:list"), {"page": 3}).status_code == 404
    assert client.get(reverse("news:list"), {"page": "x"}).status_code == 404


@pytest.mark.parametrize(
    "status,delta",
    [(Article.Status.DRAFT, -1), (Article.Status.PUBLISHED, +1)],
    ids=["draft", "scheduled"],
)
def test_unpublished_article_is_absent_for_the_public(client, make_article, status, delta):
    article = make_article(
        title="Not for the public",
        status=status,
        pub_date=timezone.now() + datetime.timedelta(hours=delta),
    )
    assert client.get(article.get_absolute_url()).status_code == 404
    for url in (reverse("home"), reverse("news:list")):
        assert "Not for the public" not in client.get(url).text


def test_article_page_shows_everything(client, make_article):
    article = make_article(
        title="High-tech export",
        lead="More than a third.",
        body="<blockquote><p>“Quoted”</p></blockquote>",
        author="Press office",
        pub_date=datetime.datetime(2023, 1, 19, 10, tzinfo=datetime.UTC),
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    for text in (
        "High-tech export",
        "More than a third.",
        "<blockquote><p>“Quoted”</p></blockquote>",
        "Written by:",
        "Press office",
        "Thursday, 19 January 2023",
        'datetime="2023-01-19T13:00:00+0300"',
    ):
        assert text in response.text
    assert "Draft preview" not in response.text


def test_article_without_author_omits_written_by(client, make_article):
    article = make_article(author="")
    assert "Written by" not in client.get(article.get_absolute_url()).text


@pytest.mark.usefixtures("uncached")
def test_the_kept_count_follows_an_article_that_goes_live_without_a_save(client, make_article):
    for _ in range(10):
        make_article()
    go_live = timezone.now() + datetime.timedelta(minutes=10)
    make_article(pub_date=go_live)
    assert client.get(reverse("news:list"), {"page": 2}).status_code == 404
    assert "Page 1 of" not in client.get(reverse("news:list")).text
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert "Page 1 of 2" in client.get(reverse("news:list")).text
        assert client.get(reverse("news:list"), {"page": 2}).status_code == 200


def test_the_kept_count_follows_a_save(client, make_article):
    articles = [make_article() for _ in range(11)]
    assert client.get(reverse("news:list"), {"page": 2}).status_code == 200
    articles[0].status = Article.Status.DRAFT
    articles[0].save()
    assert client.get(reverse("news:list"), {"page": 2}).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/2023/01/19/missing/",
        "/en/news/2023/13/19/missing/",
        "/en/news/2023/02/30/missing/",
        "/en/news/1900/",
        "/en/news/2023/01/",
        "/en/news/2023/1/19/missing/",
        "/nowhere/",
    ],
)
def test_missing_pages_are_404(client, make_article, path):
    make_article(pub_date=datetime.datetime(2024, 5, 5, tzinfo=datetime.UTC))
    assert client.get(path).status_code == 404


def test_article_at_wrong_date_is_404(client, make_article):
    article = make_article(
        slug="dated", pub_date=datetime.datetime(2024, 5, 5, 9, tzinfo=datetime.UTC)
    )
    assert client.get("/en/news/2024/05/05/dated/").status_code == 200
    assert client.get("/en/news/2024/05/06/dated/").status_code == 404
    assert article.get_absolute_url() == "/en/news/2024/05/05/dated/"


def test_year_and_month_archives_list_only_their_period(client, make_article):
    january = make_article(
        title="January news", pub_date=datetime.datetime(2023, 1, 19, tzinfo=datetime.UTC)
    )
    make_article(title="March news", pub_date=datetime.datetime(2023, 3, 2, tzinfo=datetime.UTC))
    make_article(
        title="Next year news", pub_date=datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC)
    )
    make_article(
        title="January draft",
        status=Article.Status.DRAFT,
        pub_date=datetime.datetime(2023, 1, 20, tzinfo=datetime.UTC),
    )

    year = client.get(reverse("news:archive-year", args=[2023]))
    assert year.status_code == 200
    assert "January news" in year.text and "March news" in year.text
    assert "Next year news" not in year.text and "January draft" not in year.text
    assert reverse("news:archive-month", args=[2023, 1]) in year.text

    month = client.get(reverse("news:archive-month", args=[2023, 1]))
    assert month.status_code == 200
    assert january.title in month.text
    assert "March news" not in month.text and "January draft" not in month.text


def test_archive_of_a_period_with_only_drafts_is_404(client, make_article):
    make_article(
        status=Article.Status.DRAFT, pub_date=datetime.datetime(2021, 6, 1, tzinfo=datetime.UTC)
    )
    assert client.get(reverse("news:archive-year", args=[2021])).status_code == 404
    assert client.get(reverse("news:archive-month", args=[2021, 6])).status_code == 404


@pytest.mark.parametrize(
    "status,delta",
    [(Article.Status.DRAFT, -1), (Article.Status.PUBLISHED, +1)],
    ids=["draft", "scheduled"],
)
def test_editor_previews_unpublished_article_uncached(editor_client, make_article, status, delta):
    article = make_article(status=status, pub_date=timezone.now() + datetime.timedelta(hours=delta))
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview" in response.text
    assert "noindex" in response.text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_staff_without_change_permission_cannot_preview(client, django_user_model, make_article):
    user = django_user_model.objects.create_user("clerk", password="clerk-pass-1", is_staff=True)
    client.force_login(user)
    article = make_article(status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def _queries_for(client, url):
    client.get(url)  # the header's contacts are now cached
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name,args",
    [
        ("home", []),
        ("news:list", []),
        ("news:archive-year", [2023]),
        ("news:archive-month", [2023, 1]),
        ("news:feed-rss", []),
        ("news:feed-atom", []),
    ],
)
@pytest.mark.usefixtures("uncached")
def test_query_count_does_not_grow_with_articles(client, make_article, url_name, args):
    url = reverse(url_name, args=args)
    january = datetime.datetime(2023, 1, 10, tzinfo=datetime.UTC)
    for day in range(3):
        make_article(pub_date=january + datetime.timedelta(hours=day))
    with_three = _queries_for(client, url)
    for hour in range(57):
        make_article(pub_date=january + datetime.timedelta(hours=3 + hour))
    with_sixty = _queries_for(client, url)
    assert with_three == with_sixty
    assert with_sixty <= 3


@pytest.mark.usefixtures("uncached")
def test_article_page_query_count(client, make_article, django_assert_max_num_queries):
    for _ in range(59):
        make_article()
    article = make_article()
    client.get(article.get_absolute_url())  # the header's contacts are now cached
    # the article, its topics and its attachments
    with django_assert_max_num_queries(3):
        client.get(article.get_absolute_url())


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("page", ["list", "article", "feed"])
def test_public_pages_leave_the_search_columns_in_the_database(client, make_article, page):
    article = make_article()
    url = {
        "list": reverse("news:list"),
        "article": article.get_absolute_url(),
        "feed": reverse("news:feed-atom"),
    }[page]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [
        q["sql"] for q in queries if "search_vector" in q["sql"] or "search_text" in q["sql"]
    ]
