#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Dovecot (IMAP server for the
# integration tests) and Chromium (end-to-end tests). Runs as root on a fresh machine (CI).
set -euo pipefail
missing=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "missing system packages: ${missing[*]} — install them (apt-get install ${missing[*]}) and run the tests again" >&2
  exit 1
fi
echo "installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
