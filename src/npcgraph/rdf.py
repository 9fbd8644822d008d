"""The data model as RDF: the only module that makes triples.

``to_graph(corpus)`` writes what the graph contract (shared/docs/graph-contract.md) asks:
the report as a ``nif:Context`` with its text and metadata; sections, paragraphs and sentences
with offsets; one ``nif:Phrase`` per mention; entities with their labels; each relation as a
plain triple plus one ``rdf:Statement`` per sentence that states it.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .ids import statement_key
from .model import Corpus, Document, Entity, Evidence, Relation, Report
from .namespaces import DCTERMS, ID, ITSRDF, NIF, NPC, PREFIXES, PROV, RDF, RDFS, SKOS, XSD


class _RememberedTerms:
    """A namespace's terms, each made once. rdflib makes (and checks) a new URIRef at every
    ``NPC.Report`` or ``RDF.type``; a corpus's triples ask for the same few dozen terms millions
    of times (a third of the time to mint them). The terms are rdflib's own."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:  # only for a name not yet in the instance
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]  # type: ignore[index]
        return term


DCTERMS, ITSRDF, NIF, NPC, PROV, RDF, RDFS, SKOS, XSD = (  # type: ignore[assignment]
    _RememberedTerms(namespace) for namespace in (DCTERMS, ITSRDF, NIF, NPC, PROV, RDF, RDFS, SKOS, XSD)
)

__all__ = [
    "Triple",
    "to_graph",
    "to_dataset",
    "corpus_triples",
    "corpus_entity_triples",
    "corpus_entities",
    "entity_triples",
    "document_triples",
    "report_triples",
    "relation_triples",
    "fact_triple",
    "statement_iri",
    "statement_triples",
    "new_graph",
    "report_iri",
    "entity_iri",
    "sentence_iri",
    "date_literal",
]

Triple = tuple[Node, Node, Node]

_INTRODUCTION = "引言"


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def report_iri(report: Report | str) -> URIRef:
    return _report_iri(report if isinstance(report, str) else report.key)


@lru_cache(maxsize=1 << 12)
def _report_iri(key: str) -> URIRef:
    return ID[f"report/{key}"]  # remembered: every sentence, mention and part of a report is named after it


@lru_cache(maxsize=1 << 17)
def entity_iri(key: str) -> URIRef:
    return ID[key]  # remembered: an entity is named by its mentions, relations and statements


def sentence_iri(report: Report | str, begin: int, end: int) -> URIRef:
    """``<…/id/report/K#char=b,e>`` (RFC 5147 fragment, as NIF uses it)."""
    return URIRef(f"{report_iri(report)}#char={begin},{end}")


def section_iri(report: Report, index: int) -> URIRef:
    return URIRef(f"{report_iri(report)}/section/{index}")


def paragraph_iri(report: Report, index: int) -> URIRef:
    return URIRef(f"{report_iri(report)}/paragraph/{index}")


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@lru_cache(maxsize=1 << 16)
def _int(value: int) -> Literal:
    # Offsets repeat (a sentence's end is the next one's begin, a mention's offsets its
    # sentence's): sharing the immutable Literals saves a third of the time to mint a report.
    return Literal(value, datatype=XSD.nonNegativeInteger)


_DATE_TYPES = (
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
)


