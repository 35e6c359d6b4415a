"""Random paths, query strings and headers at every public address: never a server error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/news/",
    "/news/2023/",
    "/news/2023/01/",
    "/news/feed/rss/",
    "/news/feed/atom/",
    "/contacts/",
    "/news/search/",
    "/news/topics/innovation/",
    "/sitemap.xml",
    "/robots.txt",
    "/low-vision/",
]
text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=200)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(make_article, make_topic, demo_contacts):
    make_article().topics.add(make_topic("Innovation"))


@FUZZ
@given(base=st.sampled_from(PUBLIC), suffix=text)
def test_random_paths_never_fail(client, site, base, suffix):
    response = client.get(base + suffix.replace("?", "").replace("#", ""))
    assert response.status_code < 500


@FUZZ
@given(base=st.sampled_from(PUBLIC), params=st.dictionaries(text, text, max_size=4))
def test_random_query_strings_never_fail(client, site, base, params):
    assert client.get(base, params).status_code < 500


@FUZZ
@given(query=text, page=text)
def test_random_searches_never_fail(client, site, query, page):
    assert client.get(reverse("news:search"), {"q": query, "page": page}).status_code < 500


@FUZZ
@given(
    base=st.sampled_from(PUBLIC),
    accept_encoding=header_text,
    if_none_match=header_text,
    if_modified_since=header_text,
    cookie=header_text,
    accept_language=header_text,
)
def test_random_headers_never_fail(
    client, site, base, accept_encoding, if_none_match, if_modified_since, cookie, accept_language
):
    response = client.get(
        base,
        HTTP_ACCEPT_ENCODING=accept_encoding,
        HTTP_IF_NONE_MATCH=if_none_match,
        HTTP_IF_MODIFIED_SINCE=if_modified_since,
        HTTP_COOKIE=cookie,
        HTTP_ACCEPT_LANGUAGE=accept_language,
    )
    assert response.status_code < 500
