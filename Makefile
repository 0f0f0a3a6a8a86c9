# The commands people type. `make test` is what CI runs.
SWIFT  ?= swift
VENV   := .venv
PYTHON := $(VENV)/bin/python
BIN     = $(shell $(SWIFT) build --show-bin-path)

.PHONY: test build release generate generate-resources check lint examples bench profile build-time docs clean
CFN_LINT_DATA = $(shell $(PYTHON) -c 'import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), "data"))')

## test: build, run the Swift tests, check that the generated Swift and
##       generated/ are current, read our YAML with PyYAML and ruamel.yaml,
##       and lint every generated template.
test: build $(VENV)/.installed
	$(SWIFT) test --disable-xctest
	$(BIN)/generate-resources --check --cfn-lint-data $(CFN_LINT_DATA)
	$(BIN)/synth --check
	YAML_CORPUS_BIN=$(BIN)/yaml-corpus SWIFT_BIN_PATH=$(BIN) $(PYTHON) -m pytest -q Tests/python
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory examples

build:
	$(SWIFT) build

## release: the release executable, linked statically (Swift runtime, Foundation,
##       the C library, libyaml): .build-static/release/synth.
release:
	$(SWIFT) build -c release -Xswiftc -static-executable --scratch-path .build-static --product synth

## generate: rewrite generated/ from the stacks (the only way it is written).
generate: build
	$(BIN)/synth --output generated --prune

## generate-resources: regenerate Sources/AWSResources, Sources/AWSReferences and
##       the service modules in Sources/Services from cfn-lint's schemas (after
##       editing resource-types.manifest or upgrading cfn-lint).
generate-resources: build $(VENV)/.installed
	$(BIN)/generate-resources --cfn-lint-data $(CFN_LINT_DATA)

check: build
	$(BIN)/synth --check

## lint: cfn-lint (informational checks included) over every generated template,
##       a template with one instance of every generated resource type, one
##       with every construct, one across ten service modules, and one whose
##       function code is packaged beside it;
##       checkov over the generated, construct and packaged templates.
lint: build $(VENV)/.installed
	$(BIN)/synth-fixtures EveryResourceType > $(BIN)/EveryResourceType.yaml
	$(BIN)/synth-fixtures EveryConstruct > $(BIN)/EveryConstruct.yaml
	$(BIN)/synth-fixtures ManyServices > $(BIN)/ManyServices.yaml
	$(BIN)/synth-fixtures FolderFunction --output $(BIN)/packaged --prune
	$(VENV)/bin/cfn-lint --include-checks I -- generated/*.yaml $(BIN)/EveryResourceType.yaml $(BIN)/EveryConstruct.yaml $(BIN)/ManyServices.yaml \
		$(BIN)/packaged/FolderFunction.yaml Tests/Fixtures/templates/*.yaml
	@echo "cfn-lint: no findings"
	BC_SKIP_MAPPING=TRUE $(VENV)/bin/checkov --quiet --compact --skip-download --framework cloudformation \
		$(foreach t,$(wildcard generated/*.yaml) $(BIN)/EveryConstruct.yaml $(BIN)/packaged/FolderFunction.yaml,-f $(t))
	@echo "checkov: no failed checks"

## examples: each package under Examples/ (its own Package.swift, this package
##       by relative path): build, its tests, `Infra --check` against its
##       generated/, and cfn-lint and checkov over its templates.
EXAMPLES = $(patsubst %/Package.swift,%,$(wildcard Examples/*/Package.swift))
examples: $(VENV)/.installed
	@set -e; for example in $(EXAMPLES); do \
		echo "== $$example"; \
		$(SWIFT) build --package-path $$example --build-tests; \
		if [ -d $$example/Tests ]; then $(SWIFT) test --package-path $$example --skip-build --disable-xctest; fi; \
		(cd $$example && "$$($(SWIFT) build --show-bin-path)/Infra" --check); \
		$(VENV)/bin/cfn-lint --include-checks I -- $$example/generated/*.yaml; \
		BC_SKIP_MAPPING=TRUE $(VENV)/bin/checkov --quiet --compact --skip-download --framework cloudformation \
			$$(for t in $$example/generated/*.yaml; do printf -- '-f %s ' $$t; done); \
	done

## docs: the DocC catalogs, built with swift-docc-plugin; one warning fails the
##       build. First the resource graphs of the Macie stack and of the first
##       stack's tutorial (Examples/Minimal's), drawn by Graphviz's dot (installed
##       from Debian's graphviz when missing) into the CloudFormation catalog, and
##       the command reference from synth's own help.
##       The archives: .build/plugins/Swift-DocC/outputs/<module>.doccarchive.
DOC_TARGETS = CloudFormation AWSResources AWSConstructs CloudFormationTesting SynthCommand
docs: build
	@command -v dot >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz || \
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz; }; \
		else echo "make docs needs Graphviz's dot: apt-get install graphviz, or brew install graphviz" >&2; exit 2; fi; }
	$(BIN)/synth graph MacieDynamoDB | dot -Tsvg > Sources/CloudFormation/CloudFormation.docc/MacieDynamoDB.svg
	$(BIN)/synth graph --template Examples/Minimal/generated/Uploads.yaml | dot -Tsvg \
		> Sources/CloudFormation/CloudFormation.docc/Tutorials/Resources/first-stack-graph.svg
	python3 docs/command_reference.py $(BIN)/synth
	$(BIN)/synth rules --markdown > docs/security-rules.md
	$(SWIFT) package --disable-sandbox generate-documentation --warnings-as-errors \
		$(foreach target,$(DOC_TARGETS),--target $(target))

## bench: release builds; wall time and peak memory of synth on each stack, then
##       this project beside troposphere and the CDK at N = 1…1000 groups
##       (benchmarks/RESULTS.md, and the Performance article from it), and the
##       security rules' cost (benchmarks/RESULTS-rules.md). The other tools: pip install -r benchmarks/requirements-bench.txt.
bench: $(VENV)/.installed
	$(PYTHON) benchmarks/synth_time.py
	$(PYTHON) benchmarks/run_bench.py
	$(PYTHON) benchmarks/run_bench.py --validate
	$(PYTHON) benchmarks/rules_cost.py
	python3 docs/performance_article.py

## profile: callgrind instruction counts of the release synth on the walkthrough's
##       stack and at N = 1000 (benchmarks/PROFILE.md; needs valgrind).
profile: $(VENV)/.installed
	$(PYTHON) benchmarks/profile.py

## build-time: clean and incremental debug build times, before and after the generated code.
build-time:
	benchmarks/build_time.sh

$(VENV)/.installed: requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf .build $(VENV)
