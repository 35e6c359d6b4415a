"""What the front proxy (nginx's microcache, config/nginx/agency.conf) may keep, and how long.

The application decides, in response headers: `X-Accel-Expires` for how many seconds nginx keeps a
public page (PROXY_CACHE_SECONDS, never past the page's next change), and `stale-if-error` in
Cache-Control for how long it may serve its last copy while the application fails. A response
without `X-Accel-Expires` is never kept there.
"""

import math
import time

from django.conf import settings
from django.utils.cache import patch_cache_control


def mark_for_proxy(response, lifetime):
    """Called for a public page that holds `lifetime` seconds from now."""
    response.fresh_until = time.time() + lifetime  # wall clock: read by other processes


def tell_proxy(response):
    """Sets `X-Accel-Expires` and `stale-if-error` on a marked response, from what is left of its
    lifetime now (a page served from the page cache has less left than when it was rendered).

    nginx counts in whole seconds and keeps a copy until the end of the second after the one it
    was told: a second is taken off, and a page with less than two left is not kept at all. Nor
    does a copy stand in past the page's next change (an expired article must not come back)."""
    if (fresh_until := getattr(response, "fresh_until", None)) is None or response.cookies:
        return response
    left = math.floor(fresh_until - time.time()) - 1
    response["X-Accel-Expires"] = str(max(0, min(settings.PROXY_CACHE_SECONDS, left)))
    patch_cache_control(response, stale_if_error=max(0, min(settings.PROXY_STALE_SECONDS, left)))
    return response
