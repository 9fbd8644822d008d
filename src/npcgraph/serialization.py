"""Graphs to bytes and back, in the RDF formats.

Turtle, TriG, N-Triples, N-Quads and JSON-LD are written by npcgraph's own deterministic
writers (``exports/``): the same graph gives the same bytes, and Turtle stays fast on a million
triples. RDF/XML goes through rdflib. Reading goes through rdflib; quad formats (TriG, N-Quads)
read into a :class:`rdflib.Dataset` or, with :func:`load_graph`, the union of its graphs.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from .errors import InputError

__all__ = ["serialize", "load_graph", "load_dataset", "union_graph", "format_of", "RDF_FORMATS", "QUAD_FORMATS"]

#: format name -> (rdflib plugin name, file suffix)
RDF_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", ".ttl"),
    "turtle": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "trig": ("trig", ".trig"),
    "nq": ("nquads", ".nq"),
    "nquads": ("nquads", ".nq"),
    "jsonld": ("json-ld", ".jsonld"),
    "json-ld": ("json-ld", ".jsonld"),
    "xml": ("xml", ".rdf"),
}

#: rdflib plugin names of the formats that carry named graphs.
QUAD_FORMATS = frozenset({"trig", "nquads"})

_SUFFIXES = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".trig": "trig",
    ".nq": "nquads", ".nquads": "nquads", ".jsonld": "json-ld", ".json": "json-ld",
    ".rdf": "xml", ".owl": "xml", ".xml": "xml",
}


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """The graph in ``fmt``; byte-identical for the same graph (without blank nodes).

    For TriG and N-Quads a :class:`rdflib.Dataset` keeps its named graphs; a plain graph is
    split into one named graph per report first.
    """
    from .controls import escape_rdf
    from .exports import jsonld, split_by_report, turtle

    plugin = RDF_FORMATS.get(fmt, (fmt, ""))[0]
    if plugin in QUAD_FORMATS:
        dataset = graph if isinstance(graph, Dataset) else split_by_report(graph)
        return escape_rdf(turtle.write_trig(dataset) if plugin == "trig" else turtle.write_nquads(dataset))
    triples = union_graph(graph) if isinstance(graph, Dataset) else graph
    if plugin == "turtle":
        return escape_rdf(turtle.write_turtle(triples))
    if plugin == "nt":
        return escape_rdf(turtle.write_ntriples(triples))
    if plugin == "json-ld":
        return jsonld.write_jsonld(triples)
    return triples.serialize(format=plugin, encoding="utf-8")


def union_graph(dataset: Dataset) -> Graph:
    """Every triple of every graph of ``dataset``, in one graph."""
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o, _ in dataset.quads())
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=False)
    return graph


def format_of(path: Path) -> str:
    """The rdflib format name of a graph file, from its suffix."""
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            "E121",
            f"cannot tell the RDF format of {path.name}",
            "give a .ttl, .nt, .trig, .nq or .jsonld file (as written by npcgraph build)",
        )
    return fmt


def load_dataset(path: str | Path) -> Dataset:
    """Read a graph file into a dataset (quad formats keep their named graphs)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("E101", f"no such graph file: {path}", "give a .ttl, .nt, .nq, .trig or .jsonld file")
    fmt = format_of(path)
    dataset = Dataset()
    try:
        if fmt in QUAD_FORMATS:
            dataset.parse(path, format=fmt)
        else:
            dataset.default_graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for bad syntax
        message = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise InputError("E106", f"{path.name} is not a readable {fmt} graph: {message}", "check the file's format") from exc
    return dataset


def load_graph(path: str | Path) -> Graph:
    """Read a graph file, guessing the format from its suffix; quads are merged into one graph."""
    path = Path(path)
    if not path.is_file():
        raise InputError("E101", f"no such graph file: {path}", "give a .ttl, .nt, .nq, .trig or .jsonld file")
    fmt = format_of(path)
    if fmt in QUAD_FORMATS:
        return union_graph(load_dataset(path))
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for bad syntax
        message = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise InputError("E106", f"{path.name} is not a readable {fmt} graph: {message}", "check the file's format") from exc
    return graph
