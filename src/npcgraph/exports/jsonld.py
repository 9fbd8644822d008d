"""JSON-LD with the context shipped in ``ontology/context.jsonld``.

The context gives every class and property of the ontology a short name (``Organization``,
``enacted``, ``beginIndex``) with its value type (IRI, ``@zh`` string or XSD datatype) and
declares the prefixes. ``build_context`` makes it from the ontology (the shipped file is its
output, checked by a test); ``write_jsonld`` writes a graph with it, compacted by hand so that
the bytes are deterministic: nodes in the Turtle writer's order, keys and values sorted.
A value that does not fit its short name's type is written under the prefixed name instead, so
the document always reads back to the same graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from ..namespaces import DCTERMS, ITSRDF, NIF, PREFIXES, PROV, RDF, RDFS, SKOS, XSD
from ..resources import ontology_path
from .turtle import subject_order

__all__ = ["build_context", "load_context", "write_jsonld"]

_NPC = str(PREFIXES["npc"])
_ZH = "zh"

#: Short names for the terms of other vocabularies the graph uses; value type as in the context.
_COMMON_TERMS: dict[str, tuple[URIRef, str | None]] = {
    "label": (RDFS.label, "@zh"),
    "prefLabel": (SKOS.prefLabel, "@zh"),
    "altLabel": (SKOS.altLabel, "@zh"),
    "title": (DCTERMS.title, "@zh"),
    "creator": (DCTERMS.creator, "@id"),
    "publisher": (DCTERMS.publisher, "@id"),
    "isString": (NIF.isString, None),
    "anchorOf": (NIF.anchorOf, None),
    "beginIndex": (NIF.beginIndex, str(XSD.nonNegativeInteger)),
    "endIndex": (NIF.endIndex, str(XSD.nonNegativeInteger)),
    "referenceContext": (NIF.referenceContext, "@id"),
    "sentence": (NIF.sentence, "@id"),
    "taIdentRef": (ITSRDF.taIdentRef, "@id"),
    "taClassRef": (ITSRDF.taClassRef, "@id"),
    "wasDerivedFrom": (PROV.wasDerivedFrom, "@id"),
}


def _curie(iri: str) -> str:
    best = None
    for prefix, namespace in PREFIXES.items():
        namespace = str(namespace)
        if iri.startswith(namespace) and not iri[len(namespace):].startswith("//"):
            if best is None or len(namespace) > len(str(PREFIXES[best])):
                best = prefix
    return f"{best}:{iri[len(str(PREFIXES[best])):]}" if best else iri


def _definition(iri: str, kind: str | None) -> Any:
    if kind is None:
        return _curie(iri)
    if kind == "@zh":
        return {"@id": _curie(iri), "@language": _ZH}
    return {"@id": _curie(iri), "@type": kind if kind == "@id" else _curie(kind)}


def build_context(ontology: Graph) -> dict[str, Any]:
    """The JSON-LD context of the ontology: prefixes, then a short name per term."""
    context: dict[str, Any] = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}
    terms: dict[str, Any] = {}
    for name, (iri, kind) in _COMMON_TERMS.items():
        terms[name] = _definition(str(iri), kind)
    for subject in sorted(set(ontology.subjects(RDF.type, None)), key=str):
        iri = str(subject)
        if not iri.startswith(_NPC) or iri == _NPC:
            continue
        local = iri[len(_NPC):]
        types = set(ontology.objects(subject, RDF.type))
        if OWL.Class in types:
            terms[local] = _curie(iri)
        elif OWL.ObjectProperty in types:
            terms[local] = _definition(iri, "@id")
        elif OWL.DatatypeProperty in types:
            ranges = {str(r) for r in ontology.objects(subject, RDFS.range)}
            kind = None
            if ranges == {str(RDF.langString)}:
                kind = "@zh"
            elif len(ranges) == 1 and next(iter(ranges)) != str(XSD.string) and next(iter(ranges)).startswith(str(XSD)):
                kind = next(iter(ranges))
            terms[local] = _definition(iri, kind)
    for name in sorted(terms):
        if name in context:
            raise ValueError(f"JSON-LD term {name!r} clashes with a prefix")
        context[name] = terms[name]
    return {"@context": context}


@cache
def load_context() -> dict[str, Any]:
    """The shipped context (``ontology/context.jsonld``)."""
    with open(ontology_path("context.jsonld"), encoding="utf-8") as stream:
        return json.load(stream)


class _Compactor:
    """Chooses, for each property and value, the short name and value form of the context."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))}
        self.by_iri: dict[str, tuple[str, str | None]] = {}
        self.classes: dict[str, str] = {}
        for name, definition in context.items():
            if name in self.prefixes:
                continue
            if isinstance(definition, str):
                iri = self.expand(definition)
                self.classes[iri] = name
                self.by_iri.setdefault(iri, (name, None))
            else:
                iri = self.expand(definition["@id"])
                kind = "@zh" if definition.get("@language") == _ZH else definition.get("@type")
                self.by_iri[iri] = (name, self.expand(kind) if kind not in (None, "@id", "@zh") else kind)

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes else curie

    @staticmethod
    def fits(value: object, kind: str | None) -> bool:
        if kind == "@id":
            return isinstance(value, URIRef)
        if kind == "@zh":
            return isinstance(value, Literal) and value.language == _ZH
        if kind is None:
            return True
        return isinstance(value, Literal) and value.language is None and str(value.datatype) == kind

    @staticmethod
    def value(value: object, kind: str | None) -> Any:
        if isinstance(value, URIRef):
            return _curie(str(value)) if kind == "@id" else {"@id": _curie(str(value))}
        assert isinstance(value, Literal)
        if kind not in (None, "@id"):  # the short name's type says what the string is
            return str(value)
        if value.language:
            return {"@value": str(value), "@language": value.language}
        if value.datatype is None or value.datatype == XSD.string:
            return str(value)
        return {"@value": str(value), "@type": _curie(str(value.datatype))}

    def node(self, subject: URIRef, properties: dict[str, set[object]]) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": _curie(str(subject))}
        types = properties.pop(str(RDF.type), set())
        if types:
            names = sorted(self.classes.get(str(t), _curie(str(t))) for t in types)
            node["@type"] = names[0] if len(names) == 1 else names
        entries = []
        for predicate, values in properties.items():
            name, kind = self.by_iri.get(predicate, (_curie(predicate), None))
            if not all(self.fits(v, kind) for v in values):
                name, kind = _curie(predicate), None
            rendered = sorted((self.value(v, kind) for v in values), key=_json_key)
            entries.append((name, rendered[0] if len(rendered) == 1 else rendered))
        node.update(sorted(entries))
        return node


def _json_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_jsonld(triples: Graph | Iterable[tuple], context: dict[str, Any] | None = None) -> bytes:
    """The graph as one JSON-LD document with the context embedded (so it reads offline)."""
    context = context if context is not None else load_context()
    compactor = _Compactor(context["@context"])
    subjects: dict[str, tuple[object, dict[str, set[object]]]] = {}
    for subject, predicate, obj in triples:
        entry = subjects.setdefault(str(subject), (subject, {}))
        entry[1].setdefault(str(predicate), set()).add(obj)
    nodes = [
        compactor.node(subject, properties)  # type: ignore[arg-type]
        for _, (subject, properties) in sorted(subjects.items(), key=lambda item: (subject_order(item[0], item[0]), item[0]))
    ]
    document = {"@context": context["@context"], "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
