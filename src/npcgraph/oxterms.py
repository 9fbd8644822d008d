"""Terms between Oxigraph and rdflib, and a store's default graph as an rdflib Graph.

    from_oxigraph(term) / to_oxigraph(term)   one term each way
    rdflib_graph(store)                       the triples of a pyoxigraph Store's default graph,
                                              in Oxigraph's order, in an rdflib Graph in memory

Oxigraph reads every graph (queries, the viewer, the counts); rdflib writes the formats that
Oxigraph has no writer for, or writes differently. :func:`rdflib_graph` gives those writers
the graph, the terms made without re-validating what Oxigraph validated.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .errors import QueryError
from .rdf import new_graph

__all__ = ["from_oxigraph", "to_oxigraph", "rdflib_graph"]

_XSD_STRING = str(XSD.string)


def _plain_iri(value: str) -> URIRef:
    """``URIRef(value)`` without its validity check: Oxigraph holds only valid IRIs."""
    return str.__new__(URIRef, value)


def _plain_string(text: str, language: str | None) -> Literal:
    """``Literal(text, lang=language)``, made as its constructor makes it (a string literal's
    value is its text) without re-validating what Oxigraph has validated."""
    literal = str.__new__(Literal, text)
    literal._language = language
    literal._datatype = None
    literal._value = text
    literal._ill_typed = None
    return literal


def _same_as_constructed() -> bool:
    """Whether the shortcuts above make the same terms as rdflib's constructors (checked once:
    rdflib may change how a Literal is made)."""
    try:
        pairs = [
            (_plain_iri("https://w3id.org/npcgraph/id/x"), URIRef("https://w3id.org/npcgraph/id/x")),
            (_plain_string("武汉", "zh"), Literal("武汉", lang="zh")),
            (_plain_string("plain", None), Literal("plain")),
        ]
    except (AttributeError, TypeError):
        return False
    return all(
        type(fast) is type(made) and fast == made and hash(fast) == hash(made)
        and getattr(fast, "value", None) == getattr(made, "value", None)
        and getattr(fast, "language", None) == getattr(made, "language", None)
        and getattr(fast, "datatype", None) == getattr(made, "datatype", None)
        and getattr(fast, "ill_typed", None) == getattr(made, "ill_typed", None)
        for fast, made in pairs
    )


_SHORTCUTS = _same_as_constructed()


def from_oxigraph(term: Any) -> Identifier | None:
    """An Oxigraph term as the rdflib term rdflib's parser would make of it (None stays None)."""
    if term is None:
        return None
    kind = type(term)
    if kind is ox.NamedNode:
        return _plain_iri(term.value) if _SHORTCUTS else URIRef(term.value)
    if kind is ox.Literal:
        language = term.language
        if language:
            return _plain_string(term.value, language) if _SHORTCUTS else Literal(term.value, lang=language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return _plain_string(term.value, None) if _SHORTCUTS else Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if kind is ox.BlankNode:
        return BNode(term.value)
    raise QueryError("E320", term=term)


def to_oxigraph(term: Identifier) -> Any:
    """An rdflib term as Oxigraph's."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def rdflib_graph(store: Any) -> Graph:
    """The default graph of a pyoxigraph Store as an rdflib Graph in memory, its triples added
    in the order Oxigraph gives them (rdflib's N-Triples writer keeps that order; the others
    sort), with npcgraph's prefixes bound."""
    graph = new_graph()
    graph.addN(
        (from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object), graph)
        for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    return graph
