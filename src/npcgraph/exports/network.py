"""The entity graph for network tools: GraphML and GEXF (Gephi, Cytoscape), CSV tables.

All three come from ``analytics.entity_network``: entities as nodes (``class``, ``label``,
``altLabels`` joined with ``|``, ``mentions``), relations as edges (``predicate``, ``evidence``).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..controls import xml_safe
from ..version import __version__

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["write_graphml", "write_gexf", "write_nodes_csv", "write_edges_csv"]


def _xml_safe(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node names and string attributes hold no character XML 1.0 forbids."""
    import networkx as nx  # heavy: loaded when a network format is written, not at start-up

    safe = nx.relabel_nodes(network, {node: xml_safe(node) for node in network if isinstance(node, str)}, copy=True)
    for _, data in safe.nodes(data=True):
        data.update({key: xml_safe(value) for key, value in data.items() if isinstance(value, str)})
    for _, _, data in safe.edges(data=True):
        data.update({key: xml_safe(value) for key, value in data.items() if isinstance(value, str)})
    return safe


def write_graphml(network: nx.MultiDiGraph) -> bytes:
    import networkx as nx

    network = _xml_safe(network)
    buffer = io.BytesIO()
    nx.write_graphml_xml(network, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().rstrip(b"\n") + b"\n"


def write_gexf(network: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2; networkx stamps today's date and its own version in ``<meta>``: replaced."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"npcgraph {__version__}"
    weighted = _xml_safe(network)
    for _, _, data in weighted.edges(data=True):
        data["weight"] = max(1, int(data.get("evidence", 0)))  # Gephi's edge thickness
    writer.add_graph(weighted)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue().rstrip(b"\n") + b"\n"


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return stream.getvalue().encode("utf-8")


def write_nodes_csv(network: nx.MultiDiGraph) -> bytes:
    """``id,class,label,altLabels,mentions,degree``: one row per entity."""
    rows = [
        [node, data["class"], data["label"], data["altLabels"], data["mentions"], network.degree(node)]
        for node, data in network.nodes(data=True)
    ]
    return _csv(["id", "class", "label", "altLabels", "mentions", "degree"], rows)


def write_edges_csv(network: nx.MultiDiGraph) -> bytes:
    """``source,predicate,target,evidence``: one row per asserted relation."""
    rows = [
        [source, data["predicate"], target, data["evidence"]]
        for source, target, data in network.edges(data=True)
    ]
    return _csv(["source", "predicate", "target", "evidence"], rows)
