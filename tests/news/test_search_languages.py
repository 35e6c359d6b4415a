"""Search in each language. On PostgreSQL an article's vector is made with its language's
text-search configuration and the query with the page's; Belarusian is stemmed by the Hunspell
dictionary that migrate installs where PostgreSQL has its files, and news.W001 says where it has
not. Elsewhere every word must begin a word, whatever the language."""

import os

import pytest
from django.core import checks
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from news import search

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (CI runs it on PostgreSQL)",
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the search of databases without full-text search"
)


def titles(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return [article.title for article, _ in response.context["results"]]


def database_warnings():
    issues = checks.run_checks(databases=["default"], tags=[checks.Tags.database])
    return [issue for issue in issues if issue.id == "news.W001"]


@pytest.fixture
def belarusian_stems(db):
    """PostgreSQL with the Belarusian dictionary, which CI installs (.ci/run)."""
    if not search.stems_belarusian():
        message = "PostgreSQL reads no Belarusian dictionary: apt install hunspell-be (README)"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def belarusian_word_for_word(db):
    """The Belarusian configuration as migrate makes it where PostgreSQL has no dictionary files
    (undone with the test's transaction)."""
    with connection.cursor() as cursor:
        search.map_words(cursor, "simple")


@on_postgresql
@pytest.mark.usefixtures("belarusian_stems")
@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("Дзень беларускай навукі", "навука"),
        ("Навука і вытворчасць", "навукі"),
        ("Кіраўнік дзяржавы павіншаваў вучоных", "вучоны"),
        ("Выстава інавацыйных праектаў", "інавацыйны выставе"),
        ("Сустрэча ў міністэрстве адукацыі", "сустрэчу міністэрства"),
        ("Навукова-тэхнічнай праграмы", "навукова-тэхнічная праграма"),
    ],
)
def test_belarusian_page_finds_other_forms_of_its_words(client, make_article, title, query):
    make_article(language="be", title=title)
    make_article(language="be", title="Надвор'е на тыдзень")
    assert titles(client, f"/be/news/search/?q={query}") == [title]


@on_postgresql
@pytest.mark.usefixtures("belarusian_stems")
def test_belarusian_matches_are_marked_in_the_form_written(client, make_article):
    make_article(language="be", title="Дзень", lead="Свята беларускай навукі і вучоных.")
    response = client.get("/be/news/search/?q=навука вучоны")
    assert "Свята беларускай <mark>навукі</mark> і <mark>вучоных</mark>." in response.text


@on_postgresql
@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("ru", "Государственные программы развития", "программа"),
        ("en", "Innovation programmes approved", "programme"),
    ],
)
def test_each_article_is_stemmed_in_its_own_language(
    client, make_article, settings, language, title, query
):
    # Not in the site's default language, which made every vector before.
    settings.LANGUAGE_CODE = "be"
    make_article(language=language, title=title)
    assert titles(client, f"/{language}/news/search/?q={query}") == [title]


def test_a_page_finds_only_the_articles_in_its_language(client, make_article):
    make_article(language="en", title="Science programme")
    make_article(language="ru", title="Научная программа programme")
    assert titles(client, "/ru/news/search/?q=programme") == ["Научная программа programme"]
    assert titles(client, "/en/news/search/?q=programme") == ["Science programme"]
    assert titles(client, "/be/news/search/?q=programme") == []


@on_postgresql
@pytest.mark.usefixtures("belarusian_word_for_word")
def test_without_the_dictionary_belarusian_words_are_found_as_written(client, make_article):
    make_article(language="be", title="Дзень беларускай навукі")
    assert titles(client, "/be/news/search/?q=навукі") == ["Дзень беларускай навукі"]
    assert titles(client, "/be/news/search/?q=навука") == []
    [warning] = database_warnings()
    assert warning.level == checks.WARNING and "hunspell-be" in warning.hint


@on_postgresql
def test_check_warns_where_the_belarusian_configuration_is_missing(monkeypatch):
    monkeypatch.setitem(search.TEXT_SEARCH_CONFIGS, "be", "no_such_configuration")
    assert len(database_warnings()) == 1


@on_postgresql
def test_migrate_without_the_dictionary_files_keeps_words_as_written(monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION {search.TEXT_SEARCH_CONFIGS['be']}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {search.BELARUSIAN_DICTIONARY}")
    monkeypatch.setattr(search, "HUNSPELL_FILES", "no_such_files")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('belarusian', 'Навукі')::text")
        assert cursor.fetchone() == ("'навукі':1",)
    assert len(database_warnings()) == 1


@on_postgresql
@pytest.mark.usefixtures("belarusian_stems", "belarusian_word_for_word")
def test_migrate_gives_belarusian_its_dictionary_and_indexes_again(client, make_article):
    make_article(language="be", title="Дзень беларускай навукі")
    assert titles(client, "/be/news/search/?q=навука") == []
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert titles(client, "/be/news/search/?q=навука") == ["Дзень беларускай навукі"]
    assert database_warnings() == []
    assert search.install_belarusian("default") is False  # a later migrate changes nothing


@on_sqlite
@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("be", "Дзень беларускай НАВУКІ", "навук беларуск"),
        ("ru", "Государственные программы", "программ"),
        ("en", "Innovation programmes", "programme"),
    ],
)
def test_elsewhere_each_language_is_found_by_word_starts(
    client, make_article, language, title, query
):
    for other in ("be", "ru", "en"):
        make_article(language=other, title=f"{title} ({other})")
    make_article(language=language, title="Надвор'е")
    assert titles(client, f"/{language}/news/search/?q={query}") == [f"{title} ({language})"]
    assert database_warnings() == []
