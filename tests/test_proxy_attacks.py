"""Attacks on the front proxy that once worked: one reader's request changing what nginx's
microcache gives others (its reading of repeated or oddly spelled headers differs from Django's),
junk filling it, and outages answered badly (a withdrawn article back, a hung instance, a form
posted while every instance is down)."""

import contextlib
import http.client
import os
import re
import shutil
import signal
import time
import types
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.test_instances import SETUP
from tests.test_proxy import get
from tools.instances import Instance, Nginx, manage, site_in

PUBLISH = """
import datetime
from django.utils import timezone
from news.models import Article
Article.objects.filter(slug="decree").update(
    status="published", pub_date=timezone.now() - datetime.timedelta(days=1))
from pagecache.generation import invalidate
invalidate()
print(Article.objects.get(slug="decree").get_absolute_url())
"""


@pytest.fixture
def make_site(tmp_path):
    started = []

    def start(**overrides):
        environment = site_in(
            tmp_path,
            DJANGO_USE_X_FORWARDED_HOST="true",
            **overrides,
        )
        manage(environment, "migrate", "--no-input")
        manage(environment, "shell", "-c", SETUP)
        article = manage(environment, "shell", "-c", PUBLISH).stdout.split()[-1]
        manage(environment, "writeoutagepages")
        instances = [Instance(environment), Instance(environment)]
        proxy = Nginx(tmp_path, instances)
        started.append((instances, proxy))
        return types.SimpleNamespace(
            instances=instances,
            proxy=proxy,
            environment=environment,
            article=article,
            folder=tmp_path,
        )

    yield start
    for instances, proxy in started:
        for instance in instances:
            for pid in workers(instance):
                signal_quietly(pid, signal.SIGCONT)
            signal_quietly(instance.process.pid, signal.SIGCONT)
        proxy.stop()
        for instance in instances:
            if instance.process.poll() is None:
                instance.stop()


@pytest.fixture
def site(make_site):
    return make_site()


def signal_quietly(pid, number):
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, number)


def workers(instance):
    """The gunicorn workers of an instance (children of its master process)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == instance.process.pid:
            found.append(int(stat.parent.name))
    return found


def raw_get(url, headers):
    """A GET with headers as given, repeated names included (urllib folds them)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest(
        "GET", parts.path + (f"?{parts.query}" if parts.query else ""), skip_accept_encoding=True
    )
    for name, value in headers:
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def move_away(path):
    shutil.move(path, f"{path}.away")


LARGER = "size=larger.contrast=high.images=shown.spacing=wide"
NORMAL = "size=normal.contrast=standard.images=shown.spacing=normal"


def test_a_repeated_low_vision_cookie_does_not_poison_the_low_vision_page(site):
    # nginx keys on the first low_vision cookie, Django renders the last one.
    url = site.proxy.url + "/en/news/"
    attacker = get(url, Cookie=f"low_vision={LARGER}; low_vision={NORMAL}")
    assert b"lv-size-larger" not in attacker[2]  # Django rendered the normal page...
    status, headers, body = get(url, Cookie=f"low_vision={LARGER}")
    # ...which a low-vision reader must not be given from the cache.
    assert b"lv-size-larger" in body, headers["X-Cache-Status"]


def test_a_cookie_name_in_capitals_does_not_poison_the_low_vision_page(site):
    # nginx matches cookie names without regard to case, Django does not.
    url = site.proxy.url + "/en/news/"
    get(url, Cookie=f"LOW_VISION={LARGER}")
    status, headers, body = get(url, Cookie=f"low_vision={LARGER}")
    assert b"lv-size-larger" in body, headers["X-Cache-Status"]


def test_two_accept_encoding_headers_do_not_give_gzip_to_readers_who_did_not_ask(site):
    # nginx 1.22 reads only the first Accept-Encoding header; gunicorn joins them for Django.
    url = site.proxy.url + "/en/news/"
    raw_get(url, [("Accept-Encoding", "identity"), ("Accept-Encoding", "gzip")])
    status, headers, body = raw_get(url, [])
    assert headers["Content-Encoding"] is None, headers["X-Cache-Status"]
    assert body.lstrip().startswith(b"<!DOCTYPE"), body[:10]


def test_junk_page_numbers_are_not_kept(site):
    # "Only the spellings the site itself writes are kept ... so junk cannot fill this cache":
    # an article has no pages, and ?p= is the sitemap's, yet both are kept for every page.
    for query in ("?page=999999", "?p=123456"):
        url = site.proxy.url + site.article + query
        get(url)
        time.sleep(0.05)
        assert get(url)[1]["X-Cache-Status"] != "HIT", query


WITHDRAW = """
from django.contrib.auth import get_user_model
from news import workflow
from news.models import Article
article = Article.objects.get(slug="decree")
article.withdrawal_reason = "Wrong figures"
workflow.take(workflow.Action.WITHDRAW, article, get_user_model().objects.get(username="chief"))
"""


def test_a_withdrawn_article_does_not_come_back_while_the_instances_are_down(site):
    url = site.proxy.url + site.article
    assert get(url)[0] == 200  # a reader saw it: nginx kept it
    manage(site.environment, "shell", "-c", WITHDRAW)
    time.sleep(2.1)  # the microcache's second
    assert get(url)[0] == 410  # withdrawn, readers are told so...
    for instance in site.instances:
        instance.stop()
    time.sleep(2.1)
    status, headers, body = get(url)
    # ...and an outage must not bring the article back (stale-if-error=86400 stands in for it).
    assert (status, b"Decree on the innovation fund" in body) != (200, True), headers[
        "X-Cache-Status"
    ]


def test_kept_copies_stand_in_when_the_application_answers_503(make_site):
    # The database goes (here: the SQLite file disappears; one connection per request), right
    # after a publish (nothing left in the page cache): every instance answers its 503 page.
    site = make_site(DJANGO_CONN_MAX_AGE="0")
    url = site.proxy.url + "/en/news/"
    assert get(url)[0] == 200
    move_away(site.folder / "site.sqlite3")
    shutil.rmtree(site.folder / "cache")
    time.sleep(2.1)
    status, headers, _ = get(url)
    assert (status, headers["X-Cache-Status"]) == (200, "STALE")


def test_hung_instances_keep_a_reader_waiting_10_seconds_at_most(site):
    """Then the last copy stands in (nginx's read timeout was 30 s, per instance)."""
    url = site.proxy.url + "/en/news/"
    assert get(url)[0] == 200
    for instance in site.instances:  # accept connections (the listening socket), never answer
        for pid in workers(instance):
            os.kill(pid, signal.SIGSTOP)
    time.sleep(2.1)
    started = time.monotonic()
    request = urllib.request.Request(url)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            status = response.status
    except (TimeoutError, urllib.error.URLError) as error:
        pytest.fail(f"no answer within 15 s: {error!r}")
    assert status == 200 and time.monotonic() - started < 11


def test_a_form_posted_during_an_outage_gets_the_outage_page(site):
    for instance in site.instances:
        instance.stop()
    request = urllib.request.Request(site.proxy.url + "/en/alerts/", data=b"email=a%40b.by")  # noqa: S310
    try:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    assert status == 503 and "nginx" not in body, (status, body[:200])


def test_the_outage_page_stylesheet_is_served_as_css(site):
    for instance in site.instances:
        instance.stop()
    body = get(site.proxy.url + "/en/contacts/")[2].decode()
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', body).group(1)
    status, headers, _ = get(site.proxy.url + stylesheet)
    # Sent with nosniff: a browser applies it only as text/css.
    assert (status, headers["Content-Type"].split(";")[0]) == (200, "text/css")
