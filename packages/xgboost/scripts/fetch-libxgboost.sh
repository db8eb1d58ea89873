#!/bin/sh
# Obtains libxgboost without root on Debian/Ubuntu: downloads the distribution's packages with
# `apt-get download` and unpacks them with `dpkg-deb -x` into packages/xgboost/vendor/xgboost/
# (gitignored), where the loader looks after XGBOOST_LIBRARY_PATH. Safe to run any time: it does
# nothing when the library is already loadable, and never fails an install (exit 0 with a hint).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
vendor="$here/vendor/xgboost"

found() {
  [ -n "${XGBOOST_LIBRARY_PATH:-}" ] && [ -e "$XGBOOST_LIBRARY_PATH" ] && return 0
  ls "$vendor"/usr/lib/*/libxgboost.so* >/dev/null 2>&1 && return 0
  ldconfig -p 2>/dev/null | grep -q 'libxgboost\.so' && return 0
  for d in /usr/lib/*-linux-gnu /usr/lib /usr/local/lib /opt/homebrew/lib; do
    ls "$d"/libxgboost.so* "$d"/libxgboost.dylib >/dev/null 2>&1 && return 0
  done
  return 1
}

if found; then
  echo "libxgboost: already available"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "libxgboost: not found. Install it: brew install xgboost | conda install -c conda-forge libxgboost" >&2
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 0
# libdmlc0 is Debian's only non-standard dependency; libgomp1 is fetched when absent too.
pkgs="libxgboost0 libdmlc0"
ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1' || pkgs="$pkgs libgomp1"
if ! apt-get download $pkgs >/dev/null 2>&1; then
  echo "libxgboost: apt-get download failed (run 'apt-get update' or: sudo apt-get install libxgboost0)" >&2
  exit 0
fi
mkdir -p "$vendor"
for deb in ./*.deb; do dpkg-deb -x "$deb" "$vendor"; done
echo "libxgboost: unpacked into $vendor"
