"""What the application tells the front proxy: which pages it may keep, and how long."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db


def stands_in_for(response):
    """Seconds the proxy's copy may stand in for the application (stale-if-error)."""
    return int(re.search(r"stale-if-error=(\d+)", response["Cache-Control"]).group(1))


def test_a_public_page_may_be_kept_about_a_second_and_stand_in_for_an_hour(client, make_article):
    make_article()
    for _ in range(2):  # rendered, then served by the page cache
        response = client.get(reverse("news:list"))
        assert response["X-Accel-Expires"] == "1"
        assert 3590 <= stands_in_for(response) <= 3600


def test_a_copy_never_stands_in_past_the_next_change(client, make_article):
    """An article that expires must not come back while the application is down."""
    make_article(expires_at=timezone.now() + datetime.timedelta(seconds=100))
    response = client.get(reverse("news:list"))
    assert 90 <= stands_in_for(response) < 100


@pytest.mark.parametrize(("seconds_to_go_live", "kept"), [(1.5, "0"), (2.5, "0"), (3.5, "1")])
def test_never_kept_past_a_go_live(client, make_article, seconds_to_go_live, kept):
    """nginx keeps a copy until the end of the second after the one it is told: a page whose next
    change is less than two seconds away is not kept at all."""
    make_article()
    make_article(
        title="Scheduled", pub_date=timezone.now() + datetime.timedelta(seconds=seconds_to_go_live)
    )
    assert client.get(reverse("news:list"))["X-Accel-Expires"] == kept


def test_a_copy_from_the_page_cache_is_told_what_is_left_of_its_lifetime(client, make_article):
    make_article()
    go_live = timezone.now() + datetime.timedelta(seconds=30)
    make_article(title="Scheduled", pub_date=go_live)
    assert client.get(reverse("news:list"))["X-Accel-Expires"] == "1"
    with time_machine.travel(go_live - datetime.timedelta(seconds=1.5), tick=False):
        response = client.get(reverse("news:list"))
    assert "Scheduled" not in response.text  # still the kept copy
    assert response["X-Accel-Expires"] == "0"


@pytest.mark.parametrize("page_cache", [True, False])
def test_kept_by_the_proxy_with_the_page_cache_on_or_off(
    client, make_article, settings, page_cache
):
    settings.PAGE_CACHE = page_cache
    make_article()
    assert client.get(reverse("news:feed-rss"))["X-Accel-Expires"] == "1"


def test_never_for_staff_searches_or_previews(client, editor_client, make_article):
    article = make_article(title="Innovation programme")
    draft = make_article(status=Article.Status.DRAFT)
    assert "X-Accel-Expires" not in editor_client.get(reverse("news:list"))
    assert "X-Accel-Expires" not in editor_client.get(draft.get_absolute_url())
    assert "X-Accel-Expires" not in client.get(reverse("news:search") + "?q=innovation")
    assert "X-Accel-Expires" not in client.get(article.get_absolute_url() + "missing/")


@pytest.mark.parametrize("query", ["?page=999999", "?p=2", "?page=1&utm_source=mail"])
def test_never_for_parameters_a_page_does_not_read(client, make_article, query):
    """Each would be a copy of its own in the proxy: junk that fills its cache."""
    article = make_article()
    for _ in range(2):
        response = client.get(article.get_absolute_url() + query)
        assert response.status_code == 200
        assert "X-Accel-Expires" not in response


def test_a_response_that_sets_a_cookie_is_never_kept(client, make_article):
    make_article()
    response = client.get(reverse("low-vision") + "?enabled=on&next=/en/news/")
    assert response.cookies
    assert "X-Accel-Expires" not in response
