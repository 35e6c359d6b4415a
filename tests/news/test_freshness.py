"""A translation's freshness: when its original changes significantly (a change note) after the
translation last did, the admin marks it out of date and its page tells readers, in their
language; a minor edit marks nothing. And the translation's form shows the original beside it."""

import datetime
import importlib

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news import workflow
from news.models import Article
from news.translating import translate
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db

# Noon in Minsk.
STARTED = datetime.datetime(2023, 1, 10, 9, tzinfo=datetime.UTC)
ORIGINAL_UPDATED = datetime.datetime(2023, 1, 19, 9, tzinfo=datetime.UTC)
TRANSLATION_UPDATED = datetime.datetime(2023, 1, 20, 9, tzinfo=datetime.UTC)
OUT_OF_DATE = "Out of date: the original was updated on 19 January 2023."


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def significant_change(article, user, when):
    with time_machine.travel(when, tick=False):
        workflow.record_change(article, "The figures were corrected.", user)


def fresh(article):
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def translated(make_article, publisher):
    """An English original and its Russian translation, both live since 10 January 2023."""
    with time_machine.travel(STARTED, tick=False):
        original = make_article(
            language="en", title="Export grows", lead="Exports rose by a tenth."
        )
        translation = translate(original, "ru", publisher)
        translation.title = "Экспорт растёт"
        translation.save()
        workflow.publish(translation, publisher)
    return original, translation


# The rule


def test_a_change_note_on_the_original_marks_its_translation_out_of_date(translated, publisher):
    original, translation = translated
    assert fresh(translation).source == original
    assert not fresh(translation).is_out_of_date
    significant_change(original, publisher, ORIGINAL_UPDATED)
    assert fresh(translation).is_out_of_date
    assert not fresh(original).is_out_of_date  # an original is never out of date


def test_a_minor_edit_of_the_original_marks_nothing(translated, publisher_client):
    original, translation = translated
    url = change_url(original)
    data = article_form(publisher_client, url) | {"lead": "Exports rose.", "minor_edit": "on"}
    assert publisher_client.post(url, data).status_code == 302
    assert fresh(original).lead == "Exports rose."
    assert not fresh(translation).is_out_of_date
    assert OUT_OF_DATE not in publisher_client.get(reverse("admin:news_article_changelist")).text


def test_a_change_note_on_the_translation_makes_it_fresh_again(translated, publisher):
    original, translation = translated
    significant_change(original, publisher, ORIGINAL_UPDATED)
    significant_change(fresh(translation), publisher, TRANSLATION_UPDATED)
    assert not fresh(translation).is_out_of_date


def test_a_translation_started_after_the_change_is_not_out_of_date(make_article, publisher):
    original = make_article(language="en")
    significant_change(original, publisher, ORIGINAL_UPDATED)
    assert not translate(fresh(original), "be", publisher).is_out_of_date


def test_a_translation_dated_like_its_original_is_measured_from_when_it_was_started(
    make_article, publisher
):
    with time_machine.travel(STARTED - datetime.timedelta(days=9), tick=False):
        original = make_article(language="en")
    significant_change(original, publisher, STARTED - datetime.timedelta(days=5))
    with time_machine.travel(STARTED, tick=False):
        translation = translate(fresh(original), "ru", publisher)
        workflow.publish(translation, publisher)
    translation.pub_date = original.pub_date  # the date of the news, as the original has it
    translation.save()
    assert not fresh(translation).is_out_of_date
    significant_change(fresh(original), publisher, ORIGINAL_UPDATED)
    assert fresh(translation).is_out_of_date


# The admin


