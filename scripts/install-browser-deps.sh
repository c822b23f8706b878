#!/usr/bin/env bash
# Browser test dependencies: Debian's chromium (the browser tests drive it through Playwright's
# Python package, which `pip install -e '.[dev]'` brings; Playwright's own browser download is
# never used). Idempotent: does nothing when /usr/bin/chromium is there. Without root, or
# without apt-get, it says so and exits 0: the browser tests then skip with that reason.
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "install-browser-deps: chromium is installed ($(/usr/bin/chromium --version 2>/dev/null | head -n 1))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser-deps: chromium is missing and this is not root; browser tests will skip" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser-deps: chromium is missing and apt-get is not available; browser tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq chromium >/dev/null; then
  echo "install-browser-deps: installed $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
else
  echo "install-browser-deps: apt-get could not install chromium; browser tests will skip" >&2
fi
exit 0
