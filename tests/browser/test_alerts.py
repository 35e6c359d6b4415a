"""A reader's whole journey with the e-mail alerts, in the browser, with a real SMTP server: the
links are those of the messages the server received."""

import email
import email.policy
import re

import pytest
from playwright.sync_api import expect

from alerts.models import Subscriber
from alerts.sending import Worker
from news import workflow
from news.models import Article
from tools.instances import free_port
from tools.mailing import Sink

from .conftest import WIDTHS, axe_violations, screenshot


@pytest.fixture
def smtp(settings, tmp_path, site):
    sink = Sink(tmp_path, free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.SITE_URL = site
    yield sink
    sink.stop()


def last_message(sink):
    return email.message_from_string(sink.messages()[-1]["raw"], policy=email.policy.default)


def link(message, name):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"https?://\S+/alerts/{name}/\S+/", text).group(0)


@pytest.mark.django_db(transaction=True)
def test_subscribe_confirm_receive_unsubscribe(site, smtp, open_page, publisher_in_db):
    page = open_page(WIDTHS["phone"])
    page.goto(f"{site}/en/news/subscribe/")
    form = page.locator(".alerts-form")
    form.get_by_label("Your e-mail address").fill("reader@example.by")
    form.get_by_label("All the news").check()
    form.get_by_role("button", name="Subscribe").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")

    Worker().work()
    confirmation = last_message(smtp)
    assert confirmation["To"] == "reader@example.by"
    page.goto(link(confirmation, "confirm"))
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("status")).to_have_text("Your subscription is confirmed.")
    assert axe_violations(page) == []
    screenshot(page, "alerts-manage-phone")

    article = Article.objects.create(
        title="Grants for young scientists",
        slug="grants",
        lead="Applications open.",
        body="<p>Body.</p>",
        status=Article.Status.DRAFT,
        language="en",
    )
    workflow.publish(article, publisher_in_db)
    Worker().work()
    alert = last_message(smtp)
    assert alert["Subject"] == "Grants for young scientists"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page.goto(
        re.search(r"https?://\S+/news/\S+/", alert.get_body(("plain",)).get_content()).group(0)
    )
    expect(page.locator("h1")).to_have_text("Grants for young scientists")

    page.goto(link(alert, "unsubscribe"))
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.locator("h1")).to_have_text("You have unsubscribed")
    assert not Subscriber.objects.exists()
    assert len(smtp.messages()) == 2


@pytest.fixture
def publisher_in_db(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.by", "chief-pass-1")


@pytest.mark.django_db(transaction=True)
def test_alerts_pages_fit_every_screen_and_pass_axe(site, open_page, make_topic):
    """The form (on the Subscribe page and, with its errors, on its own), the subscriber's page,
    the page to unsubscribe and a notice: no sideways scrolling, no axe violation, on a phone and
    a desktop, in the standard version and at the largest text."""
    from django.utils import timezone

    from alerts import links
    from core.low_vision import COOKIE

    topics = [make_topic(name) for name in ("Innovation", "International cooperation")]
    subscriber = Subscriber.objects.create(
        email="reader@example.by", language="en", all_news=False, confirmed_at=timezone.now()
    )
    subscriber.topics.set(topics[:1])
    token = links.token(subscriber, links.MANAGE)
    pages = [
        "/en/news/subscribe/",
        "/en/alerts/",  # with both of the form's errors, below
        f"/en/alerts/manage/{token}/",
        f"/en/alerts/unsubscribe/{token}/",
        "/en/alerts/check-your-inbox/",
    ]
    page = open_page(320)
    problems = []
    for setting in (None, "size=larger.contrast=high.images=shown.spacing=wide"):
        page.context.clear_cookies()
        if setting:
            page.context.add_cookies([{"name": COOKIE, "value": setting, "url": site}])
        for path in pages:
            page.goto(site + path)
            if path == "/en/alerts/":
                page.get_by_label("Only the topics I choose").check()
                page.get_by_role("button", name="Subscribe").click()
                assert page.locator(".field__error").count() == 2
            for width in (320, 375, 1280):
                page.set_viewport_size({"width": width, "height": 900})
                where = f"{path} at {width} px with {setting or 'the standard version'}"
                if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                    problems.append(f"{where}: scrolls sideways")
                if violations := axe_violations(page):
                    problems.append(f"{where}: {violations}")
    assert problems == [], "\n".join(problems)
