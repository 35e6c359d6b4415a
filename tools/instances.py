"""Run the site as production does, in separate gunicorn processes: for the tests across
instances and for the benchmark."""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(**overrides):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    environment |= {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_ADMIN_REQUIRE_2FA": "false",
        "DJANGO_STATIC_ROOT": str(PROJECT / "staticfiles"),
    }
    return environment | overrides


def site_in(folder, **overrides):
    """The production environment of a site kept whole in `folder`: its SQLite database, file
    cache and uploads, unless `overrides` name others."""
    return production_environment(
        **{
            "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
            "DJANGO_CACHE_URL": f"filecache://{folder / 'cache'}",
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
        }
        | overrides
    )


def manage(environment, *args):
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )


class Instance:
    """One gunicorn instance, with one worker unless told, on its own port."""

    def __init__(self, environment, port=None, workers=1, log=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        # stderr carries gunicorn's and the application's log: a test that reads it names a file.
        errors = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=PROJECT,
            env=environment
            | {"GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": str(workers)},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        if log:
            errors.close()  # gunicorn has its own copy
        try:
            self._wait()
        except RuntimeError:
            self.stop()  # not left serving after the test that failed to start it
            raise

    def _wait(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=5):  # noqa: S310
                    return
            except urllib.error.HTTPError:  # it answers (503 while its database is away)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn on {self.url} did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Browser:
    """Just enough of a browser for the admin: cookies, CSRF token, form posts, and a language
    (the admin speaks the staff member's)."""

    def __init__(self, language="en"):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.opener.addheaders.append(("Accept-Language", language))

    def get(self, url):
        with self.opener.open(url, timeout=10) as response:
            return response.status, response.read().decode()

    def post(self, url, fields):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(url)[1]).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}, doseq=True).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})  # noqa: S310
        with self.opener.open(request, timeout=10) as response:
            return response.status, response.read().decode()


def postgresql_available(url="postgres://postgres@127.0.0.1:5432/postgres"):
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=2).close()
    except Exception:  # noqa: BLE001 (any failure means: not available here)
        return False
    return True


def redis_available(url="redis://127.0.0.1:6379/0"):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001
        return False
    return True


class Nginx:
    """config/nginx/agency.conf on a local port, without TLS, in front of the given instances, with
    its cache, log and static files in local folders; `extra` is more configuration for its http
    block (the benchmark's reference server)."""

    def __init__(self, folder, instances, extra="", static_root=PROJECT / "staticfiles"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder
        config = (PROJECT / "config" / "nginx" / "agency.conf").read_text()
        servers = "".join(f"    server 127.0.0.1:{i.port};\n" for i in instances)
        config = re.sub(r"(upstream agency \{\n)(?:    server .*\n)+", r"\g<1>" + servers, config)
        config = re.sub(r"server \{\n    listen 80;.*?\n\}\n", "", config, flags=re.S)
        config = config.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{self.port};")
        config = re.sub(r"\n    ssl_certificate\S* .*;", "", config)
        for shipped, local in (
            ("/srv/agency/media/", f"{folder}/media/"),
            ("/srv/agency/static/", f"{static_root}/"),
            ("/var/cache/nginx/agency", f"{folder}/nginx-cache"),
            ("/var/log/nginx/agency.access.log", f"{folder}/nginx-access.log"),
        ):
            config = config.replace(shipped, local)
        # Run as root (CI), nginx's workers would be `nobody`, who cannot write into these folders.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"{user}pid {folder}/nginx.pid;\nerror_log {folder}/nginx-error.log;\n"
            # As Debian's /etc/nginx/nginx.conf, whose http block the shipped file is included in.
            f"events {{}}\nhttp {{\n include /etc/nginx/mime.types;\n"
            f" default_type application/octet-stream;\n access_log off;\n"
            f" client_body_temp_path {folder};\n"
            f" proxy_temp_path {folder};\n{config}\n{extra}\n}}\n"
        )
        subprocess.run(["nginx", "-c", str(folder / "nginx.conf")], check=True, timeout=10)  # noqa: S603,S607

    def access_log(self):
        path = self.folder / "nginx-access.log"
        return path.read_text() if path.exists() else ""

    def stop(self):
        subprocess.run(  # noqa: S603
            ["nginx", "-c", str(self.folder / "nginx.conf"), "-s", "stop"],  # noqa: S607
            stderr=subprocess.DEVNULL,  # its notice that it signalled the process
            timeout=10,
        )
