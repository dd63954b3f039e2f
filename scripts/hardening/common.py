"""Shared pieces of the hardening scripts: start `uploadgate serve`, speak raw HTTP/1.1, read /metrics.

Standard library only, so the soak and hostile-client runs need nothing from PyPI.
"""

import os
import re
import resource
import signal
import socket
import subprocess
import tempfile
import time


def raise_file_limit(wanted=16384):
    """Raises this process's open-file limit (children started later inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(wanted, hard) if hard != resource.RLIM_INFINITY else wanted
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def percentile(values, fraction):
    """The value below which `fraction` of `values` lie (nearest rank); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


class Server:
    """`uploadgate serve` as a child process, its standard output and error in files of a work folder."""

    def __init__(self, binary, arguments, work, name="serve", environment=None):
        self.work = work
        self.stdout_path = os.path.join(work, name + ".stdout")
        self.stderr_path = os.path.join(work, name + ".stderr")
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        env.update(environment or {})
        self.process = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0"] + list(arguments),
            stdin=subprocess.DEVNULL,
            stdout=open(self.stdout_path, "wb"),
            stderr=open(self.stderr_path, "wb"),
            env=env,
        )
        self.port = self._wait_for_port()

    def _wait_for_port(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            match = re.search(r"listening address=[^ ]*:(\d+)", self.stderr())
            if match:
                return int(match.group(1))
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("uploadgate serve did not start:\n" + self.stderr())

    @property
    def pid(self):
        return self.process.pid

    def stderr(self):
        with open(self.stderr_path, "r", encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def signal(self, number):
        self.process.send_signal(number)

    def rss_kib(self):
        """VmRSS of the server, KiB (None once it has exited)."""
        try:
            with open("/proc/%d/status" % self.pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def stop(self, timeout=20):
        """SIGTERM, then wait; returns the exit status (SIGKILL after `timeout`, status None)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                return None
        return self.process.returncode


class Response:
    """One parsed response: status, headers (names lower-cased; the last value wins), body bytes."""

    def __init__(self, status, headers, body, raw_head):
        self.status = status
        self.headers = headers
        self.body = body
        self.raw_head = raw_head

    def header(self, name):
        return self.headers.get(name.lower())

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Closed(Exception):
    """The server closed the connection (with whatever bytes came before)."""

    def __init__(self, partial=b""):
        super().__init__("connection closed after %d bytes" % len(partial))
        self.partial = partial


class Connection:
    """A raw HTTP/1.1 connection to 127.0.0.1:port, optionally from another loopback source address."""

    def __init__(self, port, source="127.0.0.1", timeout=5.0, connect=True):
        self.port = port
        self.buffer = b""
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if source != "127.0.0.1":
            self.sock.bind((source, 0))
        self.sock.settimeout(timeout)
        if connect:
            self.sock.connect(("127.0.0.1", port))

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def send(self, data):
        self.sock.sendall(data if isinstance(data, bytes) else data.encode())

    def request_bytes(self, method, target, headers=(), body=b""):
        head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % (method, target)
        for name, value in headers:
            head += "%s: %s\r\n" % (name, value)
        if body or method == "POST":
            head += "Content-Length: %d\r\n" % len(body)
        return head.encode() + b"\r\n" + body

    def exchange(self, method, target, headers=(), body=b""):
        self.send(self.request_bytes(method, target, headers, body))
        return self.read_response(head_only=(method == "HEAD"))

    def _fill(self):
        try:
            chunk = self.sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            raise Closed(self.buffer)
        self.buffer += chunk

    def read_response(self, head_only=False):
        """Reads one response framed by Content-Length (or by the close); raises Closed or socket.timeout."""
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        end = self.buffer.index(b"\r\n\r\n") + 4
        raw_head = self.buffer[:end]
        self.buffer = self.buffer[end:]
        lines = raw_head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        status = int(parts[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if head_only or status in (204, 304) or 100 <= status < 200:
            return Response(status, headers, b"", raw_head)
        if "content-length" in headers:
            length = int(headers["content-length"])
            while len(self.buffer) < length:
                self._fill()
            body, self.buffer = self.buffer[:length], self.buffer[length:]
        else:
            try:
                while True:
                    self._fill()
            except (Closed, socket.timeout):
                pass
            body, self.buffer = self.buffer, b""
        return Response(status, headers, body, raw_head)

    def closed_by_peer(self, within):
        """Whether the server closes (EOF or reset) within `within` seconds; bytes it sends are kept."""
        deadline = time.time() + within
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                return False
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return False
            except (ConnectionResetError, BrokenPipeError):
                return True
            if not chunk:
                return True
            self.buffer += chunk


def metrics(port, source="127.0.0.1"):
    """GET /metrics as {series: value}, series written as in the exposition (`name{label="v",...}`)."""
    connection = Connection(port, source)
    try:
        response = connection.exchange("GET", "/metrics")
    finally:
        connection.close()
    values = {}
    for line in response.text.splitlines():
        if line and not line.startswith("#"):
            series, _, value = line.rpartition(" ")
            values[series] = float(value)
    return values


def work_folder(prefix):
    """A fresh temporary folder."""
    return tempfile.mkdtemp(prefix=prefix)


def json_body(name, content_type=None):
    """A validation request body."""
    import json

    body = {"name": name}
    if content_type is not None:
        body["contentType"] = content_type
    return json.dumps(body).encode()


JSON = ("Content-Type", "application/json")
