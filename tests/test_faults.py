"""The database restarts under load: readers get a 503 page meanwhile, and the site recovers by
itself. A private PostgreSQL server is used, so the machine's shared one is never touched."""

import glob
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.instances import Instance, free_port, manage, production_environment

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def as_postgres(*command):
    return subprocess.run(  # noqa: S603
        ["runuser", "-u", "postgres", "--", *command],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=60,
    )


class PrivatePostgres:
    def __init__(self, folder):
        self.bin = BINARIES[-1]
        self.data = folder / "data"
        self.port = free_port()
        folder.mkdir(exist_ok=True)
        shutil.chown(folder, "postgres")
        as_postgres(f"{self.bin}/initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.options = f"-p {self.port} -k {folder} -c listen_addresses=127.0.0.1"
        self.log = folder / "postgres.log"
        self.start()

    def start(self):
        as_postgres(
            f"{self.bin}/pg_ctl",
            "-D",
            str(self.data),
            "-o",
            self.options,
            "-l",
            str(self.log),
            "-w",
            "start",
        )

    def stop(self):
        as_postgres(f"{self.bin}/pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def private_postgres():
    if not BINARIES or shutil.which("runuser") is None:
        pytest.skip("needs PostgreSQL's server binaries (CI has them)")
    # Not under pytest's tmp_path: the postgres user must be able to reach the folder.
    folder = Path(tempfile.mkdtemp(prefix="agency-pg-"))
    shutil.chown(folder, "postgres")
    server = PrivatePostgres(folder / "pg")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own server)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_database_restart_gives_503_then_recovers_without_a_restart(private_postgres, tmp_path):
    environment = production_environment(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{private_postgres.port}/postgres",
        DJANGO_CACHE_URL="locmemcache://",  # a page cache would hide the outage
        DJANGO_PAGE_CACHE="false",
        DJANGO_CONN_MAX_AGE="60",  # persistent connections: the ones that go stale in a restart
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "loaddemo")
    site = Instance(environment)
    # A search reads the database every time (a listing is served from its kept data).
    page_url = site.url + "/en/news/search/?q=innovation"
    try:
        seen, stop = [], threading.Event()

        def load():
            while not stop.is_set():
                seen.append(status(page_url)[0])
                time.sleep(0.02)

        loader = threading.Thread(target=load)
        loader.start()
        time.sleep(0.5)
        private_postgres.stop()
        time.sleep(1)
        during, page = status(page_url)
        health, _ = status(site.url + "/healthz")
        private_postgres.start()
        time.sleep(1)
        stop.set()
        loader.join()

        assert during == 503 and "busy for a moment" in page and "Traceback" not in page
        assert health == 503
        assert 500 not in seen
        assert {200, 503} <= set(seen)
        assert status(page_url)[0] == 200
        assert status(site.url + "/healthz")[0] == 200
    finally:
        site.stop()


def test_a_database_that_accepts_and_never_answers_gives_503_in_moments(tmp_path):
    """A dropped route to PostgreSQL: without a connect timeout every request hung until
    gunicorn killed its worker (30 s), /healthz included."""
    listener = socket.create_server(("127.0.0.1", 0))
    held = []
    threading.Thread(target=lambda: held.append(listener.accept()), daemon=True).start()
    environment = production_environment(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{listener.getsockname()[1]}/agency",
        DJANGO_CACHE_URL="locmemcache://",
        DJANGO_DB_CONNECT_TIMEOUT="2",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    site = Instance(environment)
    try:
        for path in ("/healthz", "/en/news/"):
            started = time.monotonic()
            code, page = status(site.url + path)
            assert code == 503, (path, page)
            assert time.monotonic() - started < 10
    finally:
        site.stop()
        listener.close()


def test_an_unknown_address_while_the_database_is_down_gives_503(tmp_path):
    """The 404 page's header reads the contacts: it was a 500 while the database was down."""
    environment = production_environment(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/agency",
        DJANGO_CACHE_URL="locmemcache://",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    site = Instance(environment)
    try:
        code, page = status(site.url + "/no-such-page/")
        assert code == 503, page
        assert "Traceback" not in page
    finally:
        site.stop()
