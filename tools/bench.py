"""`make bench` (python -m tools.bench): the site under load, layer by layer, each against a static
file with the same bytes, in one run.

Generates 2,000 articles in a new SQLite file, or in the empty database that DATABASE_URL names,
and runs gunicorn with production settings and 2 workers twice, with the page cache on and off,
and nginx with the shipped configuration (config/nginx/agency.conf on local ports) in front of the
first. wrk -t2 -c32 drives each page through each layer and then the layer's reference: the same
bytes as a static file, compressed beforehand as the page is answered, served by WhiteNoise through
gunicorn (for the page cache, and with the page cache off), or by the same nginx (for the proxy).
Prints requests/s, p50, p99 and the ratio page/reference, the workers' memory, and then 10 s of
load across the busiest pages with a draft published at their start (every cached page dropped)
next to 10 s without, for the page cache alone and behind the proxy. Writes the figures to
var/bench.json: one object per page and layer (`proxy`, `page-cache` or `uncached`) with `rps`,
`p50_ms`, `p99_ms`, `reference_rps`, `ratio`, `errors` and `database`; the publish windows'
objects have `max_ms` too, and the one after a publish has the window without for reference.
"""

import contextlib
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools.bench_publish import WINDOW_PAGES, create_drafts, publish_windows
from tools.bench_wrk import GZIP, TABLE, get, row, show, wrk
from tools.instances import PROJECT, Instance, Nginx, free_port, manage, production_environment

DURATION = os.environ.get("BENCH_DURATION", "5s")
# Each page and its references are measured in turn this many times; the medians are printed, so
# that a moment of noise on a shared machine does not decide a figure.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
STATISTICS = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
"""
# In the proxy's own process, so that its references have its workers and settings.
REFERENCE_SERVER = """
server {{
    listen 127.0.0.1:{port};
    root {root};
    gzip_static on;
    access_log {log} agency;  # as the proxy logs
}}
"""


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    headers: dict | None = None
    uncached: bool = False  # measured with the page cache off too


@dataclass(frozen=True)
class Layer:
    name: str  # as var/bench.json names it
    url: str  # where its pages are asked
    references: str  # where its references are, as {number}.html
    every_page: bool = True  # else only the pages measured uncached
    server: Instance | None = None  # gunicorn, whose workers' memory is shown


def decoded(headers, body):
    return gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body


def prepare_database(environment):
    """2,000 articles, the demo's pages, and drafts to publish."""
    manage(environment, "migrate", "--no-input")
    manage(environment, "loaddemo")
    manage(environment, "generatenews", "--count", "2000")
    # The planner statistics that autovacuum would have gathered after such a bulk load.
    manage(environment, "shell", "-c", STATISTICS)
    manage(environment, "collectstatic", "--no-input")
    create_drafts(environment, ("page-cache", "proxy"))


def find_pages(server):
    # The pages in the default language, which the generated articles are written in.
    _, list_page = get(server.url + "/ru/news/")
    article = re.search(rb'href="(/ru/news/\d{4}/\d\d/\d\d/[^"]+/)"', list_page).group(1).decode()
    return [
        Page("home", "/ru/"),
        Page("news list, page 1", "/ru/news/", uncached=True),
        Page("news list, page 50", "/ru/news/?page=50", uncached=True),
        Page("article", article, uncached=True),
        Page("contacts", "/ru/contacts/"),
        Page("RSS feed", "/ru/news/feed/rss/", GZIP, uncached=True),
        Page("Atom feed", "/ru/news/feed/atom/", GZIP),
    ]


def write_references(root, url, pages):
    """Each page's bytes as a static file, and beside it the compressed bytes it is answered with
    (compressed here if it is answered uncompressed)."""
    root.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages):
        _, body = get(url + page.path)
        headers, compressed = get(url + page.path, GZIP)
        if headers.get("Content-Encoding") != "gzip":
            compressed = gzip.compress(body)
        (root / f"{number}.html").write_bytes(body)
        (root / f"{number}.html.gz").write_bytes(compressed)


def check_proxy(proxy, page, number):
    """What the proxy's row rests on: answered from nginx's cache, in the encoding and with the
    bytes of its reference. Returns the cache status and what is amiss."""
    get(proxy.url + page.path, page.headers)  # in the cache, if it keeps it
    headers, body = get(proxy.url + page.path, page.headers)
    reference_headers, reference = get(f"{proxy.references}/{number}.html", page.headers)
    problems = []
    encoding = headers.get("Content-Encoding"), reference_headers.get("Content-Encoding")
    if encoding[0] != encoding[1]:
        problems.append("encoded {} but its reference {}".format(*encoding))
    if decoded(headers, body) != decoded(reference_headers, reference):
        problems.append("not the bytes of its reference")
    return headers.get("X-Cache-Status"), problems


