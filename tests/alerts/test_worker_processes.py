"""Exactly one message per subscriber and article, through real processes: two workers at once,
a worker killed mid-batch and started again, a mail server that refuses for a while or is down.
PostgreSQL and the SMTP sink (aiosmtpd) are real servers; the workers are `manage.py sendalerts`."""

import collections
import time

import pytest

from tools.instances import postgresql_available
from tools.mailing import Sink, Site, stop, worker

SUBSCRIBERS = 120

pytestmark = pytest.mark.skipif(
    not postgresql_available(), reason="needs PostgreSQL on 127.0.0.1:5432 (CI provides it)"
)


@pytest.fixture
def site(tmp_path):
    site = Site(tmp_path, SUBSCRIBERS)
    yield site
    site.drop()


def assert_each_got_one(messages):
    per_address = collections.Counter(address for message in messages for address in message["to"])
    assert len(per_address) == SUBSCRIBERS
    assert set(per_address.values()) == {1}, [a for a, n in per_address.items() if n > 1]
    assert {message["subject"] for message in messages} == {"Decree on the innovation fund"}
    assert len({message["message_id"] for message in messages}) == SUBSCRIBERS


def test_two_workers_at_once_send_each_message_once(site, tmp_path):
    sink = Sink(tmp_path, site.smtp_port)
    workers = [worker(site), worker(site)]
    try:
        site.publish()
        assert_each_got_one(sink.wait_for(SUBSCRIBERS))
    finally:
        stop(*workers)
        sink.stop()
    assert all(process.returncode == 0 for process in workers)  # SIGTERM ends them cleanly


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_a_worker_killed_mid_batch_and_started_again_sends_each_message_once(site, tmp_path, stage):
    """Killed while the server has half a message (not yet recorded as sent), or once the server
    has all of it and the worker has recorded it but not heard the answer."""
    pid_file = tmp_path / "worker.pid"
    sink = Sink(
        tmp_path,
        site.smtp_port,
        "--kill-pid-file",
        str(pid_file),
        "--kill-at",
        "40",
        "--kill-in",
        stage,
    )
    first = worker(site)
    pid_file.write_text(str(first.pid))
    try:
        site.publish()
        assert first.wait(60) == -9  # SIGKILL, mid-batch
        assert 30 < len(sink.messages()) < SUBSCRIBERS
        again = worker(site)
        assert_each_got_one(sink.wait_for(SUBSCRIBERS))
    finally:
        stop(first, *(p for p in [locals().get("again")] if p))
        sink.stop()


def test_a_mail_server_refusing_for_a_while_gets_each_message_once(site, tmp_path):
    refusing = tmp_path / "refusing"
    refusing.touch()
    sink = Sink(tmp_path, site.smtp_port, "--refuse-while", str(refusing))
    workers = [worker(site), worker(site)]
    try:
        site.publish()
        time.sleep(3)
        assert sink.messages() == []
        refusing.unlink()
        assert_each_got_one(sink.wait_for(SUBSCRIBERS))
    finally:
        stop(*workers)
        sink.stop()


def test_a_mail_server_down_for_a_while_gets_each_message_once(site, tmp_path):
    workers = [worker(site), worker(site)]
    try:
        site.publish()
        time.sleep(3)  # nothing listens on the port meanwhile
        sink = Sink(tmp_path, site.smtp_port)
        assert_each_got_one(sink.wait_for(SUBSCRIBERS))
        sink.stop()
    finally:
        stop(*workers)
