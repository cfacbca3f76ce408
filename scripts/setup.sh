#!/usr/bin/env bash
# Installs what building (and, with `--test`, testing) gwlint needs on a fresh
# Debian machine of this project's kind. Idempotent: each step checks first.
# Follows ../shared/TOOLCHAIN.md: rustup's wasm32 target (path A), falling back
# to Debian's compiler with build-std (path B) when rustup cannot download.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: apt-get install ${missing[*]}"
  if [ $apt_updated -eq 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# jieba-rs's dictionary pulls in zstd-sys, which needs clang for wasm32.
apt_install clang

# The wasm32 target: path A, else path B (recorded in .toolchain.env for make).
rm -f .toolchain.env
if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  if ! timeout 300 rustup target add wasm32-unknown-unknown; then
    echo "setup: rustup could not add wasm32; using Debian's rustc-web with build-std (path B)"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
    cat > .toolchain.env <<'ENV'
export PATH := /usr/bin:$(PATH)
export RUSTC := /usr/bin/rustc
export RUSTC_BOOTSTRAP := 1
WASM_BUILD_STD := -Zbuild-std=std,panic_abort
ENV
  fi
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  echo "setup: cargo install wasm-bindgen-cli $wb_version (takes a few minutes)"
  # Not --locked: its lockfile pins a webpki-roots the registry no longer serves.
  cargo install -q wasm-bindgen-cli --version "$wb_version"
fi

# Front-end packages (esbuild, CodeMirror, playwright-core), exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ $want_test -eq 1 ]; then
  # Debian's Chromium for the page tests (never a browser downloaded by a test
  # tool), and a CJK font so screenshots show Chinese.
  apt_install chromium fonts-wqy-microhei
fi
