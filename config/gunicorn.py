"""gunicorn settings: `gunicorn -c config/gunicorn.py config.wsgi` (see README, Deploying)."""

import json
import os
import re

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", os.cpu_count() or 2))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
# Workers are not recycled by request count: a restart costs ~0.3 s of a busy worker (it showed as
# p99 spikes in `make bench`), and their memory stays flat (about 52 MB after the benchmark).
max_requests = 0
# Only the reverse proxy on this machine may say that a request came over HTTPS.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# gunicorn's control socket (new in 24) has one path per user by default: a second instance on the
# machine would take over the first one's. Nothing here uses it.
control_socket_disable = True


# Addresses that are capabilities (a subscriber's links, preview links): the log keeps the page,
# not the token, which would give whoever reads the log the subscriber's choices or the draft.
CAPABILITY = re.compile(r"/(alerts/(?:confirm|manage|unsubscribe)|news/preview)/[^/]+/")


class JsonAccessLogger(Logger):
    """One JSON line per request on stdout: no cookies, no headers beyond these, no bodies."""

    def access(self, resp, req, environ, request_time):
        if not self.cfg.accesslog:
            return
        line = {
            "method": req.method,
            "path": CAPABILITY.sub(r"/\1/…/", req.path),
            # A request gunicorn itself refuses (two Content-Length headers, say) is answered
            # by an error response that has only `status`: without this the worker died.
            "status": getattr(resp, "status_code", None) or resp.status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "remote": environ.get("REMOTE_ADDR"),
            "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
        }
        self.access_log.info(json.dumps(line, ensure_ascii=False))


logger_class = JsonAccessLogger
