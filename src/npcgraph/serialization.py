"""The formats: one registry of every format npcgraph reads or writes, and graphs to bytes and back.

    name     files                  what
    ttl      graph.ttl              Turtle, every triple (the default)
    trig     graph.trig             TriG, one named graph per report
    nt       graph.nt               N-Triples, sorted lines
    nq       graph.nq               N-Quads, one named graph per report
    jsonld   graph.jsonld           JSON-LD with the context of ontology/context.jsonld
    graphml  graph.graphml          the entity graph for Gephi, Cytoscape, networkx
    gexf     graph.gexf             the same in GEXF
    csv      nodes.csv, edges.csv   the entity graph as two tables, with evidence counts
    (xml     RDF/XML: read, and written by rdflib's serializer; no export)

Turtle, TriG, N-Triples, N-Quads and JSON-LD are written by npcgraph's own deterministic
writers (``exports/``): the same graph gives the same bytes, and Turtle stays fast on a million
triples. RDF/XML goes through rdflib. Reading goes through rdflib (or Oxigraph, see
:func:`npcgraph.store.load_memory_store`); quad formats (TriG, N-Quads) read into a
:class:`rdflib.Dataset` or, with :func:`load_graph`, the union of its graphs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .controls import escape_rdf
from .errors import InputError
from .exports import jsonld, network, turtle
from .exports.reports import split_by_report

__all__ = [
    "Format", "FORMATS", "RDF_XML", "parse_formats", "format_of", "serialize", "load_graph", "load_dataset", "union_graph",
    "split_by_report", "QUAD_FORMATS",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One format: its name and other names, the files an export writes, what it is made of
    (``kind``: ``graph`` the triples, ``dataset`` named graphs, ``network`` the entity graph),
    its writers, and for RDF the rdflib plugin, pyoxigraph's format and the file suffixes read
    as it."""

    name: str
    title: str
    files: tuple[str, ...]
    kind: str
    writers: tuple[Callable[..., bytes], ...] = ()
    aliases: tuple[str, ...] = ()
    plugin: str = ""  # rdflib's parser and serializer
    oxigraph: str = ""  # pyoxigraph.RdfFormat's name, where Oxigraph reads it
    suffixes: tuple[str, ...] = ()  # file suffixes read as this format
    export: bool = True  # offered by ``npcgraph export`` and ``build --format``


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ttl", "Turtle", ("graph.ttl",), "graph", (turtle.write_turtle,), ("turtle",), "turtle", "TURTLE", (".ttl", ".turtle")),
        Format("trig", "TriG, one named graph per report", ("graph.trig",), "dataset", (turtle.write_trig,), (), "trig", "TRIG", (".trig",)),
        Format("nt", "N-Triples", ("graph.nt",), "graph", (turtle.write_ntriples,), ("ntriples",), "nt", "N_TRIPLES", (".nt", ".ntriples")),
        Format("nq", "N-Quads, one named graph per report", ("graph.nq",), "dataset", (turtle.write_nquads,), ("nquads",), "nquads", "N_QUADS", (".nq", ".nquads")),
        Format("jsonld", "JSON-LD", ("graph.jsonld",), "graph", (jsonld.write_jsonld,), ("json-ld",), "json-ld", "", (".jsonld", ".json")),
        Format("graphml", "GraphML of the entity graph", ("graph.graphml",), "network", (network.write_graphml,)),
        Format("gexf", "GEXF of the entity graph", ("graph.gexf",), "network", (network.write_gexf,)),
        Format("csv", "CSV tables of the entity graph", ("nodes.csv", "edges.csv"), "network", (network.write_nodes_csv, network.write_edges_csv)),
    )
}
#: Read, and written by rdflib's serializer, but no export format.
RDF_XML = Format("xml", "RDF/XML", (), "graph", (), (), "xml", "RDF_XML", (".rdf", ".owl", ".xml"), export=False)

_NAMES = {alias: f for f in (*FORMATS.values(), RDF_XML) for alias in (f.name, *f.aliases, f.plugin) if alias}
_BY_SUFFIX = {suffix: f for f in (*FORMATS.values(), RDF_XML) for suffix in f.suffixes}

#: rdflib plugin names of the formats that carry named graphs.
QUAD_FORMATS = frozenset(f.plugin for f in FORMATS.values() if f.kind == "dataset")


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """``"ttl,trig"`` (or a list of such) -> ``["ttl", "trig"]``, in the order given, once each."""
    parts = text.split(",") if isinstance(text, str) else [p for item in text for p in item.split(",")]
    exported = ", ".join(FORMATS)
    names: list[str] = []
    for part in parts:
        found = _NAMES.get(part.strip().lower())
        if not part.strip():
            continue
        if found is None or not found.export:  # RDF/XML is read, never exported
            raise InputError("E120", format=part.strip(), choices=exported)
        if found.name not in names:
            names.append(found.name)
    if not names:
        raise InputError("E126", choices=exported)
    return names


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """The graph in ``fmt`` (a name of the registry, or rdflib's name of an RDF format);
    byte-identical for the same graph (without blank nodes).

    For TriG and N-Quads a :class:`rdflib.Dataset` keeps its named graphs; a plain graph is
    split into one named graph per report first.
    """
    found = _NAMES.get(fmt)
    if found is None or found.kind == "network":
        return graph.serialize(format=fmt, encoding="utf-8")
    if found.kind == "dataset":
        dataset = graph if isinstance(graph, Dataset) else split_by_report(graph)
        return escape_rdf(found.writers[0](dataset))
    triples = union_graph(graph) if isinstance(graph, Dataset) else graph
    if not found.writers:
        return triples.serialize(format=found.plugin, encoding="utf-8")
    data = found.writers[0](triples)
    return data if found.name == "jsonld" else escape_rdf(data)


def union_graph(dataset: Dataset) -> Graph:
    """Every triple of every graph of ``dataset``, in one graph."""
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o, _ in dataset.quads())
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=False)
    return graph


def format_of(path: Path) -> Format:
    """The format of a graph file, from its suffix."""
    found = _BY_SUFFIX.get(path.suffix.lower())
    if found is None:
        raise InputError("E121", name=path.name)
    return found


def _graph_file(path: str | Path) -> tuple[Path, Format]:
    path = Path(path)
    if not path.is_file():
        raise InputError("E101", path=path)
    return path, format_of(path)


def _unreadable(path: Path, fmt: Format, exc: Exception) -> InputError:
    message = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
    return InputError("E106", name=path.name, format=fmt.plugin, reason=message)


def load_dataset(path: str | Path) -> Dataset:
    """Read a graph file into a dataset (quad formats keep their named graphs)."""
    path, fmt = _graph_file(path)
    dataset = Dataset()
    try:
        if fmt.kind == "dataset":
            dataset.parse(path, format=fmt.plugin)
        else:
            dataset.default_graph.parse(path, format=fmt.plugin)
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise _unreadable(path, fmt, exc) from exc
    return dataset


def load_graph(path: str | Path) -> Graph:
    """Read a graph file, guessing the format from its suffix; quads are merged into one graph."""
    path, fmt = _graph_file(path)
    if fmt.kind == "dataset":
        return union_graph(load_dataset(path))
    graph = Graph()
    try:
        graph.parse(path, format=fmt.plugin)
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise _unreadable(path, fmt, exc) from exc
    return graph
