"""The worker's round: share out the alerts of articles that went live, then send what is due.

The queue is the database itself (the Delivery table): one row per subscriber and alert, unique,
so an article reaches each subscriber once; workers take rows with a lease (a conditional UPDATE,
the same on PostgreSQL and SQLite) and record each message as sent through postman.py."""

import datetime
import functools
import logging
import smtplib
import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from news.models import Article

from . import messages
from .models import Alert, Delivery, Subscriber
from .postman import Postman, Refused

logger = logging.getLogger(__name__)

# After this many refusals for now, a message is given up.
MAX_ATTEMPTS = 12
LONGEST_WAIT = datetime.timedelta(hours=1)
CONNECTION_ERRORS = (OSError, smtplib.SMTPException)


class Worker:
    def __init__(
        self, batch=100, lease=datetime.timedelta(minutes=5), retry=datetime.timedelta(minutes=1)
    ):
        self.id = uuid.uuid4()
        self.batch, self.lease, self.retry = batch, lease, retry

    def work(self):
        """One round; how many messages it sent."""
        Subscriber.objects.expired().delete()
        self.share_out()
        with Postman() as postman:
            try:
                return self.send_notices(postman) + self.send_alerts(postman)
            except CONNECTION_ERRORS as error:
                logger.warning("The mail server is not taking messages: %s", error)
                return 0

    def share_out(self):
        for alert in Alert.objects.due().select_related("article"):
            wanting = Subscriber.objects.wanting(alert).values_list("pk", flat=True)
            with transaction.atomic():
                Delivery.objects.bulk_create(
                    (Delivery(alert=alert, subscriber_id=pk) for pk in wanting.iterator()),
                    batch_size=1000,
                    ignore_conflicts=True,  # another worker shared it out at the same time
                )
                Alert.objects.filter(pk=alert.pk).update(shared_at=timezone.now())

    def send_notices(self, postman):
        sent = 0
        for subscriber in Subscriber.objects.notices_due(timezone.now())[: self.batch]:
            claim = functools.partial(self.take_notice, subscriber)
            try:
                sent += postman.deliver(messages.notice(subscriber), claim)
            except Refused as refusal:
                logger.warning("A notice to subscriber %s was refused: %s", subscriber.pk, refusal)
                self.notice_refused(subscriber, refusal)
            except CONNECTION_ERRORS:
                # Taken, maybe, but not sent: the final "." never left.
                Subscriber.objects.filter(pk=subscriber.pk).update(notice_due=True)
                raise
        return sent

    def send_alerts(self, postman):
        deliveries = self.claim()
        public = set(
            Article.objects.published()
            .filter(alerts__deliveries__in=deliveries)
            .values_list("pk", flat=True)
        )
        sent = 0
        for position, delivery in enumerate(deliveries):
            if delivery.subscriber is None or delivery.alert.article_id not in public:
                self.give_up(delivery, "The subscriber left or the article was withdrawn first.")
                continue
            try:
                claim = functools.partial(self.record_sent, delivery)
                sent += postman.deliver(messages.alert(delivery), claim)
            except Refused as refusal:
                self.refused(delivery, refusal)
            except CONNECTION_ERRORS:
                self.release(deliveries[position:])
                raise
        return sent

    def claim(self):
        now = timezone.now()
        claimable = Delivery.objects.claimable(now)
        candidates = list(
            claimable.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[: self.batch]
        )
        claimable.filter(pk__in=candidates).update(
            claimed_by=self.id, claimed_until=now + self.lease
        )
        return list(
            Delivery.objects.filter(pk__in=candidates, claimed_by=self.id, sent_at=None)
            .select_related("alert__article", "alert__change_note", "subscriber")
            .order_by("pk")
        )

    @staticmethod
    def take_notice(subscriber):
        due = Subscriber.objects.filter(pk=subscriber.pk, notice_due=True)
        return due.update(notice_due=False) == 1

    def notice_refused(self, subscriber, refusal):
        attempts = subscriber.notice_attempts + 1
        Subscriber.objects.filter(pk=subscriber.pk).update(
            notice_due=not refusal.permanent and attempts < MAX_ATTEMPTS,
            notice_attempts=attempts,
            notice_next_at=timezone.now() + self.wait(subscriber.notice_attempts),
        )

    def wait(self, attempts):
        """Before the next try: the longer, the more tries failed."""
        return min(self.retry * 2**attempts, LONGEST_WAIT)

    def mine(self, delivery):
        return Delivery.objects.filter(pk=delivery.pk, claimed_by=self.id)

    def record_sent(self, delivery):
        return self.mine(delivery).filter(sent_at=None).update(sent_at=timezone.now()) == 1

    def give_up(self, delivery, reason):
        self.mine(delivery).update(
            sent_at=None, failed_at=timezone.now(), error=reason[:300], claimed_until=None
        )

    def refused(self, delivery, refusal):
        if refusal.permanent or delivery.attempts + 1 >= MAX_ATTEMPTS:
            self.give_up(delivery, str(refusal))
        else:
            self.release([delivery], str(refusal))

    def release(self, deliveries, error="The mail server could not be reached."):
        """Back in the queue, to be tried again later (the later the more often it failed)."""
        now = timezone.now()
        for delivery in deliveries:
            self.mine(delivery).update(
                sent_at=None,
                claimed_until=None,
                attempts=F("attempts") + 1,
                next_attempt_at=now + self.wait(delivery.attempts),
                error=error[:300],
            )
