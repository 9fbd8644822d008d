"""The data model as RDF: the only module that makes triples.

``to_graph(corpus)`` writes what the graph contract (shared/docs/graph-contract.md) asks:
the report as a ``nif:Context`` with its text and metadata; sections, paragraphs and sentences
with offsets; one ``nif:Phrase`` per mention; entities with their labels; each relation as a
plain triple plus one ``rdf:Statement`` per sentence that states it.
"""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef

from .ids import statement_key
from .model import Corpus, Document, Entity, Relation, Report
from .namespaces import DCTERMS, ID, ITSRDF, NIF, NPC, PREFIXES, PROV, RDF, RDFS, SKOS, XSD

__all__ = ["to_graph", "report_iri", "entity_iri", "sentence_iri", "new_graph"]

_INTRODUCTION = "引言"


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def report_iri(report: Report | str) -> URIRef:
    key = report if isinstance(report, str) else report.key
    return ID[f"report/{key}"]


def entity_iri(key: str) -> URIRef:
    return ID[key]


def sentence_iri(report: Report | str, begin: int, end: int) -> URIRef:
    """``<…/id/report/K#char=b,e>`` (RFC 5147 fragment, as NIF uses it)."""
    return URIRef(f"{report_iri(report)}#char={begin},{end}")


def section_iri(report: Report, index: int) -> URIRef:
    return URIRef(f"{report_iri(report)}/section/{index}")


def paragraph_iri(report: Report, index: int) -> URIRef:
    return URIRef(f"{report_iri(report)}/paragraph/{index}")


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


_DATE_TYPES = (
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
)


def _date(value: str) -> Literal:
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def _add_report(graph: Graph, document: Document) -> None:
    report = document.report
    meta = report.metadata
    node = report_iri(report)
    add = graph.add
    add((node, RDF.type, NPC.Report))
    add((node, RDF.type, NIF.Context))
    add((node, NIF.isString, Literal(report.text)))
    add((node, NIF.beginIndex, _int(0)))
    add((node, NIF.endIndex, _int(len(report.text))))
    add((node, NPC.sourceFile, Literal(report.source_file)))
    add((node, NPC.sha256, Literal(report.sha256)))
    add((node, RDFS.label, _zh(meta.title or report.source_file)))
    if meta.title:
        add((node, DCTERMS.title, _zh(meta.title)))
    if meta.issue:
        add((node, NPC.issue, _zh(meta.issue)))
    if meta.date:
        add((node, DCTERMS.date, _date(meta.date)))
    if meta.column:
        add((node, NPC.column, _zh(meta.column)))
    if meta.source:
        add((node, DCTERMS.source, _zh(meta.source)))
    if meta.author_post:
        add((node, NPC.authorPost, _zh(meta.author_post)))
    for key, prop in (
        (document.author, DCTERMS.creator),
        (document.publisher, DCTERMS.publisher),
        (document.reporting_body, NPC.reportingBody),
    ):
        if key:
            add((node, prop, entity_iri(key)))

    for section in report.sections:
        snode = section_iri(report, section.index)
        add((snode, RDF.type, NPC.Section))
        add((snode, NPC.partOf, section_iri(report, section.parent) if section.parent is not None else node))
        add((snode, NPC.position, _int(section.index)))
        add((snode, NPC.level, _int(section.level)))
        add((snode, NIF.referenceContext, node))
        add((snode, NIF.beginIndex, _int(section.begin)))
        add((snode, NIF.endIndex, _int(section.end)))
        heading = report.span(*section.heading) if section.heading else None
        add((snode, RDFS.label, _zh(heading or _INTRODUCTION)))
        if heading:
            add((snode, NPC.heading, _zh(heading)))

    for paragraph in report.paragraphs:
        pnode = paragraph_iri(report, paragraph.index)
        add((pnode, RDF.type, NPC.Paragraph))
        add((pnode, RDF.type, NIF.Paragraph))
        add((pnode, NIF.referenceContext, node))
        add((pnode, NIF.beginIndex, _int(paragraph.begin)))
        add((pnode, NIF.endIndex, _int(paragraph.end)))
        add((pnode, NPC.inSection, section_iri(report, paragraph.section)))
        add((pnode, NPC.position, _int(paragraph.index)))
        add((pnode, NPC.paragraphKind, Literal(paragraph.kind)))
        if paragraph.lead:
            add((pnode, NPC.leadPhrase, _zh(report.span(*paragraph.lead))))
        if paragraph.speaker:
            add((pnode, NPC.speaker, _zh(paragraph.speaker)))

    for sentence in report.sentences:
        tnode = sentence_iri(report, sentence.begin, sentence.end)
        add((tnode, RDF.type, NPC.Sentence))
        add((tnode, RDF.type, NIF.Sentence))
        add((tnode, NIF.referenceContext, node))
        add((tnode, NIF.beginIndex, _int(sentence.begin)))
        add((tnode, NIF.endIndex, _int(sentence.end)))
        add((tnode, NIF.anchorOf, Literal(report.span(sentence.begin, sentence.end))))
        add((tnode, NPC.inSection, section_iri(report, sentence.section)))
        add((tnode, NPC.inParagraph, paragraph_iri(report, sentence.paragraph)))

    for mention in document.mentions:
        if mention.entity is None:
            continue
        sentence = report.sentences[mention.sentence]
        mnode = sentence_iri(report, mention.begin, mention.end)
        add((mnode, RDF.type, NIF.Phrase))
        add((mnode, NIF.referenceContext, node))
        add((mnode, NIF.sentence, sentence_iri(report, sentence.begin, sentence.end)))
        add((mnode, NIF.beginIndex, _int(mention.begin)))
        add((mnode, NIF.endIndex, _int(mention.end)))
        add((mnode, NIF.anchorOf, Literal(report.span(mention.begin, mention.end))))
        add((mnode, ITSRDF.taIdentRef, entity_iri(mention.entity)))
        add((mnode, ITSRDF.taClassRef, NPC[mention.cls]))


