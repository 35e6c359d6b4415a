import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db
SEARCH = "/en/news/search/"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (CI runs it on PostgreSQL)",
)


def results(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return response, [article.title for article, _ in response.context["results"]]


def test_finds_published_articles_ranked_title_first(client, make_article):
    make_article(title="Budget report", lead="Spending on the innovation fund.")
    make_article(title="Innovation fund opens", lead="Applications are invited.")
    make_article(title="Innovation draft", status=Article.Status.DRAFT)
    make_article(title="Unrelated", lead="Weather.")
    _, titles = results(client, "innovation")
    assert titles == ["Innovation fund opens", "Budget report"]


def test_every_word_must_match_in_title_lead_or_body(client, make_article):
    make_article(title="Medical products", body="<p>The technopark will produce them.</p>")
    make_article(title="Medical news", body="<p>Nothing else.</p>")
    _, titles = results(client, "medical technopark")
    assert titles == ["Medical products"]


def test_words_are_matched_from_their_start(client, make_article):
    make_article(title="Start of the season", body="<p>R&amp;D&nbsp;centres.</p>")
    make_article(title="Art exhibition")
    assert results(client, "art")[1] == ["Art exhibition"]
    assert results(client, "amp")[1] == [] and results(client, "nbsp")[1] == []


def test_excerpt_is_the_passage_where_a_word_starts_with_the_term(client, make_article):
    body = "<p>A fresh start for the museum.</p>" + "<p>Filler words.</p>" * 40
    make_article(title="Museum", lead="News.", body=body + "<p>Modern art is shown.</p>")
    response, _ = results(client, "art")
    assert "Modern <mark>art</mark> is shown." in response.text
    assert "fresh start" not in response.text


def test_control_characters_are_not_kept(client, make_article):
    article = make_article(title="Bad\x02 title", lead="A lead\x02 with\x03 marks.")
    article.refresh_from_db()
    assert (article.title, article.lead) == ("Bad title", "A lead with marks.")
    response, _ = results(client, "title")
    assert '<p class="article-summary__lead">A lead with marks.</p>' in response.text


def test_author_and_photo_texts_are_found_after_title_matches(client, make_article):
    make_article(title="Petrov prize", pub_date=timezone.now() - timedelta(days=2))
    make_article(title="Budget", author="Ivan Petrov")
    make_article(title="Exhibition", image_credit="Ivan Petrov", image_caption="The hall.")
    make_article(title="Unrelated")
    titles = results(client, "petrov")[1]
    assert titles[0] == "Petrov prize" and sorted(titles[1:]) == ["Budget", "Exhibition"]
    assert results(client, "hall")[1] == ["Exhibition"]


def test_a_save_of_some_fields_keeps_the_search_in_step(client, make_article):
    article = make_article(title="Old words")
    article.title = "Telescope"
    article.save(update_fields=["title"])
    assert results(client, "telescope")[1] == ["Telescope"]
    assert results(client, "old")[1] == []


def test_cyrillic_title_match_ranks_first(client, make_article):
    make_article(title="Программа развития", pub_date=timezone.now() - timedelta(days=2))
    make_article(title="Итоги года", lead="Утверждена программа.")
    assert results(client, "ПРОГРАММА")[1] == ["Программа развития", "Итоги года"]


def test_cyrillic_is_found_whatever_the_case(client, make_article):
    make_article(title="Инновационная программа", lead="Государственная ПРОГРАММА развития.")
    _, titles = results(client, "ПРОГРАММА")
    assert titles == ["Инновационная программа"]
    _, titles = results(client, "инновационная")
    assert titles == ["Инновационная программа"]


def test_matching_words_are_highlighted_and_escaped(client, make_article):
    make_article(title="Export", lead="High-tech <products> & export grew.")
    response, _ = results(client, "export")
    assert "High-tech &lt;products&gt; &amp; <mark>export</mark> grew." in response.text


def test_excerpt_comes_from_body_when_lead_does_not_match(client, make_article):
    make_article(
        title="Plant", lead="A new plant.", body="<p>It will make cheese with white mold soon.</p>"
    )
    response, _ = results(client, "cheese")
    assert "make <mark>cheese</mark> with white mold" in response.text


def test_body_excerpt_shows_characters_as_written(client, make_article):
    make_article(
        title="Centres", lead="New centres.", body="<p>R&amp;D &lt;centres&gt; export more.</p>"
    )
    response, _ = results(client, "export")
    assert "R&amp;D &lt;centres&gt; <mark>export</mark> more." in response.text


def test_match_in_the_title_alone_shows_the_lead(client, make_article):
    make_article(title="Telescope", lead="A new instrument.", body="<p>Built in Minsk.</p>")
    response, _ = results(client, "telescope")
    assert '<p class="article-summary__lead">A new instrument.</p>' in response.text


def test_no_result_says_so(client, make_article):
    make_article()
    response, titles = results(client, "zebra")
    assert titles == []
    assert "Nothing found for “zebra”" in response.text
    assert (
        f'Browse the news <a href="{reverse("news:topics")}">by topic</a> or '
        f'<a href="{reverse("news:list")}">by year</a>.' in response.text
    )


def test_empty_query_invites_a_search(client):
    response, titles = results(client, "")
    assert titles == []
    assert "Type one or more words" in response.text


def test_results_are_paginated_with_the_query_kept(client, make_article):
    for number in range(12):
        make_article(title=f"Programme step {number}")
    response, titles = results(client, "programme")
    assert len(titles) == 10
    assert "?q=programme&amp;page=2" in response.text
    _, titles = results(client, "programme", page=2)
    assert len(titles) == 2


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "a & | ! ( ) : * <-> ''",
        "'; DROP TABLE news_article; --",
        "1' OR '1'='1",
        "x" * 10_000,
        "🔬🧪 science 🚀",
        "программа инноваций",
        "\x00null\x00byte",
        "%_%",
        "\\",
        "<script>alert(1)</script>",
        "word " * 500,
    ],
)
def test_any_query_gives_a_page(client, make_article, query):
    make_article(title="Science programme")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert Article.objects.count() == 1


