"""E-mail alerts: who asked for which news, what is to be announced, and each message's fate.

An address is personal data: the only things kept are the address, its language and choices, and
the times of its confirmation; an unconfirmed address is deleted once its link has expired."""

import datetime
import uuid

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long a confirmation link works, and an unconfirmed address is kept.
CONFIRMATION_DAYS = 3
# One notice (confirmation or a reminder of the links) per address per this time, however often
# the form is sent with it.
NOTICE_INTERVAL = datetime.timedelta(hours=1)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def wanting(self, alert):
        """The confirmed subscribers an alert is for: its article's language and topics, and for
        an update, only those who asked for updates."""
        article = alert.article
        wanted = Q(all_news=True) | Q(topics__in=article.topics.all())
        subscribers = self.confirmed().filter(wanted, language=article.language)
        if alert.kind == Alert.Kind.UPDATED:
            # "A release I was sent": not those who subscribed after it went out.
            sent_it = Q(
                deliveries__alert__article=article,
                deliveries__alert__kind=Alert.Kind.PUBLISHED,
                deliveries__sent_at__isnull=False,
            )
            subscribers = subscribers.filter(sent_it, updates=True)
        return subscribers.distinct()

    def request(self, email, language, all_news, topics, updates):
        """The form's one answer, whatever the address: a notice to it, at most one an hour.
        A new or unconfirmed address gets a confirmation link (and its choices are taken); a
        confirmed one a reminder of its links, and nothing changes without its owner."""
        now = timezone.now()
        choices = {"language": language, "all_news": all_news, "updates": updates}
        fresh_notice = {"notice_requested_at": now, "notice_attempts": 0, "notice_next_at": now}
        with transaction.atomic():
            subscriber = self.select_for_update().filter(email__iexact=email).first()
            if subscriber is None:
                try:
                    with transaction.atomic():
                        subscriber = self.create(email=email, **choices)
                except IntegrityError:  # the same address, sent twice at the same moment
                    return
            elif subscriber.notice_requested_at > now - NOTICE_INTERVAL:
                return
            elif subscriber.is_confirmed:
                self.filter(pk=subscriber.pk).update(notice_due=True, **fresh_notice)
                return
            else:
                self.filter(pk=subscriber.pk).update(notice_due=True, **fresh_notice, **choices)
            subscriber.topics.set([] if all_news else topics)

    def notices_due(self, now):
        return self.filter(notice_due=True, notice_next_at__lte=now)

    def expired(self, now=None):
        since = (now or timezone.now()) - datetime.timedelta(days=CONFIRMATION_DAYS)
        return self.filter(confirmed_at=None, notice_requested_at__lt=since)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    all_news = models.BooleanField(_("all the news"), default=True)
    topics = models.ManyToManyField(
        "news.Topic", blank=True, related_name="subscribers", verbose_name=_("topics")
    )
    updates = models.BooleanField(
        _("updates"), default=False, help_text=_("Also significant corrections of releases.")
    )
    # The capability in the subscriber's links (signed): unguessable, unlike the primary key.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    notice_requested_at = models.DateTimeField(default=timezone.now, editable=False)
    # A confirmation (or, once confirmed, a reminder of the links) for the worker to send, and
    # when to try again after a mail server said "not now".
    notice_due = models.BooleanField(default=True, editable=False)
    notice_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    notice_next_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscriber_unique_email"),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class AlertQuerySet(models.QuerySet):
    def due(self):
        """Not yet shared out, for an article the public may see now: a scheduled article's
        alert waits for its time, a withdrawn or unpublished one's for ever."""
        from news.models import Article

        return self.filter(shared_at=None, article__in=Article.objects.published())


class Alert(models.Model):
    """An article to announce: once when it goes live, once per significant change."""

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UPDATED = "updated", _("Updated")

    article = models.ForeignKey(
        "news.Article", on_delete=models.CASCADE, related_name="alerts", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    change_note = models.OneToOneField(
        "news.ChangeNote",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert",
        verbose_name=_("change note"),
    )
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    shared_at = models.DateTimeField(_("shared out"), null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # An article is announced once, whether published, withdrawn and published again.
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(kind="published"),
                name="alerts_alert_published_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"


class SendingLog(Alert):
    """The admin's view of the alerts. A proxy, so that the admin does not count an article's
    alerts among what deleting the article needs a permission for: they go with it."""

    class Meta:
        proxy = True
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")


class DeliveryQuerySet(models.QuerySet):
    def claimable(self, now):
        free = Q(claimed_until=None) | Q(claimed_until__lt=now)
        return self.filter(free, sent_at=None, failed_at=None, next_attempt_at__lte=now)


class Delivery(models.Model):
    """One message of an alert to one subscriber: the unique pair is what makes it once."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    # Kept, without the address, when the subscriber leaves: the log still counts the message.
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.SET_NULL, null=True, related_name="deliveries"
    )
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_by = models.UUIDField(null=True)
    claimed_until = models.DateTimeField(null=True)
    sent_at = models.DateTimeField(null=True)
    failed_at = models.DateTimeField(null=True)
    error = models.CharField(max_length=300, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "subscriber"], name="alerts_delivery_once_per_subscriber"
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at=None, failed_at=None),
                name="alerts_delivery_pending_idx",
            ),
        ]

    def __str__(self):
        return f"{self.alert} → {self.subscriber_id}"
