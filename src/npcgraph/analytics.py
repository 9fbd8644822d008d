"""The entity graph as a networkx network, and the measures people ask of it.

``entity_network(graph)`` reads an RDF graph written by npcgraph (any graph: it is read through
Oxigraph, :func:`npcgraph.store.as_store`, with the queries ``queries/stats/*.rq``) and returns a
``networkx.MultiDiGraph``: one node per entity (its IRI; attributes ``class``, ``label``,
``altLabels``, ``mentions``) and one edge per asserted ``npc:`` relation between two entities
(attributes ``predicate``, ``evidence`` = number of ``rdf:Statement`` s backing it). Reports,
sections, sentences and mentions are not nodes. Nodes and edges are inserted in sorted order, so
everything written from the network is deterministic.

Centrality: degree counts distinct neighbours in either direction; betweenness is computed on the
undirected simple graph (who connects whom, whatever the direction of the verb); PageRank on the
directed graph weighted by evidence (what the actors' relations point at).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from typing import TYPE_CHECKING, Any

import pyoxigraph

from .namespaces import NPC, RDFS, SKOS, TEXT_PROPERTIES
from .resources import queries_dir
from .store import Lit, as_store, literal_int, read_query, select

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "entity_network",
    "rows",
    "npc_predicates",
    "per_predicate",
    "text",
    "simple_digraph",
    "Centrality",
    "centrality",
    "components",
]

_NPC = str(NPC)
_PREF, _ALT, _LABEL = str(SKOS.prefLabel), str(SKOS.altLabel), str(RDFS.label)

#: Above this many nodes betweenness is estimated from a fixed sample of sources (seeded, so
#: still deterministic): exact betweenness is O(nodes x edges).
BETWEENNESS_EXACT_LIMIT = 2000


def rows(store: pyoxigraph.Store, name: str, substitutions: dict[str, Any] | None = None) -> Any:
    """The rows of the statistics query ``queries/stats/NAME.rq`` on ``store``."""
    return select(store, read_query(queries_dir() / "stats", name), substitutions)


def npc_predicates(store: pyoxigraph.Store) -> list[str]:
    """The ``npc:`` properties the store's triples use, sorted."""
    return sorted(p for (p,) in rows(store, "npc-predicates") if isinstance(p, str) and p.startswith(_NPC))


def per_predicate(store: pyoxigraph.Store, name: str) -> Any:
    """The rows of the query ``name`` for each ``npc:`` property bound to ?predicate in turn
    (a scan of the predicate index each, not of every triple), but those of the text's
    structure (:data:`~npcgraph.namespaces.TEXT_PROPERTIES`), which link no entities."""
    for predicate in npc_predicates(store):
        if predicate in TEXT_PROPERTIES:
            continue
        yield from rows(store, name, {"predicate": pyoxigraph.NamedNode(predicate)})


def text(value: Any) -> str:
    """A literal's text, an IRI itself."""
    return value.value if isinstance(value, Lit) else str(value)


def _local(iri: str) -> str:
    return iri[len(_NPC):]


def _zh_first(values: list[Any]) -> str | None:
    """A ``@zh`` literal first, then by text."""
    ranked = sorted(values, key=lambda v: (not (isinstance(v, Lit) and v.language == "zh"), text(v)))
    return text(ranked[0]) if ranked else None


