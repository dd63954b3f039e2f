#!/usr/bin/env python3
"""Schemathesis against docs/openapi.yaml and live `uploadgate serve` processes, once per authentication mode.

Each mode gets its own server on the shipped policies (so /validate/{policyId} has real ids to find):
no authentication; an API key sent with every request; the same server with no credentials at all (every
401 must match the spec); a Bearer token; Basic credentials. Every check schemathesis has is on
(`--checks all`). Any failure fails the run.

Usage: schemathesis_run.py --binary .build/release/uploadgate [--examples 200] [--seed N] [--summary FILE]
"""

import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, work_folder  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
API_KEY = "st-key-6f1d2c3b4a5968778695a4b3c2d1e0f9"
TOKEN = "st-token-0a1b2c3d4e5f60718293a4b5c6d7e8f9"
USER = "signer:st pass 0a1b2c3d"

MODES = [
    # (name, server arguments, secret written to the key file or None, schemathesis credential arguments)
    ("no authentication", [], None, []),
    ("api-key", ["--auth", "api-key"], API_KEY, ["-H", "X-Api-Key: " + API_KEY]),
    ("api-key, no credentials sent", ["--auth", "api-key"], API_KEY, []),
    ("bearer", ["--auth", "bearer"], TOKEN, ["-H", "Authorization: Bearer " + TOKEN]),
    ("basic", ["--auth", "basic"], USER, ["-a", USER]),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/uploadgate"))
    parser.add_argument("--examples", type=int, default=200, help="most test cases per operation and phase")
    parser.add_argument("--seed", type=int, help="schemathesis seed, to replay a run")
    parser.add_argument("--summary", help="write the figures as JSON here")
    args = parser.parse_args()
    venv = subprocess.run([os.path.join(ROOT, "scripts/hardening/venv.sh")], check=True, stdout=subprocess.PIPE,
                          text=True).stdout.strip()
    schemathesis = os.path.join(ROOT, venv, "bin", "schemathesis")
    work = work_folder("uploadgate-schemathesis-")
    results = []
    for name, server_arguments, secret, credentials in MODES:
        arguments = ["--policies", os.path.join(ROOT, "Policies"), "--log-names", "none"] + server_arguments
        if secret:
            key_file = os.path.join(work, "secrets")
            with open(key_file, "w") as handle:
                handle.write(secret + "\n")
            arguments += ["--api-key-file", key_file]
        server = Server(args.binary, arguments, work, name.split(",")[0].replace(" ", "-"))
        command = [schemathesis, "run", os.path.join(ROOT, "docs/openapi.yaml"),
                   "--url", "http://127.0.0.1:%d" % server.port, "--checks", "all",
                   "--phases", "examples,coverage,fuzzing", "--max-examples", str(args.examples),
                   "--report", "junit", "--report-junit-path", os.path.join(ROOT, ".build/hardening",
                                                                          "schemathesis-%d.xml" % len(results))]
        if args.seed is not None:
            command += ["--seed", str(args.seed)]
        print("== schemathesis, %s" % name, flush=True)
        run = subprocess.run(command + credentials, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, env=dict(os.environ, NO_COLOR="1", SCHEMATHESIS_TELEMETRY="false"))
        status = server.stop()
        output = run.stdout
        counts = re.search(r"(\d+) generated, (\d+) passed(?:, (\d+) failed)?", output)
        seed = re.search(r"Seed: (\d+)", output)
        cases = int(counts.group(1)) if counts else 0
        failed = int(counts.group(3) or 0) if counts else None
        passed = run.returncode == 0 and failed == 0 and status == 0
        results.append(dict(mode=name, cases=cases, failed=failed, exit_status=run.returncode,
                            server_exit_status=status, seed=seed.group(1) if seed else None, passed=passed))
        print("%-5s %s: %d cases, %s failed (seed %s)" % ("PASS" if passed else "FAIL", name, cases, failed,
                                                          seed.group(1) if seed else "?"), flush=True)
        if not passed:
            print(output[-6000:])
    total = sum(result["cases"] for result in results)
    failures = sum(result["failed"] or 0 for result in results)
    if args.summary:
        with open(args.summary, "w") as handle:
            json.dump(dict(cases=total, failures=failures, modes=results), handle, indent=2)
    all_passed = all(result["passed"] for result in results)
    print("schemathesis: %d cases over %d server modes, %d failures%s" % (
        total, len(results), failures, "" if all_passed else "; FAILED"))
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
