# Editors need two commands: `make serve` to preview the site, `make check` for every content problem.
# Developers run `make test` (everything, with a browser) and `make lint`.
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

.PHONY: spanish-dictionary translation-stamp install serve build test check lint dev-check chromium wordnet node-tools bench linkcheck review-due lock clean dedup-package-check source-fingerprint

install: $(VENV)/.installed wordnet spanish-dictionary

# The project itself is installed too (editable), so `scripts` imports from anywhere without path tricks.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# PORT=8001 make serve previews on another port.
PORT ?= 8000
serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# Build into a scratch folder and swap it in only on success, so a failed build publishes nothing; the swap is one
# rename (scripts/site/swap_site.py), so anything serving site/ never sees it half-deleted or missing.
build: install
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	$(BIN)/python -m scripts.site.swap_site .site-build site

chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

# The source tool's lexicon: WordNet 3.0 from Debian, then its compact concept index cached once (about a second).
wordnet: $(VENV)/.installed
	@[ -f /usr/share/wordnet/index.sense ] || [ -n "$$DEDUP_WORDNET_DIR" ] || { $(SUDO) apt-get update && \
		$(SUDO) apt-get install -y --no-install-recommends wordnet-base wordnet-sense-index; }
	@$(BIN)/python -m scripts.dedup.build_lexicon

# The Spanish spelling check's dictionaries (Spain's and Mexico's), from Debian: Hunspell and hunspell-es.
spanish-dictionary:
	@command -v hunspell >/dev/null && [ -f /usr/share/hunspell/es_MX.dic ] || { $(SUDO) apt-get update && \
		$(SUDO) apt-get install -y --no-install-recommends hunspell hunspell-es; }

# The source tool as a user outside the project gets it: `pip install ".[dedup]"` into a fresh venv, then a run.
dedup-package-check:
	rm -rf .venv-dedup && $(PYTHON) -m venv .venv-dedup
	.venv-dedup/bin/pip install --quiet --disable-pip-version-check ".[dedup]"
	cd /tmp && $(CURDIR)/.venv-dedup/bin/dedup $(CURDIR)/tests/dedup_eval/corpus
	rm -rf .venv-dedup

node-tools: node_modules/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: lint chromium node-tools
	$(BIN)/python -m pytest

# The editor's check: the strict build and the content checks, printing only problems as file:line: what; fix.
# CHECK_ARGS=--github also writes them as pull-request annotations and to the job summary.
check: install
	@$(BIN)/python -m scripts.checks.editor_check $(CHECK_ARGS)

# Developer tools: Python lint and format, and the workflows.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint

# Developers' quick round: lint, then every test that needs no browser and no repeated whole-site build.
dev-check: lint
	$(BIN)/python -m pytest -m "not browser and not slow"

# Speed and size figures (site build, page weight, Lighthouse LCP, source tool); BENCH_ARGS=--write records them in BENCHMARKS.md.
bench: install chromium node-tools
	$(BIN)/python -m scripts.browser.bench_site $(BENCH_ARGS)

linkcheck: build
	$(BIN)/python -m scripts.checks.linkcheck_external site

# Pages whose next_review is within 30 days or past, with file:line; fails when any is due. TODAY=2027-01-31 pretends.
review-due: install
	$(BIN)/python -m scripts.checks.review_due $(if $(TODAY),--today $(TODAY))

# Record that translations say what the English says now: FILES="docs/aftercare.es.md data/glossary.es.yml", or every
# translation when FILES is empty. The build and `make review-due` list translations whose English changed since.
translation-stamp: install
	$(BIN)/python -m scripts.i18n.stamp $(FILES)

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
