"""A real SMTP server (aiosmtpd) that keeps what it receives, for the alerts' tests and benchmark.

    python -m tools.smtp_sink --port 2525 --out messages.jsonl [--refuse-while FILE]
        [--kill-pid-file FILE --kill-at N --kill-in {rcpt,data}]

Each message taken is one line of JSON in --out: its envelope, Message-ID, subject and raw text.
While the file --refuse-while exists, every MAIL is answered "451" (a server refusing for a while).
--kill-at N kills (SIGKILL) the process whose pid is in --kill-pid-file during the N-th message:
at its RCPT (the worker has not recorded it as sent), or at its end of DATA before answering (the
worker has recorded it): once, the file is then removed."""

import argparse
import email
import email.policy
import json
import os
import signal
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, options):
        self.options = options
        self.out = open(options.out, "a", encoding="utf-8")  # noqa: SIM115 (open for the run)
        self.seen = 0

    def _maybe_kill(self, stage):
        options = self.options
        pid_file = options.kill_pid_file and Path(options.kill_pid_file)
        if (
            options.kill_in == stage
            and self.seen + 1 == options.kill_at
            and pid_file
            and pid_file.exists()
        ):
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
            pid_file.unlink()
            return True
        return False

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.options.refuse_while and Path(self.options.refuse_while).exists():
            return "451 4.3.2 Not accepting messages now, try again later"
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self._maybe_kill("rcpt"):
            return "421 4.3.0 Closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self._maybe_kill("data")
        self.seen += 1
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "message_id": message["Message-ID"],
            "subject": str(message["Subject"]),
            "raw": envelope.content.decode("utf-8", errors="replace"),
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        return "250 2.0.0 Accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--refuse-while")
    parser.add_argument("--kill-pid-file")
    parser.add_argument("--kill-at", type=int, default=0)
    parser.add_argument("--kill-in", choices=["rcpt", "data"], default="data")
    options = parser.parse_args()
    controller = Controller(Sink(options), hostname="127.0.0.1", port=options.port)
    controller.start()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
