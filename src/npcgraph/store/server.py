"""Servers: Oxigraph's SPARQL server as a child process, and the guarded endpoint in front of it.

    OxigraphServer        the ``oxigraph`` package's SPARQL server, started and stopped
    GuardedEndpoint       the endpoint ``npcgraph serve`` runs (see below)
    serving(x)            a guarded read-only endpoint over a store, or a temporary store of a file
    scratch_store()       a temporary store's location in TMPDIR, removed afterwards

The endpoint ``npcgraph serve`` runs is a guard in front of Oxigraph's server.

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

import glob
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from ..errors import NpcgraphError, OutputError, QueryError, StoreError
from ..guard import MAX_QUERY_CHARS, check_query
from .load import write_store
from .open import OxigraphSource, open_source
from .remote import read_before

__all__ = ["oxigraph_binary", "free_port", "HttpAddress", "OxigraphServer", "scratch_store", "DEFAULT_TIMEOUT_S", "GuardedEndpoint", "serving"]

def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the installed ``oxigraph`` package."""
    beside_python = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    found = shutil.which("oxigraph") or (str(beside_python) if beside_python.is_file() else None)
    if not found:
        raise StoreError("E410")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class HttpAddress:
    """The URLs of a server at ``host`` and ``port`` (an IPv6 host in brackets)."""

    host: str
    port: int

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"


class OxigraphServer(HttpAddress):
    """``oxigraph serve-read-only`` (or ``serve``) as a child process, ready when started.

    >>> with OxigraphServer(Path("store"), port=0) as server:
    ...     server.query_url    # http://127.0.0.1:PORT/query
    """

    def __init__(
        self,
        location: Path | None,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        read_only: bool = True,
        timeout_s: int | None = None,
        log: Any = None,
    ) -> None:
        if read_only and location is None:
            raise ValueError("a read-only server needs a store location")
        self.location = location
        self.host = host
        self.port = port or free_port(host)
        self.read_only = read_only
        self.timeout_s = timeout_s
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self._errors: Any = None

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    def command(self) -> list[str]:
        command = [oxigraph_binary(), "serve-read-only" if self.read_only else "serve", "--bind", f"{self.host}:{self.port}"]
        if self.location is not None:
            command += ["--location", str(self.location)]
        if self.timeout_s:
            command += ["--timeout-s", str(self.timeout_s)]
        return command

    def start(self, wait: float = 30.0) -> OxigraphServer:
        try:
            with socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET) as probe:
                probe.bind((self.host, self.port))
        except OSError as exc:
            raise StoreError("E411", host=self.host, port=self.port, reason=exc.strerror or exc) from exc
        errors = self.log if self.log is not None else tempfile.TemporaryFile()
        self._errors = errors
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=errors, stderr=errors)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                message = _last_line(errors) or f"exit status {self.process.returncode}"
                raise StoreError("E414", host=self.host, port=self.port, reason=message)
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise StoreError("E412", host=self.host, port=self.port, seconds=wait)

    def wait(self) -> int:
        assert self.process is not None
        return self.process.wait()

    def last_message(self) -> str:
        """The last line the server wrote (its error, when it stopped on one)."""
        return _last_line(self._errors)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> OxigraphServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _last_line(stream: Any) -> str:
    try:
        stream.seek(0)
        lines = [line.strip() for line in stream.read().decode("utf-8", "replace").splitlines() if line.strip()]
    except (OSError, AttributeError, ValueError):
        return ""
    return lines[-1][:300] if lines else ""


def _remove_orphans(folder: Path, prefix: str) -> None:
    """Remove ``folder/{prefix}{pid}-*`` whose process ``pid`` has ended (SIGKILL skips the
    clean-up); a folder whose process may still run is left alone."""
    for path in folder.glob(f"{glob.escape(prefix)}*-*"):
        pid = path.name[len(prefix):].split("-", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:  # another user's process: still running
            continue


@contextmanager
def scratch_store(purpose: str = "build") -> Iterator[Path]:
    """A location for a temporary Oxigraph store in a new folder of TMPDIR, removed with all
    it holds when the block ends, also on errors (the store itself is not created). Folders
    left by a killed process (named after its id, which no longer runs) are removed first."""
    prefix = f"npcgraph-{purpose}-"
    _remove_orphans(Path(tempfile.gettempdir()), prefix)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))
    except OSError as exc:
        raise OutputError("E205", folder=tempfile.gettempdir(), reason=exc.strerror or exc) from exc
    try:
        yield folder / "store"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
            raise StoreError("E411", host=self.host, port=self.port, reason=exc.strerror or exc) from exc
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
            self._refuse(413, str(QueryError("E329", limit=MAX_QUERY_CHARS)))
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
            self._refuse(503, str(QueryError("E306", limit=f"{endpoint.timeout_s:g} s")))
        except (urllib.error.URLError, OSError) as exc:
            if isinstance(getattr(exc, "reason", None), (TimeoutError, socket.timeout)):
                endpoint.restart_backend(url)
                self._refuse(503, str(QueryError("E306", limit=f"{endpoint.timeout_s:g} s")))
                return
            endpoint.backend_url()  # a query that stopped the child: start it again
            self._refuse(503, str(StoreError("E415")))

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


@contextmanager
def serving(source: Any, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int | None = None, federation: bool = False, log: Any = None) -> Iterator[Any]:
    """A running read-only SPARQL endpoint over ``source`` (a
    :class:`GuardedEndpoint`: Oxigraph's server behind a guard that refuses
    too-deep queries and, unless ``federation``, SERVICE; queries stop after ``timeout_s``).

    A store folder is served in place; anything else (a graph file, a build folder, a Graph)
    is first loaded into a temporary store that is deleted when the server stops.
    """
    opened = open_source(source)
    with ExitStack() as scratch:
        if isinstance(opened, OxigraphSource) and opened.location is not None:
            location = opened.location
        else:
            location = scratch.enter_context(scratch_store("serve"))
            write_store(opened, location)
        opened = None  # the server reads the store; this process lets go of it
        with GuardedEndpoint(location, host=host, port=port, timeout_s=timeout_s, federation=federation, log=log) as server:
            yield server
