# Two commands do all the set-up: `make demo` runs the main job on the bundled example,
# `make test` runs the test suite. Both create the virtual environment on first use.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: demo test examples bench

$(BIN)/casetagger: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

demo: $(BIN)/casetagger
	$(BIN)/casetagger run examples/ --out out/
	$(BIN)/casetagger draft out/ --out out/opfoelgning.docx

test: $(BIN)/casetagger
	$(BIN)/python -m pytest

examples: $(BIN)/casetagger
	$(BIN)/python tests/make_examples.py

bench: $(BIN)/casetagger
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/tag.py
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/draft.py
