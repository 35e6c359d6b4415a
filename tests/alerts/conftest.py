import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from alerts.models import Subscriber
from alerts.sending import Worker

from .fake_smtp import FakeSMTP


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.gov.by"


@pytest.fixture
def subscribe(db):
    """A confirmed subscriber; all the news in English unless told."""

    def make(email, topics=(), **fields):
        fields = {"language": "en", "all_news": not topics} | fields
        long_ago = timezone.now() - datetime.timedelta(days=30)
        subscriber = Subscriber.objects.create(
            email=email,
            confirmed_at=long_ago,
            notice_requested_at=long_ago,
            notice_due=False,
            **fields,
        )
        subscriber.topics.set(topics)
        return subscriber

    return make


@pytest.fixture
def work():
    """One worker's rounds until nothing is left to send; the messages sent, by recipient."""
    worker = Worker()

    def run():
        while worker.work():
            pass
        return received()

    return run


def received():
    by_address = {}
    for message in mail.outbox:
        for address in message.to:
            by_address.setdefault(address, []).append(message)
    return by_address


def link_in(message, name):
    """The address of one of our links (confirm, manage, unsubscribe) in a message's text."""
    return re.search(rf"https?://\S+/alerts/{name}/[^/\s]+/", message.body).group(0)


@pytest.fixture
def fake_smtp(settings):
    """A scripted SMTP server the worker talks to (the real SMTP backend, not the outbox)."""
    servers = []

    def start(**script):
        server = FakeSMTP(**script)
        servers.append(server)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 3
        return server

    yield start
    for server in servers:
        server.stop()
