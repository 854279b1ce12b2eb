# Set-up in one command each, from a fresh clone (Debian, Python 3.11):
#   make demo   install into .venv, then run `auditkit demo`
#   make test   install into .venv, then ruff, import layers, mypy --strict and the whole test suite
# The install is skipped when .venv already holds this pyproject.toml's dependencies.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
AS_ROOT_WITH_APT := [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null

.PHONY: demo test fuzz install chromium libreoffice format clean

demo: $(STAMP)
	$(BIN)/auditkit demo

test: $(STAMP) chromium libreoffice
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest

fuzz: $(STAMP)
	AUDITKIT_FUZZ=long $(BIN)/pytest -p no:cacheprovider -s -q tests/test_fuzz.py

install: $(STAMP)

$(STAMP): pyproject.toml
	@if [ ! -x $(BIN)/python ]; then \
	  if ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
	    if $(AS_ROOT_WITH_APT); then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv; \
	    else echo "Python's venv module is missing: install Debian's python3-venv first." >&2; exit 1; fi; \
	  fi; \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if $(AS_ROOT_WITH_APT); then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	  else echo "warning: /usr/bin/chromium is missing (sudo apt-get install chromium); browser tests will fail." >&2; fi; \
	fi

LIBREOFFICE_PACKAGES := libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-impress-nogui
# Calc, Writer and Impress are there when their libraries are beside soffice (whichever package brought them).
libreoffice:
	@program="$$(dirname "$$(readlink -f "$$(command -v soffice || echo /nonexistent/soffice)")")"; \
	if [ ! -e "$$program/libsclo.so" ] || [ ! -e "$$program/libswlo.so" ] || [ ! -e "$$program/libsdlo.so" ]; then \
	  if $(AS_ROOT_WITH_APT); then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(LIBREOFFICE_PACKAGES); \
	  else echo "warning: LibreOffice Calc, Writer or Impress is missing (sudo apt-get install $(LIBREOFFICE_PACKAGES)); the spreadsheet, Word and PowerPoint tests will fail." >&2; fi; \
	fi

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache auditkit-demo
