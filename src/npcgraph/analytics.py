"""The entity graph as a networkx network, and the measures people ask of it.

``entity_network(graph)`` reads an RDF graph written by npcgraph and returns a
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

import networkx as nx
from rdflib import Graph, Literal, URIRef

from .namespaces import ITSRDF, NIF, NPC, RDF, RDFS, SKOS
from .stats import TEXT_CLASSES
from .storequery import oxigraph_store

__all__ = [
    "entity_network",
    "assemble_network",
    "simple_digraph",
    "Centrality",
    "centrality",
    "components",
]

_NPC = str(NPC)

#: Above this many nodes betweenness is estimated from a fixed sample of sources (seeded, so
#: still deterministic): exact betweenness is O(nodes x edges).
BETWEENNESS_EXACT_LIMIT = 2000


def _local(iri: object) -> str:
    return str(iri)[len(_NPC):]


def _zh_first(values: list[Literal]) -> str | None:
    ranked = sorted(values, key=lambda v: (v.language != "zh", str(v)))
    return str(ranked[0]) if ranked else None


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """Entities and the ``npc:`` relations between them (see the module docstring); read with
    SPARQL queries when ``graph`` is an Oxigraph store (:mod:`npcgraph.storestats`)."""
    if (store := oxigraph_store(graph)) is not None:
        from .storestats import entity_network as store_entity_network

        return store_entity_network(store)
    classes: dict[URIRef, list[str]] = defaultdict(list)
    for subject, cls in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef) and str(cls).startswith(_NPC) and _local(cls) not in TEXT_CLASSES:
            classes[subject].append(_local(cls))
    mentions: Counter[URIRef] = Counter(
        entity for phrase, entity in graph.subject_objects(ITSRDF.taIdentRef)
        if (phrase, RDF.type, NIF.Phrase) in graph
    )
    evidence: Counter[tuple[str, str, str]] = Counter()
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        if None not in triple:
            evidence[tuple(map(str, triple))] += 1  # type: ignore[arg-type]

    nodes = []
    for node in sorted(classes, key=str):
        labels = list(graph.objects(node, RDFS.label))
        preferred = _zh_first(list(graph.objects(node, SKOS.prefLabel))) or _zh_first(labels) or str(node)
        alternatives = sorted({str(v) for v in graph.objects(node, SKOS.altLabel)} - {preferred})
        nodes.append((str(node), sorted(classes[node])[0], preferred, alternatives, mentions[node]))
    edges = ((str(s), _local(p), str(o)) for s, p, o in graph if str(p).startswith(_NPC))
    return assemble_network(nodes, edges, evidence)


def assemble_network(
    nodes: Iterable[tuple[str, str, str, list[str], int]],
    edges: Iterable[tuple[str, str, str]],
    evidence: Mapping[tuple[str, str, str], int],
) -> nx.MultiDiGraph:
    """The network of ``nodes`` (IRI, class, label, other names, mentions; in order) and
    ``edges`` (subject, npc: property's local name, object; sorted here) between them;
    ``evidence`` counts the statements of each (subject, property IRI, object)."""
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
    if not simple:
        return {}
    try:
        return nx.pagerank(simple, weight="weight")
    except ImportError:  # networkx's fast path needs scipy, which npcgraph does not require
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(simple, weight="weight")


def centrality(network: nx.MultiDiGraph) -> list[Centrality]:
    """Degree, betweenness and PageRank of every entity, rounded to 6 places."""
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
    found = [sorted(component) for component in nx.weakly_connected_components(network)]
    return sorted(found, key=lambda component: (-len(component), component[0]))