def test_the_list_marks_an_out_of_date_translation_with_a_link_to_the_original(
    translated, publisher, publisher_client
):
    original, translation = translated
    changelist = reverse("admin:news_article_changelist")
    page = publisher_client.get(changelist).text
    assert OUT_OF_DATE not in page and "out of date" not in page
    significant_change(original, publisher, ORIGINAL_UPDATED)
    page = publisher_client.get(changelist).text
    assert f'<a class="out-of-date" href="{change_url(original)}">{OUT_OF_DATE}</a>' in page
    # The original's row says which of its translations fell behind.
    assert f'<a href="{change_url(translation)}">Russian</a> (Live, out of date)' in page
    assert page.count(OUT_OF_DATE) == 1


def test_the_marks_in_the_list_cost_no_query_per_row(make_article, publisher, publisher_client):
    def list_queries():
        with CaptureQueriesContext(connection) as queries:
            page = publisher_client.get(reverse("admin:news_article_changelist")).text
        # Each pair marks its translation twice: in its own row and in the original's.
        assert page.count(OUT_OF_DATE) == page.count("(Draft, out of date)")
        return page.count(OUT_OF_DATE), len(queries)

    def out_of_date_translation(number):
        with time_machine.travel(STARTED, tick=False):
            original = make_article(language="en", title=f"Original {number}")
            translate(original, "ru", publisher)
        significant_change(original, publisher, ORIGINAL_UPDATED)

    out_of_date_translation(0)
    list_queries()  # the agency's name in the admin's header, then kept
    marks, count = list_queries()
    assert marks == 1
    for number in range(1, 6):
        out_of_date_translation(number)
    assert list_queries() == (6, count)


def test_the_translation_s_form_shows_the_original_beside_it_and_marks_it_out_of_date(
    translated, publisher, publisher_client
):
    original, translation = translated
    page = publisher_client.get(change_url(translation)).text
    assert "The original (English)" in page
    assert '<div class="translating__text" lang="en" tabindex="0">' in page
    text = page.split('class="translating__text"')[1].split("</aside>")[0]
    assert all(part in text for part in ("Export grows", "Exports rose by a tenth.", "Body of"))
    assert OUT_OF_DATE not in page
    significant_change(original, publisher, ORIGINAL_UPDATED)
    page = publisher_client.get(change_url(translation)).text
    assert f'<a class="out-of-date" href="{change_url(original)}">{OUT_OF_DATE}</a>' in page
    # The original's own form shows no original.
    assert "translating__original" not in publisher_client.get(change_url(original)).text


def test_translate_into_opens_a_prefilled_draft_with_the_original_beside_it(
    make_article, publisher_client
):
    original = make_article(language="en", title="Export grows", lead="Exports rose.")
    url = reverse("admin:news_article_translate", args=[original.pk, "be"])
    response = publisher_client.post(url, follow=True)
    draft = Article.objects.get(translation_key=original.translation_key, language="be")
    assert response.redirect_chain[-1][0] == change_url(draft)
    assert draft.source == original
    values = article_form(publisher_client, change_url(draft))
    assert (values["title"], values["lead"], values["language"]) == (
        "Export grows",
        "Exports rose.",
        "be",
    )
    assert '<div class="translating__text" lang="en" tabindex="0">' in response.text


# The public page, in the reader's language, with the page cache on


def test_the_translation_s_page_tells_readers_the_original_was_updated(
    translated, publisher, client, demo_contacts
):
    original, translation = translated
    url = translation.get_absolute_url()
    assert url.startswith("/ru/")
    assert 'class="notice"' not in client.get(url).text
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == 0  # the page cache answered
    significant_change(original, publisher, ORIGINAL_UPDATED)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).text
    assert not [q for q in queries if "search_text" in q["sql"]]  # no page shows them
    notice = page.split('<p class="notice">')[1].split("</p>")[0]
    assert "Английский" in notice and "19 января 2023 г." in notice
    assert f'<a href="{original.get_absolute_url()}" hreflang="en">' in notice
    assert original.get_absolute_url().startswith("/en/")


