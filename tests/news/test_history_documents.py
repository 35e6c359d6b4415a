"""What a save changes beyond the article's own fields (its documents and its topics) is told in
the revision it made, with the documents' titles, in the history list and the comparison; also
outside a test transaction, as production runs it, and on PostgreSQL, where a long reason once
overflowed a column of 100 characters."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article
from tests.news.browser_form import article_form
from tests.news.uploads_support import PDF, change_url, post_attachments

pytestmark = pytest.mark.django_db


def post(client, article, **fields):
    response = client.post(
        change_url(article),
        article_form(client, change_url(article)) | {"minor_edit": "on"} | fields,
    )
    assert response.status_code == 302, response.text[-3000:]


def reasons(article):
    return [record.history_change_reason for record in article.history.all()]


def test_documents_added_renamed_replaced_and_removed_are_told_in_the_history(
    publisher_client, make_article
):
    article = make_article(status=Article.Status.DRAFT)
    response = post_attachments(
        publisher_client,
        article,
        ("Decree No. 12", SimpleUploadedFile("decree.pdf", PDF)),
        ("Programme", SimpleUploadedFile("programme.pdf", PDF)),
    )
    assert response.status_code == 302
    post(publisher_client, article, **{"attachments-1-title": "Forum programme"})
    post(publisher_client, article, **{"attachments-0-file": SimpleUploadedFile("new.pdf", PDF)})
    post(publisher_client, article, **{"attachments-0-DELETE": "on"})

    assert reasons(article)[:4] == [
        "Minor edit\ndocument removed: Decree No. 12",
        "Minor edit\ndocument replaced: Decree No. 12",
        "Minor edit\ndocument renamed: Programme → Forum programme",
        "Minor edit\ndocument added: Decree No. 12\ndocument added: Programme",
    ]
    page = publisher_client.get(reverse("admin:news_article_history", args=[article.pk])).text
    for told in (
        "Documents: removed “Decree No. 12”",
        "Documents: replaced the file of “Decree No. 12”",
        "Documents: renamed “Programme” to “Forum programme”",
        "Documents: added “Decree No. 12”; added “Programme”",
    ):
        assert f"<p>{told}</p>" in page
    compare = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert "<span>Documents: removed “Decree No. 12”</span>" in compare.text


def test_topics_added_and_removed_are_told_in_the_history(
    publisher_client, make_article, make_topic
):
    energy, science = make_topic("Energy"), make_topic("Science")
    article = make_article(status=Article.Status.DRAFT)
    article.topics.add(energy)
    post(publisher_client, article, topics=[str(science.pk)])
    assert reasons(article)[0] == "Minor edit\ntopic added: Science\ntopic removed: Energy"
    page = publisher_client.get(reverse("admin:news_article_history", args=[article.pk])).text
    assert "<p>Topics: added “Science”; removed “Energy”</p>" in page
    post(publisher_client, article, title="Nothing but the title")
    assert reasons(article)[0] == "Minor edit"


def test_a_change_note_stays_first_when_documents_come_with_it(publisher_client, make_article):
    article = make_article(title="Live")
    post(
        publisher_client,
        article,
        minor_edit="",
        change_note="The decree is now attached.",
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "Decree No. 12",
            "attachments-0-file": SimpleUploadedFile("decree.pdf", PDF),
            "attachments-0-position": "0",
        },
    )
    assert reasons(article)[0] == "The decree is now attached.\ndocument added: Decree No. 12"
    page = publisher_client.get(reverse("admin:news_article_history", args=[article.pk])).text
    assert "Change note for readers: <q>The decree is now attached.</q>" in page
    assert "<p>Documents: added “Decree No. 12”</p>" in page


@pytest.mark.parametrize(
    "saved_in,read_in,told",
    [("ru", "en", "Minor edit"), ("en", "ru", "Незначительная правка")],
)
def test_reasons_are_told_in_the_readers_language_whichever_they_were_saved_in(
    publisher_client, make_article, settings, saved_in, read_in, told
):
    article = make_article(status=Article.Status.DRAFT)
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = saved_in
    post_attachments(publisher_client, article, ("Указ № 12", SimpleUploadedFile("u.pdf", PDF)))
    publisher_client.cookies[settings.LANGUAGE_COOKIE_NAME] = read_in
    page = publisher_client.get(reverse("admin:news_article_history", args=[article.pk])).text
    assert f"<p>{told}</p>" in page
    assert "Указ № 12" in page


# Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
# database): a superuser stands for everyone here.


@pytest.mark.django_db(transaction=True)
def test_a_document_is_told_outside_a_test_transaction_whatever_its_length(
    admin_user, client, make_article
):
    client.force_login(admin_user)
    article = make_article(status=Article.Status.DRAFT)
    title = "Resolution of the Council of Ministers No. 245 on the State Programme of Innovative "
    title += "Development for 2026–2030"
    response = post_attachments(client, article, (title, SimpleUploadedFile("r.pdf", PDF)))
    assert response.status_code == 302
    record = Article.objects.get(pk=article.pk).history.first()
    # Whole, on PostgreSQL too (simple_history's default column holds 100 characters).
    assert record.history_change_reason == f"Minor edit\ndocument added: {title}"
    assert article.attachments.get().title == title
