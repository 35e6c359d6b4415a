"""The subscriber's links: absolute (a message is read away from the site), in the subscriber's
language, signed so that only the address's owner has them."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import CONFIRMATION_DAYS, Subscriber

CONFIRM = "alerts.confirm"
MANAGE = "alerts.manage"


def token(subscriber, purpose):
    return signing.TimestampSigner(salt=purpose).sign(subscriber.key.hex)


def subscriber_from(value, purpose):
    """The subscriber a token names, or None: forged, expired (a confirmation's), or gone."""
    max_age = CONFIRMATION_DAYS * 24 * 3600 if purpose == CONFIRM else None
    try:
        key = signing.TimestampSigner(salt=purpose).unsign(value, max_age=max_age)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(key=key).first()


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def link(view, subscriber, purpose):
    with translation.override(subscriber.language):
        return absolute(reverse(view, args=[token(subscriber, purpose)]))


def confirm_link(subscriber):
    return link("alerts:confirm", subscriber, CONFIRM)


def manage_link(subscriber):
    return link("alerts:manage", subscriber, MANAGE)


def unsubscribe_link(subscriber):
    return link("alerts:unsubscribe", subscriber, MANAGE)
