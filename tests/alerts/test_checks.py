"""`check --deploy` is the one guard on DJANGO_SITE_URL, the base of every link in an alert."""

import pytest

from alerts.checks import public_address


@pytest.mark.parametrize(
    "site_url",
    [
        "http://127.0.0.1:8000",  # the development default
        "news.example.gov.by",  # no scheme: links "news.example.gov.by/en/alerts/confirm/…"
        "https://news.example.gov.by?x=1",  # links "https://news.example.gov.by?x=1/en/alerts/…"
        "http://127.0.0.2",  # still this machine (127.0.0.0/8)
        "https://localhost.",
        "https://0.0.0.0",
        "http://news.example.gov.by",  # the links carry a never-expiring capability
    ],
)
def test_deploy_check_warns_of_a_site_url_no_subscriber_should_get(settings, site_url):
    settings.SITE_URL = site_url
    assert [warning.id for warning in public_address(None)] == ["alerts.W001"]


def test_deploy_check_accepts_the_public_https_address(settings):
    settings.SITE_URL = "https://gknt.gov.by"
    assert public_address(None) == []
