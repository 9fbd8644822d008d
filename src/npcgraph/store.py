"""Where graphs live and how queries reach them.

    open_source(x)        a graph file, an output folder, a store folder, ``oxigraph:DIR``, an
                          endpoint URL, an rdflib Graph or a pyoxigraph Store -> a Source
    open_graph(x)         the same as an rdflib Graph (Oxigraph stores through oxrdflib)
    write_store(g, DIR)   a persistent Oxigraph store holding exactly ``g`` (build --store)
    push(x, URL)          upload over the SPARQL 1.1 Graph Store HTTP Protocol
    OxigraphServer        the ``oxigraph`` package's SPARQL server, started and stopped
    serving(x)            a guarded read-only endpoint over a store, or a temporary store of a file
    scratch_store()       a temporary store's location in TMPDIR, removed afterwards

Three kinds of source answer queries (see :mod:`npcgraph.sparql`): rdflib's memory store
(``MemorySource``), Oxigraph (``OxigraphSource``, in Rust, 10-100x faster on large graphs) and
any SPARQL 1.1 Protocol endpoint (``EndpointSource``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .errors import InputError, OutputError, StoreError

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    from rdflib import Graph

__all__ = [
    "MemorySource",
    "OxigraphSource",
    "EndpointSource",
    "Source",
    "OXIGRAPH_PREFIX",
    "open_source",
    "open_graph",
    "parse_store_spec",
    "is_oxigraph_store",
    "write_store",
    "push",
    "http_post_query",
    "read_before",
    "oxigraph_binary",
    "free_port",
    "OxigraphServer",
    "serving",
    "scratch_store",
]

#: ``oxigraph:DIR`` names a persistent Oxigraph store.
OXIGRAPH_PREFIX = "oxigraph:"
_GRAPH_FILE = "graph.ttl"  # what ``npcgraph build`` writes into its output folder


@dataclass(frozen=True)
class MemorySource:
    """A graph in rdflib's memory store."""

    graph: Graph
    name: str = "graph"


@dataclass(frozen=True)
class OxigraphSource:
    """An Oxigraph store, persistent (``location``) or in memory."""

    store: pyoxigraph.Store
    name: str = "oxigraph"
    location: Path | None = None


@dataclass(frozen=True)
class EndpointSource:
    """A SPARQL 1.1 Protocol query endpoint."""

    url: str

    @property
    def name(self) -> str:
        return self.url


Source = Union[MemorySource, OxigraphSource, EndpointSource]


def is_oxigraph_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return path.is_dir() and (path / "CURRENT").is_file() and (path / "IDENTITY").is_file()


def parse_store_spec(spec: str) -> Path:
    """``oxigraph:DIR`` -> DIR (the only persistent store kind)."""
    if not spec.startswith(OXIGRAPH_PREFIX) or not spec[len(OXIGRAPH_PREFIX):]:
        raise InputError("E107", f"unknown store {spec!r}", "write oxigraph:DIR, e.g. --store oxigraph:out/store")
    return Path(spec[len(OXIGRAPH_PREFIX):])


def _open_oxigraph(path: Path) -> OxigraphSource:
    import pyoxigraph

    if not is_oxigraph_store(path):
        raise StoreError("E401", f"no Oxigraph store at {path}", "make one with: npcgraph build --store oxigraph:DIR")
    try:
        store = pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError("E402", f"cannot open the Oxigraph store at {path}: {exc}", "check the folder's permissions") from exc
    return OxigraphSource(store, name=path.name, location=path)


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def open_source(source: Any, *, files: str = "rdflib") -> Source:
    """The store that answers queries for ``source``.

    ``source`` may be an rdflib Graph (a memory graph, or one on oxrdflib's Oxigraph store), a
    pyoxigraph Store, a Source, an ``http(s)://`` endpoint URL, ``oxigraph:DIR``, an Oxigraph
    store folder, a folder ``npcgraph build`` wrote (its ``graph.ttl``), or a graph file.
    A graph file is read into rdflib's memory store, or with ``files="oxigraph"`` into an
    Oxigraph store in memory (:func:`load_memory_store`: what ``npcgraph query`` does; JSON-LD
    still with rdflib).
    """
    from rdflib import Graph

    if isinstance(source, (MemorySource, OxigraphSource, EndpointSource)):
        return source
    if isinstance(source, Graph):
        inner = _oxigraph_of(source)
        return OxigraphSource(inner) if inner is not None else MemorySource(source)
    if type(source).__module__ == "pyoxigraph" and type(source).__name__ == "Store":
        return OxigraphSource(source)
    if not isinstance(source, (str, os.PathLike)):
        raise InputError("E108", f"cannot query a {type(source).__name__}", "give a graph file, a store folder, an endpoint URL or an rdflib Graph")
    text = os.fspath(source)
    if _is_url(text):
        return EndpointSource(text)
    if text.startswith(OXIGRAPH_PREFIX):
        return _open_oxigraph(parse_store_spec(text))
    path = Path(text)
    if is_oxigraph_store(path):
        return _open_oxigraph(path)
    if path.is_dir():
        if (path / _GRAPH_FILE).is_file():
            path = path / _GRAPH_FILE
        else:
            raise InputError("E109", f"{path} is neither an Oxigraph store nor a build output folder (no {_GRAPH_FILE})", "give a graph file, oxigraph:DIR or the folder npcgraph build wrote")
    from .serialization import format_of, load_graph

    if files == "oxigraph" and path.is_file() and format_of(path) in _OXIGRAPH_FORMATS:
        return load_memory_store(path)

    return MemorySource(load_graph(path), name=path.name)


