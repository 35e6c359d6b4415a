"""The messages subscribers get, in their language, each with a plain-text part, an HTML part and
the one-click unsubscribe of RFC 8058."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from contacts.directory import agency

from . import links


def _message(subscriber, template, context, message_id=None):
    with translation.override(subscriber.language):
        context = context | {
            "agency": agency(),
            "subscriber": subscriber,
            "manage_link": links.manage_link(subscriber),
            "unsubscribe_link": links.unsubscribe_link(subscriber),
        }
        subject = render_to_string(f"alerts/email/{template}_subject.txt", context)
        text = render_to_string(f"alerts/email/{template}.txt", context)
        html = render_to_string(f"alerts/email/{template}.html", context)
    headers = {
        "List-Unsubscribe": f"<{context['unsubscribe_link']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",  # no out-of-office replies (RFC 3834)
    }
    if message_id:
        headers["Message-ID"] = message_id
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def alert(delivery):
    """One article (or its update) for one subscriber. Its Message-ID is the same at every try,
    so that a mailbox that had the message shows no second copy."""
    article = delivery.alert.article
    context = {
        "alert": delivery.alert,
        "article": article,
        "url": links.absolute(article.get_absolute_url()),
    }
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or "localhost"
    message_id = f"<alert-{delivery.alert_id}.{delivery.subscriber.key.hex}@{domain}>"
    return _message(delivery.subscriber, "alert", context, message_id)


def notice(subscriber):
    """The confirmation link; or, to an address already confirmed that is given again on the
    form, its links to change the topics or leave (nothing changes without its owner)."""
    if subscriber.is_confirmed:
        return _message(subscriber, "reminder", {})
    return _message(subscriber, "confirm", {"confirm_link": links.confirm_link(subscriber)})
