#!/usr/bin/env python3
"""Soak with live reload: steady load on `uploadgate serve` while its policy folder is swapped every second.

The folder the server reads (`live`) is a symlink. Every second the swapper does one step of a cycle and sends
SIGHUP: an atomic swap to a copy of policy set A or set B (a new folder, then the symlink renamed over the old
one), an atomic swap to a broken set (six kinds, in turn), or a non-atomic edit of the live folder in place
(a policy file cut in half, as a copy in progress leaves it). It then reads /metrics until the reload is counted,
which is the moment the new set is known to be live, and checks that good sets were taken and broken ones
refused.

Sets A and B decide two marker names in opposite ways, with reasons naming the set, in both `default` and
`second`: A accepts `probe.aaa` and refuses `probe.bbb` ("set A refuses probe.bbb"), B the reverse. So every
answer names the set that decided it. An answer must come from a set that was live while the request was in
flight: the set of the last confirmed reload before it was sent, or of a reload signalled while it was in
flight. `GET /policies` must always list one whole set (titles and content hashes of a single set).

Pass: no failed request, no non-2xx, no verdict from a set that was not live, every good set taken and every
broken one refused (and counted in uploadgate_policy_reloads_total), one decision line per decision, and RSS
flat: at the end no more than --rss-slack-kib above its level after the warm-up.

Usage: soak.py --binary .build/release/uploadgate [--duration 300] [--rate 2000] [--summary FILE]
"""

import argparse
import json
import os
import shutil
import signal
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (  # noqa: E402
    JSON, Closed, Connection, Server, json_body, metrics, percentile, raise_file_limit, work_folder)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHIPPED = ["pdf-only", "images", "office-documents", "archives", "csv"]
MARKERS = {"A": "probe.aaa", "B": "probe.bbb"}
PROBE_POLICIES = ["default", "second"]


def probe_policy(policy_id, letter):
    """A policy of set `letter` that accepts its own marker and refuses the other set's, naming itself."""
    other = "B" if letter == "A" else "A"
    return json.dumps({
        "id": policy_id,
        "title": "set-%s" % letter,
        "accept": [
            {"label": "set %s marker" % letter, "name": "^probe\\.%s$" % (letter.lower() * 3)},
            {"label": "text", "name": "\\.txt$", "types": ["text/plain"]},
        ],
        "reject": [{"name": "^probe\\.%s$" % (other.lower() * 3),
                    "reason": {"en": "set %s refuses %s" % (letter, MARKERS[other])}}],
        "options": {"emptyType": "accept"},
    }, indent=2)


BROKEN = {
    "pattern": ("default.json", '{"id": "default", "accept": [{"label": "x", "name": "[a-"}]}'),
    "json-syntax": ("default.json", '{"id": "default", "accept": [{"label": "x", "name": "x"}'),
    "duplicate-id": ("second.json", '{"id": "default", "accept": [{"label": "x", "name": "x"}]}'),
    "unknown-key": ("default.json", '{"id": "default", "accept": [{"label": "x", "name": "x"}], "limts": {}}'),
    "no-default": ("default.json", None),
    "empty-folder": (None, None),
}


class Folders:
    """The policy sets on disk and the `live` symlink the server reads."""

    def __init__(self, work):
        self.work = work
        self.live = os.path.join(work, "live")
        self.generation = 0
        self.templates = {}
        for letter in "AB":
            folder = os.path.join(work, "template-" + letter)
            os.makedirs(folder)
            for policy_id in PROBE_POLICIES:
                with open(os.path.join(folder, policy_id + ".json"), "w") as handle:
                    handle.write(probe_policy(policy_id, letter))
            for name in SHIPPED:
                shutil.copy(os.path.join(ROOT, "Policies", name + ".json"), folder)
            self.templates[letter] = folder
        self.broken = {}
        for kind, (file_name, text) in BROKEN.items():
            folder = os.path.join(work, "broken-" + kind)
            if file_name is None:
                os.makedirs(folder)
            else:
                shutil.copytree(self.templates["A"], folder)
                if text is None:
                    os.remove(os.path.join(folder, file_name))
                else:
                    with open(os.path.join(folder, file_name), "w") as handle:
                        handle.write(text)
            self.broken[kind] = folder
        self.history = []

    def point_live_at(self, folder):
        """Renames a fresh symlink over `live`: the switch is one rename(2)."""
        temporary = self.live + ".new"
        if os.path.lexists(temporary):
            os.remove(temporary)
        os.symlink(folder, temporary)
        os.replace(temporary, self.live)

    def swap_to_copy_of(self, letter):
        """A new generation folder holding set `letter`, made live atomically; old generations are removed."""
        self.generation += 1
        folder = os.path.join(self.work, "gen-%06d-%s" % (self.generation, letter))
        shutil.copytree(self.templates[letter], folder)
        self.point_live_at(folder)
        self.history.append(folder)
        while len(self.history) > 3:
            shutil.rmtree(self.history.pop(0), ignore_errors=True)
        return folder


