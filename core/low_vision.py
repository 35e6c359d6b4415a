"""The version for the visually impaired: preferences kept in a cookie and rendered by the server,
so that it works without JavaScript and on every page."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

COOKIE = "low_vision"
COOKIE_MAX_AGE = 365 * 24 * 3600
# The settings, inside the panel's <details>, which is closed on every page but the one a choice
# leads back to: browsers open a closed <details> around the target of the address's fragment
# (HTML's "ancestor revealing algorithm"), so that a reader can go on choosing, and without a
# variant of the page for the page cache to keep. Elsewhere the page comes first.
SETTINGS_ANCHOR = "lv-settings"

# Each setting: its choices, in order, with the label readers see.
CHOICES = {
    "size": {"normal": _("Normal"), "large": _("Large"), "larger": _("Very large")},
    "contrast": {
        "standard": _("Standard"),
        "high": _("White on black"),
        "blue": _("Dark blue on light blue"),
    },
    "images": {"shown": _("Shown"), "hidden": _("Hidden")},
    "spacing": {"normal": _("Normal"), "wide": _("Wide")},
}
SETTING_LABELS = {
    "size": _("Text size"),
    "contrast": _("Colours"),
    "images": _("Images"),
    "spacing": _("Spacing"),
}


@dataclass(frozen=True)
class Preferences:
    enabled: bool = False
    size: str = "large"
    contrast: str = "high"
    images: str = "shown"
    spacing: str = "wide"

    @classmethod
    def from_cookie(cls, value):
        """Anything unexpected in the cookie falls back to the defaults, never to an error."""
        if not value:
            return cls()
        pairs = dict(part.partition("=")[::2] for part in value.split("."))
        chosen = {name: pairs[name] for name in CHOICES if pairs.get(name) in CHOICES[name]}
        return cls(enabled=True, **chosen)

    def to_cookie(self):
        return ".".join(f"{name}={getattr(self, name)}" for name in CHOICES)

    def updated(self, query):
        if query.get("enabled") == "off":
            return Preferences()
        chosen = {name: query[name] for name in CHOICES if query.get(name) in CHOICES[name]}
        return replace(self, enabled=True, **chosen)

    @property
    def html_class(self):
        if not self.enabled:
            return ""
        return " ".join(["lv", *(f"lv-{name}-{getattr(self, name)}" for name in CHOICES)])


def page_variant(request):
    """The version a page renders in, whatever else the cookie holds: the page cache keeps one
    copy per answer (PAGE_CACHE_VARIANTS)."""
    return Preferences.from_cookie(request.COOKIES.get(COOKIE)).html_class


class LowVisionPanel:
    """Links that switch the version and each setting, back to the page the reader is on."""

    def __init__(self, request):
        self.request = request
        self.preferences = Preferences.from_cookie(request.COOKIES.get(COOKIE))

    def link(self, **query):
        return (
            f"{reverse('low-vision')}?{urlencode(query | {'next': self.request.get_full_path()})}"
        )

    settings_anchor = SETTINGS_ANCHOR

    @property
    def toggle_url(self):
        return self.link(enabled="off" if self.preferences.enabled else "on")

    def settings(self):
        return [
            (
                SETTING_LABELS[name],
                [
                    (label, self.link(**{name: value}), getattr(self.preferences, name) == value)
                    for value, label in choices.items()
                ],
            )
            for name, choices in CHOICES.items()
        ]


def low_vision(request):
    return {"low_vision": LowVisionPanel(request)}


@never_cache
def set_low_vision(request):
    """Remember the reader's choice and take them back where they were."""
    preferences = Preferences.from_cookie(request.COOKIES.get(COOKIE)).updated(request.GET)
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    if not preferences.enabled:
        response = HttpResponseRedirect(target)
        response.delete_cookie(COOKIE, samesite="Lax")
        return response
    response = HttpResponseRedirect(f"{target}#{SETTINGS_ANCHOR}")
    response.set_cookie(
        COOKIE,
        preferences.to_cookie(),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response
