"""Text is compressed for a client that accepts it, cached or not; files are not."""

import gzip

import pytest
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core.compression import TextGZipMiddleware

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}
UNCACHED = ["news:feed-rss", "news:feed-atom", "news:feed-json", "news:list", "sitemap"]


@pytest.mark.parametrize("url_name", UNCACHED)
def test_an_uncached_answer_is_compressed_when_asked(client, make_article, url_name):
    make_article(title="Compressed as sent")
    plain = client.get(reverse(url_name))
    response = client.get(reverse(url_name), **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain.content


@pytest.mark.parametrize("url_name", UNCACHED)
def test_an_uncached_answer_is_sent_as_it_is_when_gzip_is_not_asked(client, make_article, url_name):
    make_article()
    for headers in ({}, {"HTTP_ACCEPT_ENCODING": "identity"}, {"HTTP_ACCEPT_ENCODING": "xgzip"}):
        response = client.get(reverse(url_name), **headers)
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding")
        assert "Accept-Encoding" in response["Vary"]


def test_a_compressed_feed_answers_its_etag_with_304(client, make_article):
    make_article()
    first = client.get(reverse("news:feed-rss"), **GZIP)
    assert first["ETag"].startswith('W/"')  # the body's tag, weakened: the bytes are gzip's
    again = client.get(reverse("news:feed-rss"), HTTP_IF_NONE_MATCH=first["ETag"], **GZIP)
    assert again.status_code == 304
    plain = client.get(reverse("news:feed-rss"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert plain.status_code == 304


def test_a_page_kept_compressed_is_not_compressed_again(client, make_article, settings):
    settings.PAGE_CACHE = True
    make_article(title="Compressed once")
    client.get(reverse("news:list"), **GZIP)
    kept = client.get(reverse("news:list"), **GZIP)
    assert b"Compressed once" in gzip.decompress(kept.content)


def compress(response):
    request = RequestFactory().get("/", **GZIP)
    return TextGZipMiddleware(lambda request: response).process_response(request, response)


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/zip"])
def test_a_binary_answer_is_sent_as_it_is(content_type):
    response = compress(HttpResponse(b"x" * 1000, content_type=content_type))
    assert not response.has_header("Content-Encoding")


def test_a_file_is_sent_as_it_is_stored_even_text(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("a,b\n" * 500)
    response = compress(FileResponse(path.open("rb"), content_type="text/csv"))
    assert not response.has_header("Content-Encoding")
    assert b"".join(response.streaming_content) == path.read_bytes()


def test_a_static_file_is_served_as_whitenoise_stored_it(client, settings):
    response = client.get("/static/css/site.css", **GZIP)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    # WhiteNoise's own compressed copy, its tag strong: compressed here it would be weak.
    assert response["Content-Encoding"] == "gzip"
    assert not response["ETag"].startswith("W/")
    assert gzip.decompress(body) == (settings.BASE_DIR / "static/css/site.css").read_bytes()