#: rdflib's format names (:func:`npcgraph.serialization.format_of`) -> pyoxigraph's formats.
#: JSON-LD stays with rdflib, whose parser also follows the remote contexts a file may name.
_OXIGRAPH_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "trig": "TRIG", "nquads": "N_QUADS", "xml": "RDF_XML"}


def load_memory_store(path: Path) -> OxigraphSource:
    """A graph file in an Oxigraph store in memory: the triples of every graph of a quad file
    in its default graph, as :func:`npcgraph.serialization.load_graph` merges them.

    Oxigraph parses and answers in Rust: on a 4.6 million triple graph.ttl, 17-20 s where
    rdflib's parser takes 160-190 s and 5.7 GB (issue 18)."""
    import pyoxigraph

    from .serialization import format_of

    path = Path(path)
    if not path.is_file():
        raise InputError("E101", f"no such graph file: {path}", "give a .ttl, .nt, .nq, .trig or .jsonld file")
    fmt = format_of(path)
    rdf_format = getattr(pyoxigraph.RdfFormat, _OXIGRAPH_FORMATS[fmt])
    store = pyoxigraph.Store()
    try:
        if fmt in ("trig", "nquads"):
            default = pyoxigraph.DefaultGraph()
            quads = pyoxigraph.parse(path=str(path), format=rdf_format, base_iri=path.absolute().as_uri())
            store.bulk_extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, default) for q in quads)
        else:
            store.bulk_load(path=str(path), format=rdf_format, base_iri=path.absolute().as_uri())
    except (SyntaxError, ValueError) as exc:
        message = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise InputError("E106", f"{path.name} is not a readable {fmt} graph: {message}", "check the file's format") from exc
    except OSError as exc:
        raise InputError("E101", f"cannot read the graph file {path}: {exc.strerror or exc}", "check the file's permissions") from exc
    return OxigraphSource(store, name=path.name)


def _oxigraph_of(graph: Graph) -> pyoxigraph.Store | None:
    """The pyoxigraph Store under an rdflib Graph on oxrdflib's store, else None."""
    store = graph.store
    if type(store).__name__ == "OxigraphStore" and type(store).__module__.startswith("oxrdflib"):
        return store._inner
    return None


def open_graph(source: Any) -> Graph:
    """``source`` as an rdflib Graph; an Oxigraph store stays on disk, seen through oxrdflib."""
    from rdflib import Graph

    opened = open_source(source)
    if isinstance(opened, MemorySource):
        return opened.graph
    if isinstance(opened, OxigraphSource):
        from oxrdflib import OxigraphStore
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        graph = Graph(store=OxigraphStore(store=opened.store), identifier=DATASET_DEFAULT_GRAPH_ID)
        from .rdf import new_graph

        for prefix, namespace in new_graph().namespaces():
            graph.bind(prefix, namespace, override=True, replace=True)
        return graph
    raise InputError("E108", f"cannot read the whole graph of the endpoint {opened.url}", "query it with CONSTRUCT instead")


def _ntriples(source: Source) -> bytes:
    """Every triple of the source's default graph, as N-Triples."""
    if isinstance(source, MemorySource):
        from .serialization import serialize

        return serialize(source.graph, "nt")
    if isinstance(source, OxigraphSource):
        import pyoxigraph

        return source.store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    raise InputError("E108", f"cannot copy the whole graph of the endpoint {source.url}", "give a graph file or a store folder")


def write_store(source: Any, location: Path) -> int:
    """Replace the Oxigraph store at ``location`` by one holding exactly the triples of
    ``source`` (a Graph, file or store); the number of triples.

    The store is loaded beside ``location`` and renamed into place, so a failed write leaves
    the previous store as it was. A folder that is not an Oxigraph store is never replaced.
    """
    from .storeload import check_location, load_store

    location = Path(location)
    check_location(location)
    return load_store([_ntriples(open_source(source))], location)


# --- HTTP: the SPARQL 1.1 Protocol and Graph Store Protocol ---------------------------------


