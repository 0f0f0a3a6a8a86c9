# The commands people type. `make test` is what CI runs.
SWIFT  ?= swift
VENV   := .venv
PYTHON := $(VENV)/bin/python
BIN     = $(shell $(SWIFT) build --show-bin-path)

.PHONY: test build generate check lint python-tests bench clean

## test: build, run the Swift tests, check generated/ is current, read our YAML
##       with PyYAML and ruamel.yaml, and lint every generated template.
test: build $(VENV)/.installed
	$(SWIFT) test --disable-xctest
	$(BIN)/synth --check
	YAML_CORPUS_BIN=$(BIN)/yaml-corpus $(PYTHON) -m pytest -q Tests/python
	$(MAKE) --no-print-directory lint

build:
	$(SWIFT) build

## generate: rewrite generated/ from the stacks (the only way it is written).
generate: build
	$(BIN)/synth --output generated --prune

check: build
	$(BIN)/synth --check

## lint: cfn-lint, informational checks included, over every generated template.
lint: $(VENV)/.installed
	$(VENV)/bin/cfn-lint --include-checks I -- generated/*.yaml
	@echo "cfn-lint: no findings in $$(ls generated/*.yaml | wc -l) template(s)"

## bench: release build, then wall time and peak memory of synth (median of 5).
bench: $(VENV)/.installed
	$(PYTHON) benchmarks/synth_time.py

$(VENV)/.installed: requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf .build $(VENV)
