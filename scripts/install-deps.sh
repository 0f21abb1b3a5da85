#!/usr/bin/env bash
# Installs what building and testing Ledgerport needs and is missing:
# Debian's development packages for the C libraries, and checks the Swift
# toolchain. Safe to run repeatedly; it installs nothing already present.
set -euo pipefail

packages=(
  pkg-config
  libsqlite3-dev
  libcurl4-openssl-dev
  libssl-dev
  libmicrohttpd-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_command=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo_command=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_command[@]}" apt-get update -qq
  "${sudo_command[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [[ -x /opt/swift/usr/bin/swift ]]; then
    echo "install-deps: add /opt/swift/usr/bin to PATH (found the toolchain there)" >&2
  else
    echo "install-deps: the Swift 6 toolchain is missing; install it from swift.org and put swift on PATH" >&2
  fi
  exit 1
fi
