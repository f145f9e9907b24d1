#!/usr/bin/env bash
# Sets up everything Agent Console needs on a fresh Debian/Ubuntu machine, idempotently:
# the Debian packages Qt and the fonts need (installed when run as root, otherwise the exact
# apt-get line is printed), a virtualenv in .venv, and the project installed into it.
# Usage: scripts/setup.sh [--test]   (--test also installs the test tools, Xvfb and openbox)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Qt's xcb/offscreen platform plugins and fonts (CJK so Traditional Chinese renders).
DEB_PACKAGES=(
  python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  libxrender1 libxi6 libsm6 libice6 fonts-noto-cjk sqlite3
)
# The test command runs the GUI tests on a real X server with a small window manager, so
# focus and activation behave as on a desktop (./test, scripts/test-display.sh), and checks
# the .desktop entry with desktop-file-validate. Without them those tests fall back to
# offscreen or skip (saying so), so they are wanted, not required.
WANTED_PACKAGES=()
[ $want_test = 1 ] && WANTED_PACKAGES=(xvfb openbox desktop-file-utils)

not_installed() {  # PACKAGE...: print those dpkg does not know as installed
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == *"ok installed"* ]] || echo "$pkg"
  done
}

mapfile -t missing < <(not_installed "${DEB_PACKAGES[@]}")
mapfile -t wanted < <(not_installed "${WANTED_PACKAGES[@]}")
if [ ${#missing[@]} -gt 0 ] || [ ${#wanted[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing Debian packages: ${missing[*]} ${wanted[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    if [ ${#missing[@]} -gt 0 ]; then
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    if [ ${#wanted[@]} -gt 0 ] && ! apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null; then
      echo "setup: could not install ${wanted[*]}: the GUI tests will run offscreen" >&2
    fi
  elif [ ${#missing[@]} -gt 0 ]; then
    echo "setup: these Debian packages are missing; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]} ${wanted[*]}" >&2
    exit 1
  else
    echo "setup: for GUI tests on a real X server, install: sudo apt-get install -y ${wanted[*]}" >&2
  fi
fi

# The distribution's Python when it is new enough: Debian builds it with profile-guided and
# link-time optimisation, and a screen pop runs ~20% faster on it than on a plain build
# (pyenv's shared-library build: suggestions p95 2.9 against 3.6 ms, bench/suggest.py,
# docs/performance.md). PYTHON=... chooses another.
if [ -z "${PYTHON:-}" ] && [ -x /usr/bin/python3 ] \
   && /usr/bin/python3 -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  PYTHON=/usr/bin/python3
fi
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi

extras=""
[ $want_test = 1 ] && extras="[test]"
stamp=".venv/.agent-console-installed${extras:+-test}"
digest=$(cat pyproject.toml setup.py | sha256sum | cut -d' ' -f1)
# An install with the test tools holds everything the plain one does.
if [ $want_test = 0 ] && [ -f "$stamp-test" ] && [ "$(cat "$stamp-test")" = "$digest" ]; then
  stamp="$stamp-test"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  echo "setup: installing agent-console${extras} into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".${extras}" 2>&1 | grep -v -E "^WARNING: (Location|Skipping)" || true
  .venv/bin/python -c "import console, PySide6" || { echo "setup: installation failed" >&2; exit 1; }
  echo "$digest" > "$stamp"
fi