def _http_error(exc: urllib.error.HTTPError) -> str:
    try:
        body = exc.read().decode("utf-8", "replace").strip()
    except OSError:
        body = ""
    first = body.splitlines()[0][:300] if body else ""
    return f"HTTP {exc.code} {exc.reason}" + (f": {first}" if first else "")


def http_post_query(url: str, query: str, accept: str, timeout: float | None) -> tuple[str, bytes]:
    """POST a query (SPARQL 1.1 Protocol, form-encoded); the response's media type and body.

    Raises StoreError when the endpoint cannot be reached and ``urllib.error.HTTPError`` when
    it answers with an error (the caller decides whether that is the query's fault).
    """
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
    )
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type()
            return media_type, read_before(response, deadline)
    except urllib.error.HTTPError:
        raise
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise
        raise StoreError("E403", f"cannot reach the SPARQL endpoint {url}: {reason}", "check the URL and that the server is running") from exc


def read_before(response: Any, deadline: float | None) -> bytes:
    """The whole body, or TimeoutError once ``deadline`` passes (the socket's own timeout only
    bounds each read, so a server that sends a byte now and then would hold the client)."""
    if deadline is None:
        return bytes(response.read())
    chunks = []
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("the endpoint's answer did not arrive in time")
        chunk = response.read1(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


@dataclass(frozen=True)
class PushResult:
    url: str  # where the triples went, with ?graph= or ?default
    triples: int
    status: int


def push(source: Any, endpoint: str, *, graph: str | None = None, replace: bool = False, timeout: float = 300) -> PushResult:
    """Upload ``source`` into a store over the SPARQL 1.1 Graph Store HTTP Protocol.

    ``endpoint`` is the store's Graph Store endpoint (Oxigraph ``http://host:7878/store``,
    Fuseki ``http://host:3030/DATASET/data``, GraphDB
    ``http://host:7200/repositories/REPO/rdf-graphs/service``). The triples go into the named
    graph ``graph`` or the default graph; they are added (HTTP POST) unless ``replace`` is
    set (HTTP PUT, which replaces that graph's content).
    """
    if not _is_url(endpoint):
        raise InputError("E110", f"not an http(s) URL: {endpoint!r}", "give the store's Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    if graph is not None and not urllib.parse.urlsplit(graph).scheme:
        raise InputError("E111", f"the graph name {graph!r} is not an absolute IRI", "write a full IRI such as https://example.org/graph/wuhan")
    data = _ntriples(open_source(source))
    triples = data.count(b"\n")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    request = urllib.request.Request(
        url, data=data, method="PUT" if replace else "POST", headers={"Content-Type": "application/n-triples"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return PushResult(url, triples, response.status)
    except urllib.error.HTTPError as exc:
        raise StoreError("E404", f"{endpoint} refused the upload: {_http_error(exc)}", "check that the URL is the store's Graph Store endpoint and that it accepts writes") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise StoreError("E403", f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}", "check the URL and that the server is running") from exc


# --- the Oxigraph server --------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the installed ``oxigraph`` package."""
    beside_python = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    found = shutil.which("oxigraph") or (str(beside_python) if beside_python.is_file() else None)
    if not found:
        raise StoreError("E410", "the Oxigraph server is not installed", "install it with: python -m pip install oxigraph")
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
            raise StoreError("E411", f"cannot listen on {self.host}:{self.port}: {exc.strerror}", "choose another --port (0 picks a free one)") from exc
        errors = self.log if self.log is not None else tempfile.TemporaryFile()
        self._errors = errors
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=errors, stderr=errors)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                message = _last_line(errors) or f"exit status {self.process.returncode}"
                raise StoreError("E411", f"the Oxigraph server did not start on {self.host}:{self.port}: {message}", "choose another --port, or check the store folder")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise StoreError("E412", f"the Oxigraph server did not answer on {self.host}:{self.port} within {wait:.0f} s", "try again, or choose another --port")

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
        raise OutputError(
            "E205",
            f"cannot create a temporary store in {tempfile.gettempdir()}: {exc.strerror or exc}",
            "set TMPDIR to a writable folder with free space, or give --store oxigraph:DIR",
        ) from exc
    try:
        yield folder / "store"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def serving(source: Any, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int | None = None, federation: bool = False, log: Any = None) -> Iterator[Any]:
    """A running read-only SPARQL endpoint over ``source`` (a
    :class:`npcgraph.endpoint.GuardedEndpoint`: Oxigraph's server behind a guard that refuses
    too-deep queries and, unless ``federation``, SERVICE; queries stop after ``timeout_s``).

    A store folder is served in place; anything else (a graph file, a build folder, a Graph)
    is first loaded into a temporary store that is deleted when the server stops.
    """
    from .endpoint import GuardedEndpoint

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
