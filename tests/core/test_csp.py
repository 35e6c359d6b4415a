"""The site's policy, built once, is the one django-csp would build; a response that changes it
still gets its own."""

import pytest
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from core.csp import CSPMiddleware

HEADER = "Content-Security-Policy"


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False  # with debug on, django-csp exempts error pages: the policy is built


def answered(middleware_class, response):
    return middleware_class(lambda request: response)(RequestFactory().get("/en/"))


@pytest.mark.parametrize(
    "changes",
    [{}, {"_csp_update": {"script-src": ["'sha256-abc='"]}}, {"_csp_exempt": True}],
)
def test_the_same_header_as_django_csp_builds(changes):
    expected = answered(DjangoCSPMiddleware, response_with(changes)).get(HEADER)
    assert answered(CSPMiddleware, response_with(changes)).get(HEADER) == expected
    if changes.get("_csp_update"):
        assert "'sha256-abc='" in expected


def test_a_header_the_view_set_is_kept():
    response = HttpResponse()
    response[HEADER] = "default-src 'none'"
    assert answered(CSPMiddleware, response)[HEADER] == "default-src 'none'"


def response_with(changes):
    response = HttpResponse()
    for name, value in changes.items():
        setattr(response, name, value)
    return response
