import datetime
import itertools

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation

from contacts import demo as contacts_demo
from contacts.models import ContactPoint
from news.models import Article, Topic

_serial = itertools.count(1)


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _own_cache_and_fast_hasher(settings, _cache_folder):
    """The tests' own empty cache, never the developer's (var/cache, or the Redis of their .env),
    as the settings would choose it; and a fast password hasher, the production one being slow
    on purpose."""
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.ResilientFileBasedCache",
            "LOCATION": str(_cache_folder),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_unless_said():
    """The tests read the English pages and admin unless they ask for another language: the
    addresses they build (reverse) and the browser they play (Accept-Language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    return Client(headers={"Accept-Language": "en"})


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


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
            "language": "en",
        } | overrides
        return Article.objects.create(**fields)

    return make


@pytest.fixture
def make_staff(django_user_model):
    """A staff member in one of the roles created by the news migrations."""

    def make(name, group):
        user = django_user_model.objects.create_user(name, password=f"{name}-pass-1", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def staff_who_may(django_user_model):
    """A member of staff with these permissions of their own, for tests outside a transaction:
    the groups, and after a serialized rollback the permissions too, are data that the one before
    may have flushed."""

    def make(name, *codenames):
        create_permissions(apps.get_app_config("news"), verbosity=0)
        user = django_user_model.objects.create_user(
            name, email=f"{name}@example.gov.by", password=f"{name}-pass-1", is_staff=True
        )
        user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
        return user

    return make


WRITING = ("view_article", "add_article", "change_article", "view_topic")
WRITING_PARTS = tuple(
    f"{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("attachment", "articlephoto")
)


@pytest.fixture
def editor(make_staff):
    return make_staff("editor", "Editors")


@pytest.fixture
def publisher(make_staff):
    return make_staff("publisher", "Publishers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def demo_contacts(db):
    """The seed's contacts: reception Mon–Fri 8–13 and 14–17, and a hotline."""
    contacts_demo.load_seed()
    return ContactPoint.objects.get(kind=ContactPoint.Kind.RECEPTION)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_topic(db):
    def make(name="Innovation", **overrides):
        return Topic.objects.create(
            name=name, slug=overrides.pop("slug", name.lower()), **overrides
        )

    return make


@pytest.fixture
def uncached(settings):
    """Query counts are about the work a page does, so the page cache is off for them."""
    settings.PAGE_CACHE = False
