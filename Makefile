# Thin wrappers: each target calls one script or command.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench messages

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/exportctl run

test: $(VENV)/.installed
	bash scripts/test

lint: $(VENV)/.installed
	bash scripts/lint

bench: $(VENV)/.installed
	$(PY) -m bench.run

messages: $(VENV)/.installed
	cd src/exportctl && ../../$(VENV)/bin/django-admin makemessages -l zh_Hans --no-obsolete && ../../$(VENV)/bin/django-admin compilemessages
