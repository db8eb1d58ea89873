#!/bin/sh
# Obtains libxgboost without root on Debian/Ubuntu: downloads the distribution's packages with
# `apt-get download` and unpacks them with `dpkg-deb -x` into packages/xgboost/vendor/xgboost/
# (gitignored), where the loader looks after XGBOOST_LIBRARY_PATH. Safe to run any time: it does
# nothing when the library is already loadable, and never fails an install (exit 0), but a failure
# is loud: npm hides the output of install scripts that succeed, so the banner also goes to the
# terminal itself when there is one, and `sodai doctor` (run by `npm start`) reports it again.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
vendor="$here/vendor/xgboost"

failed() {
  banner="
!!! @sodai/xgboost: libxgboost is NOT available: training and prediction will fail.
!!! $1
!!! Check with: npx sodai doctor   (it offers: sodai doctor --fetch-libxgboost)
"
  printf '%s\n' "$banner" >&2
  # Interactive installs: npm swallowed stderr above, the terminal still shows this.
  { printf "%s\n" "$banner" >/dev/tty; } 2>/dev/null || true
  exit 0
}

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
  failed "not found, and no apt-get to fetch it. Install it: brew install xgboost | conda install -c conda-forge libxgboost"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || failed "cannot use a temporary folder"

# libdmlc0 is Debian's only non-standard dependency; libgomp1 is fetched when absent too.
pkgs="libxgboost0 libdmlc0"
ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1' || pkgs="$pkgs libgomp1"
if ! apt-get download $pkgs >/dev/null 2>&1; then
  failed "apt-get download libxgboost0 failed (run 'apt-get update' or: sudo apt-get install libxgboost0)"
fi
mkdir -p "$vendor"
for deb in ./*.deb; do dpkg-deb -x "$deb" "$vendor" || failed "dpkg-deb could not unpack $deb"; done
echo "libxgboost: unpacked into $vendor"
