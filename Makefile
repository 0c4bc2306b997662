# Everything runs from .venv, built from the pinned requirements.lock on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser up test unit bench lint proto proto-check proto-lint clean

# The browser tests drive Debian's chromium (Playwright's own browser download is not
# reachable) and need a CJK font for readable screenshots; apt installs both where missing.
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc

install: $(STAMP) browser

browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(CJK_FONT) ]; then \
		apt-get update && apt-get install -y chromium fonts-wqy-microhei; \
	fi

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q 'pip==26.2'
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

up: $(STAMP)
	$(BIN)/xueji up

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not integration"

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .

proto: $(STAMP)
	$(BIN)/python -m xueji_stack.protogen

proto-check: $(STAMP)
	$(BIN)/python -m xueji_stack.protogen --check

# buf comes from the npm registry; lint and breaking-change checks of the contracts.
proto-lint:
	npx --yes @bufbuild/buf@1 lint proto
	npx --yes @bufbuild/buf@1 breaking proto --against '.git#branch=main,subdir=proto'

clean:
	rm -rf $(VENV) .xueji