def date_literal(value: str) -> Literal:
    """A date as the text gives it (2021, 2021-03, 2021-03-05) as a typed literal; else a plain one."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def _report_triples(document: Document) -> Iterator[Triple]:
    report = document.report
    meta = report.metadata
    node = report_iri(report)
    yield (node, RDF.type, NPC.Report)
    yield (node, RDF.type, NIF.Context)
    yield (node, NIF.isString, Literal(report.text))
    yield (node, NIF.beginIndex, _int(0))
    yield (node, NIF.endIndex, _int(len(report.text)))
    yield (node, NPC.sourceFile, Literal(report.source_file))
    yield (node, NPC.sha256, Literal(report.sha256))
    yield (node, RDFS.label, _zh(meta.title or report.source_file))
    if meta.title:
        yield (node, DCTERMS.title, _zh(meta.title))
    if meta.issue:
        yield (node, NPC.issue, _zh(meta.issue))
    if meta.date:
        yield (node, DCTERMS.date, date_literal(meta.date))
    if meta.column:
        yield (node, NPC.column, _zh(meta.column))
    if meta.source:
        yield (node, DCTERMS.source, _zh(meta.source))
    if meta.author_post:
        yield (node, NPC.authorPost, _zh(meta.author_post))
    for key, prop in (
        (document.author, DCTERMS.creator),
        (document.publisher, DCTERMS.publisher),
        (document.reporting_body, NPC.reportingBody),
    ):
        if key:
            yield (node, prop, entity_iri(key))

    for section in report.sections:
        snode = section_iri(report, section.index)
        yield (snode, RDF.type, NPC.Section)
        yield (snode, NPC.partOf, section_iri(report, section.parent) if section.parent is not None else node)
        yield (snode, NPC.position, _int(section.index))
        yield (snode, NPC.level, _int(section.level))
        yield (snode, NIF.referenceContext, node)
        yield (snode, NIF.beginIndex, _int(section.begin))
        yield (snode, NIF.endIndex, _int(section.end))
        heading = report.span(*section.heading) if section.heading else None
        yield (snode, RDFS.label, _zh(heading or _INTRODUCTION))
        if heading:
            yield (snode, NPC.heading, _zh(heading))

    for paragraph in report.paragraphs:
        pnode = paragraph_iri(report, paragraph.index)
        yield (pnode, RDF.type, NPC.Paragraph)
        yield (pnode, RDF.type, NIF.Paragraph)
        yield (pnode, NIF.referenceContext, node)
        yield (pnode, NIF.beginIndex, _int(paragraph.begin))
        yield (pnode, NIF.endIndex, _int(paragraph.end))
        yield (pnode, NPC.inSection, section_iri(report, paragraph.section))
        yield (pnode, NPC.position, _int(paragraph.index))
        yield (pnode, NPC.paragraphKind, Literal(paragraph.kind))
        if paragraph.lead:
            yield (pnode, NPC.leadPhrase, _zh(report.span(*paragraph.lead)))
        if paragraph.speaker:
            yield (pnode, NPC.speaker, _zh(paragraph.speaker))

    for sentence in report.sentences:
        tnode = sentence_iri(report, sentence.begin, sentence.end)
        yield (tnode, RDF.type, NPC.Sentence)
        yield (tnode, RDF.type, NIF.Sentence)
        yield (tnode, NIF.referenceContext, node)
        yield (tnode, NIF.beginIndex, _int(sentence.begin))
        yield (tnode, NIF.endIndex, _int(sentence.end))
        yield (tnode, NIF.anchorOf, Literal(report.span(sentence.begin, sentence.end)))
        yield (tnode, NPC.inSection, section_iri(report, sentence.section))
        yield (tnode, NPC.inParagraph, paragraph_iri(report, sentence.paragraph))

    for mention in document.mentions:
        if mention.entity is None:
            continue
        sentence = report.sentences[mention.sentence]
        mnode = sentence_iri(report, mention.begin, mention.end)
        yield (mnode, RDF.type, NIF.Phrase)
        yield (mnode, NIF.referenceContext, node)
        yield (mnode, NIF.sentence, sentence_iri(report, sentence.begin, sentence.end))
        yield (mnode, NIF.beginIndex, _int(mention.begin))
        yield (mnode, NIF.endIndex, _int(mention.end))
        yield (mnode, NIF.anchorOf, Literal(report.span(mention.begin, mention.end)))
        yield (mnode, ITSRDF.taIdentRef, entity_iri(mention.entity))
        yield (mnode, ITSRDF.taClassRef, NPC[mention.cls])


def _entity_triples(entity: Entity, alt_labels: Iterable[str]) -> Iterator[Triple]:
    node = entity_iri(entity.key)
    yield (node, RDF.type, NPC[entity.cls])
    if entity.cls == "Concept":
        yield (node, RDF.type, SKOS.Concept)
    yield (node, RDFS.label, _zh(entity.label))
    yield (node, SKOS.prefLabel, _zh(entity.label))
    for alt in sorted(set(alt_labels) - {entity.label}):
        yield (node, SKOS.altLabel, _zh(alt))
    if entity.value is not None:
        yield (node, NPC.value, Literal(entity.value, datatype=XSD.decimal))
        yield (node, NPC.approximate, Literal(entity.approximate))
    if entity.unit:
        yield (node, NPC.unit, _zh(entity.unit))
    if entity.effective_date:
        yield (node, NPC.effectiveDate, date_literal(entity.effective_date))
    if entity.date:
        yield (node, NPC.date, date_literal(entity.date))
    if entity.term is not None:
        yield (node, NPC["term"], Literal(entity.term, datatype=XSD.integer))
    if entity.session is not None:
        yield (node, NPC.sessionNumber, Literal(entity.session, datatype=XSD.integer))


def fact_triple(relation: Relation) -> Triple:
    """The relation asserted plainly: subject, predicate, object."""
    return (entity_iri(relation.subject), NPC[relation.predicate], entity_iri(relation.object))


def _relation_triples(relation: Relation) -> Iterator[Triple]:
    yield fact_triple(relation)
    for evidence in relation.evidence:
        yield from statement_triples(relation, evidence)


def statement_iri(relation: Relation, evidence: Evidence) -> URIRef:
    """The rdf:Statement of one fact in one sentence."""
    key = statement_key(relation.subject, relation.predicate, relation.object, evidence.report, evidence.begin, evidence.end)
    return ID[f"stmt/{key}"]


def statement_triples(relation: Relation, evidence: Evidence) -> Iterator[Triple]:
    """The rdf:Statement that ``evidence``'s sentence states ``relation``."""
    subject, obj = entity_iri(relation.subject), entity_iri(relation.object)
    predicate = NPC[relation.predicate]
    statement = statement_iri(relation, evidence)
    yield (statement, RDF.type, RDF.Statement)
    yield (statement, RDF.subject, subject)
    yield (statement, RDF.predicate, predicate)
    yield (statement, RDF.object, obj)
    yield (statement, PROV.wasDerivedFrom, sentence_iri(evidence.report, evidence.begin, evidence.end))
    if relation.post:
        yield (statement, NPC.post, _zh(relation.post))
    if evidence.date:
        yield (statement, NPC.date, date_literal(evidence.date))
    if evidence.event:
        yield (statement, NPC.atEvent, entity_iri(evidence.event))
    if evidence.votes:
        for prop, count in zip((NPC.votesFor, NPC.votesAgainst, NPC.abstentions), evidence.votes):
            if count is not None:
                yield (statement, prop, Literal(count, datatype=XSD.integer))


