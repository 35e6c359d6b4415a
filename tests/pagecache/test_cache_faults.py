"""A cache that hangs, refuses or fails: the site leaves it alone for a cool-down and serves pages
from the database, at about uncached speed, with one warning in the log per cool-down."""

import json
import logging
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.core.cache import cache

from pagecache import generation as page_cache
from tools.instances import Instance, free_port, manage, production_environment

COOLDOWN = 3
# A log line that reports a failing cache (a worker's log has nothing else about the cache).
WARNING = re.compile(r"\bcache\b.*\bfailed\b")
PAGES = ("/", "/en/news/", "/en/contacts/")
# Uncached pages take about 50 ms here; a hung cache used to cost 0.3 s per call, 6 to 10 s a page.
QUICK = 1.0


class HungServer:
    """Accepts connections and never answers: a Redis that is up but stuck."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self.listener.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:  # closed
                return

    def close(self):
        self.listener.close()
        for connection in self.held:
            connection.close()


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """Migrated, with the demo content, once: each site gets a copy."""
    path = tmp_path_factory.mktemp("demo") / "site.sqlite3"
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{path}",
        DJANGO_CACHE_URL="locmemcache://",
        DJANGO_MEDIA_ROOT=str(path.parent / "media"),
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "loaddemo")
    return path


@pytest.fixture(params=["hung", "refused"])
def site(request, demo_database, tmp_path):
    """One gunicorn worker whose Redis hangs or refuses, with its log in a file."""
    server = HungServer() if request.param == "hung" else None
    port = server.port if server else free_port()  # a free port: nobody listens there
    shutil.copy(demo_database, tmp_path / "site.sqlite3")
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        REDIS_URL=f"redis://127.0.0.1:{port}/0",
        DJANGO_CACHE_COOLDOWN_SECONDS=str(COOLDOWN),
    )
    instance = Instance(environment, log=tmp_path / "gunicorn.log")
    yield instance
    instance.stop()
    if server:
        server.close()


def timed_get(url):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own server)
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    return status, body, time.monotonic() - started


def warnings_in(log):
    return len(WARNING.findall(log.read_text()))


def test_pages_come_quickly_from_the_database_while_redis_hangs_or_refuses(site):
    timed_get(site.url + "/")  # may wait for one timeout: then the cache is left alone
    for _ in range(3):
        for path in PAGES:
            status, body, seconds = timed_get(site.url + path)
            assert status == 200
            assert seconds < QUICK, f"{path} took {seconds:.2f} s"
    assert "Contacts" in timed_get(site.url + "/en/contacts/")[1]


def test_healthz_answers_200_and_quickly_with_the_cache_reported_unavailable(site):
    status, body, seconds = timed_get(site.url + "/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    assert seconds < QUICK


def test_one_warning_per_cooldown_then_the_cache_is_tried_again(site):
    # The start-up's first /healthz found the cache failing: the cool-down runs from there.
    started = time.monotonic()
    requests = 0
    while time.monotonic() - started < COOLDOWN * 0.4:
        assert timed_get(site.url + PAGES[requests % len(PAGES)])[0] == 200
        requests += 1
    assert requests >= 10
    assert warnings_in(site.log) == 1

    time.sleep(COOLDOWN)
    # The first request after the cool-down asks the cache again: /healthz does, through the guard,
    # and costs one timeout at most.
    status, body, seconds = timed_get(site.url + "/healthz")
    assert status == 200 and json.loads(body)["cache"] == "unavailable"
    assert seconds < QUICK
    for path in PAGES * 3:
        assert timed_get(site.url + path)[0] == 200
    assert warnings_in(site.log) == 2


def test_healthz_reports_a_working_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def guard_warnings(caplog):
    return [
        r for r in caplog.records if r.name == "pagecache.backends" and r.levelno == logging.WARNING
    ]


@pytest.fixture(params=["full", "read-only"])
def broken_file_cache(request, settings, tmp_path):
    """The file cache, as config/settings.py chose it, on a real, tiny file system that is full
    or mounted read-only."""
    chosen = settings.CACHES["default"]
    if not chosen["BACKEND"].endswith("FileBasedCache"):
        pytest.skip("the tests run on another cache than the default file cache")
    folder = tmp_path / "cache"
    folder.mkdir()
    options = "size=64k" if request.param == "full" else "size=64k,ro"
    mounted = subprocess.run(  # noqa: S603
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip("mounting a small tmpfs needs root (CI has it)")
    try:
        if request.param == "full":
            with (folder / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
                while True:
                    filler.write(b"\0" * 4096)
        settings.CACHE_COOLDOWN_SECONDS = 0.5
        settings.CACHES = {"default": chosen | {"LOCATION": str(folder)}}
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)  # noqa: S603, S607


def test_a_full_or_read_only_file_cache_misses_instead_of_failing(broken_file_cache, caplog):
    with caplog.at_level(logging.WARNING, logger="pagecache.backends"):
        assert cache.set("contacts", "x" * 4096) is None
        assert cache.add("news:count", 12) is False
        assert cache.get("contacts", "missed") == "missed"
        assert cache.get_or_set("years", lambda: [2026]) == [2026]
        assert cache.get_many(["contacts", "years"]) == {}
        # The page cache can then not tell its generation, so it neither keeps nor reuses a page.
        assert page_cache.generation() is None
        assert cache.cooling_down
    assert len(guard_warnings(caplog)) == 1


def test_a_failing_file_cache_is_tried_again_after_the_cooldown(broken_file_cache, caplog, db):
    with caplog.at_level(logging.WARNING, logger="pagecache.backends"):
        for _ in range(3):
            cache.set("contacts", "x" * 4096)
        time.sleep(0.6)
        assert not cache.cooling_down
        for _ in range(3):
            cache.set("contacts", "x" * 4096)
    assert len(guard_warnings(caplog)) == 2


@pytest.mark.parametrize(
    "cooldown,wait",
    [
        (0.5, 0.6),
        # A lost invalidation is asked again within a second, not at the end of a long cool-down
        # (meanwhile the other workers, whose cache answers, serve the stale copies).
        (60, 1.1),
    ],
)
def test_a_save_while_the_cache_cannot_be_written_reaches_readers_when_it_recovers(
    settings, tmp_path, client, make_article, cooldown, wait
):
    """Withdrawn while the cache folder was read-only: the new generation was never written,
    and the cached page kept the article's text for readers for up to an hour."""
    chosen = settings.CACHES["default"]
    if not chosen["BACKEND"].endswith("FileBasedCache"):
        pytest.skip("the tests run on another cache than the default file cache")
    folder = tmp_path / "cache"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True, check=False).returncode:  # noqa: S603
        pytest.skip("mounting a small tmpfs needs root (CI has it)")
    try:
        settings.CACHE_COOLDOWN_SECONDS = cooldown
        settings.CACHES = {"default": chosen | {"LOCATION": str(folder)}}
        article = make_article(title="Retracted later")
        url = article.get_absolute_url()
        assert "Retracted later" in client.get(url).text
        assert "Retracted later" in client.get(url).text  # kept
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)  # noqa: S603, S607
        article.status = article.Status.WITHDRAWN
        article.withdrawal_reason = "Court order."
        article.save()
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)  # noqa: S603, S607
        time.sleep(wait)
        # This process asks the cache again, and says what it lost (other workers would
        # otherwise serve the stale copies from the cache that answers them).
        assert not cache.cooling_down
        assert client.get(url).status_code == 410
    finally:
        subprocess.run(["umount", str(folder)], check=True)  # noqa: S603, S607
