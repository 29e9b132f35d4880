# TĐKT — common tasks. `make run` and `make test` work on a fresh clone: both install first.

PY := .venv/bin/python
RUFF := .venv/bin/ruff
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup run test lint clean

help:
	@echo "make run    install, migrate, load demo data, serve on http://127.0.0.1:8000"
	@echo "make test   install, lint (ruff), run the test suite (PYTEST_ARGS=... to pass options)"
	@echo "make setup  install only (bin/setup)"
	@echo "make lint   ruff check and Django's system checks"
	@echo "make clean  remove .venv, node_modules, caches and collected static files"

setup:
	@bash bin/setup

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# Ruff and pytest both run even when the first fails; either failing fails the target.
# pytest's exit 5 (no tests collected) is a failure too.
test: setup
	@lint=0; rc=0; \
	echo "$(RUFF) check ."; $(RUFF) check . || lint=$$?; \
	echo "$(PY) -m pytest $(PYTEST_ARGS)"; $(PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then \
		echo "!!  pytest collected no tests (exit 5): counted as a failure." >&2; \
		echo "!!  pytest không thu thập được test nào (mã 5): tính là thất bại." >&2; \
	fi; \
	if [ $$lint -ne 0 ]; then echo "!!  ruff check found problems (see above)." >&2; fi; \
	if [ $$rc -ne 0 ]; then exit $$rc; fi; \
	exit $$lint

lint: setup
	$(RUFF) check .
	$(PY) manage.py check

clean:
	rm -rf .venv node_modules staticfiles .pytest_cache .ruff_cache test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
