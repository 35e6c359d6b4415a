"""Language versions of an article: each an article of its own, linked by a translation key."""

import importlib
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import Article
from news.translating import translate
from tests.news.browser_form import article_form
from tests.news.uploads_support import image_bytes

pytestmark = pytest.mark.django_db


def test_a_new_article_is_in_the_site_language(settings):
    assert Article().language == settings.LANGUAGE_CODE == "ru"


def test_a_translation_is_a_draft_of_its_own_filled_in_from_the_original(
    make_article, make_topic, publisher
):
    original = make_article(language="en", title="Export grows", author="Press office")
    original.topics.add(make_topic("Innovation"))
    draft = translate(original, "be", publisher)
    assert draft.pk != original.pk
    assert draft.status == Article.Status.DRAFT
    assert (draft.language, draft.translation_key) == ("be", original.translation_key)
    assert (draft.title, draft.lead, draft.author) == (
        original.title,
        original.lead,
        "Press office",
    )
    assert draft.slug != original.slug
    assert [t.name for t in draft.topics.all()] == ["Innovation"]
    assert original.translations() == [draft]
    assert draft.translations() == [original]
    assert [code for code, _name in original.missing_languages()] == ["ru"]


def test_a_translation_gets_a_copy_of_the_photo_not_the_same_file(make_article, publisher):
    original = make_article(language="en", image_alt="A lab")
    original.image.save("lab.jpg", ContentFile(image_bytes()), save=False)
    original.save()
    draft = translate(original, "ru", publisher)
    assert draft.image and draft.image.name != original.image.name
    assert draft.image_alt == "A lab"
    draft.image.delete(save=True)
    assert original.image.storage.exists(original.image.name)


def test_one_version_per_language(make_article, publisher):
    original = make_article(language="en")
    translate(original, "ru", publisher)
    with pytest.raises(ValidationError):
        translate(original, "ru", publisher)
    with pytest.raises(ValidationError):
        translate(original, "en", publisher)
    with pytest.raises(ValidationError):
        translate(original, "xx", publisher)
    twin = make_article(language="be", translation_key=original.translation_key, slug="twin")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=twin.pk).update(language="en")


def test_only_staff_who_may_write_articles_translate(make_article, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="x")  # noqa: S106
    with pytest.raises(PermissionDenied):
        translate(make_article(language="en"), "ru", reader)


def test_the_change_form_offers_the_missing_languages_and_starts_a_draft(
    publisher_client, make_article
):
    original = make_article(language="en")
    page = publisher_client.get(reverse("admin:news_article_change", args=[original.pk])).text
    be_url = reverse("admin:news_article_translate", args=[original.pk, "be"])
    assert f'action="{be_url}"' in page
    assert reverse("admin:news_article_translate", args=[original.pk, "en"]) not in page
    assert publisher_client.get(be_url).status_code == 405  # a GET changes nothing
    response = publisher_client.post(be_url)
    draft = Article.objects.get(translation_key=original.translation_key, language="be")
    assert response["Location"] == reverse("admin:news_article_change", args=[draft.pk])
    again = publisher_client.post(be_url, follow=True)
    assert "already has a version in this language" in again.text
    assert Article.objects.filter(translation_key=original.translation_key).count() == 2


def test_the_list_shows_each_article_s_versions_in_one_query(
    publisher_client, publisher, make_article
):
    for number in range(5):
        translate(make_article(language="en", title=f"Original {number}"), "ru", publisher)

    def list_queries():
        with CaptureQueriesContext(connection) as queries:
            page = publisher_client.get(reverse("admin:news_article_changelist")).text
        return page, len(queries)

    list_queries()  # the agency's name in the admin's header, then kept
    page, count = list_queries()
    assert page.count("(Draft)") == 5 and page.count("(Live)") == 5
    for number in range(10):
        translate(make_article(language="en", title=f"More {number}"), "be", publisher)
    assert list_queries()[1] == count


def test_the_migration_gives_each_existing_article_its_own_key(make_article):
    # Two languages here only because the constraint the migration adds next is already in place.
    first, second = make_article(language="en"), make_article(language="ru")
    shared = uuid.uuid4()
    Article.objects.update(translation_key=shared)  # as the field's default left them
    migration = importlib.import_module("news.migrations.0014_article_languages")
    state = MigrationExecutor(connection).loader.project_state(("news", "0014_article_languages"))
    migration.separate_keys(state.apps, schema_editor=None)
    keys = set(Article.objects.values_list("translation_key", flat=True))
    assert len(keys) == 2 and shared not in keys
    for article in (first, second):
        article.refresh_from_db()
        assert set(article.history.values_list("translation_key", flat=True)) == {
            article.translation_key
        }


def test_a_photo_whose_file_is_gone_is_left_out_of_the_translation(make_article, publisher):
    original = make_article(language="en", image_alt="A lab")
    original.image.save("lab.jpg", ContentFile(image_bytes()), save=False)
    original.save()
    original.image.storage.delete(original.image.name)
    draft = translate(original, "ru", publisher)
    assert not draft.image and draft.image_alt == ""
    assert draft.title == original.title


def test_moving_an_article_to_a_language_its_translation_has_is_a_form_error(
    publisher_client, publisher, make_article
):
    original = make_article(language="en")
    translate(original, "ru", publisher)
    url = reverse("admin:news_article_change", args=[original.pk])
    data = article_form(publisher_client, url) | {"language": "ru", "minor_edit": "on"}
    response = publisher_client.post(url, data)
    assert response.status_code == 200
    assert "already has a version in this language" in response.text
    original.refresh_from_db()
    assert original.language == "en"


def test_a_language_the_site_does_not_offer_is_not_found(publisher_client, make_article):
    original = make_article(language="en")
    for code in ("xx", "RU", "ru-RU", "r" * 500):
        url = reverse("admin:news_article_translate", args=[original.pk, code])
        assert publisher_client.post(url).status_code == 404
    assert Article.objects.count() == 1


def test_a_translation_stores_one_copy_of_the_photo_under_its_own_name(make_article, publisher):
    original = make_article(language="en", image_alt="A lab")
    original.image.save("lab.jpg", ContentFile(image_bytes()), save=False)
    original.save()
    folder = Path(original.image.path).parent.parent
    before = {path for path in folder.rglob("*") if path.is_file()}
    draft = translate(original, "ru", publisher)
    added = {path for path in folder.rglob("*") if path.is_file()} - before
    assert Path(draft.image.name).name == "lab.jpg"
    # The photo and its smaller copies, and nothing else.
    assert {path.parent for path in added} == {Path(draft.image.path).parent}
    assert len([path for path in added if path.name == "lab.jpg"]) == 1


def test_a_preview_of_an_article_in_another_language_marks_it_as_such(client, make_article):
    russian = make_article(language="ru", title="Экспорт растёт", status=Article.Status.DRAFT)
    link = russian.preview_links.create()
    # A reviewer may open the link from the English admin: the page around it stays English.
    page = client.get("/en" + link.get_absolute_url().removeprefix("/ru")).text
    assert '<html lang="en"' in page
    assert '<article class="article" lang="ru">' in page
