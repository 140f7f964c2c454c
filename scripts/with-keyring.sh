#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks to a real
# keychain without touching the user's (toolchain.md "A real keychain for tests").
set -euo pipefail
if [ "${AEGIS_IN_KEYRING:-}" = 1 ]; then exec "$@"; fi
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export AEGIS_IN_KEYRING=1
XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir" \
  dbus-run-session -- bash -c 'printf ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && "$@"' _ "$@" 2> >(grep -v "Failed to set fd limit" >&2)
