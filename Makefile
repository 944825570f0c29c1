# Everything the project needs is installed by these targets, from the
# committed lock files: requirements.lock (Python) and package-lock.json (npm).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
DIST := static/dist
PG_URL ?= postgres://postgres@127.0.0.1:5432/lms
REDIS ?= redis://127.0.0.1:6379/0
# Tests clear the cache between tests, so it lives apart from the broker's queues.
REDIS_CACHE ?= redis://127.0.0.1:6379/1

.PHONY: install venv assets migrate demo run test test-services test-e2e test-production lint services clean

install: venv assets

$(BIN)/.installed: requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

venv: $(BIN)/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(DIST)/main.css: Makefile node_modules/.installed $(wildcard static/scss/*.scss)
	mkdir -p $(DIST)
	npx sass --load-path=node_modules --quiet-deps --style=compressed --no-source-map \
		static/scss/main.scss $(DIST)/main.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(DIST)/
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(DIST)/
	# With their source maps: the minified files name them, and the production
	# static storage refuses to collect a file whose references are missing.
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js \
		node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js.map \
		node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css \
		node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css.map $(DIST)/

# The certificate fonts: DejaVu Sans covers Latin Extended (Vietnamese names too).
# Copied from the pinned npm package, with its licence, for certificates/pdf.py.
FONTS := static/fonts/DejaVuSans.ttf
$(FONTS): node_modules/.installed
	cp node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf \
		node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf static/fonts/
	cp node_modules/dejavu-fonts-ttf/LICENSE static/fonts/LICENSE-DejaVu.txt

assets: $(DIST)/main.css $(FONTS)

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) seed_demo
	$(MANAGE) load_course_content
	$(MANAGE) load_knowledge_checks
	$(MANAGE) load_lesson_plans
	$(MANAGE) seed_training_requirements

run: demo
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest -m "not services and not e2e"

# The same suite against PostgreSQL and Redis, plus the tests that need a real
# Celery worker process.
services:
	bash scripts/services-up.sh

test-services: install services
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS) REDIS_CACHE_URL=$(REDIS_CACHE) LMS_TEST_SERVICES=1 \
		$(BIN)/pytest -m "not e2e"

# The README's production steps under production settings, on a throwaway
# PostgreSQL database: migrate, collectstatic, check --deploy, gunicorn answering.
PROD_DB_URL ?= postgres://postgres@127.0.0.1:5432/lms_production_check
test-production: install services
	PROD_DB_URL=$(PROD_DB_URL) REDIS=$(REDIS) bash scripts/production-check.sh

test-e2e: install
	bash scripts/chromium-install.sh
	$(BIN)/pytest -m e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint --check --lint lms kits accounts organisations courses quizzes certificates resources compliance reports
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules $(DIST) staticfiles
