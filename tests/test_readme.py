"""The README's commands, run exactly as written in a fresh clone of this working tree."""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest

from tools.instances import free_port

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text()
# Exported by the make and pytest running this test; the shell of someone who has just cloned
# the project has none of them.
INHERITED = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_", "MAKE", "MFLAGS")
# Straight to 127.0.0.1, whatever proxy the environment names.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def clone(tmp_path):
    """The tracked and new files of this tree, without .env, database, static files or var/."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],  # noqa: S607
        cwd=PROJECT,
        capture_output=True,
        check=True,
    )
    folder = tmp_path / "clone"
    for name in filter(None, listing.stdout.decode().split("\0")):
        source = PROJECT / name
        if source.exists():  # not a file deleted since the last commit
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            # With their times, so that make finds the virtualenv newer than requirements.txt.
            shutil.copy2(source, folder / name, follow_symlinks=False)
    # The virtualenv running these tests: pip then has nothing to install.
    (folder / ".venv").symlink_to(sys.prefix)
    return folder


def readme(command):
    assert command in README, f"the README no longer says {command!r}"
    return command


def shell(**variables):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED)}
    return environment | variables


def run(command, folder, environment):
    result = subprocess.run(  # noqa: S602 (the README's own command line)
        command,
        shell=True,
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def serve_once(command, folder, environment, url):
    """Run a command that serves until stopped, and stop it once `url` has answered 200."""
    log = folder.parent / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S602 (the README's own command line)
            command,
            shell=True,
            cwd=folder,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        while (code := status(url)) is None:
            failed = process.poll() is not None or time.monotonic() > deadline
            assert not failed, f"{command}: nothing answered\n{log.read_text()[-4000:]}"
            time.sleep(0.25)
        assert code == 200, f"{command}: {url} answered {code}\n{log.read_text()[-4000:]}"
    finally:
        stop(process)


def status(url):
    try:
        with DIRECT.open(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None  # not listening yet


def stop(process):
    """Stop make and all it started (runserver's autoreloader, gunicorn's workers): its group."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever has not stopped yet


def test_readme_commands_work_as_written_in_a_fresh_clone(clone):
    port = free_port()
    make_run = readme("make run PORT=8123").replace("8123", str(port))
    serve_once(make_run, clone, shell(), f"http://127.0.0.1:{port}/")

    # The admin account, right after `make run`, outside make.
    superuser = f"{readme('.venv/bin/python manage.py createsuperuser')} {readme('--no-input')}"
    account = {
        "DJANGO_SUPERUSER_USERNAME": "chief",
        "DJANGO_SUPERUSER_EMAIL": "chief@example.gov.by",
        "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16),
    }
    run(superuser, clone, shell(**account))

    # Production settings, from a shell that already says so.
    port = free_port()
    serve = f"DJANGO_DEBUG=false {readme('make serve')} PORT={port}"
    serve_once(serve, clone, shell(), f"http://127.0.0.1:{port}/healthz")

    # Deploying, in a shell with the virtualenv activated and production's variables.
    production = shell(
        PATH=f"{clone / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="news.example.gov.by",
        DJANGO_SITE_URL="https://news.example.gov.by",
    )
    run(readme("python manage.py check --deploy --fail-level WARNING"), clone, production)
    # The alerts' worker, once: nothing is due on a site without subscribers.
    run(f"{readme('python manage.py sendalerts')} {readme('--once')}", clone, production)
    enrol = readme("python manage.py enroltotp <username>").replace("<username>", "chief")
    assert "Key for manual entry: " in run(enrol, clone, production)
