# Two commands matter: `make serve` to preview the site, `make test` to run every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Date the sitemap from the last commit, not today, so rebuilding a commit gives identical files.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
# Root installs packages directly; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install serve build test check chromium node-tools bench linkcheck review-due lock clean source-fingerprint

install: $(VENV)/.installed

# The project itself is installed too (editable), so `scripts` imports from anywhere without path tricks.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Build into a scratch folder and swap it in only on success, so a failed build publishes nothing; the swap is one
# rename (scripts/site/swap_site.py), so anything serving site/ never sees it half-deleted or missing.
build: install
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	$(BIN)/python -m scripts.site.swap_site .site-build site

chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

node-tools: node_modules/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: install chromium node-tools
	$(BIN)/python -m pytest

# The quick checks, for editors and pre-commit: Python lint and format, then every test that needs no browser
# and no repeated whole-site build.
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint
	$(BIN)/python -m pytest -m "not browser and not slow"

# Speed and size figures (site build, page weight, Lighthouse LCP, source tool); BENCH_ARGS=--write records them in BENCHMARKS.md.
bench: install chromium node-tools
	$(BIN)/python -m scripts.browser.bench_site $(BENCH_ARGS)

linkcheck: build
	$(BIN)/python -m scripts.checks.linkcheck_external site

# Pages whose next_review is within 30 days or past, with file:line; fails when any is due. TODAY=2027-01-31 pretends.
review-due: install
	$(BIN)/python -m scripts.checks.review_due $(if $(TODAY),--today $(TODAY))

# Rewrite the fingerprint the copied-text check uses (hashed runs of words, never the text) after the source articles
# change; SOURCES=folder if they are not at ../shared/seeds.
source-fingerprint: install
	$(BIN)/python -m scripts.checks.copied_text --fingerprint $(or $(SOURCES),../shared/seeds)

# Re-resolve requirements.in into the pinned lock file.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	.venv-lock/bin/pip freeze --all --exclude pip --exclude setuptools --exclude wheel > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf site .site-build .site-previous test-artifacts
