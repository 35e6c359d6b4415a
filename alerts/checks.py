from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def public_address(app_configs, **kwargs):
    """Links in e-mail alerts come from DJANGO_SITE_URL: left at the development default, every
    subscriber would get links to their own machine."""
    if urlsplit(settings.SITE_URL).hostname in ("127.0.0.1", "localhost", "::1"):
        return [
            checks.Warning(
                f"DJANGO_SITE_URL is {settings.SITE_URL}: e-mail alerts would link there.",
                hint="Set DJANGO_SITE_URL to the site's public address, e.g. https://gknt.gov.by.",
                id="alerts.W001",
            )
        ]
    return []