def entity_network(graph: Any) -> nx.MultiDiGraph:
    """Entities and the ``npc:`` relations between them (see the module docstring)."""
    store = as_store(graph)
    classes: dict[str, list[str]] = defaultdict(list)
    for entity, cls in rows(store, "entities"):
        classes[entity].append(_local(cls))
    labels: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for node, prop, label in rows(store, "labels"):
        if node in classes:
            labels[node][prop].append(label)
    mentions: Counter[str] = Counter()
    for entity, count in rows(store, "mentions"):
        if isinstance(entity, str):
            mentions[entity] += literal_int(count) or 0
    evidence: Counter[tuple[str, str, str]] = Counter()
    for subject, predicate, obj, count in rows(store, "evidence"):
        evidence[(text(subject), text(predicate), text(obj))] += literal_int(count) or 0

    nodes = []
    for node in sorted(classes):
        names = labels.get(node, {})
        preferred = _zh_first(names.get(_PREF, [])) or _zh_first(names.get(_LABEL, [])) or node
        alternatives = sorted({text(v) for v in names.get(_ALT, [])} - {preferred})
        nodes.append((node, sorted(classes[node])[0], preferred, alternatives, mentions[node]))
    edges = ((subject, _local(prop), obj) for subject, prop, obj in per_predicate(store, "relations"))
    return _assemble(nodes, edges, evidence)


def _assemble(
    nodes: Iterable[tuple[str, str, str, list[str], int]],
    edges: Iterable[tuple[str, str, str]],
    evidence: Mapping[tuple[str, str, str], int],
) -> nx.MultiDiGraph:
    """The network of ``nodes`` (IRI, class, label, other names, mentions; in order) and
    ``edges`` (subject, npc: property's local name, object; sorted here) between them;
    ``evidence`` counts the statements of each (subject, property IRI, object)."""
    import networkx as nx  # heavy: loaded when a network is made, never at start-up

    network = nx.MultiDiGraph()
    for node, cls, label, alternatives, mentions in nodes:
        network.add_node(node, **{"class": cls, "label": label, "altLabels": "|".join(alternatives), "mentions": mentions})
    for index, (source, predicate, target) in enumerate(sorted(e for e in edges if e[0] in network and e[2] in network)):
        network.add_edge(
            source,
            target,
            key=f"e{index}",
            predicate=predicate,
            label=predicate,
            evidence=evidence.get((source, _NPC + predicate, target), 0),
        )
    return network


def simple_digraph(network: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per ordered pair, weighted by the evidence of its relations (at least 1 each)."""
    import networkx as nx

    simple = nx.DiGraph()
    simple.add_nodes_from(network.nodes(data=True))
    for source, target, data in network.edges(data=True):
        weight = max(1, int(data.get("evidence", 0)))
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += weight
        else:
            simple.add_edge(source, target, weight=weight)
    return simple


@dataclass(frozen=True, slots=True)
class Centrality:
    node: str
    label: str
    cls: str
    degree: int
    betweenness: float
    pagerank: float


def _pagerank(simple: nx.DiGraph) -> dict[str, float]:
    import networkx as nx

    if not simple:
        return {}
    try:
        return nx.pagerank(simple, weight="weight")
    except ImportError:  # networkx's fast path needs scipy, which npcgraph does not require
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(simple, weight="weight")


def centrality(network: nx.MultiDiGraph) -> list[Centrality]:
    """Degree, betweenness and PageRank of every entity, rounded to 6 places."""
    import networkx as nx

    simple = simple_digraph(network)
    undirected = simple.to_undirected(as_view=False)
    k = None if len(undirected) <= BETWEENNESS_EXACT_LIMIT else BETWEENNESS_EXACT_LIMIT
    betweenness = nx.betweenness_centrality(undirected, k=k, seed=0) if len(undirected) else {}
    pagerank = _pagerank(simple)
    return [
        Centrality(
            node=node,
            label=str(data.get("label", node)),
            cls=str(data.get("class", "")),
            degree=undirected.degree(node),
            betweenness=round(betweenness.get(node, 0.0), 6),
            pagerank=round(pagerank.get(node, 0.0), 6),
        )
        for node, data in simple.nodes(data=True)
    ]


def components(network: nx.MultiDiGraph) -> list[list[str]]:
    """Weakly connected components, largest first, each sorted; ties by their first node."""
    import networkx as nx

    found = [sorted(component) for component in nx.weakly_connected_components(network)]
    return sorted(found, key=lambda component: (-len(component), component[0]))
