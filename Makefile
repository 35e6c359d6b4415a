# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
# Development default for make's own commands; an exported variable overrides it.
export DJANGO_DEBUG ?= true

.PHONY: run serve test bench bench-alerts setup demo static messages compiled-messages clean

# The site and, beside it, the e-mail alerts' worker (its messages printed here, by the console
# backend of development); both stop together.
run: setup demo
	DJANGO_SITE_URL="$${DJANGO_SITE_URL:-http://127.0.0.1:$(PORT)}" $(BIN)/python manage.py sendalerts & \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production settings (debug off, gunicorn) on the embedded default database, over plain HTTP on
# this machine only: HTTPS redirects and secure cookies wait for the reverse proxy (README, Deploying).
# The key comes from the environment or .env.
serve: setup demo
	DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false DJANGO_HSTS_SECONDS=0 \
	GUNICORN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn -c config/gunicorn.py config.wsgi

# Load test (needs wrk: apt-get install wrk); figures and how to read them: README, Performance.
bench: setup
	$(BIN)/python -m tools.bench

# One release to 10,000 e-mail subscribers (needs PostgreSQL on 127.0.0.1:5432): README, E-mail alerts.
bench-alerts: setup
	$(BIN)/python -m tools.bench_alerts

test: setup node_modules/.installed
	$(BIN)/python -m pytest

setup: $(VENV)/.installed .env static
	$(BIN)/python manage.py migrate --no-input

demo: setup
	$(BIN)/python manage.py loaddemo

static: $(VENV)/.installed .env
	$(BIN)/python manage.py collectstatic --no-input -v 0
	$(BIN)/python manage.py writeoutagepages -v 0

# A development .env, written once and never overwritten (git ignores it), so that the README's
# manage.py commands work outside make too: debug on, and a key of its own for `make serve`.
.env:
	umask 077 && $(PYTHON) -c "import secrets; print('DJANGO_DEBUG=true'); \
	print('DJANGO_SECRET_KEY=' + secrets.token_urlsafe(50))" > $@.new && mv $@.new $@

# The browser tests' tools (axe-core, the Nu HTML Checker); without npm those tests are skipped.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser tests will be skipped"; fi

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# After changing a string of the interface (needs gettext): the catalogues, then translate the new
# entries in locale/ru and locale/be and compile them; tests/core/test_catalogues.py checks both.
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l ru -l be --no-obsolete --ignore=.venv \
	  --ignore=node_modules --ignore=staticfiles --ignore=tests --ignore=tools

compiled-messages: $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles var media db.sqlite3
