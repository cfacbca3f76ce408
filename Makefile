# gwlint: `make serve` builds and serves the page, `make test` runs every test.
PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
WASM_BUILD_STD :=
-include .toolchain.env

.PHONY: serve build setup setup-test wasm site test test-rust test-js corpus-report screenshots clean ext vsix ext-screenshots test-vscode dict bench

serve: build
	@echo "公文体检已就绪：http://127.0.0.1:$(PORT)/  （Ctrl+C 停止）"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

build: setup wasm site

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

wasm:
	cargo build --release --target $(WASM_TARGET) --lib $(WASM_BUILD_STD)
	@mkdir -p target/$(WASM_TARGET)/release/prewarmed
	node scripts/prewarm-wasm.mjs target/$(WASM_TARGET)/release/gwlint.wasm target/$(WASM_TARGET)/release/prewarmed/gwlint.wasm
	wasm-bindgen --target web --out-dir pkg --remove-name-section --remove-producers-section \
	  target/$(WASM_TARGET)/release/prewarmed/gwlint.wasm

site:
	node www/build.mjs

test: setup-test wasm site ext test-rust test-js

# Editor extensions from pkg/: www/vscode/out/ and its .vsix in dist-ext/,
# the unpacked Chromium extension in www/chromium/out/.
ext:
	node www/vscode/build.mjs --vsix
	node www/chromium/build.mjs

vsix: setup wasm ext

# The VS Code extension end to end in code-server (installed into .cache/ on first use).
test-vscode: setup-test wasm ext
	bash www/vscode/install-code-server.sh
	node --test tests/js/ext-vscode-e2e.test.mjs

# README screenshots of the extensions (headless Chromium; code-server for VS Code).
ext-screenshots: setup-test wasm ext
	node www/chromium/screenshots.mjs
	bash www/vscode/install-code-server.sh
	node www/vscode/screenshot.mjs

test-rust:
	cargo test --all-targets

test-js:
	node --test --test-concurrency=1 tests/js/

screenshots: setup-test wasm site
	node scripts/screenshots.mjs

corpus-report:
	cargo run --release --example corpus_report

# Rebuilds data/jieba-dict.bin from the dict.txt of the jieba-rs crate Cargo fetched.
dict:
	cargo run --release --example make_dict -- "$$(dirname "$$(cargo metadata --format-version 1 \
	  | grep -o '"manifest_path":"[^"]*jieba-rs-[0-9.]*/Cargo.toml"' | cut -d'"' -f4)")/src/data/dict.txt" \
	  data/jieba-dict.bin

# Speed and size, written to BENCHMARKS.md (see bench/README.md).
bench: setup-test
	node bench/run.mjs

clean:
	rm -rf dist pkg target/wasm32-unknown-unknown dist-ext www/vscode/out www/chromium/out
