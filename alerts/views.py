"""The subscriber's pages. None is kept in the page cache: the form's page answers a POST, and the
others are opened with a subscriber's link."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from core.client_ip import client_ip

from . import links
from .forms import ChoicesForm, SubscribeForm
from .models import Subscriber

# Confirmations one client may ask for (many addresses from one script).
RATE = "10/h"


def _client(group, request):
    return client_ip(request)


def _notice(request, title, text, status=200):
    return render(request, "alerts/notice.html", {"title": title, "text": text}, status=status)


# No CSRF token: the form is on a cached page, and no one is signed in here whose session a
# forged request could use; what protects an address is the confirmation sent to it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if is_ratelimited(request, group="alerts", key=_client, rate=RATE, increment=True):
            return _notice(
                request,
                _("Too many requests"),
                _("Too many subscriptions were asked for from your connection. Try again later."),
                status=429,
            )
        data = form.cleaned_data
        Subscriber.objects.request(
            data["email"], get_language(), data["all_news"], data["topics"], data["updates"]
        )
        return redirect("alerts:check-inbox")
    return render(
        request, "alerts/subscribe.html", {"form": form}, status=400 if form.errors else 200
    )


def check_inbox(request):
    return _notice(
        request,
        _("Check your inbox"),
        _(
            "If the address can receive alerts, a message is on its way to it with a link to "
            "confirm your subscription. Open it within three days: nothing is sent to you before."
        ),
    )


def _invalid_link(request):
    return _notice(
        request,
        _("This link does not work"),
        _(
            "It has expired, or the subscription it was for has ended. You can subscribe again "
            "on the Subscribe page."
        ),
        status=404,
    )


# A GET only asks: mail systems that open every link of a message (to scan it) must not
# subscribe an address whose owner never asked.
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber = links.subscriber_from(token, links.CONFIRM)
    if subscriber is None:
        return _invalid_link(request)
    manage = redirect("alerts:manage", token=links.token(subscriber, links.MANAGE))
    if subscriber.is_confirmed:
        return manage
    if request.method == "GET":
        return render(request, "alerts/confirm.html", {"subscriber": subscriber})
    Subscriber.objects.filter(pk=subscriber.pk).update(
        confirmed_at=timezone.now(), notice_due=False
    )
    messages.success(request, _("Your subscription is confirmed."))
    return manage


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = links.subscriber_from(token, links.MANAGE)
    if subscriber is None or not subscriber.is_confirmed:
        return _invalid_link(request)
    initial = {
        "all_news": subscriber.all_news,
        "topics": subscriber.topics.all(),
        "updates": subscriber.updates,
    }
    form = ChoicesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        Subscriber.objects.filter(pk=subscriber.pk).update(
            all_news=data["all_news"], updates=data["updates"]
        )
        subscriber.topics.set([] if data["all_news"] else data["topics"])
        messages.success(request, _("Your choices are saved."))
        return redirect(request.path)
    return render(
        request, "alerts/manage.html", {"form": form, "subscriber": subscriber, "token": token}
    )


# The one-click unsubscribe of RFC 8058: mail programs POST "List-Unsubscribe=One-Click" to the
# address in the message's header, with no cookie and no token of ours. A GET only asks.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = links.subscriber_from(token, links.MANAGE)
    if request.method == "GET":
        if subscriber is None:
            return _invalid_link(request)
        return render(request, "alerts/unsubscribe.html", {"subscriber": subscriber})
    if subscriber is not None:
        subscriber.delete()
    return _notice(
        request,
        _("You have unsubscribed"),
        _("Your address is deleted: we will send you nothing more."),
    )
