"""An rdflib graph read as the viewer sees it: entities, relations between them, evidence.

Entities are the IRIs typed with an ``npc:`` class that is not part of the text's structure
(Report, Section, Paragraph, Sentence), plus the untyped ends of ``npc:`` relations (a
CONSTRUCT result may carry the relation without the types). NIF plumbing (reports, sentences,
phrases, statements) is read only as evidence: each mention (``nif:Phrase`` whose
``itsrdf:taIdentRef`` is the entity) points at its sentence, each fact's ``rdf:Statement`` at the
sentences it was derived from. Any of these triples may be missing; the view keeps what there is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from ..namespaces import DCTERMS, ID, ITSRDF, NIF, NPC, PROV, RDF, RDFS, SKOS
from .vocabulary import STRUCTURAL_CLASSES, Vocabulary, local_name

__all__ = ["GraphView", "EntityView", "EdgeView", "SentenceView", "ReportView", "read_graph"]

_NPC = str(NPC)
_PLUMBING_TYPES = frozenset({
    NIF.Context, NIF.Sentence, NIF.Paragraph, NIF.Phrase, NIF.String, NIF.Structure,
    RDF.Statement, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.Ontology,
    RDFS.Class, RDF.Property, *(NPC[name] for name in STRUCTURAL_CLASSES),
})
_PLUMBING_PREFIXES = (_NPC, str(ID["report/"]), str(ID["stmt/"]))
_CHAR_FRAGMENT = re.compile(r"#char=(\d+),(\d+)$")
_REPORT_LINKS = (DCTERMS.creator, DCTERMS.publisher, NPC.reportingBody)


@dataclass(slots=True)
class SentenceView:
    iri: str
    text: str
    report: str | None
    begin: int  # in the report, for ordering; -1 when unknown
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # (begin, end, entity) in the sentence


@dataclass(slots=True)
class EntityView:
    iri: str
    label: str
    cls: str | None  # most specific npc: class, None when untyped
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    sentences: set[str] = field(default_factory=set)
    reports: set[str] = field(default_factory=set)


@dataclass(slots=True)
class EdgeView:
    subject: str
    predicate: str  # local name of the npc: property
    object: str
    evidence: set[tuple[str, str | None]] = field(default_factory=set)  # (sentence, post)
    dates: dict[str, str] = field(default_factory=dict)  # sentence -> the act's date there (npc:date)


@dataclass(slots=True)
class ReportView:
    iri: str
    label: str


@dataclass(slots=True)
class GraphView:
    entities: dict[str, EntityView]
    edges: dict[tuple[str, str, str], EdgeView]
    sentences: dict[str, SentenceView]
    reports: dict[str, ReportView]
    has_mentions: bool


def _int(value: object) -> int | None:
    if isinstance(value, Literal):
        try:
            return int(value.toPython())
        except (TypeError, ValueError):
            return None
    return None


def pick_label(names: Iterable[tuple[str, str]]) -> str | None:
    """Of (text, language) pairs, the name to show: Chinese, then untagged, then any language;
    the smallest of those for determinism."""
    names = list(names)
    for wanted in ("zh", "", None):
        found = sorted(text for text, language in names if wanted is None or language.lower().split("-")[0] == wanted)
        if found:
            return found[0]
    return None


def _label(graph: Graph, node: URIRef, *predicates: URIRef) -> str | None:
    """The first label found, preferring Chinese, then untagged, then any language."""
    for predicate in predicates:
        label = pick_label(
            (str(lit), lit.language or "") for lit in graph.objects(node, predicate) if isinstance(lit, Literal)
        )
        if label is not None:
            return label
    return None


def statistic_label(value: str | None, unit: str, approximate: str, counted: str) -> str:
    """325个代表小组: the number, its measure word and what it counts."""
    if value is None:
        return counted
    try:
        number = format(Decimal(value).normalize(), "f")
    except InvalidOperation:
        number = value
    return f"{'约' if approximate.lower() == 'true' else ''}{number}{unit}{counted}"


def _statistic_label(graph: Graph, node: URIRef, counted: str) -> str:
    value = graph.value(node, NPC.value)
    unit = _label(graph, node, NPC.unit) or ""
    return statistic_label(None if value is None else str(value), unit, str(graph.value(node, NPC.approximate)), counted)


def sentence_view(key: str, report: str | None, begin: int | None, end: int | None, anchor: str | None,
                  report_text: Callable[[str], str | None]) -> SentenceView | None:
    """The sentence's text and report (its anchor, else its span of the report's text);
    None when there is no text for it."""
    if begin is None and (match := _CHAR_FRAGMENT.search(key)):
        begin, end = int(match[1]), int(match[2])
    text = anchor
    if text is None and report and begin is not None and end is not None:
        whole = report_text(report)
        text = whole[begin:end] if whole and end <= len(whole) else None
    return SentenceView(key, text, report, -1 if begin is None else begin) if text else None


def mark(entity: EntityView, sentence: SentenceView, begin: int | None, end: int | None, anchor: str) -> None:
    """Record a mention of ``entity`` in ``sentence``: where it is, by offsets or by its text."""
    entity.sentences.add(sentence.iri)
    span: tuple[int, int] | None = None
    if begin is not None and end is not None and sentence.begin >= 0:
        span = (begin - sentence.begin, end - sentence.begin)
        if not (0 <= span[0] < span[1] <= len(sentence.text)) or (anchor and sentence.text[span[0]:span[1]] != anchor):
            span = None
    if span is None and anchor and (at := sentence.text.find(anchor)) >= 0:
        span = (at, at + len(anchor))
    if span is not None:
        sentence.marks.append((span[0], span[1], entity.iri))


class _Reader:
    def __init__(self, graph: Graph, vocab: Vocabulary) -> None:
        self.graph = graph
        self.vocab = vocab
        self.sentences: dict[str, SentenceView | None] = {}
        self.reports: dict[str, ReportView] = {}
        self.texts: dict[str, str] = {}

    def plumbing(self) -> set[URIRef]:
        nodes = {s for s, o in self.graph.subject_objects(RDF.type) if o in _PLUMBING_TYPES}
        nodes.update(self.graph.subjects(RDF.subject, None))
        nodes.update(self.graph.subjects(ITSRDF.taIdentRef, None))
        return nodes

    def report(self, node: object) -> str | None:
        if not isinstance(node, URIRef):
            return None
        key = str(node)
        if key not in self.reports:
            graph = self.graph
            label = (
                _label(graph, node, DCTERMS.title, RDFS.label)
                or (str(graph.value(node, NPC.sourceFile) or "") or local_name(node))
            )
            self.reports[key] = ReportView(key, label)
        return key

    def report_text(self, report: str) -> str | None:
        if report not in self.texts:
            text = self.graph.value(URIRef(report), NIF.isString)
            self.texts[report] = str(text) if text is not None else ""
        return self.texts[report] or None

    def sentence(self, node: object) -> SentenceView | None:
        """The sentence's text and report; None when the graph has no text for it."""
        if not isinstance(node, URIRef):
            return None
        key = str(node)
        if key in self.sentences:
            return self.sentences[key]
        graph = self.graph
        report = self.report(graph.value(node, NIF.referenceContext))
        begin, end = _int(graph.value(node, NIF.beginIndex)), _int(graph.value(node, NIF.endIndex))
        anchor = graph.value(node, NIF.anchorOf)
        view = sentence_view(key, report, begin, end, str(anchor) if anchor is not None else None, self.report_text)
        self.sentences[key] = view
        return view


