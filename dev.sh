#!/usr/bin/env bash
# One entry point for set-up and the everyday jobs; every command is idempotent.
#   ./dev.sh sample   create .venv, install everything, code the bundled sample articles
#   ./dev.sh test     create .venv, install everything, run the whole test suite
#   ./dev.sh lock     regenerate requirements.lock (with hashes) from pyproject.toml
set -euo pipefail
cd "$(dirname "$0")"

VENV=${EVENTWATCH_VENV:-.venv}
PYTHON=${PYTHON:-python3.11}
PIP_VERSION=25.3
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

setup() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the pinned requirements or the package metadata changed.
    local stamp="$VENV/.eventwatch-installed"
    local want
    want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        # pip 23 ignores the lock's pin for a dependency asked for with extras
        # (weasel -> smart-open[http]) once PyPI has a newer release; 25.3 does not.
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pip==$PIP_VERSION"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
        echo "$want" > "$stamp"
    fi
}

# Browser tests drive Debian's Chromium; install it when missing (as root, as in CI).
ensure_chromium() {
    [ -x /usr/bin/chromium ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing Debian's chromium for the browser tests ..." >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "warning: /usr/bin/chromium missing and cannot install it; browser tests will be skipped" >&2
    fi
}

case "${1:-}" in
    sample)
        setup
        "$VENV/bin/eventwatch" extract --format table --date 2021-12-03 samples/*
        ;;
    test)
        setup
        ensure_chromium
        shift
        "$VENV/bin/python" -m pytest "$@"
        ;;
    lock)
        setup
        "$VENV/bin/python" -m pip install --quiet uv
        "$VENV/bin/uv" pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 \
            -o requirements.lock -q --custom-compile-command "./dev.sh lock"
        ;;
    *)
        sed -n '2,5p' "$0"
        exit 64
        ;;
esac
