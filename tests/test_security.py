"""Security headers, cookies, login throttling, second factor and admin access control."""

import datetime
import importlib
import io
import json
import os
import secrets
import subprocess  # noqa: S404
import sys
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib import admin
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parent.parent
SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "ADMIN_REQUIRE_2FA",
    "DEBUG",
]


@pytest.fixture(scope="module")
def production():
    """The security settings as production computes them: debug off, nothing else overridden."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment |= {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n) for n in {SECURITY_SETTINGS!r}}}))"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults_are_strict(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["ADMIN_REQUIRE_2FA"] is True


def test_deploy_check_passes_with_production_settings():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment |= {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "news.example.gov.by",
        "DJANGO_SITE_URL": "https://news.example.gov.by",
    }
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def secure_client(client, production):
    values = {k: v for k, v in production.items() if k not in ("DEBUG", "ADMIN_REQUIRE_2FA")}
    with override_settings(**values):
        yield client


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/news/",
        "/en/contacts/",
        "/en/news/feed/rss/",
        "/no-such-page/",
        "/admin/login/",
        "/healthz",
    ],
)
def test_every_response_carries_the_security_headers(secure_client, url):
    response = secure_client.get(url, secure=True)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_plain_http_is_redirected_and_the_proxy_header_is_trusted(secure_client):
    assert secure_client.get("/en/news/").status_code == 301
    assert secure_client.get("/en/news/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_cookies_are_secure_httponly_and_samesite(secure_client):
    response = secure_client.get(reverse("admin:login"), secure=True)
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_admin_editor_page_admits_only_its_import_map(admin_client, make_article):
    article = make_article()
    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    csp = response["Content-Security-Policy"]
    assert "'sha256-" in csp and "unsafe-inline" not in csp


def login(client, password, username="clerk"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.7",
    )


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_user(
        "clerk", password="right-password-1", is_staff=True
    )


def test_five_failures_lock_the_account_for_an_hour_even_with_the_right_password(client, clerk):
    for _ in range(4):
        assert login(client, "wrong").status_code == 200
    locked_at = timezone.now()
    assert login(client, "wrong").status_code == 429
    with time_machine.travel(locked_at + datetime.timedelta(minutes=59), tick=False):
        assert client.get(reverse("admin:login")).status_code == 200
        assert login(client, "right-password-1").status_code == 429


def test_lockout_ends_after_an_hour(client, clerk):
    locked_at = timezone.now()
    for _ in range(5):
        login(client, "wrong")
    assert login(client, "right-password-1").status_code == 429
    with time_machine.travel(locked_at + datetime.timedelta(minutes=61), tick=False):
        assert login(client, "right-password-1").status_code == 302


def test_lockout_is_per_username(client, clerk, django_user_model):
    django_user_model.objects.create_user("other", password="other-password-1", is_staff=True)
    for _ in range(5):
        login(client, "wrong")
    assert login(client, "other-password-1", username="other").status_code == 302


def test_admin_writes_need_the_csrf_token(clerk, make_article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    clerk.is_superuser = True
    clerk.save()
    article = make_article()
    response = strict.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert article.__class__.objects.filter(pk=article.pk).exists()


def admin_urls():
    from django.urls import get_resolver

    patterns = get_resolver().url_patterns
    [admin_resolver] = [p for p in patterns if getattr(p, "app_name", None) == "admin"]
    return admin_resolver


@pytest.mark.parametrize("user_kind", ["anonymous", "not-staff"])
def test_every_admin_page_refuses_anonymous_and_non_staff(
    client, django_user_model, make_article, user_kind
):
    article = make_article()
    if user_kind == "not-staff":
        client.force_login(
            django_user_model.objects.create_user("reader", password="reader-pass-1")
        )
    urls = [
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_add"),
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:news_article_history", args=[article.pk]),
        reverse("admin:news_article_compare", args=[article.pk]),
        reverse("admin:contacts_agency_change"),
        reverse("admin:contacts_contactpoint_changelist"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:axes_accessattempt_changelist"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    response = client.post(reverse("admin:news_article_add"), {"title": "Sneaky"})
    assert response.status_code == 302
    assert not article.__class__.objects.filter(title="Sneaky").exists()


@pytest.fixture
def two_factor_admin(settings):
    """The admin as production builds it, with the second factor required."""
    settings.ADMIN_REQUIRE_2FA = True
    original = admin.site.__class__
    importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
    clear_url_caches()
    yield
    admin.site.__class__ = original
    settings.ADMIN_REQUIRE_2FA = False
    importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
    clear_url_caches()


def totp_code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_second_factor_is_required_and_enrolled_by_command(client, clerk, two_factor_admin):
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    form = {"username": "clerk", "password": "right-password-1", "next": "/admin/"}
    response = client.post(reverse("admin:login"), form, REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 200  # a password alone is not enough

    call_command("enroltotp", "clerk", stdout=io.StringIO())
    device = TOTPDevice.objects.get(user=clerk)
    assert device.confirmed
    response = client.post(
        reverse("admin:login"),
        form | {"otp_device": device.persistent_id, "otp_token": totp_code(device)},
        REMOTE_ADDR="10.0.0.8",
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_with_one_authenticator_sign_in_with_one_submission(client, clerk, two_factor_admin):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=clerk, name="Phone", confirmed=True)
    form = {"username": "clerk", "password": "right-password-1", "next": "/admin/"}
    response = client.post(reverse("admin:login"), form | {"otp_token": totp_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200

    response = Client().post(reverse("admin:login"), form | {"otp_token": "wrong"})
    assert response.status_code == 200
    assert "Invalid token" in response.text  # checked against the device, and refused


def test_staff_with_several_authenticators_choose_the_one_they_used(
    client, clerk, two_factor_admin
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    phone, tablet = (
        TOTPDevice.objects.create(user=clerk, name=name, confirmed=True)
        for name in ("Phone", "Tablet")
    )
    form = {"username": "clerk", "password": "right-password-1", "next": "/admin/"}
    response = client.post(reverse("admin:login"), form | {"otp_token": totp_code(tablet)})
    assert response.status_code == 200
    assert phone.persistent_id in response.text and tablet.persistent_id in response.text
    form |= {"otp_device": tablet.persistent_id, "otp_token": totp_code(tablet)}
    assert client.post(reverse("admin:login"), form).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_lockout_counts_the_reader_behind_the_proxy_not_the_proxy(client, clerk):
    def via_proxy(password, reader):
        return client.post(
            reverse("admin:login"),
            {"username": "clerk", "password": password, "next": "/admin/"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, {reader}",
        )

    for _ in range(5):
        via_proxy("wrong", "203.0.113.9")
    assert via_proxy("right-password-1", "203.0.113.9").status_code == 429
    assert via_proxy("right-password-1", "198.51.100.7").status_code == 302


@pytest.mark.parametrize("query", ["status__exact=%00", "q=a%00b"])
def test_a_nul_character_in_the_query_is_a_bad_request(admin_client, query):
    # PostgreSQL refuses NUL in compared text: the admin's filters answered 500.
    assert admin_client.get(f"/admin/news/article/?{query}").status_code == 400
    assert admin_client.get(f"/admin/autocomplete/?{query}").status_code == 400