def _entities(reader: _Reader, plumbing: set[URIRef]) -> dict[str, EntityView]:
    graph, vocab = reader.graph, reader.vocab
    typed: dict[URIRef, set[str]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        if (
            isinstance(node, URIRef) and node not in plumbing
            and str(cls).startswith(_NPC) and local_name(cls) not in STRUCTURAL_CLASSES
            and not str(node).startswith(_PLUMBING_PREFIXES)
        ):
            typed[node].add(local_name(cls))
    entities: dict[str, EntityView] = {}
    for node, classes in typed.items():
        entities[str(node)] = EntityView(str(node), "", vocab.most_specific(classes))
    return entities


def _is_entity_end(node: object, plumbing: set[URIRef]) -> bool:
    return isinstance(node, URIRef) and node not in plumbing and not str(node).startswith(_PLUMBING_PREFIXES)


def _edges(reader: _Reader, entities: dict[str, EntityView], plumbing: set[URIRef]) -> dict[tuple[str, str, str], EdgeView]:
    graph, vocab = reader.graph, reader.vocab
    edges: dict[tuple[str, str, str], EdgeView] = {}

    def add(subject: object, predicate: object, obj: object) -> EdgeView | None:
        if not (str(predicate).startswith(_NPC) and _is_entity_end(subject, plumbing) and _is_entity_end(obj, plumbing)):
            return None
        name = local_name(predicate)
        if name in vocab.inverse_of:  # enactedBy: draw it the way the contract asserts it
            name, subject, obj = vocab.inverse_of[name], obj, subject
        for node in (subject, obj):
            entities.setdefault(str(node), EntityView(str(node), "", None))
        key = (str(subject), name, str(obj))
        return edges.setdefault(key, EdgeView(*key))

    for predicate in sorted({p for p in graph.predicates() if str(p).startswith(_NPC)}):
        for subject, obj in graph.subject_objects(predicate):
            add(subject, predicate, obj)
    for statement, subject in graph.subject_objects(RDF.subject):
        edge = add(subject, graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        if edge is None:
            continue
        post = _label(graph, statement, NPC.post)
        date = graph.value(statement, NPC.date)
        for source in graph.objects(statement, PROV.wasDerivedFrom):
            if sentence := reader.sentence(source):
                edge.evidence.add((sentence.iri, post))
                if date is not None:
                    add_date(edge, sentence.iri, str(date))
    return edges


def add_date(edge: EdgeView, sentence: str, date: str) -> None:
    """The act's date in ``sentence`` (the earliest, should two statements give two)."""
    known = edge.dates.get(sentence)
    edge.dates[sentence] = date if known is None else min(known, date)


def _mentions(reader: _Reader, entities: dict[str, EntityView]) -> bool:
    graph = reader.graph
    found = False
    for phrase, target in graph.subject_objects(ITSRDF.taIdentRef):
        entity = entities.get(str(target))
        if entity is None:
            continue
        found = True
        entity.mentions += 1
        if report := reader.report(graph.value(phrase, NIF.referenceContext)):
            entity.reports.add(report)
        sentence = reader.sentence(graph.value(phrase, NIF.sentence))
        if sentence is None:
            continue
        begin, end = _int(graph.value(phrase, NIF.beginIndex)), _int(graph.value(phrase, NIF.endIndex))
        mark(entity, sentence, begin, end, str(graph.value(phrase, NIF.anchorOf) or ""))
    return found


def _names(graph: Graph, entities: dict[str, EntityView]) -> None:
    for entity in entities.values():
        node = URIRef(entity.iri)
        label = _label(graph, node, RDFS.label, SKOS.prefLabel) or local_name(node)
        names = {str(lit) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for lit in graph.objects(node, p) if isinstance(lit, Literal)}
        entity.aliases = tuple(sorted(names - {label}))
        entity.label = _statistic_label(graph, node, label) if entity.cls == "Statistic" else label


def add_edge_reports(entities: dict[str, EntityView], edges: dict[tuple[str, str, str], EdgeView], sentences: dict[str, SentenceView | None]) -> None:
    """An entity appears in the reports of the sentences stating its relations."""
    for edge in edges.values():
        reports = {sentences[iri].report for iri, _ in edge.evidence}  # type: ignore[union-attr]
        for end in (edge.subject, edge.object):
            entities[end].reports.update(r for r in reports if r)


def read_graph(graph: Graph, vocab: Vocabulary) -> GraphView:
    """Everything the viewer can draw from ``graph``."""
    reader = _Reader(graph, vocab)
    plumbing = reader.plumbing()
    entities = _entities(reader, plumbing)
    edges = _edges(reader, entities, plumbing)
    has_mentions = _mentions(reader, entities)
    _names(graph, entities)
    add_edge_reports(entities, edges, reader.sentences)
    for prop in _REPORT_LINKS:
        for report, target in graph.subject_objects(prop):
            if str(target) in entities and (key := reader.report(report)):
                entities[str(target)].reports.add(key)
    for report in graph.subjects(RDF.type, NPC.Report):
        reader.report(report)
    sentences = {key: view for key, view in reader.sentences.items() if view is not None}
    return GraphView(entities, edges, sentences, reader.reports, has_mentions)
