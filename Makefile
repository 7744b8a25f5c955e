# Souk: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers: the suite is mostly waiting on the database and the browser.
PYTEST_ARGS ?= -n 2
export DJANGO_SETTINGS_MODULE ?= marketplace.settings.local

.DEFAULT_GOAL := help
.PHONY: help run setup install install-dev migrate demo serve test lint format check pytest browser-deps bench-pages clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

run: setup serve ## Set everything up (venv, database, demo data) and serve http://127.0.0.1:8000

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
	$(PY) manage.py runserver $(HOST):$(PORT)

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
	$(BIN)/pytest $(PYTEST_ARGS)

browser-deps: ## Install Debian's Chromium for the browser tests (needs root)
	@command -v chromium >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

bench-pages: setup ## Time the main pages in-process on the demo data (bench/results/pages.json)
	DJANGO_DEBUG=false $(PY) bench/pages.py

clean: ## Remove the local database, media and caches (keeps .venv)
	rm -rf var/db.sqlite3 var/media var/test-media var/static .pytest_cache