class Timeline:
    """Reload events: when SIGHUP was sent, when the reload was seen counted, and the set live after it."""

    def __init__(self, initial):
        self.initial = initial
        self.events = []  # dicts: index, action, signalled, confirmed, result, live
        self.lock = threading.Lock()

    def add(self, event):
        with self.lock:
            self.events.append(event)

    def allowed(self, sent, received):
        """The sets that may have decided a request sent at `sent` and answered at `received`."""
        events = self.events
        lower_live = self.initial
        live_sets = set()
        for event in events:
            if event["signalled"] > received:
                break
            if event["signalled"] <= sent:
                confirmed = event["confirmed"] is not None and event["confirmed"] <= sent
                if confirmed:
                    lower_live = event["live"]
                    live_sets = set()
                else:
                    live_sets.add(event["live"])  # signalled, not yet confirmed: either may answer
            else:
                live_sets.add(event["live"])  # signalled while the request was in flight
        return {lower_live} | live_sets


class Worker(threading.Thread):
    """Sends decision requests over one kept-alive connection at a steady pace and records what set answered."""

    def __init__(self, port, index, rate, stop):
        super().__init__(daemon=True)
        self.port = port
        self.index = index
        self.interval = 1.0 / rate if rate > 0 else 0
        self.stop = stop
        self.records = []  # (sent, received, observed set or None, path, detail)
        self.failures = []
        self.non_2xx = []
        self.latencies = []

    def run(self):
        connection = None
        count = 0
        next_at = time.perf_counter()
        while not self.stop.is_set():
            policy = PROBE_POLICIES[(count + self.index) % 2]
            marker = MARKERS["A" if count % 2 == 0 else "B"]
            path = "/validate" if policy == "default" else "/validate/" + policy
            count += 1
            sent = time.time()
            start = time.perf_counter()
            try:
                if connection is None:
                    connection = Connection(self.port, timeout=10)
                response = connection.exchange("POST", path, [JSON], json_body(marker))
            except (OSError, Closed) as error:
                self.failures.append("%.3f %s %s: %s" % (sent, path, marker, error))
                if connection is not None:
                    connection.close()
                connection = None
                continue
            received = time.time()
            self.latencies.append(time.perf_counter() - start)
            if response.status != 200:
                self.non_2xx.append("%s %s: %d %s" % (path, marker, response.status, response.text[:120]))
                continue
            observed = classify(response, marker, policy)
            self.records.append((sent, received, observed, path, None if observed else response.text[:120]))
            if self.interval:
                next_at += self.interval
                delay = next_at - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                else:
                    next_at = time.perf_counter()
        if connection is not None:
            connection.close()


def classify(response, marker, policy):
    """The set that decided, from the verdict and reason; None when it matches neither set."""
    if response.header("x-uploadgate-policy") != policy:
        return None
    try:
        body = json.loads(response.body)
    except ValueError:
        return None
    own = "A" if marker == MARKERS["A"] else "B"
    other = "B" if own == "A" else "A"
    if body.get("accept") is True and response.header("x-uploadgate-rule") == "accept[0]":
        return own
    if body.get("accept") is False and body.get("rejectReason") == "set %s refuses %s" % (other, marker):
        return other
    return None


