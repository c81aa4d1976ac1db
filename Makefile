# Two commands a newcomer needs: `make site` builds site/ from seeds/, `make test` runs the tests.
# Both create .venv and install the project from pyproject.toml on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test test-fast golden serve lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/lagebild build

test: $(STAMP)
	$(BIN)/python -m pytest

# For development: the suite without whole-site builds and the browser (markers `slow`, `browser`).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

# Writes the Markdown built from seeds/ into tests/golden/ (in a temporary project copy); review with git diff.
golden: $(STAMP)
	$(BIN)/python tests/golden_pages.py

serve: $(STAMP)
	$(BIN)/lagebild serve

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format generator tests benchmarks
	$(BIN)/ruff check --fix generator tests benchmarks

clean:
	rm -rf site .lagebild-cache
