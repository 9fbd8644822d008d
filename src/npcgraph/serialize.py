"""Graphs to bytes and back, in the RDF formats rdflib writes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .errors import InputError

__all__ = ["serialize", "load_graph", "RDF_FORMATS"]

#: format name -> (rdflib plugin name, file suffix)
RDF_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", ".ttl"),
    "turtle": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "xml": ("xml", ".rdf"),
}


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """The graph in ``fmt``; Turtle is byte-identical for isomorphic graphs without blank nodes."""
    plugin = RDF_FORMATS.get(fmt, (fmt, ""))[0]
    if plugin == "nt":
        # rdflib writes N-Triples in hash order: sort the lines so output is deterministic.
        lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
        return b"".join(sorted(set(lines)))
    return graph.serialize(format=plugin, encoding="utf-8")


def load_graph(path: str | Path) -> Graph:
    """Read a graph file, guessing the format from its suffix."""
    from rdflib.util import guess_format

    path = Path(path)
    if not path.is_file():
        raise InputError("E101", f"no such graph file: {path}", "give a .ttl, .nt, .nq, .trig or .jsonld file")
    fmt = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise InputError("E106", f"{path.name} is not a readable {fmt} graph: {str(exc).splitlines()[0][:200]}", "check the file's format") from exc
    return graph
