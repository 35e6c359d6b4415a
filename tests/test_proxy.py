"""The shipped nginx configuration, run in front of two instances: its microcache serves the
public, never staff, never past a go-live, and stands in while the instances are down."""

import concurrent.futures
import os
import re
import time
import urllib.error
import urllib.request
import uuid

import pytest

from tests.test_instances import SETUP, publish_through
from tools.instances import (
    Browser,
    Instance,
    Nginx,
    manage,
    postgresql_available,
    site_in,
)

ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


class NotFollowing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # the redirect itself is the answer


OPENER = urllib.request.build_opener(NotFollowing)


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (our own test server)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def cache_status(url, **headers):
    return get(url, **headers)[1]["X-Cache-Status"]


def own_database():
    if not postgresql_available(ADMIN):
        pytest.skip("needs PostgreSQL on 127.0.0.1:5432 (CI provides it)")
    import psycopg

    name = f"agency_proxy_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name


@pytest.fixture
def site(tmp_path):
    """Two instances behind the shipped nginx, on the suite's kind of database (its own PostgreSQL
    database when the suite runs on PostgreSQL); yields (instances, nginx, environment)."""
    on_postgresql = os.environ.get("DATABASE_URL", "").startswith("postgres")
    database = own_database() if on_postgresql else None
    overrides = (
        {"DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}"} if database else {}
    )
    environment = site_in(tmp_path, DJANGO_USE_X_FORWARDED_HOST="true", **overrides)
    manage(environment, "migrate", "--no-input")
    manage(environment, "shell", "-c", SETUP)
    manage(environment, "writeoutagepages")
    instances = [Instance(environment), Instance(environment)]
    proxy = Nginx(tmp_path, instances)
    yield instances, proxy, environment
    proxy.stop()
    for instance in instances:
        if instance.process.poll() is None:
            instance.stop()
    if database:
        import psycopg

        with psycopg.connect(ADMIN, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


def test_public_pages_and_feeds_are_served_from_the_proxy(site):
    _, proxy, _ = site
    for path in ("/en/", "/en/news/", "/en/news/feed/rss/", "/en/news/feed/json/"):
        assert cache_status(proxy.url + path) == "MISS"
        assert cache_status(proxy.url + path) == "HIT"
        # Compressed for readers who take it, a copy of its own.
        assert cache_status(proxy.url + path, **{"Accept-Encoding": "gzip"}) == "MISS"
        status, headers, _ = get(proxy.url + path, **{"Accept-Encoding": "gzip"})
        assert (status, headers["X-Cache-Status"], headers["Content-Encoding"]) == (
            200,
            "HIT",
            "gzip",
        )


def test_readers_arriving_together_send_one_request_to_the_application(site):
    _, proxy, _ = site
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(get, [proxy.url + "/en/news/feed/atom/"] * 16))
    assert {status for status, _, _ in answers} == {200}
    time.sleep(0.2)  # nginx writes each line once its answer is sent
    lines = [line for line in proxy.access_log().splitlines() if "/feed/atom/" in line]
    assert len(lines) == 16
    assert sum("upstream=200" in line for line in lines) == 1, lines


def test_only_the_variants_the_site_writes_are_kept(site):
    _, proxy, _ = site
    chosen = {"Cookie": "low_vision=size=larger.contrast=high.images=shown.spacing=wide"}
    cache_status(proxy.url + "/en/news/")
    assert cache_status(proxy.url + "/en/news/", **chosen) == "MISS"
    status, headers, body = get(proxy.url + "/en/news/", **chosen)
    assert (headers["X-Cache-Status"], b"lv-size-larger" in body) == ("HIT", True)
    assert b"lv-size" not in get(proxy.url + "/en/news/")[2]
    for junk in (
        {"Cookie": "low_vision=size=huge"},
        {"Cookie": "low_vision=size=larger.size=normal"},
    ):
        assert [cache_status(proxy.url + "/en/news/", **junk) for _ in range(2)] == ["BYPASS"] * 2
    for query in ("?utm_source=mail", "?page=02", "?page=1&page=2"):
        assert [cache_status(proxy.url + "/en/news/" + query) for _ in range(2)] == ["BYPASS"] * 2


