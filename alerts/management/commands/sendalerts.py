import datetime
import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection

from alerts.sending import Worker

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the e-mail alerts: confirmations, then each article that went live or was updated, "
        "to its subscribers. Runs until stopped (SIGTERM or SIGINT ends it after the batch in "
        "hand); any number may run at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send what is due, then stop.")
        parser.add_argument("--poll", type=float, default=5, help="Seconds between looks.")
        parser.add_argument("--batch", type=int, default=100, help="Messages per round.")
        parser.add_argument(
            "--lease",
            type=float,
            default=300,
            help="Seconds a worker keeps the messages it took before others may take them.",
        )
        parser.add_argument(
            "--retry",
            type=float,
            default=60,
            help="Seconds before a refused message is tried again (doubling each time).",
        )

    def handle(self, *args, once, poll, batch, lease, retry, **options):
        worker = Worker(
            batch=batch,
            lease=datetime.timedelta(seconds=lease),
            retry=datetime.timedelta(seconds=retry),
        )
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        while not stop.is_set():
            try:
                sent = worker.work()
            except DatabaseError as error:
                # A database restarting or locked: wait and try again, as the site reconnects.
                logger.warning("The database is not answering: %s", error)
                connection.close()
                sent = 0
            if sent:
                self.stdout.write(f"Sent {sent} messages.")
            elif once:
                break
            else:
                stop.wait(poll)
