#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing,
# builds every target with warnings treated as errors, then runs the tests.
# Extra arguments go to `swift test` (for example `--filter MoneyTests`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/install-deps.sh
scripts/localstripe.sh install

swift build --build-tests -Xswiftc -warnings-as-errors
# Every test uses Swift Testing, so XCTest is off and the runner no longer prints "Executed 0 tests".
swift test --skip-build --disable-xctest "$@"
