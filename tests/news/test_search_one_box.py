"""The search page has one search box, its own: the header's would be a second `search` landmark
with nothing to tell the two apart (axe-core's `landmark-unique`), holding the same words."""

import re

import pytest

pytestmark = pytest.mark.django_db


def search_forms(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return re.findall(r'<form\b[^>]*\brole="search"', response.text)


def test_the_search_page_has_one_search_box(client, make_article):
    make_article(title="Innovation vouchers", lead="Innovation for small businesses.")
    assert len(search_forms(client, "/en/news/search/?q=innovation")) == 1
    assert len(search_forms(client, "/en/news/search/")) == 1


def test_every_other_page_has_the_headers_search_box(client, make_article):
    make_article()
    assert len(search_forms(client, "/en/news/")) == 1
    assert len(search_forms(client, "/en/")) == 1
