"""Random paths, query strings and headers at every public address: never a server error."""

import collections
import datetime
import itertools
import re

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/en/news/",
    "/en/news/2023/",
    "/en/news/2023/01/",
    "/en/news/feed/rss/",
    "/en/news/feed/atom/",
    "/en/contacts/",
    "/en/news/search/",
    "/en/news/topics/innovation/",
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


# Every public URL pattern, with the values at the edges of what each converter accepts.
EDGES = {
    "FourDigitConverter": ["0000", "0001", "2023", "2024", "9999"],
    # With years 2023 and 2024: 29 February of a common and a leap year, and the 30th of neither.
    "TwoDigitConverter": ["00", "01", "02", "12", "13", "28", "29", "30", "31", "32", "99"],
    "SlugConverter": ["press-release", "x", "-", "9" * 300],
    "StringConverter": ["x", "abc:def", "00000000-0000-0000-0000-000000000000:x", "ё" * 200],
    "PathConverter": ["x", "../../etc/passwd", "a/b/c"],
    "IntConverter": ["0", "1", "99999999999999999999"],
}
ANSWERS = {200, 301, 302, 404, 410}


def public_routes(patterns=None, prefix=""):
    """(route, converter class names) of every URL pattern outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                yield from public_routes(pattern.url_patterns, route)
        elif isinstance(pattern.pattern, RoutePattern):
            converters = pattern.pattern.converters
            yield route, {name: type(converter).__name__ for name, converter in converters.items()}
        else:  # a regular expression (uploads in development): its groups take any text
            groups = re.compile(pattern.pattern.regex.pattern).groupindex
            yield route, {name: "PathConverter" for name in groups}


def addresses(route, converters):
    placeholder = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
    names = list(converters)
    for values in itertools.product(*(EDGES[converters[name]] for name in names)):
        chosen = dict(zip(names, values, strict=True))
        path = placeholder.sub(lambda match, chosen=chosen: chosen[match[1] or match[2]], route)
        yield "/" + path.lstrip("^").rstrip("$")


def test_every_public_pattern_at_its_converters_edges(client, make_article):
    make_article(slug="press-release", pub_date=timezone.make_aware(datetime.datetime(2024, 2, 29)))
    routes = dict(public_routes())
    detail = "en/news/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/"
    assert {detail, "en/news/preview/<str:token>/"} <= set(routes)
    answered = collections.Counter()
    for route, converters in routes.items():
        for path in addresses(route, converters):
            status = client.get(path).status_code
            # Uploads in development: Django's file server refuses a path out of its folder (400).
            allowed = ANSWERS | {400} if "(?P<" in route else ANSWERS
            assert status in allowed, (path, status)
            answered[status] += 1
    assert answered[200] and answered[404]  # the edges were reached, not just refused
