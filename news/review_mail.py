"""The e-mails of the review: publishers hear of an article submitted to them, its editor of an
article sent back. Django's mail framework: the console in development, SMTP in production
(DJANGO_EMAIL_URL).

A message is sent once the step is committed, and a mail server that refuses, does not answer or
answers too slowly loses the message, never the step, and holds the page EMAIL_TIMEOUT seconds at
most (its socket timeout is per answer: one that trickles would hold it longer): the sender is
told so on the page."""

import logging
import smtplib
import threading

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .models import Status

logger = logging.getLogger(__name__)


def publishers():
    """Active staff who may publish, with an address to write to."""
    may_publish = Q(groups__permissions__codename="publish_article") | Q(
        user_permissions__codename="publish_article"
    )
    return (
        get_user_model()
        .objects.filter(may_publish | Q(is_superuser=True), is_active=True, is_staff=True)
        .exclude(email="")
        .distinct()
    )


def submitter(article):
    """Who last submitted the article for review, from its history."""
    record = article.history.filter(status=Status.REVIEW).exclude(history_user=None).first()
    return record and record.history_user


def tell_publishers(request, article, link):
    recipients = publishers().exclude(pk=request.user.pk)
    _send_on_commit(request, "review_requested", article, link, recipients)


def tell_editor(request, article, link):
    editor = submitter(article)
    recipients = [editor] if editor and editor.email and editor != request.user else []
    _send_on_commit(request, "sent_back", article, link, recipients)


def _send_on_commit(request, kind, article, link, recipients):
    addresses = [user.email for user in recipients]
    if not addresses:
        return
    context = {"article": article, "link": link, "sender": request.user}
    subject = " ".join(render_to_string(f"news/email/{kind}_subject.txt", context).split())
    body = render_to_string(f"news/email/{kind}.txt", context)
    # One message each: recipients do not see each other's addresses.
    datatuple = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]

    failed = threading.Event()

    def deliver():
        try:
            send_mass_mail(datatuple)
        except (OSError, smtplib.SMTPException):
            logger.exception("The review e-mail about article %s was not sent", article.pk)
            failed.set()

    def send():
        sending = threading.Thread(target=deliver, daemon=True)
        sending.start()
        sending.join(settings.EMAIL_TIMEOUT)
        if sending.is_alive():
            logger.warning("No answer in time from the mail server about article %s", article.pk)
        if sending.is_alive() or failed.is_set():
            told = _(
                "The step was saved, but the mail server did not take the e-mail to "
                "%(addresses)s: tell them yourself."
            )
            messages.warning(request, told % {"addresses": ", ".join(addresses)})

    transaction.on_commit(send)
