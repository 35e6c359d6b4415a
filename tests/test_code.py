"""What the README promises of the code itself: linted, formatted, migrations in step with the
models. (`check --deploy` with production settings runs in test_readme.py.)"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

PROJECT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_ruff_finds_nothing(command):
    result = subprocess.run(  # noqa: S603 (the virtualenv's own ruff)
        [str(RUFF), *command, "."], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_migrations_are_in_step_with_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# Arrows only downward: config wires everything; the apps use the shared pieces (core,
# pagecache); the shared pieces know no app; the news and the alerts read the contacts only
# through their models or their documented directory; nothing but the tests imports the tests.
FORBIDDEN_IMPORTS = {
    "core": ("config", "news", "contacts", "alerts", "tests", "tools"),
    "pagecache": ("config", "core", "news", "contacts", "alerts", "tests", "tools"),
    "news": ("config", "alerts", "tests", "tools"),
    "contacts": ("config", "news", "alerts", "tests", "tools"),
    # The alerts follow the news (their signals) and know nothing of the rest but the agency.
    "alerts": ("config", "tests", "tools"),
    "tools": ("config", "core", "pagecache", "news", "contacts", "alerts", "tests"),
}
CONTACTS_SEEN_BY_NEWS = ("contacts.models", "contacts.directory")


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def imports_across(package):
    for path in sorted((PROJECT / package).rglob("*.py")):
        for module in imported_modules(path):
            yield path.relative_to(PROJECT), module


@pytest.mark.parametrize("package", FORBIDDEN_IMPORTS)
def test_imports_run_one_way(package):
    wrong = [
        f"{path}: {module}"
        for path, module in imports_across(package)
        if module.split(".")[0] in FORBIDDEN_IMPORTS[package]
        or package in ("news", "alerts")
        and module.startswith("contacts")
        and not module.startswith(CONTACTS_SEEN_BY_NEWS)
    ]
    assert not wrong


def test_no_module_is_over_300_lines():
    long = [
        f"{path.relative_to(PROJECT)}: {lines}"
        for package in (*FORBIDDEN_IMPORTS, "config")
        for path in (PROJECT / package).rglob("*.py")
        if "migrations" not in path.parts and (lines := len(path.read_text().splitlines())) > 300
    ]
    assert not long
