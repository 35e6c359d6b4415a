"""The worker against a mail server that says no at an unusual moment (a scripted SMTP server)."""

import pytest

from alerts.models import Delivery, Subscriber
from alerts.sending import Worker
from news import workflow
from news.models import Article

pytestmark = pytest.mark.django_db


def test_a_confirmation_refused_for_good_is_not_tried_again_every_round(fake_smtp):
    # An address the server rejects at RCPT for good (no such mailbox; or a syntactically odd
    # address the form accepts, such as '"a\x0bb"@example.com', which sanitize_address unquotes).
    server = fake_smtp(rcpt=lambda a: "550 5.1.1 No such user" if a.startswith("gone@") else None)
    Subscriber.objects.request("gone@example.by", "en", True, [], False)
    worker = Worker()
    for _round in range(3):
        worker.work()

    # three days (unconfirmed) or for ever (a confirmed address's reminder).
    assert server.rcpts().count("gone@example.by") == 1
    assert Subscriber.objects.get().notice_due is False


def test_a_reminder_refused_for_good_is_not_tried_again_for_ever(fake_smtp, subscribe):
    server = fake_smtp(rcpt=lambda a: "550 5.1.1 No such user")
    subscribe("gone@example.by")
    Subscriber.objects.update(notice_due=True)  # as after the form was sent with the address
    worker = Worker()
    for _round in range(3):
        worker.work()
    assert server.rcpts().count("gone@example.by") == 1


def test_a_refused_data_command_does_not_fail_the_next_subscribers_message(
    fake_smtp, subscribe, make_article, publisher
):
    # A server that refuses the DATA command once (a policy, a rate limit: Postfix's
    # smtpd_data_restrictions) keeps the envelope; the postman sends no RSET, so the next
    # message's MAIL gets "503 nested MAIL command", a 5xx, and is given up for good.
    refusals = iter(["451 4.7.1 Try again later"])
    server = fake_smtp(data=lambda: next(refusals, None))
    subscribe("first@example.by")
    subscribe("second@example.by")
    draft = make_article(status=Article.Status.DRAFT)
    workflow.publish(draft, publisher)
    Worker().work()
    failed = list(Delivery.objects.filter(failed_at__isnull=False).values_list("error", flat=True))
    assert failed == []  # found: ['503 5.5.1 Error: nested MAIL command']
    assert any(b"Subject" in body for _rcpts, body in server.taken)