def test_the_notice_is_in_belarusian_and_english_on_those_pages(make_article, publisher, client):
    with time_machine.travel(STARTED, tick=False):
        original = make_article(language="ru", title="Экспорт растёт")
        versions = [translate(original, code, publisher) for code in ("be", "en")]
        for version in versions:
            workflow.publish(version, publisher)
    significant_change(original, publisher, ORIGINAL_UPDATED)
    belarusian, english = (client.get(v.get_absolute_url()).text for v in versions)
    notice = belarusian.split('<p class="notice">')[1].split("</p>")[0]
    assert "Руская" in notice and "19 студзеня 2023 г." in notice
    assert (
        "The original of this article (Russian) was updated on 19 January 2023. "
        f'<a href="{original.get_absolute_url()}" hreflang="ru">Read the original</a>'
    ) in english


def test_an_original_the_public_cannot_see_is_not_linked(translated, publisher, client):
    original, translation = translated
    significant_change(original, publisher, ORIGINAL_UPDATED)
    workflow.return_to_draft(fresh(original), publisher)
    notice = client.get(translation.get_absolute_url()).text.split('<p class="notice">')[1]
    assert "19 января 2023 г." in notice.split("</p>")[0]
    assert original.slug not in notice.split("</p>")[0]


# When the original is deleted


def test_deleting_the_original_leaves_the_translation_working(
    translated, publisher, publisher_client, client
):
    original, translation = translated
    significant_change(original, publisher, ORIGINAL_UPDATED)
    assert 'class="notice"' in client.get(translation.get_absolute_url()).text
    original.delete()
    translation = fresh(translation)
    assert translation.source is None and not translation.is_out_of_date
    page = client.get(translation.get_absolute_url())
    assert page.status_code == 200 and 'class="notice"' not in page.text
    form = publisher_client.get(change_url(translation))
    assert form.status_code == 200 and "translating__original" not in form.text
    listing = publisher_client.get(reverse("admin:news_article_changelist"))
    assert listing.status_code == 200 and "Экспорт растёт" in listing.text


def test_restoring_a_revision_made_before_the_original_was_deleted(
    make_article, publisher, publisher_client
):
    original = make_article(language="en", title="Export grows")
    draft = translate(original, "ru", publisher)
    first_revision = draft.history.first()
    assert first_revision.source_id == original.pk
    draft.title = "Экспорт растёт"
    draft.save()
    original.delete()
    url = reverse("admin:news_article_simple_history", args=[draft.pk, first_revision.history_id])
    data = article_form(publisher_client, url, form_id="historicalarticle_form")
    assert publisher_client.post(url, data).status_code == 302
    draft = fresh(draft)
    assert (draft.title, draft.source_id) == ("Export grows", None)


# Translations started before versions knew their original


def test_the_migration_links_existing_translations_to_the_first_version(make_article):
    with time_machine.travel(STARTED, tick=False):
        first = make_article(language="en")
    later = [
        make_article(language=code, translation_key=first.translation_key) for code in ("ru", "be")
    ]
    alone = make_article(language="ru")
    migration = importlib.import_module("news.migrations.0016_translation_source")
    state = MigrationExecutor(connection).loader.project_state(("news", "0016_translation_source"))
    migration.link_translations_to_their_original(state.apps, schema_editor=None)
    assert [fresh(version).source_id for version in later] == [first.pk, first.pk]
    assert fresh(first).source_id is None and fresh(alone).source_id is None


@pytest.mark.usefixtures("uncached")
def test_an_expired_original_is_no_longer_linked_from_its_translation(
    translated, publisher, client
):
    """The link is in the article's kept fragment, which an expiry (no save) must not outlive."""
    original, translation = translated
    significant_change(original, publisher, ORIGINAL_UPDATED)
    original = fresh(original)
    original.expires_at = timezone.now() + datetime.timedelta(minutes=10)
    original.save()
    url = fresh(translation).get_absolute_url()
    link = f'href="{original.get_absolute_url()}" hreflang="en"'
    assert link in client.get(url).text
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=20)):
        assert client.get(original.get_absolute_url()).status_code == 404
        assert link not in client.get(url).text
