"""What a second attack on the newsroom found in typed texts: characters no one means (U+FFFE and
U+FFFF, which XML refuses, and the overrides of the writing direction) and forged line breaks,
in every text of an article, its gallery and its documents; and feeds that one such character
anywhere made unreadable."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contacts.models import Agency
from news.models import Article, ArticlePhoto, Attachment
from tests.news.browser_form import article_form
from tests.news.uploads_support import PDF, change_url, photo, post_attachments, post_photos

pytestmark = pytest.mark.django_db

UNMEANT = ["\ufffe", "\uffff", "\u202e", "\u202b", "\u2066", "\u2069"]
BREAKS = ["\n", "\r\n", "\u2028", "\u2029", "\x85"]


@pytest.mark.parametrize("character", UNMEANT)
def test_a_title_and_lead_keep_no_unmeant_character(editor_client, make_article, character):
    article = make_article(status=Article.Status.DRAFT)
    typed = {"title": f"Budget{character} approved", "lead": f"Lead{character}."}
    data = article_form(editor_client, change_url(article)) | typed | {"action": "save_draft"}
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.lead) == ("Budget approved", "Lead.")


@pytest.mark.parametrize("brk", BREAKS)
def test_gallery_and_document_texts_are_one_line_as_the_articles(editor_client, make_article, brk):
    article = make_article(status=Article.Status.DRAFT)
    text = f"First{brk}second\u202e"
    response = post_photos(editor_client, article, photo(alt=text, caption=text, credit=text))
    assert response.status_code == 302
    assert ArticlePhoto.objects.values_list("alt", "caption", "credit").get() == (
        ("First second",) * 3
    )
    upload = SimpleUploadedFile("decree.pdf", PDF)
    assert post_attachments(editor_client, article, (text, upload)).status_code == 302
    assert Attachment.objects.get().title == "First second"


def test_a_description_of_nothing_but_unmeant_characters_is_missing(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    response = post_photos(editor_client, article, photo(alt="\u202e\u2066\ufffe"))
    assert response.status_code == 200  # the form again, with its error: no 500
    assert "This field is required." in response.text
    assert not ArticlePhoto.objects.exists()


@pytest.mark.parametrize("feed", ["/en/news/feed/rss/", "/en/news/feed/atom/"])
def test_feeds_are_well_formed_whatever_a_name_holds(client, make_article, make_topic, feed):
    # A topic's or the agency's name is typed by staff too, and read by every feed.
    make_article(title="Budget approved").topics.add(make_topic("Budget\uffff\x01 policy"))
    Agency.objects.update(short_name_en="Committee\ufffe")
    root = ET.fromstring(client.get(feed).content)  # noqa: S314 (the site's own feed)
    assert "Budget approved" in ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_an_implausible_expiry_is_a_form_error_for_every_step(publisher_client, make_article, day):
    article = make_article(status=Article.Status.DRAFT)
    for action in ("save_draft", "publish"):
        data = article_form(publisher_client, change_url(article)) | {
            "expires_at_0": day,
            "expires_at_1": "01:50:00",
            "action": action,
        }
        response = publisher_client.post(change_url(article), data)
        assert response.status_code == 200 and "Choose a date" in response.text
    article.refresh_from_db()
    assert (article.status, article.expires_at) == (Article.Status.DRAFT, None)
