"""The change form's furniture in a real browser: the body's paragraph-style menu as tall as its
styles, a preview link's Copy button a finger can hit, "Newsroom" on a line of its own under the
agency's name on a phone, and no request the admin cannot answer (its icon)."""

import os

import pytest
from django.conf import settings
from django.urls import reverse

from news.models import Article, PreviewLink

from . import conftest as browser_tests
from .test_admin_editor import in_chromium


def measure_the_form(page):
    page.locator(".prose-menubar__selected").click()
    picker = page.locator(".prose-menubar__picker").bounding_box()
    page.keyboard.press("Escape")
    copy = page.locator(".copyable .copy-button").bounding_box()
    address = page.locator(".copyable input").bounding_box()
    page.set_viewport_size({"width": browser_tests.WIDTHS["phone"], "height": 900})
    agency, newsroom = (
        page.locator("#site-name a").bounding_box(),
        page.locator("#site-name .site-name__part").bounding_box(),
    )
    browser_tests.screenshot(page, "admin-change-form-phone")
    return {
        "picker": picker["height"],
        "copy": (copy["width"], copy["height"]),
        "address": address["width"],
        "newsroom on a line of its own": newsroom["y"] > agency["y"]
        and newsroom["x"] == agency["x"],
        "problems": page.problems,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_change_form_s_menus_and_buttons_fit_their_use(
    site, client, staff_who_may, make_article
):
    if reason := browser_tests._missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    publisher = staff_who_may("publisher", "view_article", "change_article", "publish_article")
    publisher.is_superuser = True  # every inline shown, whatever the groups of this database
    publisher.save()
    client.force_login(publisher)
    article = make_article(language="en", status=Article.Status.DRAFT)
    PreviewLink.objects.create(article=article, created_by=publisher)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    measured = in_chromium(
        measure_the_form, site, reverse("admin:news_article_change", args=[article.pk]), session
    )
    assert measured.pop("problems") == []
    assert measured.pop("picker") < 200  # four styles, not the editor's 30rem
    assert min(measured.pop("copy")) >= 44  # WCAG 2.5.5's target size
    assert measured.pop("address") >= 400
    assert measured == {"newsroom on a line of its own": True}
