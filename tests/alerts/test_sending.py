"""What the worker sends, to whom and how often, with Django's test mail outbox."""

import datetime
import email
import email.policy

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alerts.models import Alert, Delivery
from alerts.sending import Worker
from news import workflow
from news.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_article):
    return make_article(status=Article.Status.DRAFT, title="Grants for young scientists")


def test_a_published_article_reaches_each_matching_subscriber_once(
    draft, subscribe, publisher, work, make_topic
):
    grants, space = make_topic("Grants"), make_topic("Space")
    draft.topics.set([grants])
    subscribe("all@example.by")
    subscribe("grants@example.by", topics=[grants])
    subscribe("space@example.by", topics=[space])
    subscribe("russian@example.by", language="ru")
    workflow.publish(draft, publisher)

    by_address = work()
    assert sorted(by_address) == ["all@example.by", "grants@example.by"]
    assert [m.subject for m in by_address["all@example.by"]] == ["Grants for young scientists"]
    mail.outbox.clear()
    assert work() == {}  # a second round, and a second publish, send nothing more
    workflow.return_to_draft(draft, publisher)
    workflow.publish(Article.objects.get(pk=draft.pk), publisher)
    assert work() == {}


def test_the_message_has_text_and_html_parts_and_one_click_unsubscribe(
    draft, subscribe, publisher, work
):
    subscribe("reader@example.by")
    workflow.publish(draft, publisher)
    [message] = work()["reader@example.by"]
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        parsed["List-Unsubscribe"]
        .strip()
        .startswith("<https://news.example.gov.by/en/alerts/unsubscribe/")
    )
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    url = "https://news.example.gov.by" + draft.get_absolute_url()
    for part in (text, html):
        assert draft.lead in part and url in part and "/en/alerts/manage/" in part


def test_a_scheduled_article_is_sent_once_when_it_goes_live(draft, subscribe, publisher, work):
    subscribe("reader@example.by")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    workflow.schedule(draft, publisher, go_live)
    assert work() == {}
    with time_machine.travel(go_live - datetime.timedelta(seconds=1)):
        assert work() == {}
    with time_machine.travel(go_live + datetime.timedelta(seconds=1)):
        assert len(work()["reader@example.by"]) == 1
    with time_machine.travel(go_live + datetime.timedelta(days=1)):
        assert len(work()["reader@example.by"]) == 1


def test_a_withdrawn_article_is_never_sent(draft, subscribe, publisher, work):
    subscribe("reader@example.by")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    workflow.schedule(draft, publisher, go_live)
    workflow.return_to_draft(Article.objects.get(pk=draft.pk), publisher)
    with time_machine.travel(go_live + datetime.timedelta(hours=1)):
        assert work() == {}


def test_withdrawn_while_being_sent_stops_the_rest(draft, subscribe, publisher, work):
    for number in range(3):
        subscribe(f"reader{number}@example.by")
    workflow.publish(draft, publisher)
    Worker().share_out()  # the messages are queued; the withdrawal overtakes their sending
    workflow.withdraw(Article.objects.get(pk=draft.pk), publisher, "Published by mistake.")
    assert work() == {}
    assert Delivery.objects.filter(failed_at__isnull=False).count() == 3


def test_an_update_goes_only_to_those_who_asked_and_a_minor_edit_to_nobody(
    make_article, subscribe, publisher, work
):
    subscribe("updates@example.by", updates=True)
    subscribe("once@example.by")
    article = make_article(title="Council met")  # created published: announced to both
    assert sorted(work()) == ["once@example.by", "updates@example.by"]
    mail.outbox.clear()
    article.lead = "A typo fixed."
    article.save()
    assert work() == {}
    workflow.record_change(article, "The date of the next meeting was corrected.", publisher)
    by_address = work()
    assert list(by_address) == ["updates@example.by"]
    [message] = by_address["updates@example.by"]
    assert message.subject == "Updated: Council met"
    assert "The date of the next meeting was corrected." in message.body


def test_an_old_article_edited_is_not_announced(make_article, subscribe, work):
    article = make_article()  # published before anyone subscribed, not through a step
    Alert.objects.all().delete()
    subscribe("reader@example.by")
    article.title = "A better title"
    article.save()
    assert work() == {}


def test_each_subscriber_gets_the_article_in_its_language(make_article, subscribe, publisher, work):
    subscribe("ru@example.by", language="ru")
    subscribe("be@example.by", language="be")
    for language, title in (("ru", "Совет по науке"), ("be", "Савет па навуцы")):
        workflow.publish(
            make_article(status=Article.Status.DRAFT, language=language, title=title), publisher
        )
    by_address = work()
    assert [m.subject for m in by_address["ru@example.by"]] == ["Совет по науке"]
    [message] = by_address["be@example.by"]
    assert message.subject == "Савет па навуцы"
    assert "/be/alerts/unsubscribe/" in message.body and "Адпісацца" in message.body


def test_a_subscriber_who_left_before_the_sending_gets_nothing(draft, subscribe, publisher, work):
    leaving = subscribe("leaving@example.by")
    workflow.publish(draft, publisher)
    Worker().share_out()
    leaving.delete()
    assert work() == {}
    delivery = Delivery.objects.get()
    assert delivery.subscriber is None and delivery.failed_at is not None
