"""The access log (config/gunicorn.py) and the subscribers' capabilities."""

import datetime
from types import SimpleNamespace

from gunicorn.config import Config

from config.gunicorn import JsonAccessLogger

TOKEN = "90e4941916384851a77a276bb9d70cec:1xWjZf:xqVwQD4IQaB07tL31huF2shEilgxOM7rxYSXk03rv1E"


def test_the_access_log_does_not_keep_a_subscribers_never_expiring_link():
    cfg = Config()
    cfg.set("accesslog", "-")
    logger = JsonAccessLogger(cfg)
    lines = []
    logger.access_log = SimpleNamespace(info=lines.append)
    request = SimpleNamespace(method="POST", path=f"/en/alerts/unsubscribe/{TOKEN}/")
    response = SimpleNamespace(status_code=200, sent=100)
    logger.access(response, request, {"REMOTE_ADDR": "127.0.0.1"}, datetime.timedelta(seconds=0.1))
    [line] = lines

    assert TOKEN not in line
