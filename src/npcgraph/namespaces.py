"""The IRIs of the graph contract (see ``ontology/npcgraph.ttl``)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "NPC", "ID", "NIF", "ITSRDF", "ELI", "SCHEMA", "PREFIXES",
    "DCTERMS", "ORG", "PROV", "RDF", "RDFS", "SKOS", "XSD", "TEXT_CLASSES", "TEXT_PROPERTIES",
]

NPC = Namespace("https://w3id.org/npcgraph/ontology#")
ID = Namespace("https://w3id.org/npcgraph/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("https://schema.org/")

#: Prefixes bound in every graph written and predeclared in every query.
PREFIXES: dict[str, Namespace] = {
    "npc": NPC,
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "prov": PROV,
    "dcterms": DCTERMS,
    "org": ORG,
    "eli": ELI,
    "schema": SCHEMA,
}

#: ``npc:`` classes of the text, not of the things it names.
TEXT_CLASSES = frozenset({"Report", "Section", "Paragraph", "Sentence"})

#: ``npc:`` properties of the text's structure: by the ontology their subjects are paragraphs
#: and sentences (of TEXT_CLASSES), so they never link two entities; the viewer and the
#: statistics do not scan them (280,000 triples of a 1,000-report graph).
TEXT_PROPERTIES = frozenset({str(NPC.inSection), str(NPC.inParagraph)})
