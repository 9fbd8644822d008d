"""Counts over a graph: how many of each class and relation."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph

from .namespaces import NIF, NPC, RDF

__all__ = ["class_counts", "relation_counts"]

_NPC = str(NPC)


def _local(term: object) -> str:
    return str(term)[len(_NPC):]


def class_counts(graph: Graph) -> Counter[str]:
    """Instances per ``npc:`` class, plus the number of mentions and relations."""
    counts: Counter[str] = Counter(
        _local(cls) for cls in graph.objects(None, RDF.type) if str(cls).startswith(_NPC)
    )
    counts["(mentions)"] = sum(1 for _ in graph.subjects(RDF.type, NIF.Phrase))
    counts["(relations)"] = sum(relation_counts(graph).values())
    return counts


def relation_counts(graph: Graph) -> Counter[str]:
    """Asserted ``npc:`` relations between entities (those with evidence), by property."""
    predicates = {graph.value(s, RDF.predicate) for s in graph.subjects(RDF.type, RDF.Statement)}
    return Counter(
        {
            _local(predicate): sum(1 for _ in graph.subject_objects(predicate))
            for predicate in predicates
            if predicate is not None and str(predicate).startswith(_NPC)
        }
    )
