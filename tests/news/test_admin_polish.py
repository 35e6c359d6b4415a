"""The newsroom as a press officer reads it: a schedule told with its time (in the history, the
message and at the top of the form), errors tied to their fields, the files a refused form lost
named, and the admin's name and icon."""

import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article
from tests.news.browser_form import article_form
from tests.news.uploads_support import PDF, change_url, image_bytes

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=datetime.UTC)
# Saturday, 28 November 2026, 9.00 in Minsk (UTC+3).
GOES_LIVE = datetime.datetime(2026, 11, 28, 6, 0, tzinfo=datetime.UTC)
# In the admin's language (the Russian phrase's words come from the catalogue, the date from
# Django's formats).
SCHEDULED = {
    "en": "Scheduled for Saturday, 28 November 2026, 9.00",
    "ru": "суббота, 28 ноября 2026 г., 9.00",
}


def history_reasons(client, article):
    page = client.get(reverse("admin:news_article_history", args=[article.pk])).text
    cells = re.findall(r'<td class="revision-list__what">(.*?)</td>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def take_step(client, article, action, **fields):
    data = article_form(client, change_url(article)) | {"action": action} | fields
    return client.post(change_url(article), data, follow=True)


@pytest.fixture
def draft(make_article):
    with time_machine.travel(NOW - datetime.timedelta(hours=1), tick=False):
        return make_article(title="Forum", status=Article.Status.DRAFT, pub_date=GOES_LIVE)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_history_tells_a_schedule_by_its_time_and_publish_now_as_published(
    publisher_client, draft, settings, language
):
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with time_machine.travel(NOW, tick=False):
        take_step(publisher_client, draft, "schedule")
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        take_step(publisher_client, draft, "publish")
        reasons = history_reasons(publisher_client, draft)
    assert not reasons[0].startswith(("Status changed", "Статус изменён"))
    assert language != "en" or reasons[0].startswith("Published on the site")
    assert SCHEDULED[language] in reasons[1]
    assert SCHEDULED[language] not in reasons[0]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_scheduling_says_when_the_article_goes_live(publisher_client, draft, settings, language):
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with time_machine.travel(NOW, tick=False):
        page = take_step(publisher_client, draft, "schedule").text
    when = {"en": "Saturday, 28 November 2026, 9.00", "ru": "суббота, 28 ноября 2026 г., 9.00"}
    assert when[language] in re.search(r'<ul class="messagelist">(.*?)</ul>', page, re.S)[1]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_form_says_where_the_article_stands_at_its_top(
    publisher_client, draft, settings, language
):
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with time_machine.travel(NOW, tick=False):
        page = take_step(publisher_client, draft, "schedule").text
    top = page[: page.index("<fieldset")]
    assert re.search(rf"<strong>[^<]*{SCHEDULED[language]}\)?</strong>", top)


def test_the_state_at_the_top_is_the_stored_one_after_a_refused_step(publisher_client, draft):
    with time_machine.travel(NOW, tick=False):
        page = take_step(publisher_client, draft, "schedule", title="").text
    assert "Nothing was saved" in page
    top = page[: page.index("<fieldset")]
    assert "<strong>Draft</strong>" in top


def test_a_lead_image_without_a_description_is_an_error_of_the_description_field(
    publisher_client, make_article
):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article)) | {
        "image": SimpleUploadedFile("photo.jpg", image_bytes()),
        "image_alt": "",
    }
    response = publisher_client.post(change_url(article), data)
    form = response.context["adminform"].form
    assert form.non_field_errors() == []
    assert form.errors["image_alt"] == ["Describe the image for readers who cannot see it."]
    assert (
        '<a href="#id_image_alt">Image description (alt text): Describe the image for readers'
        in response.text
    )


def test_an_expiry_before_the_publication_is_an_error_of_the_expiry_field(
    publisher_client, make_article
):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article)) | {
        "expires_at_0": "2001-01-01",
        "expires_at_1": "10:00:00",
    }
    form = publisher_client.post(change_url(article), data).context["adminform"].form
    assert form.non_field_errors() == []
    assert "The expiry time must be after the publication time." in form.errors["expires_at"]


def test_the_error_summary_names_the_chosen_files_that_were_not_kept(
    publisher_client, make_article
):
    article = make_article(title="Decree")  # live: a new document needs a change note
    data = article_form(publisher_client, change_url(article)) | {
        "image": SimpleUploadedFile("photo.jpg", image_bytes()),
        "image_alt": "The chairman",
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Report",
        "attachments-0-file": SimpleUploadedFile("report.pdf", PDF),
        "attachments-0-position": "0",
    }
    data.pop("minor_edit", None)
    page = publisher_client.post(change_url(article), data).text
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.S)[0]
    assert (
        "The files you chose were not saved: photo.jpg, report.pdf. "
        "Choose them again before saving." in summary
    )


def test_a_form_refused_without_files_names_none(publisher_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article)) | {"title": ""}
    page = publisher_client.post(change_url(article), data).text
    assert "Nothing was saved" in page
    assert "The files you chose" not in page


def test_the_admin_names_the_newsroom_apart_from_the_agency_and_links_its_icon(publisher_client):
    page = publisher_client.get(reverse("admin:index")).text
    site_name = re.search(r'<div id="site-name">(.*?)</div>', page, re.S)[1]
    assert re.search(r'\S<br><span class="site-name__part">Newsroom</span>', site_name)
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.\w*\.?svg"', page)
