"""`make bench` (python -m tools.bench): the site under load, against a static file with the
same bytes, in one run.

Generates 2,000 articles in a new SQLite file, or in the empty database that DATABASE_URL names,
runs gunicorn with production settings and 2 workers, and drives wrk -t2 -c32 at each page and at
its reference: the same bytes served as a static file by the same gunicorn through WhiteNoise.
Prints requests/s, p50, p99 and the ratio page/reference, with the page cache on and then off, and
the workers' memory.
"""

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from tools.instances import Instance, manage, production_environment

DURATION = os.environ.get("BENCH_DURATION", "5s")
# Each page and its reference are measured in turn this many times; the medians are printed, so
# that a moment of noise on a shared machine does not decide a figure.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
GZIP = {"Accept-Encoding": "gzip"}
STATISTICS = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
"""


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read()


def wrk(url, headers=None):
    command = ["wrk", "-t2", "-c32", f"-d{DURATION}", "--latency", url]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rate, percentile(50), percentile(99), int(errors.group(1)) if errors else 0


def worker_memory(server):
    """Resident memory of each gunicorn worker, in kB."""
    listing = subprocess.run(  # noqa: S603
        ["ps", "-o", "rss=", "--ppid", str(server.process.pid)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return listing.stdout.split()


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    static_root = folder / "static"
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
    environment = production_environment(
        DATABASE_URL=database,
        DJANGO_CACHE_URL=f"filecache://{folder / 'cache'}",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
    )
    if os.environ.get("REDIS_URL"):
        environment["REDIS_URL"] = os.environ["REDIS_URL"]
    manage(environment, "migrate", "--no-input")
    manage(environment, "loaddemo")
    manage(environment, "generatenews", "--count", "2000")
    # The planner statistics that autovacuum would have gathered after such a bulk load.
    manage(environment, "shell", "-c", STATISTICS)
    manage(environment, "collectstatic", "--no-input")

    server = Instance(environment, workers=2)
    # The pages in the default language, which the generated articles are written in.
    list_page = fetch(server.url + "/ru/news/")
    article = re.search(rb'href="(/ru/news/\d{4}/\d\d/\d\d/[^"]+/)"', list_page).group(1).decode()
    pages = {
        "home": ("/ru/", None),
        "news list, page 1": ("/ru/news/", None),
        "news list, page 50": ("/ru/news/?page=50", None),
        "article": (article, None),
        "contacts": ("/ru/contacts/", None),
        "RSS feed": ("/ru/news/feed/rss/", GZIP),
        "Atom feed": ("/ru/news/feed/atom/", GZIP),
    }
    # The references: each page's bytes as a static file, pre-compressed as WhiteNoise serves them.
    (static_root / "bench").mkdir(parents=True)
    for number, (path, _) in enumerate(pages.values()):
        body = fetch(server.url + path)
        (static_root / "bench" / f"{number}.html").write_bytes(body)
        (static_root / "bench" / f"{number}.html.gz").write_bytes(gzip.compress(body))
    server.stop()

    print(
        f"Database: {database.split(':')[0]}; wrk -t2 -c32 -d{DURATION}, median of {ROUNDS} rounds;"
        " gunicorn, 2 workers"
    )
    for label, extra in (("page cache on", {}), ("page cache off", {"DJANGO_PAGE_CACHE": "false"})):
        server = Instance(environment | extra, workers=2)
        print(f"\n{label}")
        print(
            f"{'page':20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ref req/s':>10} {'ratio':>6}"
        )
        for number, (name, (path, headers)) in enumerate(pages.items()):
            if extra and name not in ("article", "news list, page 1", "news list, page 50"):
                continue
            fetch(server.url + path, headers)  # warm
            runs = []
            for _ in range(ROUNDS):
                page = wrk(server.url + path, headers)
                reference = wrk(f"{server.url}/static/bench/{number}.html", headers)
                runs.append((*page, reference[0], page[0] / reference[0]))
            rate, p50, p99, errors, reference, ratio = map(
                statistics.median, zip(*runs, strict=True)
            )
            note = f"  ({errors:.0f} errors)" if errors else ""
            print(
                f"{name:20} {rate:8.0f} {p50:8.2f} {p99:8.2f} {reference:10.0f} {ratio:6.2f}{note}"
            )
        memory = worker_memory(server)
        print("worker resident memory (MB):", ", ".join(f"{int(kb) / 1024:.0f}" for kb in memory))
        server.stop()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