def measure(page, number, layers):
    """Each layer's page and reference in turn, ROUNDS times; a reference that layers share is
    measured once a round."""
    layers = [layer for layer in layers if layer.every_page or page.uncached]
    pairs = {
        layer.name: (layer.url + page.path, f"{layer.references}/{number}.html") for layer in layers
    }
    runs = {url: [] for pair in pairs.values() for url in pair}
    for layer in layers:
        get(layer.url + page.path, page.headers)  # rendered and kept before the clock starts
    for _ in range(ROUNDS):
        for url, results in runs.items():
            results.append(wrk(url, page.headers, DURATION))
    return [
        row(page.name, name, runs[url], runs[reference]) for name, (url, reference) in pairs.items()
    ]


def worker_memory(server):
    """Resident memory of each gunicorn worker, in MB."""
    listing = subprocess.run(  # noqa: S603
        ["ps", "-o", "rss=", "--ppid", str(server.process.pid)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return ", ".join(f"{int(kb) / 1024:.0f}" for kb in listing.stdout.split())


def bench_environment(folder):
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
    environment = production_environment(
        DATABASE_URL=database,
        DJANGO_CACHE_URL=f"filecache://{folder / 'cache'}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
    )
    if os.environ.get("REDIS_URL"):
        environment["REDIS_URL"] = os.environ["REDIS_URL"]
    return environment


def pages_and_static_references(environment):
    """The pages, and their references where WhiteNoise finds them: it looks when it starts."""
    server = Instance(environment, workers=2)
    try:
        pages = find_pages(server)
        write_references(static_references(environment), server.url, pages)
    finally:
        server.stop()
    return pages


def static_references(environment):
    return Path(environment["DJANGO_STATIC_ROOT"]) / "bench"


def start_layers(running, environment, folder, pages):
    """gunicorn with the page cache on and off, and nginx in front of the first with the
    references beside it; each stopped when `running` closes."""
    cached = Instance(environment, workers=2)
    running.callback(cached.stop)
    uncached = Instance(environment | {"DJANGO_PAGE_CACHE": "false"}, workers=2)
    running.callback(uncached.stop)
    nginx, references = folder / "nginx", folder / "nginx" / "reference"
    nginx.mkdir()
    port = free_port()
    proxy = Nginx(
        nginx,
        [cached],
        extra=REFERENCE_SERVER.format(port=port, root=references, log=nginx / "reference.log"),
        static_root=environment["DJANGO_STATIC_ROOT"],
    )
    running.callback(proxy.stop)
    write_references(references, proxy.url, pages)
    static = f"{cached.url}/static/bench"
    return [
        Layer("proxy", proxy.url, f"http://127.0.0.1:{port}"),
        Layer("page-cache", cached.url, static, server=cached),
        Layer("uncached", uncached.url, static, every_page=False, server=uncached),
    ]


def check_proxy_pages(proxy, pages):
    """One line if every page is served from nginx's cache as its reference is, else what is not."""
    found = {page.name: check_proxy(proxy, page, number) for number, page in enumerate(pages)}
    amiss = {name: (s, p) for name, (s, p) in found.items() if s != "HIT" or p}
    if not amiss:
        print("Through the proxy every page is a HIT, with its reference's bytes and encoding.")
    for name, (status, problems) in amiss.items():
        print(f"{name} through the proxy: X-Cache-Status {status}", *problems, sep="; ")
    print()


def measure_layers(pages, layers):
    print(TABLE.format("page", "layer", "req/s", "p50 ms", "p99 ms", "ref req/s", "ratio"))
    rows = []
    for number, page in enumerate(pages):
        page_rows = measure(page, number, layers)
        for figures in page_rows:
            show(figures)
        rows += page_rows
    memory = [f"{layer.name} {worker_memory(layer.server)}" for layer in layers if layer.server]
    print("\nworkers' resident memory (MB):", "; ".join(memory))
    return rows


def write_figures(rows, database):
    output = PROJECT / "var" / "bench.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps([{"database": database} | r for r in rows], indent=1) + "\n")
    print(f"\nWritten to {output.relative_to(PROJECT)}")


def main():
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed: apt-get install -y {tool}")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        rows, database = run(Path(folder))
    write_figures(rows, database)


def run(folder):
    environment = bench_environment(folder)
    database = environment["DATABASE_URL"].split(":")[0]
    prepare_database(environment)
    pages = pages_and_static_references(environment)
    with contextlib.ExitStack() as running:
        layers = start_layers(running, environment, folder, pages)
        print(
            f"Database: {database}; wrk -t2 -c32 -d{DURATION}, median of {ROUNDS} rounds; gunicorn,"
            " 2 workers; proxy: nginx with config/nginx/agency.conf in front of the page cache, its"
            " reference served by the same nginx; uncached: the page cache off, the same reference"
            " as the page cache's"
        )
        check_proxy_pages(layers[0], pages)
        rows = measure_layers(pages, layers)
        print(
            f"\nLoad across {', '.join(WINDOW_PAGES)} in turn, gzip asked; a draft published at"
            " the start of the second window (ref: the first)"
        )
        rows += publish_windows(environment, pages, layers[:2])
    return rows, database


if __name__ == "__main__":
    main()
