"""Where graphs live: every kind of source opened as the store that answers its queries.

    open_source(x)        a graph file, an output folder, a store folder, ``oxigraph:DIR``, an
                          endpoint URL, an rdflib Graph or a pyoxigraph Store -> a Source
    open_graph(x)         the same as an rdflib Graph, for rdflib's writers (a store's triples
                          copied into a Graph in memory, :func:`npcgraph.oxterms.rdflib_graph`)
    load_memory_store(p)  a graph file read by Oxigraph into a store in memory

Two kinds of source answer queries (see :mod:`npcgraph.sparql`): Oxigraph (``OxigraphSource``:
a store on disk, or one in memory holding a file's or an rdflib Graph's triples) and any SPARQL
1.1 Protocol endpoint (``EndpointSource``). rdflib parses JSON-LD, validates and writes; it
never answers a query.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import pyoxigraph
from rdflib import Graph

from ..errors import InputError, StoreError
from ..oxterms import rdflib_graph
from ..serialization import format_of, load_graph, serialize

__all__ = [
    "OxigraphSource", "EndpointSource", "Source", "OXIGRAPH_PREFIX", "open_source", "open_graph",
    "parse_store_spec", "is_oxigraph_store", "load_memory_store", "as_store", "ntriples", "is_url",
]

#: ``oxigraph:DIR`` names a persistent Oxigraph store.
OXIGRAPH_PREFIX = "oxigraph:"
_GRAPH_FILE = "graph.ttl"  # what ``npcgraph build`` writes into its output folder


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


Source = Union[OxigraphSource, EndpointSource]


def is_oxigraph_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return path.is_dir() and (path / "CURRENT").is_file() and (path / "IDENTITY").is_file()


def parse_store_spec(spec: str) -> Path:
    """``oxigraph:DIR`` -> DIR (the only persistent store kind)."""
    if not spec.startswith(OXIGRAPH_PREFIX) or not spec[len(OXIGRAPH_PREFIX):]:
        raise InputError("E107", spec=spec)
    return Path(spec[len(OXIGRAPH_PREFIX):])


def _open_oxigraph(path: Path) -> OxigraphSource:
    if not is_oxigraph_store(path):
        raise StoreError("E401", path=path)
    try:
        store = pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError("E402", path=path, reason=exc) from exc
    return OxigraphSource(store, name=path.name, location=path)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def open_source(source: Any) -> Source:
    """The store that answers queries for ``source``: always Oxigraph, or an endpoint.

    ``source`` may be an rdflib Graph (its triples loaded into an Oxigraph store in memory), a
    pyoxigraph Store, a Source, an
    ``http(s)://`` endpoint URL, ``oxigraph:DIR``, an Oxigraph store folder, a folder
    ``npcgraph build`` wrote (its ``graph.ttl``), or a graph file (read by Oxigraph into a
    store in memory, :func:`load_memory_store`; JSON-LD parsed by rdflib first).
    """
    if isinstance(source, (OxigraphSource, EndpointSource)):
        return source
    if isinstance(source, Graph):
        return OxigraphSource(_memory_store(ntriples(source)))
    if type(source).__module__ == "pyoxigraph" and type(source).__name__ == "Store":
        return OxigraphSource(source)
    if not isinstance(source, (str, os.PathLike)):
        raise InputError("E108", kind=type(source).__name__)
    text = os.fspath(source)
    if is_url(text):
        return EndpointSource(text)
    if text.startswith(OXIGRAPH_PREFIX):
        return _open_oxigraph(parse_store_spec(text))
    path = _graph_path(Path(text))
    if isinstance(path, OxigraphSource):
        return path
    if path.is_file() and format_of(path).oxigraph:
        return load_memory_store(path)
    return OxigraphSource(_memory_store(ntriples(load_graph(path))), name=path.name)


def _graph_path(path: Path) -> Path | OxigraphSource:
    """A store folder opened, a build folder's graph.ttl, or the path as it is."""
    if is_oxigraph_store(path):
        return _open_oxigraph(path)
    if path.is_dir():
        if (path / _GRAPH_FILE).is_file():
            return path / _GRAPH_FILE
        raise InputError("E109", path=path, graph_file=_GRAPH_FILE)
    return path


def _memory_store(data: bytes) -> pyoxigraph.Store:
    """An Oxigraph store in memory holding the triples of ``data`` (N-Triples)."""
    store = pyoxigraph.Store()
    store.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def load_memory_store(path: Path) -> OxigraphSource:
    """A graph file in an Oxigraph store in memory: the triples of every graph of a quad file
    in its default graph, as :func:`npcgraph.serialization.load_graph` merges them.

    Oxigraph parses and answers in Rust: on a 4.6 million triple graph.ttl, 17-20 s where
    rdflib's parser takes 160-190 s and 5.7 GB (issue 18)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("E101", path=path)
    fmt = format_of(path)
    rdf_format = getattr(pyoxigraph.RdfFormat, fmt.oxigraph)
    store = pyoxigraph.Store()
    try:
        if fmt.kind == "dataset":
            default = pyoxigraph.DefaultGraph()
            quads = pyoxigraph.parse(path=str(path), format=rdf_format, base_iri=path.absolute().as_uri())
            store.bulk_extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, default) for q in quads)
        else:
            store.bulk_load(path=str(path), format=rdf_format, base_iri=path.absolute().as_uri())
    except (SyntaxError, ValueError) as exc:
        message = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise InputError("E106", name=path.name, format=fmt.plugin, reason=message) from exc
    except OSError as exc:
        raise InputError("E117", path=path, reason=exc.strerror or exc) from exc
    return OxigraphSource(store, name=path.name)


def open_graph(source: Any) -> Graph:
    """``source`` as an rdflib Graph, for rdflib's writers and SHACL: a Graph as it is, a graph
    file parsed, an Oxigraph store's default graph copied into a Graph in memory (the writers
    run faster on it than through oxrdflib's view of the store: benchmarks/README.md)."""
    if isinstance(source, Graph):
        return source
    if isinstance(source, (str, os.PathLike)) and not is_url(os.fspath(source)) and not os.fspath(source).startswith(OXIGRAPH_PREFIX):
        path = _graph_path(Path(source))
        if isinstance(path, Path):
            return load_graph(path)
    opened = open_source(source)
    if isinstance(opened, EndpointSource):
        raise InputError("E124", url=opened.url)
    return rdflib_graph(opened.store)


def ntriples(source: Any) -> bytes:
    """Every triple of the default graph of ``source`` (a Graph or anything
    :func:`open_source` opens but an endpoint), as N-Triples."""
    if isinstance(source, Graph):
        return serialize(source, "nt")
    opened = open_source(source)
    if isinstance(opened, EndpointSource):
        raise InputError("E124", url=opened.url)
    return opened.store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())


def as_store(source: Any) -> pyoxigraph.Store:
    """The pyoxigraph Store that answers for ``source`` (:func:`open_source`): the boundary of
    the one engine that reads graphs; rdflib still parses, validates and writes."""
    opened = open_source(source)
    if isinstance(opened, EndpointSource):
        raise InputError("E124", url=opened.url)
    return opened.store
