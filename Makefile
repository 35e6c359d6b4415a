# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
# Development defaults; an exported variable or a .env file overrides them.
export DJANGO_DEBUG ?= true

.PHONY: run test setup demo static clean

run: setup demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup node_modules/.installed
	$(BIN)/python -m pytest

setup: $(VENV)/.installed static
	$(BIN)/python manage.py migrate --no-input

demo: setup
	$(BIN)/python manage.py loaddemo

static: $(VENV)/.installed
	$(BIN)/python manage.py collectstatic --no-input -v 0

# The browser tests' tools (axe-core, the Nu HTML Checker); without npm those tests are skipped.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser tests will be skipped"; fi

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) node_modules staticfiles var db.sqlite3
