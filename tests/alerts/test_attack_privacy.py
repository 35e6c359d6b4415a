"""What is left of an address once it is deleted, and what an alert promises."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail

from alerts.models import Alert, Subscriber
from alerts.sending import Worker
from news import workflow

pytestmark = pytest.mark.django_db


def test_an_address_deleted_in_the_admin_leaves_no_copy_in_the_admin_log(
    client, publisher, subscribe, settings
):
    settings.ADMIN_REQUIRE_2FA = False
    subscriber = subscribe("leaving@example.by")
    client.force_login(publisher)
    response = client.post(f"/admin/alerts/subscriber/{subscriber.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Subscriber.objects.exists()

    assert not LogEntry.objects.filter(object_repr__icontains="leaving@example.by").exists()


def test_an_update_goes_only_to_those_who_were_sent_the_release(
    make_article, subscribe, publisher, work
):
    """The form's promise: "tell me when a release I was sent is significantly corrected"."""
    article = make_article(title="Council met")
    Worker().work()  # announced to nobody: no one had subscribed yet
    subscribe("newcomer@example.by", updates=True)
    mail.outbox.clear()
    workflow.record_change(article, "The date was corrected.", publisher)

    assert work() == {}


def test_a_publisher_deletes_an_article_that_was_announced(
    client, publisher, make_article, settings
):
    """Its alerts and their log go with it: the admin asks no permission for them."""
    settings.ADMIN_REQUIRE_2FA = False
    article = make_article()
    assert article.alerts.exists()
    client.force_login(publisher)
    response = client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Alert.objects.exists()
