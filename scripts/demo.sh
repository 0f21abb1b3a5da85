#!/usr/bin/env bash
# Runs the Ledgerport demo on a fresh machine: installs what is missing,
# builds the `ledgerport` executable, then runs `ledgerport demo` with any
# arguments given here (for example `--json` or `--data DIR`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/install-deps.sh >&2
swift build -c release --product ledgerport >&2
exec .build/release/ledgerport demo "$@"