@pytest.mark.usefixtures("uncached")
def test_query_count_is_constant(client, make_article):
    def count():
        client.get(SEARCH, {"q": "programme"})
        with CaptureQueriesContext(connection) as queries:
            client.get(SEARCH, {"q": "programme"})
        return len(queries)

    make_article(title="Programme")
    few = count()
    for number in range(30):
        make_article(title=f"Programme {number}")
    assert count() == few <= 2


@on_postgresql
@pytest.mark.usefixtures("uncached")
def test_postgresql_uses_the_weighted_vector_and_stemming(client, make_article):
    make_article(title="Innovation programmes approved")
    with CaptureQueriesContext(connection) as queries:
        _, titles = results(client, "programme")
    assert titles == ["Innovation programmes approved"]
    assert any("@@" in query["sql"] and "ts_rank" in query["sql"] for query in queries)


@on_postgresql
def test_postgresql_marks_every_form_of_the_words_it_matched(client, make_article):
    make_article(
        title="Exhibition",
        lead="Innovative <firms> met.",
        body="<p>Opening words.</p>" + "<p>Filler text here.</p>" * 30 + "<p>Programmes grew.</p>",
    )
    response, _ = results(client, "innovation")
    assert "<mark>Innovative</mark> &lt;firms&gt; met." in response.text
    response, _ = results(client, "programme")
    assert "<mark>Programmes</mark> grew.</p>" in response.text  # the end of the body: no "…"
    assert "Opening words" not in response.text


def test_search_index_can_be_rebuilt(client, make_article):
    make_article(title="Telescope")
    Article.objects.update(search_text="", search_vector=None)
    assert results(client, "telescope")[1] == []
    output = io.StringIO()
    call_command("updatesearchindex", stdout=output)
    assert output.getvalue() == "Search index rebuilt for 1 articles.\n"
    assert results(client, "telescope")[1] == ["Telescope"]


@on_postgresql
def test_postgresql_search_column_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'news_article'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("USING gin (search_vector)" in definition for definition in definitions)


@on_postgresql
def test_postgresql_vector_follows_edits(make_article):
    article = make_article(title="Old words")
    article.title = "Telescope"
    article.save()
    from news import search

    assert list(search.search(Article.objects.all(), "telescope")) == [article]
    assert list(search.search(Article.objects.all(), "old")) == []
