# Puntos de entrada del curso. `make book` y `make test` lo preparan todo solos.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
COLAB := .venv-colab
PY := $(VENV)/bin/python
HTML := _build/html

.PHONY: help book test unit fresh nbval build-book browser notebooks lab bench clean lock
help:            ## muestra esta ayuda
	@grep -E '^[a-z.-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(VENV)/.ok: requirements/book.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/book.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

$(COLAB)/.ok: requirements/colab.in requirements/book.txt pyproject.toml
	$(PYTHON) -m venv $(COLAB)
	$(COLAB)/bin/python -m pip install -q --upgrade pip
	grep -vE '^(ipywidgets|widgetsnbextension|jupyterlab_widgets)==' requirements/book.txt > $(COLAB)/constraints.txt
	$(COLAB)/bin/python -m pip install -q -c $(COLAB)/constraints.txt -r requirements/colab.in
	$(COLAB)/bin/python -m pip install -q -c $(COLAB)/constraints.txt -e .
	touch $@

book: $(VENV)/.ok  ## construye el sitio en _build/html (ejecuta los capítulos, con caché)
	DLCOURSE_BUILD=1 $(VENV)/bin/jupyter-book build . --builder html -W -n --keep-going
	@echo "Sitio listo: abre $(abspath $(HTML))/index.html (o: python -m http.server -d $(HTML))"

notebooks: $(VENV)/.ok  ## regenera notebooks/*.ipynb (Colab) desde book/*.md
	$(PY) tools/make_notebooks.py

environment.yml: requirements/book.txt  ## regenera environment.yml desde las versiones fijadas
	$(PY) tools/environment.py

test: $(VENV)/.ok $(COLAB)/.ok  ## todas las comprobaciones: unidades, frescura, nbval, libro, navegador
	$(PY) tools/run_tests.py

lab: $(VENV)/.ok  ## JupyterLab sobre el curso (los book/*.md se abren como cuadernos)
	$(PY) tools/lab_settings.py
	$(VENV)/bin/jupyter lab --notebook-dir=.

bench: $(VENV)/.ok  ## cronometra cada capítulo y escribe bench/results.md
	$(PY) tools/bench.py

lock:            ## vuelve a fijar requirements/book.txt desde book.in (con red)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install -q -r requirements/book.in
	{ echo '# Generado con `make lock` a partir de requirements/book.in: versiones exactas del entorno .venv.'; \
	  .venv-lock/bin/python -m pip freeze --exclude-editable | sed -E 's/^torch==(.*)\+cpu$$/torch==\1/'; } > requirements/book.txt
	rm -rf .venv-lock
	$(MAKE) environment.yml

clean:           ## borra el sitio construido y la caché de ejecución
	rm -rf _build .pytest_cache
