# The two contract commands are `make demo` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SHARED ?= ../shared/data

.PHONY: demo test install lint bench models eval clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/warta analyze examples/seed.txt --published 2023-10-24

test: install
	$(VENV)/bin/ruff check warta tests
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check warta tests

# Rebuild the shipped model from ../shared/data (training-only dependencies:
# gensim for the static vectors, nlp-id's POS corpus installed without its pins).
models: install
	$(PY) -m pip install --quiet -e ".[dev,train]"
	$(PY) -m pip install --quiet --no-deps "nlp-id==0.1.23.0"
	OMP_NUM_THREADS=1 PYTHONHASHSEED=0 nice -n 10 $(VENV)/bin/warta train --data $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# Speed benchmark (docs/BENCHMARKS.md): `make bench` or `make bench WORDS=0` (all articles).
WORDS ?= 60000
REPEAT ?= 3
bench: install
	$(PY) bench/run.py --words $(WORDS) --repeat $(REPEAT)

# The stock spaCy baseline `make bench` compares against (~20+ min, one process, niced).
.PHONY: bench-baseline
bench-baseline: install
	nice -n 10 $(PY) bench/train_stock.py
