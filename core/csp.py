"""The Content-Security-Policy: the site's own, built once, and the admin's pages with the
rich-text editor, which allow its import map."""

import base64
import functools
import hashlib
import re

import csp.middleware
from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings

IMPORT_MAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.S)


def allow_import_map(response, media):
    """The editor's import map is the admin's one inline script: the CSP admits it by its hash."""
    hashes = [
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in IMPORT_MAP.findall(str(media))
    ]
    if hashes:
        response._csp_update = {"script-src": hashes}
    return response


# What a view can set on its response to change the policy for that response (django-csp's
# decorators and core.csp.allow_import_map) or exempt it.
PER_RESPONSE = tuple(
    f"_csp_{part}{suffix}"
    for part in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


@functools.cache
def site_policy():
    return build_policy()


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the site's policy built once rather than for every response:
    that build was a fifth of the time of a page served from the page cache. A response whose
    policy is its own (the admin's editor), or that used a nonce, is handled as django-csp does,
    as is every response of a configuration with a report-only policy or excluded addresses."""

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_RESPONSE)
            or not one_policy_for_all()
        ):
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = site_policy()
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


def one_policy_for_all():
    return not (
        settings.DEBUG
        or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
    )