def document_triples(document: Document) -> Iterator[Triple]:
    """Every triple one report supports: itself, its structure, mentions, entities, relations.

    Entities named in several reports are written by each (the triples are the same), so a
    report's triples alone make a complete graph of it: one named graph per report.
    """
    yield from _report_triples(document)
    for entity in document.entities:
        yield from _entity_triples(entity, entity.alt_labels)
    for relation in document.relations:
        yield from _relation_triples(relation)


def report_triples(document: Document) -> Iterator[Triple]:
    """The report's own triples: its text, metadata, structure and mentions.

    Every subject is the report's IRI or one beneath it (``…/report/K#char=…``,
    ``…/report/K/section/…``), so these triples depend on this document alone.
    """
    yield from _report_triples(document)


def relation_triples(document: Document) -> Iterator[Triple]:
    """The document's relations, each asserted plainly and with one rdf:Statement per sentence."""
    for relation in document.relations:
        yield from _relation_triples(relation)


def corpus_entities(corpus: Corpus) -> dict[str, tuple[Entity, set[str]]]:
    """Each entity of the corpus once, by key, with its alt labels: the union over its reports."""
    entities: dict[str, tuple[Entity, set[str]]] = {}
    for document in corpus.documents:
        for entity in document.entities:
            first, alt_labels = entities.setdefault(entity.key, (entity, set()))
            alt_labels.update(entity.alt_labels)
            if first is not entity and _dates_missing(first, entity):
                entities[entity.key] = (_with_dates(first, entity), alt_labels)
    return entities


_DATED = ("effective_date", "date", "term", "session")


def _dates_missing(first: Entity, other: Entity) -> bool:
    return any(getattr(first, name) is None and getattr(other, name) is not None for name in _DATED)


def _with_dates(first: Entity, other: Entity) -> Entity:
    """``first`` with the dates, 届 and 次 it lacks taken from ``other`` (a later report's)."""
    return replace(first, **{name: getattr(other, name) for name in _DATED if getattr(first, name) is None})


def entity_triples(entity: Entity, alt_labels: Iterable[str]) -> Iterator[Triple]:
    """One entity's triples: its classes, labels and, for a statistic, its number."""
    return _entity_triples(entity, alt_labels)


def corpus_entity_triples(corpus: Corpus) -> Iterator[Triple]:
    """Each entity of the corpus once, by key; its alt labels are the union over its reports."""
    entities = corpus_entities(corpus)
    for key in sorted(entities):
        yield from _entity_triples(*entities[key])


def corpus_triples(corpus: Corpus) -> Iterator[Triple]:
    """The triples of a whole corpus; an entity's alt labels are the union over its reports."""
    yield from corpus_entity_triples(corpus)
    for document in corpus.documents:
        yield from report_triples(document)
        yield from relation_triples(document)


def to_graph(corpus: Corpus, graph: Graph | None = None) -> Graph:
    """The RDF graph of a corpus (added to ``graph`` when one is given)."""
    graph = graph if graph is not None else new_graph()
    graph.addN((s, p, o, graph) for s, p, o in corpus_triples(corpus))
    return graph


def to_dataset(corpus: Corpus) -> Dataset:
    """The corpus as a dataset: one named graph per report, named by the report's IRI.

    Each graph holds ``document_triples`` (the report, its structure, mentions, entities and
    relations), so a report can be replaced or retracted in a store by dropping its graph; the
    union of the graphs is ``to_graph(corpus)``.
    """
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    for document in corpus.documents:
        graph = dataset.graph(report_iri(document.report))
        graph.addN((s, p, o, graph) for s, p, o in document_triples(document))
    return dataset
