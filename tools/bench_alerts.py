"""How fast the e-mail alerts go out: one release to 10,000 subscribers, through one worker and
then two, to the SMTP sink (aiosmtpd) on this machine, with PostgreSQL on 127.0.0.1:5432.

    make bench-alerts        (or: python -m tools.bench_alerts [--subscribers N])

Prints, for each run, the time from the publish to the last message the server took, the
messages per second, and the ratio of two workers to one measured in the same run."""

import argparse
import collections
import tempfile
import time
from pathlib import Path

from .instances import postgresql_available
from .mailing import Sink, Site, stop, worker


def run(folder, subscribers, workers):
    site = Site(folder, subscribers)
    sink = Sink(folder, site.smtp_port)
    processes = [worker(site, "--batch", "100", "--lease", "300") for _ in range(workers)]
    try:
        time.sleep(2)  # the workers are up and idle
        started = time.monotonic()
        site.publish()
        while sink.count() < subscribers:
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        messages = sink.wait_for(subscribers, timeout=0)
        per_address = collections.Counter(a for message in messages for a in message["to"])
        return {
            "workers": workers,
            "seconds": elapsed,
            "rate": subscribers / elapsed,
            "received": len(messages),
            "duplicates": sum(n - 1 for n in per_address.values()),
        }
    finally:
        stop(*processes)
        sink.stop()
        site.drop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    options = parser.parse_args()
    if not postgresql_available():
        raise SystemExit("needs PostgreSQL on 127.0.0.1:5432")
    with tempfile.TemporaryDirectory() as folder:
        results = [run(Path(folder), options.subscribers, workers) for workers in (1, 2)]
    print(f"One release to {options.subscribers} subscribers, publish → last message taken:")
    print(f"{'workers':>8} {'seconds':>9} {'msg/s':>8} {'received':>9} {'duplicates':>11}")
    for result in results:
        print(
            f"{result['workers']:>8} {result['seconds']:>9.1f} {result['rate']:>8.0f}"
            f" {result['received']:>9} {result['duplicates']:>11}"
        )
    print(f"two workers / one: {results[1]['rate'] / results[0]['rate']:.2f}")


if __name__ == "__main__":
    main()
