import datetime
import signal
import threading

from django.core.management.base import BaseCommand

from alerts.sending import Worker


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
            sent = worker.work()
            if sent:
                self.stdout.write(f"Sent {sent} messages.")
            elif once:
                break
            else:
                stop.wait(poll)
