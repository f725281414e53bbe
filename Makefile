# Two commands do all the set-up: `make demo` runs the main job on the bundled example,
# `make test` runs the fast test suite. Both create the virtual environment on first use.
# `make test-all` adds the slow tests (full training, the wheel); `.ci/run` runs lint and all.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: demo test test-all lint examples bench

$(BIN)/casetagger: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,cluster]"
	@# an editable install leaves the package uncompiled; where Python writes no bytecode at run time
	@# (PYTHONDONTWRITEBYTECODE, common in containers) every command would compile it again: 0.07 s
	$(BIN)/python -m compileall -q src/casetagger
	touch $@

demo: $(BIN)/casetagger
	$(BIN)/casetagger run examples/ --out out/
	$(BIN)/casetagger draft out/ --out out/opfoelgning.docx

test: $(BIN)/casetagger
	$(BIN)/python -m pytest -m "not slow"

test-all: $(BIN)/casetagger
	$(BIN)/python -m pytest

lint: $(BIN)/casetagger
	$(BIN)/ruff check src tests benchmarks pipeline
	$(BIN)/mypy

examples: $(BIN)/casetagger
	$(BIN)/python tests/make_examples.py

bench: $(BIN)/casetagger
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/tag.py
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/draft.py
	$(BIN)/python benchmarks/review.py