class Operations(threading.Thread):
    """Reads /policies, /readyz and /healthz in turn: every listing must be one whole set."""

    def __init__(self, port, stop, signatures):
        super().__init__(daemon=True)
        self.port = port
        self.stop = stop
        self.signatures = signatures  # set letter -> {id: contentHash}, filled in as the sets are first seen
        self.listings = 0
        self.problems = []

    def run(self):
        connection = Connection(self.port, timeout=10)
        while not self.stop.is_set():
            try:
                listing = connection.exchange("GET", "/policies")
                ready = connection.exchange("GET", "/readyz")
                health = connection.exchange("GET", "/healthz")
            except (OSError, Closed) as error:
                self.problems.append("operations request failed: %s" % error)
                connection.close()
                connection = Connection(self.port, timeout=10)
                continue
            if ready.status != 200 or health.status != 200 or listing.status != 200:
                self.problems.append("statuses %d %d %d" % (listing.status, ready.status, health.status))
                continue
            policies = json.loads(listing.body)["policies"]
            titles = {entry.get("title") for entry in policies if entry["id"] in PROBE_POLICIES}
            hashes = {entry["id"]: entry["contentHash"] for entry in policies}
            if len(titles) != 1 or len(policies) != len(PROBE_POLICIES) + len(SHIPPED):
                self.problems.append("a listing mixes sets: titles %s, %d policies" % (titles, len(policies)))
            else:
                letter = titles.pop()[-1]
                known = self.signatures.setdefault(letter, hashes)
                if known != hashes:
                    self.problems.append("set %s listed with other content hashes: %s" % (letter, hashes))
            self.listings += 1
            time.sleep(0.05)
        connection.close()


def reload_total(port):
    values = metrics(port)
    return (values.get('uploadgate_policy_reloads_total{result="success"}', 0),
            values.get('uploadgate_policy_reloads_total{result="failure"}', 0))


CYCLE = ["B", "A", "broken", "B", "half-written", "A"]


