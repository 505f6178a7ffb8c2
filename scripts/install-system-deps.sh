#!/usr/bin/env bash
# Installs the Debian packages the tests and the example agent use: speech synthesis and
# recognition for the Twilio audio path; redis-server for @voxguard/llm's fleet tests;
# Prometheus (server + promtool), the Pushgateway, Chromium and xmllint for @voxguard/sli's
# exporter and report tests; EDICT (edict), the source of the judge's shipped Japanese lexicon,
# for the test that keeps that lexicon in sync with it. Skips packages already present; needs root.
set -euo pipefail
packages=(espeak-ng sox pocketsphinx pocketsphinx-en-us redis-server prometheus prometheus-pushgateway chromium libxml2-utils edict)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
# Installs the Debian packages the tests and the example agent use: speech synthesis and
# recognition for the Twilio audio path; redis-server for @voxguard/llm's fleet tests;
# Prometheus (server + promtool), the Pushgateway, Chromium and xmllint for @voxguard/sli's
# exporter and report tests; EDICT (edict), the source of the judge's shipped Japanese lexicon,
# for the test that keeps that lexicon in sync with it. Skips packages already present; needs root.
set -euo pipefail
packages=(espeak-ng sox pocketsphinx pocketsphinx-en-us redis-server prometheus prometheus-pushgateway chromium libxml2-utils edict)
  [ "${CI:-}" = "true" ] && exit 1
  exit 0
fi
echo "voxguard: apt-get install ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
