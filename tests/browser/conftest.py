"""Browser tests: Debian's Chromium driven by Playwright, against pytest-django's live server.

Skipped with a reason where Chromium or the npm test tools are missing, unless REQUIRE_BROWSER=1
(as in CI), where a missing tool fails the run instead of hiding the tests.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = PROJECT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": 375, "desktop": 1280}

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing():
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    if not AXE.exists() or not VNU.exists():
        return "axe-core and vnu-jar are not installed (npm ci)"
    if shutil.which("java") is None:
        return "java is not installed (needed by the Nu HTML Checker)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements.txt)"
    return None


@pytest.fixture(scope="session")
def browser():
    if reason := _missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, settings):
    # The live server serves static files from the source folders, under their plain names.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    settings.ROOT_URLCONF = "tests.browser.urls"
    return live_server.url


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(width, **options):
        # axe-core is injected as an inline script, which the site's strict CSP rightly blocks;
        # test_pages_break_no_content_security_policy checks the policy without this bypass.
        options = {"bypass_csp": True} | options
        context = browser.new_context(viewport={"width": width, "height": 900}, **options)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: "tag", values:
             ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})).violations
             .map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))"""
    )


def html_errors(source):
    return html_errors_in({"page": source})


def html_errors_in(sources):
    """The Nu HTML Checker's errors in several pages ({name: source}), each line naming its page:
    one run for them all, as its Java takes seconds to start."""
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(folder) / f"{name}.html" for name in sources]
        for file, source in zip(files, sources.values(), strict=True):
            file.write_text(source, encoding="utf-8")
        result = subprocess.run(  # noqa: S603 (fixed arguments; the pages are only the input)
            ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *files],  # noqa: S607
            capture_output=True,
            timeout=300,
        )
    return (result.stderr.decode() + result.stdout.decode()).replace(f"file:{folder}/", "")


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"Browser screenshots: {SCREENSHOTS}")
