# Souk: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
STRIPE_PORT ?= 8420
# Two workers: the suite is mostly waiting on the database and the browser. Tests marked
# xdist_group (they share a Redis database) run on one worker.
PYTEST_ARGS ?= -n 2 --dist loadgroup
export DJANGO_SETTINGS_MODULE ?= marketplace.settings.local

.DEFAULT_GOAL := help
.PHONY: help run setup install install-dev migrate demo serve search-up stop bench-search test lint format check pytest browser-deps bench-pages bench clean bench-web bench-observatory

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

run: setup search-up serve ## Set everything up (venv, database, demo data, search) and serve http://127.0.0.1:8000

setup: install migrate demo ## Install, migrate and load the demo data, without serving

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Install the test and lint tools too

migrate: install ## Apply database migrations
	@mkdir -p var
	$(PY) manage.py migrate --no-input

demo: install ## Load or refresh the demo data (idempotent)
	$(PY) manage.py load_demo

serve: ## Serve the site on $(HOST):$(PORT)
	@echo "Souk is at http://$(HOST):$(PORT)/  (CMS: /cms/, dashboard: /shop/dashboard/)"
	@# localstripe (fake Stripe on $(STRIPE_PORT)) runs alongside, so test card 4242 4242 4242 4242 pays.
	@$(PY) -m checkout.local_stripe --port $(STRIPE_PORT) --webhook http://$(HOST):$(PORT)/shop/checkout/stripe/webhook/ & \
		trap "kill $$! 2>/dev/null" EXIT; STRIPE_API_BASE=http://127.0.0.1:$(STRIPE_PORT) $(PY) manage.py runserver $(HOST):$(PORT)

search-up: install ## Start the local search server (osmem, var/osmem.json) and index the demo data
	@$(PY) -m search.local_server start && $(PY) manage.py search_index --rebuild \
		|| echo "Search server not available: the site searches the database instead."

stop: ## Stop the local search server started by make run
	@$(PY) -m search.local_server stop

test: install-dev lint check pytest ## Lint, check, and run the whole test suite

lint: install-dev ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Format and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install-dev ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=marketplace.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=marketplace.settings.test $(PY) manage.py makemigrations --check --dry-run

pytest: install-dev ## Run pytest (PostgreSQL when DATABASE_URL is set, else SQLite)
	@# The exported local settings would win over pyproject's: name the test settings here.
	DJANGO_SETTINGS_MODULE=marketplace.settings.test $(BIN)/pytest $(PYTEST_ARGS)

browser-deps: ## Install Debian's Chromium for the browser tests (needs root)
	@command -v chromium >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

bench-pages: setup ## Time the main pages in-process on the demo data (bench/results/pages.json)
	DJANGO_DEBUG=false $(PY) bench/pages.py

bench-web: install ## Lighthouse (mobile), axe-core and the Nu HTML Checker on the main pages (bench/results/web.json)
	cd bench/web && npm ci --no-audit --no-fund
	DJANGO_DEBUG=false $(PY) bench/web/bench.py

bench: install ## Load-test ours vs stock Oscar vs hello-world: gunicorn + wrk on PostgreSQL (bench/results/wrk.json)
	@command -v wrk >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk)
	$(PY) bench/run.py

bench-search: install ## Index 50,000 generated products and time faceted search and suggest (bench/results/search.json)
	DJANGO_DEBUG=false $(PY) bench/search.py

bench-observatory: install ## Generate 100,000 orders and 1,000,000 searches on PostgreSQL and time the observatory views (bench/results/observatory.json)
	DJANGO_DEBUG=false $(PY) bench/observatory.py

clean: ## Remove the local database, media and caches (keeps .venv)
	rm -rf var/db.sqlite3 var/media var/test-media var/static .pytest_cache
