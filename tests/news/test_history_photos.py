"""Gallery photos saved with an article are told in the revision the save made, as its documents
are (test_history_documents.py), each named by its alt text: in the history list and the
comparison; also outside a test transaction, as production runs it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article
from tests.news.test_history_documents import post, reasons
from tests.news.uploads_support import PDF, image_bytes, photo, post_photos

pytestmark = pytest.mark.django_db

SMALL = {"width": 600, "height": 400}  # no copies for phones to make: quicker


def test_photos_added_described_replaced_and_removed_are_told_in_the_history(
    publisher_client, make_article
):
    article = make_article(status=Article.Status.DRAFT)
    response = post_photos(
        publisher_client,
        article,
        photo("plant.jpg", alt="A production line", **SMALL),
        photo("diploma.png", alt="A diploma", position=1, **SMALL),
    )
    assert response.status_code == 302
    post(publisher_client, article, **{"photos-1-alt": "The diploma of the year"})
    new_file = SimpleUploadedFile("new.jpg", image_bytes(**SMALL))
    post(publisher_client, article, **{"photos-0-image": new_file})
    post(publisher_client, article, **{"photos-0-DELETE": "on"})

    assert reasons(article)[:4] == [
        "Minor edit\nphoto removed: A production line",
        "Minor edit\nphoto replaced: A production line",
        "Minor edit\nphoto renamed: A diploma → The diploma of the year",
        "Minor edit\nphoto added: A production line\nphoto added: A diploma",
    ]
    page = publisher_client.get(reverse("admin:news_article_history", args=[article.pk])).text
    for told in (
        "Gallery photos: removed “A production line”",
        "Gallery photos: replaced the photo “A production line”",
        "Gallery photos: changed the description “A diploma” to “The diploma of the year”",
        "Gallery photos: added “A production line”; added “A diploma”",
    ):
        assert f"<p>{told}</p>" in page
    compare = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert "<span>Gallery photos: removed “A production line”</span>" in compare.text


def test_photos_and_documents_of_one_save_are_told_apart(publisher_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    post_photos(
        publisher_client,
        article,
        photo(alt="A production line", **SMALL),
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "Decree No. 12",
            "attachments-0-file": SimpleUploadedFile("decree.pdf", PDF),
            "attachments-0-position": "0",
        },
    )
    page = publisher_client.get(reverse("admin:news_article_history", args=[article.pk])).text
    assert "<p>Gallery photos: added “A production line”</p>" in page
    assert "<p>Documents: added “Decree No. 12”</p>" in page


# Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
# database): a superuser stands for everyone here.


@pytest.mark.django_db(transaction=True)
def test_a_photo_is_told_outside_a_test_transaction(admin_user, client, make_article):
    client.force_login(admin_user)
    article = make_article(status=Article.Status.DRAFT)
    response = post_photos(client, article, photo(alt="A production line", **SMALL))
    assert response.status_code == 302
    record = Article.objects.get(pk=article.pk).history.first()
    assert record.history_change_reason == "Minor edit\nphoto added: A production line"
    assert article.photos.get().alt == "A production line"
