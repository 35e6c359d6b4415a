"""Several instances, one site: what is published through one is on every other at once."""

import concurrent.futures
import re
import shutil
import socket
import sqlite3
import time
import urllib.error
import urllib.request
import uuid

import pytest

from tests.news.browser_form import form_values
from tools.instances import (
    Browser,
    Instance,
    Nginx,
    manage,
    postgresql_available,
    production_environment,
    redis_available,
    site_in,
)

SETUP = """
from django.contrib.auth import get_user_model
from news.models import Article
get_user_model().objects.create_superuser("chief", "chief@example.by", "chief-pass-1")
Article.objects.create(title="Decree on the innovation fund", slug="decree", lead="Lead.",
                       body="<p>Body.</p>", status="draft", language="en")
"""


def read(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own test server)
        return response.read().decode()


def read_until(url, text, seconds):
    """The page, asked again until it holds `text` or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    page = read(url)
    while text not in page and time.monotonic() < deadline:
        time.sleep(0.05)
        page = read(url)
    return page


def publish_through(instance, browser):
    login = f"{instance.url}/admin/login/?next=/admin/"
    status, _ = browser.post(login, {"username": "chief", "password": "chief-pass-1"})
    assert status == 200
    changelist = f"{instance.url}/admin/news/article/"
    _, page = browser.get(changelist)
    pk = page.split('name="_selected_action" value="')[1].split('"')[0]
    browser.post(changelist, {"action": "publish", "_selected_action": pk, "index": "0"})


@pytest.fixture
def two_instances(tmp_path):
    environment = site_in(tmp_path)
    manage(environment, "migrate", "--no-input")
    manage(environment, "shell", "-c", SETUP)
    first, second = Instance(environment), Instance(environment)
    yield first, second
    first.stop()
    second.stop()


def test_published_through_one_instance_is_at_once_on_the_other(two_instances):
    first, second = two_instances
    for path in ("/en/", "/en/news/", "/en/news/feed/atom/"):
        read(second.url + path)  # now cached by the second instance
        assert "Decree on the innovation fund" not in read(second.url + path)
    publish_through(first, Browser())
    for path in ("/en/", "/en/news/", "/en/news/feed/atom/"):
        assert "Decree on the innovation fund" in read(second.url + path)


def test_staff_session_works_on_both_instances(two_instances):
    first, second = two_instances
    browser = Browser()
    status, _ = browser.post(
        f"{first.url}/admin/login/?next=/admin/", {"username": "chief", "password": "chief-pass-1"}
    )
    assert status == 200
    _, page = browser.get(f"{second.url}/admin/")
    assert "Site administration" in page


PUBLISHED = """
from news.models import Article
Article.objects.create(title="Decree on the innovation fund", slug="decree", lead="Lead.",
                       body="<p>Body.</p>", status="published", language="en")
"""
RETITLE = """
from news.models import Article
article = Article.objects.get(slug="decree")
article.title = "Decree on the science fund"
article.save()
"""


def test_fragments_kept_by_the_workers_give_way_to_a_save_in_another_process(tmp_path):
    environment = site_in(
        tmp_path,
        DJANGO_PAGE_CACHE="false",  # every page rendered, from the fragments kept
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "shell", "-c", PUBLISHED)
    site = Instance(environment, workers=2)
    try:
        path = re.search(
            r'href="(/en/news/\d{4}/[^"]+/decree/)"', read(site.url + "/en/news/")
        ).group(1)
        for _ in range(4):
            assert "Decree on the innovation fund" in read(site.url + path)
        manage(environment, "shell", "-c", RETITLE)
        for _ in range(4):
            page = read(site.url + path)
            assert "Decree on the science fund" in page
            assert "innovation fund" not in page
    finally:
        site.stop()


IN_TWO_LANGUAGES = """
from news.models import Article
for number in range(12):
    Article.objects.create(title=f"Указ {number}", slug=f"ukaz-{number}", lead="Лид.",
                           body="<p>Текст.</p>", status="published", language="ru")
Article.objects.create(title="Decree on the innovation fund", slug="decree", lead="Lead.",
                       body="<p>Body.</p>", status="published", language="en")
