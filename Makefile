# UploadGate: the two commands a new user needs are `make serve` and `make test`.
# Both install missing Debian packages first (scripts/install-deps.sh), then build.

SWIFT      ?= swift
CONFIG     ?= release
BIN         = .build/$(CONFIG)/uploadgate

FUZZ_SECONDS      ?= 60
FUZZ_LONG_SECONDS ?= 660
SOAK_DURATION     ?= 180
SCHEMATHESIS_EXAMPLES ?= 200
HARDENING   = .build/hardening

.PHONY: deps build serve test test-tsan test-asan sanitizer-repros fuzz fuzz-long bench example examples-curl \
	examples-deploy hardening-deps soak hostile schemathesis hardening clean

## deps: install missing Debian packages (libpcre2-dev, libmicrohttpd-dev, libmagic-dev, nettle-dev, shared-mime-info, pkg-config)
deps:
	@scripts/install-deps.sh

## build: build the uploadgate binary (release)
build: deps
	$(SWIFT) build -c $(CONFIG) --product uploadgate

## serve: run the validation endpoint on the embedded default policy at 127.0.0.1:8080
serve: build
	$(BIN) serve

## test: run the whole test suite (each test target in turn; see scripts/run-tests.sh)
test: deps
	scripts/run-tests.sh

## test-tsan: the whole suite built with ThreadSanitizer (.build-tsan; several minutes); fails on any report
test-tsan: deps
	scripts/run-tests.sh --sanitize thread

## test-asan: the whole suite built with AddressSanitizer and LeakSanitizer (.build-asan); fails on any report
test-asan: deps
	scripts/run-tests.sh --sanitize address

## sanitizer-repros: show that each suppression in Tests/Sanitizers covers a toolchain report, not ours
sanitizer-repros: deps
	scripts/sanitizer-repros.sh

## fuzz: build the libFuzzer targets (Tests/Fuzz) and run each for FUZZ_SECONDS (default 60), one after another
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh run

## fuzz-long: the same for FUZZ_LONG_SECONDS each (default 660, over the 10 minutes a release needs)
fuzz-long: deps
	FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) scripts/fuzz.sh run

## bench: run every benchmark (release builds; a few minutes) and print the report for docs/benchmarks.md
bench: deps
	Benchmarks/run-all.sh

## example: the session client demo (Examples/session-client): pre-check, session, signer, completion, locally
example: deps
	$(SWIFT) build --product uploadgate
	$(SWIFT) build --product session-client
	$(SWIFT) run --skip-build session-client

## examples-curl: run every Examples/curl script against servers it starts on loopback, checking the answers
examples-curl: build
	Examples/curl/try-all.sh $(BIN)

## examples-deploy: nginx in front of two replicas on loopback, plus a systemd unit check (root: may install nginx)
examples-deploy: build
	Examples/deploy/try-on-loopback.sh $(BIN)

# The hardening runs (docs/security.md): long, so never part of `make test`. Each prints PASS/FAIL lines, writes
# its figures to .build/hardening/*.json and exits non-zero on any failure.
hardening-deps: deps
	@command -v python3 >/dev/null 2>&1 || scripts/install-deps.sh python3
	@mkdir -p $(HARDENING)

## soak: steady load while the policy folder is swapped and SIGHUP sent every second (SOAK_DURATION=180 seconds)
soak: build hardening-deps
	scripts/hardening/soak.py --binary $(BIN) --duration $(SOAK_DURATION) --summary $(HARDENING)/soak.json

## hostile: slowloris, per-IP and total limits, request smuggling (also through nginx), path tricks (about 2 minutes)
hostile: build hardening-deps
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || scripts/install-deps.sh nginx
	scripts/hardening/hostile.py --binary $(BIN) --summary $(HARDENING)/hostile.json

## schemathesis: docs/openapi.yaml against live servers in every auth mode (SCHEMATHESIS_EXAMPLES=200; PyPI)
schemathesis: build hardening-deps
	scripts/hardening/schemathesis_run.py --binary $(BIN) --examples $(SCHEMATHESIS_EXAMPLES) \
		--summary $(HARDENING)/schemathesis.json

## hardening: soak, hostile and schemathesis, one after another
hardening: soak hostile schemathesis

clean:
	rm -rf .build .build-tsan .build-asan .build-fuzz
