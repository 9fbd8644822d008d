"""A graph to files in the export formats of :data:`npcgraph.serialization.FORMATS`.

    read_source(x) -> (Graph, Dataset | None)   a graph file, a build folder or a store
    export_files(graph, formats) -> {file: bytes}
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from .analytics import entity_network
from .serialization import FORMATS, format_of, load_dataset, split_by_report, union_graph
from .store import open_graph

__all__ = ["export_files", "read_source"]


def read_source(source: str | Path) -> tuple[Graph, Dataset | None]:
    """A graph to export, count or check: a graph file, a build folder or an Oxigraph store.

    TriG and N-Quads files also give their named graphs, which TriG/N-Quads exports keep.
    """
    path = Path(source)
    if path.is_file() and path.suffix.lower() in (".trig", ".nq", ".nquads") and format_of(path).kind == "dataset":
        dataset = load_dataset(path)
        return union_graph(dataset), dataset
    return open_graph(str(source)), None


def export_files(graph: Graph, formats: Iterable[str], dataset: Dataset | None = None) -> dict[str, bytes]:
    """``{file name: bytes}`` for each format of :data:`npcgraph.serialization.FORMATS`;
    ``dataset`` (named graphs per report) is made from ``graph`` when a dataset format is
    asked for and none is given."""
    files: dict[str, bytes] = {}
    network = None
    for name in formats:
        spec = FORMATS[name]
        if spec.kind == "dataset":
            if dataset is None:
                dataset = split_by_report(graph)
            files[spec.files[0]] = spec.writers[0](dataset)
        elif spec.kind == "network":
            if network is None:
                network = entity_network(graph)
            for file_name, write in zip(spec.files, spec.writers):
                files[file_name] = write(network)
        else:
            files[spec.files[0]] = spec.writers[0](graph)
    return files
