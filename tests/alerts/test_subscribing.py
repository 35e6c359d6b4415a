"""Subscribe, confirm, change topics, unsubscribe: the pages, with the messages the worker sends."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from alerts.models import Subscriber

from .conftest import link_in

pytestmark = pytest.mark.django_db


def ask(client, address, **fields):
    data = {"email": address, "all_news": "True"} | fields
    return client.post(reverse("alerts:subscribe"), data)


def test_nothing_is_sent_before_the_address_is_confirmed(client, work, make_article):
    response = ask(client, "Reader@Example.BY")
    assert response.status_code == 302 and response["Location"] == reverse("alerts:check-inbox")
    make_article()
    [notice] = work()["Reader@Example.BY"]
    assert "confirm" in notice.subject.lower()
    assert Subscriber.objects.get().confirmed_at is None
    assert len(mail.outbox) == 1  # the confirmation only, not the article


def test_the_confirmation_link_subscribes_and_leads_to_the_choices(client, work):
    ask(client, "reader@example.by")
    [notice] = work()["reader@example.by"]
    confirm = link_in(notice, "confirm")
    # Opening the link only asks (a mail scanner opening every link subscribes nobody).
    assert client.get(confirm).status_code == 200
    assert Subscriber.objects.get().confirmed_at is None
    response = client.post(confirm, follow=True)
    assert response.status_code == 200
    assert "Your subscription is confirmed." in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is not None
    assert response.redirect_chain[-1][0].startswith("/en/alerts/manage/")


def test_a_confirmation_link_expires_after_three_days(client, work):
    ask(client, "reader@example.by")
    [notice] = work()["reader@example.by"]
    with time_machine.travel(datetime.timedelta(days=3, minutes=1)):
        response = client.get(link_in(notice, "confirm"))
        assert response.status_code == 404
        work()  # and the worker deletes the unconfirmed address
    assert not Subscriber.objects.exists()


def test_the_form_sends_one_notice_an_hour_to_an_address(client, work):
    for _ in range(5):
        ask(client, "reader@example.by")
        ask(client, "READER@example.by")
    assert len(work()["reader@example.by"]) == 1
    with time_machine.travel(datetime.timedelta(hours=1, minutes=1)):
        ask(client, "reader@example.by")
        assert len(work()["reader@example.by"]) == 2
    assert Subscriber.objects.count() == 1


def test_a_confirmed_address_given_again_gets_its_links_and_keeps_its_choices(
    client, subscribe, work, make_topic
):
    subscribe("reader@example.by", topics=[make_topic("Space")])
    response = ask(client, "reader@example.by", all_news="True")
    assert response.status_code == 302  # the same answer as for a new address
    [reminder] = work()["reader@example.by"]
    assert "/en/alerts/manage/" in reminder.body
    assert Subscriber.objects.get().all_news is False


def test_many_addresses_from_one_client_are_throttled(client, work):
    answers = [ask(client, f"reader{number}@example.by").status_code for number in range(12)]
    assert answers == [302] * 10 + [429] * 2
    assert len(work()) == 10


def test_topics_are_required_when_not_all_the_news(client):
    response = ask(client, "reader@example.by", all_news="False")
    assert response.status_code == 400
    assert "Choose at least one topic" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_subscriber_changes_topics_from_the_link_in_a_message(
    client, subscribe, work, make_topic
):
    space = make_topic("Space")
    subscribe("reader@example.by")
    ask(client, "reader@example.by")
    [reminder] = work()["reader@example.by"]
    manage = link_in(reminder, "manage")
    page = client.get(manage)
    assert page.status_code == 200 and "reader@example.by" in page.content.decode()
    response = client.post(manage, {"all_news": "False", "topics": [space.pk], "updates": "on"})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert not subscriber.all_news and subscriber.updates
    assert list(subscriber.topics.all()) == [space]


def test_one_click_unsubscribe_deletes_the_address(client, subscribe, work):
    subscribe("reader@example.by")
    ask(client, "reader@example.by")
    [reminder] = work()["reader@example.by"]
    unsubscribe = link_in(reminder, "unsubscribe")
    assert client.get(unsubscribe).status_code == 200  # a GET only asks
    assert Subscriber.objects.exists()
    # RFC 8058: the mail program's POST, without cookies or a CSRF token.
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert client.post(unsubscribe).status_code == 200  # twice is fine
    assert client.get(unsubscribe).status_code == 404


@pytest.mark.parametrize("name", ["confirm", "manage", "unsubscribe"])
def test_a_forged_link_is_refused(client, subscribe, name):
    subscriber = subscribe("reader@example.by")
    response = client.get(f"/en/alerts/{name}/{subscriber.key.hex}:forged/")
    assert response.status_code == 404
    assert "reader@example.by" not in response.content.decode()


def test_the_subscribe_page_carries_the_form_and_says_what_is_kept(client):
    page = client.get(reverse("news:subscribe")).content.decode()
    assert f'action="{reverse("alerts:subscribe")}"' in page
    assert "We keep only your address" in page