"""


def test_two_workers_never_serve_a_language_with_another_languages_page(tmp_path):
    environment = site_in(tmp_path)
    manage(environment, "migrate", "--no-input")
    manage(environment, "shell", "-c", IN_TWO_LANGUAGES)
    site = Instance(environment, workers=2)
    try:
        # Later rounds come from the page cache, the kept counts and fragments, by either worker.
        for _ in range(4):
            for language in ("ru", "be", "en"):
                for page in (read(f"{site.url}/{language}/news/"), read(f"{site.url}/{language}/")):
                    assert f'<html lang="{language}"' in page
                    assert ("Decree on the innovation fund" in page) == (language == "en")
                    assert ("Указ 11" in page) == (language == "ru")
                listing = read(f"{site.url}/{language}/news/")
                assert ('href="?page=2"' in listing) == (language == "ru")
    finally:
        site.stop()


@pytest.fixture
def shared_services(tmp_path):
    """Two instances sharing PostgreSQL and Redis, behind nginx, as in production."""
    missing = [
        name
        for name, available in (
            ("PostgreSQL on 127.0.0.1:5432", postgresql_available()),
            ("Redis on 127.0.0.1:6379", redis_available()),
            ("nginx", shutil.which("nginx") is not None),
        )
        if not available
    ]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (CI provides them)")
    import psycopg
    import redis

    database = f"agency_instances_{uuid.uuid4().hex[:8]}"
    admin_url = "postgres://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    redis.Redis.from_url("redis://127.0.0.1:6379/15").flushdb()
    environment = production_environment(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        REDIS_URL="redis://127.0.0.1:6379/15",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "shell", "-c", SETUP)
    first, second = Instance(environment), Instance(environment)
    proxy = Nginx(tmp_path, [first, second])
    yield first, second, proxy
    proxy.stop()
    first.stop()
    second.stop()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


def test_behind_nginx_with_postgresql_and_redis(shared_services):
    first, second, proxy = shared_services
    for base in (second.url, proxy.url):
        assert "Decree on the innovation fund" not in read(base + "/en/news/")
        assert "Decree on the innovation fund" not in read(base + "/en/news/feed/rss/")
    browser = Browser()
    publish_through(first, browser)
    for path in ("/en/news/", "/en/news/feed/rss/"):
        assert "Decree on the innovation fund" in read(second.url + path)
        # nginx keeps its copy about a second (tests/test_proxy.py checks how long at most).
        title = "Decree on the innovation fund"
        assert title in read_until(proxy.url + path, title, seconds=2.5)
    _, page = browser.get(f"{second.url}/admin/")
    assert "Site administration" in page


CONFLICT = "Someone else saved this article while you were editing it"


def post_and_read(browser, url, fields):
    try:
        return browser.post(url, fields)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_two_simultaneous_saves_on_sqlite_give_the_second_an_edit_conflict(tmp_path):
    """SQLite's default transactions made the second of two simultaneous saves fail at once with
    "database is locked" (a 503 page, the text lost): it must wait its turn and meet the
    edit-conflict check, with its text kept."""
    database = tmp_path / "site.sqlite3"
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_CACHE_URL=f"filecache://{tmp_path / 'cache'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_LOGIN_FAILURE_LIMIT="100",
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "shell", "-c", SETUP)
    site = Instance(environment, workers=2)
    try:
        editors = [Browser(), Browser()]
        forms = []
        for browser in editors:
            login = f"{site.url}/admin/login/?next=/admin/"
            browser.post(login, {"username": "chief", "password": "chief-pass-1"})
            _, page = browser.get(f"{site.url}/admin/news/article/")
            pk = page.split('name="_selected_action" value="')[1].split('"')[0]
            url = f"{site.url}/admin/news/article/{pk}/change/"
            forms.append((url, form_values(browser.get(url)[1], "article_form")))
        # Another writer holds the database while both saves arrive, so they meet head on.
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            answers = [
                pool.submit(post_and_read, browser, url, fields | {"body": f"<p>Text {n}.</p>"})
                for n, (browser, (url, fields)) in enumerate(zip(editors, forms, strict=True))
            ]
            time.sleep(1.5)
            holder.execute("COMMIT")
            results = [answer.result() for answer in answers]
        holder.close()
        statuses = sorted(status for status, _ in results)
        assert statuses == [200, 200], statuses  # both followed to a page, no 503
        conflicted = [page for _, page in results if CONFLICT in page]
        assert len(conflicted) == 1
        saved = 1 - [CONFLICT in page for _, page in results].index(True)
        assert f"Text {1 - saved}." in conflicted[0]  # the loser's text is still in the form
        body = sqlite3.connect(database).execute("SELECT body FROM news_article").fetchone()[0]
        assert body == f"<p>Text {saved}.</p>"
    finally:
        site.stop()


def test_a_request_gunicorn_refuses_does_not_kill_its_worker(tmp_path):
    """Two Content-Length headers: gunicorn answers 400 with an error response that the JSON
    access log read wrongly, and the worker died (one request, one worker)."""
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_CACHE_URL="locmemcache://",
    )
    manage(environment, "migrate", "--no-input")
    log = tmp_path / "gunicorn.log"
    site = Instance(environment, log=log)
    try:
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", site.port), timeout=5) as raw:
                raw.sendall(
                    b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n"
                    b"Content-Length: 2\r\n\r\n"
                )
                assert raw.recv(100).startswith(b"HTTP/1.1 400")
        assert read(site.url + "/healthz")
    finally:
        site.stop()
    text = log.read_text()
    assert "Traceback" not in text and "exited with code" not in text
    assert text.count("Booting worker") == 1  # the one worker served them all
