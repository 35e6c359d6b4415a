"""Real processes for the e-mail alerts (tests and benchmark): a PostgreSQL database of its own,
the SMTP sink, workers."""

import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

from .instances import PROJECT, free_port, manage, production_environment

ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"

SETUP = """
from django.contrib.auth import get_user_model
from django.utils import timezone
from alerts.models import Subscriber
from news.models import Article
get_user_model().objects.create_superuser("chief", "chief@example.by", "chief-pass-1")
Article.objects.create(title="Decree on the innovation fund", slug="decree", lead="Lead.",
                       body="<p>Body.</p>", status="draft", language="en")
Subscriber.objects.bulk_create(
    Subscriber(email=f"reader{{n}}@example.by", language="en", confirmed_at=timezone.now(),
               notice_due=False)
    for n in range({count})
)
"""

PUBLISH = """
from django.contrib.auth import get_user_model
from news import workflow
from news.models import Article
workflow.publish(Article.objects.get(slug="decree"), get_user_model().objects.get())
"""


class Site:
    """A database with `count` confirmed subscribers and a draft, and the environment to reach it
    and the SMTP sink on `smtp_port`."""

    def __init__(self, folder, count):
        import psycopg

        self.name = f"agency_alerts_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        self.smtp_port = free_port()
        self.environment = production_environment(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{self.name}",
            DJANGO_CACHE_URL=f"filecache://{folder / 'cache'}",
            DJANGO_EMAIL_URL=f"smtp://127.0.0.1:{self.smtp_port}",
            DJANGO_EMAIL_TIMEOUT="5",
            DJANGO_DEFAULT_FROM_EMAIL="news@example.gov.by",
            DJANGO_SITE_URL="https://news.example.gov.by",
        )
        manage(self.environment, "migrate", "--no-input")
        manage(self.environment, "shell", "-c", SETUP.format(count=count))

    def publish(self):
        manage(self.environment, "shell", "-c", PUBLISH)

    def drop(self):
        import psycopg

        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{self.name}" WITH (FORCE)')


def start(arguments, environment=None):
    return subprocess.Popen(  # noqa: S603 (our own programs)
        [sys.executable, *arguments],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class Sink:
    """tools/smtp_sink.py in a process of its own; `messages()` reads what it took."""

    def __init__(self, folder, port, *options):
        self.out = Path(folder) / f"messages-{uuid.uuid4().hex[:6]}.jsonl"
        self.out.touch()
        self.port = port
        self.process = start(
            ["-m", "tools.smtp_sink", "--port", str(port), "--out", str(self.out), *options]
        )
        deadline = time.monotonic() + 10
        while not self._listening():
            assert time.monotonic() < deadline, "the SMTP sink did not start"
            time.sleep(0.05)

    def _listening(self):
        import socket

        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def messages(self):
        # Whole lines only: the sink may be half-way through writing the last one.
        return [json.loads(line) for line in self.out.read_text().split("\n")[:-1]]

    def count(self):
        return self.out.read_bytes().count(b"\n")

    def wait_for(self, count, timeout=60):
        """Until `count` messages came, then a while longer, for any that should not come."""
        deadline = time.monotonic() + timeout
        while self.count() < count and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.5)
        return self.messages()

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def worker(site, *options):
    arguments = ["manage.py", "sendalerts", "--poll", "0.2", "--batch", "25", "--lease", "2"]
    return start([*arguments, "--retry", "0.3", *options], site.environment)


def stop(*processes):
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        process.wait(20)
