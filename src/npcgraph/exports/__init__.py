"""Export formats, in a registry keyed by name (``npcgraph build/export --format``).

    name     files                  what
    ttl      graph.ttl              Turtle, every triple (the default)
    trig     graph.trig             TriG, one named graph per report
    nt       graph.nt               N-Triples, sorted lines
    nq       graph.nq               N-Quads, one named graph per report
    jsonld   graph.jsonld           JSON-LD with the context of ontology/context.jsonld
    graphml  graph.graphml          the entity graph for Gephi, Cytoscape, networkx
    gexf     graph.gexf             the same in GEXF
    csv      nodes.csv, edges.csv   the entity graph as two tables, with evidence counts

Every writer is deterministic: the same graph gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import InputError

__all__ = ["ExportFormat", "FORMATS", "parse_formats", "export_files", "split_by_report", "read_source"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    title: str
    files: tuple[str, ...]
    kind: str  # "graph": needs the triples; "dataset": named graphs; "network": the entity graph


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", "Turtle", ("graph.ttl",), "graph"),
        ExportFormat("trig", "TriG, one named graph per report", ("graph.trig",), "dataset"),
        ExportFormat("nt", "N-Triples", ("graph.nt",), "graph"),
        ExportFormat("nq", "N-Quads, one named graph per report", ("graph.nq",), "dataset"),
        ExportFormat("jsonld", "JSON-LD", ("graph.jsonld",), "graph"),
        ExportFormat("graphml", "GraphML of the entity graph", ("graph.graphml",), "network"),
        ExportFormat("gexf", "GEXF of the entity graph", ("graph.gexf",), "network"),
        ExportFormat("csv", "CSV tables of the entity graph", ("nodes.csv", "edges.csv"), "network"),
    )
}

_ALIASES = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld"}


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """``"ttl,trig"`` (or a list of such) -> ``["ttl", "trig"]``, in the order given, once each."""
    parts = text.split(",") if isinstance(text, str) else [p for item in text for p in item.split(",")]
    names: list[str] = []
    for part in parts:
        name = _ALIASES.get(part.strip().lower(), part.strip().lower())
        if not name:
            continue
        if name not in FORMATS:
            raise InputError("E120", f"unknown export format {part.strip()!r}", f"choose from {', '.join(FORMATS)}")
        if name not in names:
            names.append(name)
    if not names:
        raise InputError("E120", "no export format given", f"choose from {', '.join(FORMATS)}")
    return names


def split_by_report(graph: Graph) -> Dataset:
    """A graph as a dataset with one named graph per report (see ``reports.split_by_report``)."""
    from .reports import split_by_report as split

    return split(graph)


def read_source(source: str | Path) -> tuple[Graph, Dataset | None]:
    """A graph to export, count or check: a graph file, a build folder or an Oxigraph store.

    TriG and N-Quads files also give their named graphs, which TriG/N-Quads exports keep.
    """
    from ..serialization import QUAD_FORMATS, format_of, load_dataset, union_graph
    from ..store import open_graph

    path = Path(source)
    if path.is_file() and path.suffix.lower() in (".trig", ".nq", ".nquads") and format_of(path) in QUAD_FORMATS:
        dataset = load_dataset(path)
        return union_graph(dataset), dataset
    return open_graph(str(source)), None


def _writer(name: str) -> Callable[..., bytes] | tuple[Callable[..., bytes], ...]:
    from . import jsonld, network, turtle

    return {
        "ttl": turtle.write_turtle,
        "trig": turtle.write_trig,
        "nt": turtle.write_ntriples,
        "nq": turtle.write_nquads,
        "jsonld": jsonld.write_jsonld,
        "graphml": network.write_graphml,
        "gexf": network.write_gexf,
        "csv": (network.write_nodes_csv, network.write_edges_csv),
    }[name]


def export_files(graph: Graph, formats: Iterable[str], dataset: Dataset | None = None) -> dict[str, bytes]:
    """``{file name: bytes}`` for each format; ``dataset`` (named graphs per report) is made
    from ``graph`` when a dataset format is asked for and none is given."""
    files: dict[str, bytes] = {}
    network = None
    for name in formats:
        spec = FORMATS[name]
        writer = _writer(name)
        if spec.kind == "dataset":
            if dataset is None:
                dataset = split_by_report(graph)
            files[spec.files[0]] = writer(dataset)  # type: ignore[operator]
        elif spec.kind == "network":
            if network is None:
                from ..analytics import entity_network

                network = entity_network(graph)
            writers = writer if isinstance(writer, tuple) else (writer,)
            for file_name, write in zip(spec.files, writers):
                files[file_name] = write(network)
        else:
            files[spec.files[0]] = writer(graph)  # type: ignore[operator]
    return files
