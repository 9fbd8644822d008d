"""The endpoint ``npcgraph serve`` runs: a guard in front of Oxigraph's server.

    GuardedEndpoint(location, host=, port=, timeout_s=, federation=)   start(), wait(), stop()

Oxigraph's server runs as a child on a private loopback port; clients talk to a small HTTP
front that answers only the SPARQL 1.1 Protocol's query operation (GET or POST ``/query``):

- every query is checked first (:func:`npcgraph.guard.check_query`): one nested too deep for
  a parser, or holding SERVICE (the server would fetch any URL a client names) unless
  ``federation`` is on, is refused with HTTP 400 and its coded message;
- every query has a time limit (Oxigraph's ``--timeout-s``), so a cartesian product does not
  hold a core after its client has gone;
- updates, the Graph Store protocol and anything else are refused (read-only);
- should a request still bring the child down, it is started again and the client told so:
  the endpoint survives any single request.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from .errors import NpcgraphError, StoreError
from .guard import MAX_QUERY_CHARS, check_query
from .store import HttpAddress, OxigraphServer, read_before

__all__ = ["DEFAULT_TIMEOUT_S", "GuardedEndpoint"]

#: Queries stop after this many seconds unless ``npcgraph serve --timeout`` says otherwise.
DEFAULT_TIMEOUT_S = 60
_FORM = "application/x-www-form-urlencoded"
_SPARQL = "application/sparql-query"
_PASSED_HEADERS = ("Content-Type", "Content-Length", "Content-Disposition")


class GuardedEndpoint(HttpAddress):
    """A read-only SPARQL endpoint over the Oxigraph store at ``location``."""

    def __init__(self, location: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int | None = None, federation: bool = False, log: Any = None) -> None:
        self.location = location
        self.host = host
        self.port = port
        self.timeout_s = timeout_s or DEFAULT_TIMEOUT_S
        self.federation = federation
        self.log = log
        self.restarts = 0
        self._backend: OxigraphServer | None = None
        self._front: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()


    def _start_backend(self) -> None:
        self._backend = OxigraphServer(self.location, host="127.0.0.1", port=0, read_only=True, timeout_s=self.timeout_s, log=self.log).start()

    def start(self) -> GuardedEndpoint:
        try:
            self._front = _Front((self.host, self.port), _Handler, self)
        except OSError as exc:
            raise StoreError("E411", f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}", "choose another --port (0 picks a free one)") from exc
        self.port = int(self._front.server_address[1])
        try:
            self._start_backend()
        except BaseException:
            self._front.server_close()
            raise
        self._thread = threading.Thread(target=self._front.serve_forever, name="npcgraph-endpoint", daemon=True)
        self._thread.start()
        return self

    def backend_url(self) -> str:
        """The child's query URL, after starting it again if a request brought it down."""
        with self._lock:
            assert self._backend is not None
            if self._backend.process is None or self._backend.process.poll() is not None:
                self.restarts += 1
                self._start_backend()
            return self._backend.query_url

    def restart_backend(self, url: str) -> None:
        """Stop the child that serves ``url`` (a query it would not give up: Oxigraph's own
        timeout does not stop every evaluation) and start a fresh one."""
        with self._lock:
            assert self._backend is not None
            if self._backend.query_url == url:
                self._backend.stop()
                self.restarts += 1
                self._start_backend()

    def wait(self) -> int:
        """Serve until :meth:`stop` (or a signal's exception in the main thread)."""
        while not self._stopped.wait(0.5):
            pass
        return 0

    def last_message(self) -> str:
        return self._backend.last_message() if self._backend else ""

    def stop(self) -> None:
        self._stopped.set()
        if self._front is not None:
            self._front.shutdown()
            self._front.server_close()
            self._front = None
        if self._backend is not None:
            self._backend.stop()

    def __enter__(self) -> GuardedEndpoint:
        return self.start() if self._front is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Front(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, endpoint: GuardedEndpoint) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.endpoint = endpoint
        super().__init__(address, handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Front
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # no access log on the terminal

    def _refuse(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != "/query":
            self._refuse(404, "npcgraph serve answers SPARQL queries at /query only")
            return
        fields = urllib.parse.parse_qs(parts.query)
        self._answer(fields.get("query", [""])[0], parts.query.encode("ascii", "replace"), _FORM)

    def do_POST(self) -> None:  # noqa: N802
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != "/query":
            self._refuse(403 if parts.path in ("/update", "/store") else 404, "the endpoint is read-only: it answers SPARQL queries at /query only")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > 4 * MAX_QUERY_CHARS:
            self._refuse(413, f"[E315] the request is too large (at most {MAX_QUERY_CHARS:,} characters of query)")
            return
        body = self.rfile.read(length)
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type == _SPARQL:
            text = body.decode("utf-8", "replace")
        elif media_type == _FORM:
            text = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("query", [""])[0]
        else:
            self._refuse(415, "send the query as application/x-www-form-urlencoded or application/sparql-query")
            return
        self._answer(text, body, media_type, query=parts.query)

    def _other(self) -> None:
        self._refuse(405, "the endpoint answers GET and POST /query only")

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _other  # noqa: N815

    def _answer(self, text: str, body: bytes, media_type: str, query: str = "") -> None:
        endpoint = self.server.endpoint
        try:
            check_query(text, federation=endpoint.federation)
        except NpcgraphError as exc:
            self._refuse(400, str(exc))
            return
        try:
            url = endpoint.backend_url()
        except NpcgraphError as exc:
            self._refuse(503, str(exc))
            return
        request = urllib.request.Request(
            url + (f"?{query}" if query else ""),
            data=body,
            method="POST",
            headers={"Content-Type": media_type, "Accept": self.headers.get("Accept") or "*/*"},
        )
        deadline = time.monotonic() + endpoint.timeout_s + 1
        try:
            with urllib.request.urlopen(request, timeout=endpoint.timeout_s + 1) as response:
                answer = read_before(response, deadline)
                self._relay(response.status, response.headers, answer)
        except urllib.error.HTTPError as exc:
            self._relay(exc.code, exc.headers, exc.read())
        except (TimeoutError, socket.timeout) as exc:
            del exc
            endpoint.restart_backend(url)  # the only way to get the core back
            self._refuse(503, f"[E306] the query did not finish within {endpoint.timeout_s} s (make it more selective)")
        except (urllib.error.URLError, OSError) as exc:
            if isinstance(getattr(exc, "reason", None), (TimeoutError, socket.timeout)):
                endpoint.restart_backend(url)
                self._refuse(503, f"[E306] the query did not finish within {endpoint.timeout_s} s (make it more selective)")
                return
            endpoint.backend_url()  # a query that stopped the child: start it again
            self._refuse(503, "[E413] the query stopped the store's server, which has been started again")

    def _relay(self, status: int, headers: Any, body: bytes) -> None:
        self.send_response(status)
        for name in _PASSED_HEADERS:
            if name == "Content-Length":
                continue
            value = headers.get(name)
            if value:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
