# Two commands do everything on a fresh machine with Python 3.11+:
#   make site   set up .venv, ingest seeds/, build site/ (served) and site-file/ (opens from file://)
#   make test   set up .venv (and Chromium when run as root), run every test
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve ingest translate check status review bench clean browser

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

ingest: $(VENV)/.installed
	$(PY) -m build_tools ingest

site: ingest
	$(PY) -m build_tools.site.build

serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve --livereload

translate: $(VENV)/.installed
	$(PY) -m build_tools translate

check: $(VENV)/.installed
	$(PY) -m build_tools check

review: $(VENV)/.installed
	$(PY) -m build_tools review --base $(or $(BASE),origin/main)

status: $(VENV)/.installed
	$(PY) -m build_tools status

# Browser tests use Debian's chromium; as root we install it, otherwise they are skipped with a note.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	  || echo "note: chromium not installed (run as root or 'apt-get install chromium'); browser tests will be skipped"; }

test: $(VENV)/.installed browser
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py --sizes 10,100,1000

clean:
	rm -rf site site-file .pytest_cache