def swapper(server, folders, timeline, stop, interval, problems):
    """Every `interval` seconds: one step of CYCLE, SIGHUP, then wait for /metrics to count the reload."""
    live = timeline.initial
    broken_kinds = list(BROKEN)
    step = 0
    next_at = time.time() + interval
    while not stop.is_set():
        delay = next_at - time.time()
        if delay > 0 and stop.wait(delay):
            break
        next_at += interval
        action = CYCLE[step % len(CYCLE)]
        restore = None
        if action in ("A", "B"):
            folders.swap_to_copy_of(action)
            label = "good " + action
        elif action == "broken":
            kind = broken_kinds[(step // len(CYCLE)) % len(broken_kinds)]
            folders.point_live_at(folders.broken[kind])
            label = "broken " + kind
        else:
            # Not atomic: a policy file of the live folder cut in half, as a copy in progress leaves it.
            target = os.path.join(os.path.realpath(folders.live), "default.json")
            with open(target, "rb") as handle:
                whole = handle.read()
            with open(target, "wb") as handle:
                handle.write(whole[:len(whole) // 2])
            restore = (target, whole)
            label = "half-written default.json"
        before = reload_total(server.port)
        signalled = time.time()
        server.signal(signal.SIGHUP)
        confirmed, after = None, before
        while time.time() - signalled < 10:
            after = reload_total(server.port)
            if sum(after) > sum(before):
                confirmed = time.time()
                break
            time.sleep(0.003)
        succeeded = after[0] > before[0]
        if action in ("A", "B"):
            if succeeded:
                live = action
            else:
                problems.append("step %d (%s): a good set was refused" % (step, label))
        elif succeeded:
            problems.append("step %d (%s): a broken set was taken" % (step, label))
            live = None  # whatever it is, no answer can match it
        if confirmed is None:
            problems.append("step %d (%s): the reload was never counted" % (step, label))
        timeline.add(dict(index=step, action=label, signalled=signalled, confirmed=confirmed,
                          result="success" if succeeded else "failure", live=live))
        if restore:
            with open(restore[0], "wb") as handle:
                handle.write(restore[1])
        step += 1


def sample_rss(server, stop, samples, every):
    while not stop.wait(every):
        rss = server.rss_kib()
        if rss is not None:
            samples.append((time.time(), rss))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/uploadgate"))
    parser.add_argument("--duration", type=float, default=180, help="seconds of load (default 180)")
    parser.add_argument("--rate", type=float, default=2000, help="target requests per second, all workers")
    parser.add_argument("--workers", type=int, default=6, help="kept-alive client connections")
    parser.add_argument("--swap-interval", type=float, default=1.0, help="seconds between policy swaps")
    parser.add_argument("--warm-up", type=float, default=None,
                        help="seconds before RSS is expected to be flat (default: a fifth of the run, 20 to 60)")
    parser.add_argument("--rss-slack-kib", type=int, default=2048,
                        help="how much RSS may rise after the warm-up (default 2048 KiB)")
    parser.add_argument("--summary", help="write the figures as JSON here")
    args = parser.parse_args()
    raise_file_limit()
    warm_up = args.warm_up if args.warm_up is not None else min(60, max(20, args.duration / 5))

    work = work_folder("uploadgate-soak-")
    folders = Folders(work)
    folders.swap_to_copy_of("A")
    server = Server(args.binary, ["--policies", folders.live, "--threads", "2", "--log-names", "none"], work)
    rss_start = server.rss_kib()
    stop = threading.Event()
    timeline = Timeline(initial="A")
    problems = []
    rss = []
    signatures = {}
    workers = [Worker(server.port, index, args.rate / args.workers, stop) for index in range(args.workers)]
    operations = Operations(server.port, stop, signatures)
    threads = workers + [operations,
                         threading.Thread(target=swapper, daemon=True, args=(server, folders, timeline, stop,
                                                                             args.swap_interval, problems)),
                         threading.Thread(target=sample_rss, daemon=True, args=(server, stop, rss, 2.0))]
    started = time.time()
    print("soak: %s s at %d requests/s over %d connections, a policy swap every %s s (server pid %d, port %d)"
          % (args.duration, args.rate, args.workers, args.swap_interval, server.pid, server.port), flush=True)
    for thread in threads:
        thread.start()
    try:
        while time.time() - started < args.duration:
            time.sleep(min(30, args.duration - (time.time() - started)))
            done = sum(len(worker.records) for worker in workers)
            print("      %4.0f s: %d answers, %d reloads, RSS %s KiB" % (
                time.time() - started, done, len(timeline.events), rss[-1][1] if rss else "?"), flush=True)
    finally:
        stop.set()
        loaded_for = time.time() - started
        for thread in threads:
            thread.join(timeout=15)
    final_metrics = metrics(server.port)
    rss_end = server.rss_kib()
    exit_status = server.stop()

    # Verdicts against the timeline.
    mismatches, straddled, by_set = [], 0, {"A": 0, "B": 0}
    for worker in workers:
        for sent, received, observed, path, detail in worker.records:
            allowed = timeline.allowed(sent, received)
            if observed is None or observed not in allowed:
                mismatches.append("%s at %.3f: %s, allowed %s%s" % (path, sent - started, observed,
                                                                  sorted(s for s in allowed if s),
                                                                  " (%s)" % detail if detail else ""))
            else:
                by_set[observed] += 1
                if len(allowed) > 1:
                    straddled += 1
    failures = [failure for worker in workers for failure in worker.failures]
    non_2xx = [entry for worker in workers for entry in worker.non_2xx]
    answers = sum(len(worker.records) for worker in workers)
    requests = answers + len(failures) + len(non_2xx)
    good = [event for event in timeline.events if event["action"].startswith("good")]
    bad = [event for event in timeline.events if not event["action"].startswith("good")]
    counted_success = final_metrics.get('uploadgate_policy_reloads_total{result="success"}', 0)
    counted_failure = final_metrics.get('uploadgate_policy_reloads_total{result="failure"}', 0)
    decisions = sum(value for series, value in final_metrics.items() if series.startswith("uploadgate_decisions_total"))
    with open(server.stdout_path, "rb") as handle:
        decision_lines = sum(1 for _ in handle)
    stderr = server.stderr()
    refused_lines = stderr.count("policy reload refused")
    reloaded_lines = stderr.count("policies reloaded")

    # RSS: the level right after the warm-up against the level at the end.
    after_warm_up = [kib for at, kib in rss if warm_up - 10 <= at - started <= warm_up]
    last = [kib for _, kib in rss[-5:]]
    rss_warm = int(percentile(after_warm_up, 0.5)) if after_warm_up else None
    rss_last = int(percentile(last, 0.5)) if last else None
    rss_max_after = max([kib for at, kib in rss if at - started >= warm_up] or [0])
    rss_flat = rss_warm is not None and rss_last is not None and rss_last - rss_warm <= args.rss_slack_kib

    checks = {
        "no failed requests": not failures,
        "no non-2xx": not non_2xx,
        "no verdict from a set that was not live": not mismatches,
        "every good set taken, every broken set refused": not problems,
        "reloads counted in /metrics": counted_success == len(good) and counted_failure == len(bad),
        "reloads logged on stderr": reloaded_lines == len(good) and refused_lines == len(bad),
        "listings always one whole set": not operations.problems and operations.listings > 0,
        "one decision line per decision": decision_lines == decisions == answers,
        "RSS flat after warm-up": rss_flat,
        "clean exit": exit_status == 0,
    }
    summary = dict(
        duration_s=round(loaded_for, 1), requests=requests, answers=answers, failures=len(failures),
        non_2xx=len(non_2xx), verdict_mismatches=len(mismatches), answered_by_set=by_set,
        answers_in_flight_across_a_reload=straddled,
        latency_p50_ms=round((percentile([l for w in workers for l in w.latencies], 0.5) or 0) * 1000, 3),
        latency_p99_ms=round((percentile([l for w in workers for l in w.latencies], 0.99) or 0) * 1000, 3),
        reloads=len(timeline.events), reloads_good=len(good), reloads_broken=len(bad),
        reloads_counted=dict(success=int(counted_success), failure=int(counted_failure)),
        broken_kinds=sorted({event["action"] for event in bad}),
        policy_listings_checked=operations.listings, decision_lines=decision_lines, decisions_counted=int(decisions),
        rss_kib=dict(at_start=rss_start, after_warm_up=rss_warm, at_end=rss_last, max_after_warm_up=rss_max_after,
                     final_reading=rss_end, warm_up_s=warm_up, slack=args.rss_slack_kib),
        rss_samples=[(round(at - started, 1), kib) for at, kib in rss],
        checks=checks, examples=dict(failures=failures[:5], non_2xx=non_2xx[:5], mismatches=mismatches[:5],
                                     reload_problems=problems[:5], listing_problems=operations.problems[:5]))
    if args.summary:
        with open(args.summary, "w") as handle:
            json.dump(summary, handle, indent=2)
    shutil.rmtree(work, ignore_errors=True)

    print("soak: %d requests in %.0f s: %d failed, %d non-2xx, %d verdict mismatches (%d answered in flight "
          "across a reload, each by a set live then)" % (requests, summary["duration_s"], len(failures), len(non_2xx),
                                                         len(mismatches), straddled))
    print("soak: %d reloads: %d good taken, %d broken refused (%s); /metrics success=%d failure=%d"
          % (len(timeline.events), len(good), len(bad), ", ".join(summary["broken_kinds"]), counted_success,
             counted_failure))
    print("soak: RSS %s KiB at start, %s KiB after the %d s warm-up, %s KiB at the end (max after warm-up %s)"
          % (rss_start, rss_warm, warm_up, rss_last, rss_max_after))
    print("soak: latency p50 %.3f ms, p99 %.3f ms; %d listings checked; %d decision lines"
          % (summary["latency_p50_ms"], summary["latency_p99_ms"], operations.listings, decision_lines))
    for name, passed in checks.items():
        print("%-5s %s" % ("PASS" if passed else "FAIL", name))
    for kind, entries in summary["examples"].items():
        for entry in entries:
            print("      %s: %s" % (kind, entry))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
