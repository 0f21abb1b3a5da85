#!/usr/bin/env bash
# Installs and starts localstripe, the fake Stripe server the Stripe connector's tests run against.
#
#   scripts/localstripe.sh install
#       Creates .venv in the repository (git-ignored) with localstripe 1.15.10,
#       the version the recordings in Tests/StripeConnectorTests/Fixtures come from.
#       Does nothing when it is already installed.
#   scripts/localstripe.sh start PORT STATE_FILE
#       Runs localstripe bound to 127.0.0.1:PORT, keeping its state in STATE_FILE
#       (created when missing). Runs in the foreground; stop it with SIGTERM.
#
# localstripe's own command listens on every interface and keeps its state in
# one fixed file under /tmp, so the launcher builds its application itself.
set -euo pipefail
cd "$(dirname "$0")/.."

version="1.15.10"
venv=".venv"

case "${1:-}" in
  install)
    if [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c "import localstripe" 2>/dev/null \
      && [[ "$("$venv/bin/pip" show localstripe 2>/dev/null | sed -n 's/^Version: //p')" == "$version" ]]; then
      exit 0
    fi
    echo "localstripe: installing localstripe $version into $venv" >&2
    if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
      # Debian splits venv support out of python3.
      sudo_command=()
      [[ $(id -u) -ne 0 ]] && sudo_command=(sudo)
      DEBIAN_FRONTEND=noninteractive "${sudo_command[@]}" apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "localstripe==$version"
    ;;
  start)
    if [[ $# -ne 3 ]]; then
      echo "usage: scripts/localstripe.sh start PORT STATE_FILE" >&2
      exit 64
    fi
    if [[ ! -x "$venv/bin/python" ]]; then
      echo "localstripe: $venv is missing; run scripts/localstripe.sh install first" >&2
      exit 1
    fi
    exec "$venv/bin/python" scripts/localstripe_launcher.py --port "$2" --state "$3"
    ;;
  *)
    echo "usage: scripts/localstripe.sh install | start PORT STATE_FILE" >&2
    exit 64
    ;;
esac
