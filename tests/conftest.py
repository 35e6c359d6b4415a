import datetime
import itertools

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.utils import timezone

from contacts import demo as contacts_demo
from contacts.models import ContactPoint
from news.models import Article

_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_article(db):
    """Build an article; by default published an hour ago."""

    def make(**overrides):
        number = next(_serial)
        fields = {
            "title": f"Press release {number}",
            "slug": f"press-release-{number}",
            "lead": f"Lead of press release {number}.",
            "body": f"<p>Body of press release {number}.</p>",
            "author": "Press office",
            "pub_date": timezone.now() - datetime.timedelta(hours=1),
            "status": Article.Status.PUBLISHED,
        } | overrides
        return Article.objects.create(**fields)

    return make


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="editor-pass-1", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="news", codename__endswith="_article")
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def demo_contacts(db):
    """The seed's contacts: reception Mon–Fri 8–13 and 14–17, and a hotline."""
    contacts_demo.load()
    return ContactPoint.objects.get(kind=ContactPoint.Kind.RECEPTION)
