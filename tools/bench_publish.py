"""The benchmark's publish under load: 10 s of wrk across the busiest pages, with a draft published
at its start (which drops every cached page), against the same 10 s without one."""

import subprocess
import sys

from tools import bench_wrk
from tools.bench_wrk import GZIP, get, row, show
from tools.instances import PROJECT, manage

WINDOW = "10s"
WINDOW_PAGES = ("home", "news list, page 1", "article", "RSS feed")
# A publisher, and a draft for each window that publishes in the language the pages are read in.
DRAFTS = """
from django.contrib.auth import get_user_model
from news.models import Article
get_user_model().objects.create_superuser("bench", "bench@example.by", None)
model = Article.objects.filter(status="published", language="ru").latest("pub_date")
for slug in {slugs!r}:
    Article.objects.create(title=model.title, slug=slug, lead=model.lead, body=model.body,
                           language="ru", status="draft")
"""
# Loaded and waiting, so that the publish lands at the start of the window and not after Django's
# start-up; then the admin's "Publish now", which keeps history and queues the e-mail alert.
PUBLISH = """
import sys
from django.contrib.auth import get_user_model
from news import workflow
from news.models import Article
draft, user = Article.objects.get(slug={slug!r}), get_user_model().objects.get(username="bench")
print("ready", flush=True)
sys.stdin.readline()
workflow.publish(draft, user)
"""


def draft_slug(layer):
    return f"bench-draft-{layer}"


def create_drafts(environment, layers):
    manage(environment, "shell", "-c", DRAFTS.format(slugs=[draft_slug(n) for n in layers]))


class Publisher:
    """A Django shell that publishes the layer's draft when told."""

    def __init__(self, environment, layer):
        self.slug = draft_slug(layer)
        self.process = subprocess.Popen(  # noqa: S603 (our own manage.py)
            [sys.executable, "manage.py", "shell", "-c", PUBLISH.format(slug=self.slug)],
            cwd=PROJECT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for line in self.process.stdout:  # after what the apps print as they start
            if line == "ready\n":
                return
        raise RuntimeError(f"the shell to publish {self.slug} failed: {self.process.stderr.read()}")

    def publish(self):
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def wait(self):
        _, errors = self.process.communicate(timeout=60)
        if self.process.returncode:
            raise RuntimeError(f"publishing {self.slug} failed: {errors}")


def publish_windows(environment, pages, layers):
    """For each layer, 10 s of load without a publish, then 10 s with one at their start."""
    paths = [page.path for page in pages if page.name in WINDOW_PAGES]
    rows = []
    for layer in layers:
        before = window(layer, paths)
        publisher = Publisher(environment, layer.name)
        after = window(layer, paths, publisher)
        rows += [
            row("10 s, no publish", layer.name, [before]) | {"max_ms": round(before.max_ms, 1)},
            row("10 s after a publish", layer.name, [after], [before])
            | {"max_ms": round(after.max_ms, 1)},
        ]
        for figures in rows[-2:]:
            show(figures)
        _, news = get(layer.url + "/ru/news/")
        published = f"/{publisher.slug}/".encode() in news
        print(f"{'':20} {layer.name:10} the draft published is on the news list: {published}")
    return rows


def window(layer, paths, publisher=None):
    """wrk for 10 s at `paths` in turn, gzip asked as browsers do, every page kept when it starts;
    the publisher's draft published at its start if given."""
    for path in paths:
        get(layer.url + path, GZIP)
    run = bench_wrk.start(layer.url, GZIP, WINDOW, paths)
    if publisher:
        publisher.publish()
        publisher.wait()
    return bench_wrk.result(run)
