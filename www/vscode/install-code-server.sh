#!/usr/bin/env bash
# Installs code-server (VS Code for the web, from npm) into .cache/code-server
# for the end-to-end test (make test-vscode). A plain `npm install code-server`
# fails on a machine that reaches only the package registries: its postinstall
# downloads ripgrep and prebuilt binaries from GitHub. So: install without
# scripts, build the native modules from source, and use Debian's ripgrep.
set -euo pipefail
VERSION=4.100.3 # the last line that runs on Node 20
cd "$(dirname "$0")/../.."
DIR=$PWD/.cache/code-server
BIN=$DIR/node_modules/.bin/code-server
if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "^$VERSION"; then exit 0; fi

need=()
command -v rg >/dev/null || need+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || need+=(build-essential)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-code-server: apt-get install ${need[*]}"
  apt-get install -y "${need[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${need[@]}" >/dev/null; }
fi

rm -rf "$DIR" && mkdir -p "$DIR"
cd "$DIR"
echo '{"private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$VERSION"
npm rebuild --loglevel=error argon2
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# node-pty's post-install runs `npx node-gyp` for a compile_commands.json.
npm_config_yes=true npm rebuild --loglevel=error kerberos @vscode/spdlog native-watchdog node-pty
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts)
"$BIN" --version | head -1
