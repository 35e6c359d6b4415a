"""The outage page that nginx serves when no instance answers: the site's own, readable on every
screen, in the language of the address the reader asked for."""

import pytest

from tools.instances import Nginx, free_port, manage, production_environment

from .conftest import axe_violations, html_errors_in, screenshot

ADDRESSES = {"ru": "/ru/news/", "be": "/be/contacts/", "en": "/en/"}


class Absent:
    """An instance that is down: nothing listens on its port."""

    port = free_port()


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    manage(production_environment(), "writeoutagepages")
    nginx = Nginx(tmp_path_factory.mktemp("nginx"), [Absent()])
    yield nginx.url
    nginx.stop()


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_outage_page_is_the_sites_own_and_fits_every_screen(browser, open_page, proxy, width):
    sources = {}
    for language, path in ADDRESSES.items():
        page = open_page(width)
        response = page.goto(proxy + path)
        assert response.status == 503
        assert page.locator("html").get_attribute("lang") == language
        assert page.evaluate("getComputedStyle(document.body).margin") == "0px"  # its stylesheet
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, f"outage-{language}-{width}")
        sources[language] = response.text()
    assert html_errors_in(sources) == ""