def test_staff_searches_and_cookies_are_never_kept(site):
    (first, _), proxy, _ = site
    staff = Browser()
    staff.post(
        f"{proxy.url}/admin/login/?next=/admin/", {"username": "chief", "password": "chief-pass-1"}
    )
    time.sleep(2.1)  # any copy kept before has expired
    with staff.opener.open(proxy.url + "/en/news/", timeout=10) as response:
        assert response.headers["X-Cache-Status"] == "BYPASS"
    assert cache_status(proxy.url + "/en/news/") != "HIT"  # the staff member's copy was not kept
    # The application never says a search, or a page that sets a cookie, may be kept.
    for path in ("/en/news/search/", "/en/alerts/", "/low-vision/?enabled=on&next=/en/"):
        assert "HIT" not in [cache_status(proxy.url + path) for _ in range(3)]
    assert "Set-Cookie" in get(proxy.url + "/low-vision/?enabled=on&next=/en/")[1]


def test_a_publish_is_seen_through_the_proxy_within_the_microcache_lifetime(site):
    (first, _), proxy, _ = site
    for _ in range(2):
        assert b"Decree on the innovation fund" not in get(proxy.url + "/en/news/")[2]
    publish_through(first, Browser())
    published = time.monotonic()
    while b"Decree on the innovation fund" not in get(proxy.url + "/en/news/")[2]:
        assert time.monotonic() - published < 2.5, "the proxy kept the page past its lifetime"
        time.sleep(0.05)


SCHEDULE = """
import datetime
from django.utils import timezone
from news.models import Article
go_live = timezone.now() + datetime.timedelta(seconds=6)
Article.objects.filter(slug="decree").update(status="published", pub_date=go_live)
from pagecache.generation import invalidate
invalidate()
print(go_live.timestamp())
"""


def test_a_scheduled_release_is_seen_through_the_proxy_at_its_moment(site):
    _, proxy, environment = site
    go_live = float(manage(environment, "shell", "-c", SCHEDULE).stdout.split()[-1])
    seen = None
    while seen is None and time.time() < go_live + 3:
        if b"Decree on the innovation fund" in get(proxy.url + "/en/news/")[2]:
            seen = time.time()
        time.sleep(0.05)
    assert seen is not None and go_live <= seen < go_live + 0.5, (go_live, seen)


def test_with_every_instance_down_kept_pages_stand_in_and_others_get_the_outage_page(site):
    instances, proxy, _ = site
    for path in ("/en/news/", "/be/"):
        get(proxy.url + path)
    for instance in instances:
        instance.stop()
    time.sleep(2.1)  # the kept copies have expired
    status, headers, body = get(proxy.url + "/en/news/")
    assert (status, headers["X-Cache-Status"]) == (200, "STALE")
    assert b"<h1" in body and b"Sorry" not in body
    for _ in range(20):  # nginx writes the line once the answer is sent
        if "cache=STALE" in proxy.access_log():
            break
        time.sleep(0.05)
    assert "cache=STALE" in proxy.access_log()
    for path, text in (("/en/contacts/", "The site is busy for a moment"), ("/be/news/", "Сайт")):
        status, headers, body = get(proxy.url + path)
        assert (status, headers["Retry-After"]) == (503, "30")
        assert text in body.decode() and "nginx" not in body.decode()
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', body.decode()).group(1)
        assert get(proxy.url + stylesheet)[0] == 200  # served while the instances are down


def test_canonical_and_open_graph_addresses_name_the_proxy(site):
    _, proxy, _ = site
    page = get(proxy.url + "/en/news/")[2].decode()
    assert f'<link rel="canonical" href="{proxy.url}/en/news/">' in page
    feed = get(proxy.url + "/en/news/feed/atom/")[2].decode()
    assert f'href="{proxy.url}/en/news/"' in feed
