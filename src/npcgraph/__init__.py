"""npcgraph: knowledge graphs from Chinese People's Congress (人大) work reports.

    >>> import npcgraph
    >>> corpus = npcgraph.build(["data/"])          # read, structure, extract
    >>> npcgraph.build_folder(["data/"], "out")     # what `npcgraph build` does: out/graph.ttl, graph.html
    >>> graph = npcgraph.to_graph(corpus)            # rdflib.Graph, per the graph contract
    >>> npcgraph.serialize(graph, "turtle")          # bytes, byte-identical for the same input
    >>> npcgraph.query(graph, "acts-of-body", body="武汉市人大常委会")   # rows of a canned query
    >>> npcgraph.render(graph)                       # the offline HTML viewer, as a str
    >>> npcgraph.validate(graph).conforms            # SHACL against ontology/shapes.ttl

Names are loaded lazily so that ``import npcgraph`` (and the command line's start-up) does
not pay for rdflib until a graph is made.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import __version__

# public name -> module that defines it
_EXPORTS = {
    "build": "npcgraph.api",
    "build_folder": "npcgraph.api",
    "read_report": "npcgraph.pipeline",
    "to_graph": "npcgraph.rdf",
    "serialize": "npcgraph.serialization",
    "load_graph": "npcgraph.serialization",
    "to_dataset": "npcgraph.rdf",
    "query": "npcgraph.sparql",
    "render": "npcgraph.viewer",
    "validate": "npcgraph.validation",
    "export_files": "npcgraph.export",
    "graph_stats": "npcgraph.stats",
    "Corpus": "npcgraph.model",
    "Document": "npcgraph.model",
    "Report": "npcgraph.model",
    "Entity": "npcgraph.model",
    "Mention": "npcgraph.model",
    "Relation": "npcgraph.model",
    "Evidence": "npcgraph.model",
    "NpcgraphError": "npcgraph.errors",
    "InputError": "npcgraph.errors",
    "OutputError": "npcgraph.errors",
    "QueryError": "npcgraph.errors",
    "StoreError": "npcgraph.errors",
    "ValidationError": "npcgraph.errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from .api import build, build_folder
    from .export import export_files
    from .errors import InputError, NpcgraphError, OutputError, QueryError, StoreError, ValidationError
    from .model import Corpus, Document, Entity, Evidence, Mention, Relation, Report
    from .pipeline import read_report
    from .rdf import to_dataset, to_graph
    from .serialization import load_graph, serialize
    from .sparql import query
    from .stats import graph_stats
    from .validation import validate
    from .viewer import render


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    if not name.startswith("_"):  # a submodule: npcgraph.viewer.render(...) after import npcgraph
        from importlib.util import find_spec

        if find_spec(f"{__name__}.{name}") is not None:
            return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'npcgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