def _add_entity(graph: Graph, entity: Entity, alt_labels: set[str]) -> None:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, NPC[entity.cls]))
    if entity.cls == "Concept":
        graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, RDFS.label, _zh(entity.label)))
    graph.add((node, SKOS.prefLabel, _zh(entity.label)))
    for alt in sorted(alt_labels - {entity.label}):
        graph.add((node, SKOS.altLabel, _zh(alt)))
    if entity.value is not None:
        graph.add((node, NPC.value, Literal(entity.value, datatype=XSD.decimal)))
        graph.add((node, NPC.approximate, Literal(entity.approximate)))
    if entity.unit:
        graph.add((node, NPC.unit, _zh(entity.unit)))


def _add_relation(graph: Graph, relation: Relation) -> None:
    subject, obj = entity_iri(relation.subject), entity_iri(relation.object)
    predicate = NPC[relation.predicate]
    graph.add((subject, predicate, obj))
    for evidence in relation.evidence:
        key = statement_key(relation.subject, relation.predicate, relation.object, evidence.report, evidence.begin, evidence.end)
        statement = ID[f"stmt/{key}"]
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, obj))
        graph.add((statement, PROV.wasDerivedFrom, sentence_iri(evidence.report, evidence.begin, evidence.end)))
        if relation.post:
            graph.add((statement, NPC.post, _zh(relation.post)))


def to_graph(corpus: Corpus, graph: Graph | None = None) -> Graph:
    """The RDF graph of a corpus (added to ``graph`` when one is given)."""
    graph = graph if graph is not None else new_graph()
    entities: dict[str, Entity] = {}
    names: dict[str, set[str]] = {}
    for document in corpus.documents:
        for entity in document.entities:
            entities.setdefault(entity.key, entity)
            names.setdefault(entity.key, set()).update(entity.alt_labels)
    for key in sorted(entities):
        _add_entity(graph, entities[key], names[key])
    for document in corpus.documents:
        _add_report(graph, document)
        for relation in document.relations:
            _add_relation(graph, relation)
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    return graph
