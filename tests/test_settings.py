import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("debug", ["false", ""])
def test_site_refuses_to_start_without_secret_key_when_debug_is_off(debug):
    result = run_check(DJANGO_DEBUG=debug, DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("language", ["de", "", "RU", "en-us"])
def test_site_refuses_to_start_with_a_default_language_it_does_not_have(language):
    result = run_check(DJANGO_DEBUG="true", DJANGO_LANGUAGE_CODE=language)
    assert result.returncode != 0
    assert "DJANGO_LANGUAGE_CODE must be one of ru, be, en" in result.stderr


def test_site_starts_with_secret_key_and_debug_off():
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(
    os.environ.get("REQUIRE_POSTGRES") != "1",
    reason="PostgreSQL is required only in CI's second pass",
)
def test_suite_runs_on_postgresql_where_it_is_required():
    assert connection.vendor == "postgresql"
