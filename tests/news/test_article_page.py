"""What an article's page tells its reader beside the text: when it was published, to the
minute and in Minsk time, in each language's own way; who took its photo, apart from the caption;
its documents and topics together, beside the text where the screen has room."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.news.uploads_support import PDF, image_bytes

pytestmark = pytest.mark.django_db

# 11.30 UTC is 14.30 in Minsk (UTC+3 all year).
PUBLISHED = datetime.datetime(2023, 1, 19, 11, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Thursday, 19 January 2023, 14.30"),
        ("ru", "четверг, 19 января 2023 г., 14.30"),
        ("be", "чацвер, 19 студзеня 2023 г., 14.30"),
    ],
)
def test_article_shows_its_publication_date_and_time_in_minsk(
    client, make_article, language, written
):
    article = make_article(language=language, pub_date=PUBLISHED)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert (
        f'<p class="article__date"><time datetime="2023-01-19T14:30:00+0300">{written}</time></p>'
        in response.text
    )


def test_photo_caption_and_credit_are_apart(client, make_article):
    article = make_article(
        image=SimpleUploadedFile("photo.jpg", image_bytes()),
        image_alt="The hall",
        image_caption="The exhibition at the technopark",
        image_credit="Press office",
    )
    text = client.get(article.get_absolute_url()).text
    assert '<span class="caption">The exhibition at the technopark</span>' in text
    assert '<span class="credit">Photo: Press office</span>' in text


def test_documents_and_topics_are_kept_together_apart_from_the_text(
    client, make_article, make_topic
):
    article = make_article()
    text = client.get(article.get_absolute_url()).text
    assert '<article class="article">' in text and "article__aside" not in text  # none yet
    article.attachments.create(title="Figures", file=SimpleUploadedFile("figures.pdf", PDF))
    article.topics.add(make_topic())
    text = client.get(article.get_absolute_url()).text
    aside = text[text.index('<div class="article__aside">') : text.index("</article>")]
    assert 'id="attachments-heading"' in aside and 'id="topics-heading"' in aside
    assert '<article class="article article--with-aside"' in text


def test_the_latest_other_news_of_the_pages_language_are_beside_the_article(client, make_article):
    now = datetime.datetime.now(datetime.UTC)
    older = [
        make_article(
            title=f"Release {n}", slug=f"release-{n}", pub_date=now - datetime.timedelta(days=n)
        )
        for n in range(1, 8)
    ]
    make_article(title="Draft", slug="draft", status="draft")
    make_article(title="Выпуск", slug="vypusk", language="ru")
    page = client.get(older[3].get_absolute_url()).text
    [side] = re.findall(r'<ul class="other-news">(.*?)</ul>', page, re.S)
    titles = re.findall(r">(Release \d|Draft|Выпуск)</a>", side)
    # The five latest but this one, newest first: no draft, no other language.
    assert titles == ["Release 1", "Release 2", "Release 3", "Release 5", "Release 6"]
