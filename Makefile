# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DIR ?= demo-output

.PHONY: install demo test bench template clean

$(BIN)/xltools: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,ocr]'
	touch $@

install: $(BIN)/xltools

demo: install
	$(BIN)/xltools demo -o $(DEMO_DIR) --force

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/letters.py
	$(BIN)/python benchmarks/engines.py
	$(BIN)/python benchmarks/rollup.py
	$(BIN)/python benchmarks/split.py
	$(BIN)/python benchmarks/export.py
	$(BIN)/python benchmarks/import.py
	$(BIN)/python benchmarks/guard.py
	$(BIN)/python benchmarks/ocr.py

template: install
	$(BIN)/xltools template -o templates/assignment.xlsx --force

clean:
	rm -rf $(VENV) $(DEMO_DIR) build *.egg-info
