import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_NAMES = {"localhost", "localhost."}


def _reachable_by_others(host):
    if not host or host in LOCAL_NAMES:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True  # a name
    return not (address.is_loopback or address.is_unspecified or address.is_private)


@checks.register(checks.Tags.security, deploy=True)
def public_address(app_configs, **kwargs):
    """Links in e-mail alerts come from DJANGO_SITE_URL, and carry a subscriber's capability: an
    address that subscribers cannot open, or over plain HTTP, would give them broken or unsafe
    links."""
    parts = urlsplit(settings.SITE_URL)
    if (
        parts.scheme == "https"
        and _reachable_by_others(parts.hostname)
        and not (parts.query or parts.fragment)
    ):
        return []
    return [
        checks.Warning(
            f"DJANGO_SITE_URL is {settings.SITE_URL!r}: e-mail alerts would link there.",
            hint="Set DJANGO_SITE_URL to the site's public https:// address, e.g. https://gknt.gov.by.",
            id="alerts.W001",
        )
    ]
