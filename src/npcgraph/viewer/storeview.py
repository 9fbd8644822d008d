"""An Oxigraph store read as the viewer sees it, with a few SPARQL queries.

The viewer's one reader: the :class:`~npcgraph.viewer.graphview.GraphView` of any graph (an
rdflib Graph or a file is loaded into an Oxigraph store first), read with
the queries of ``assets/queries/`` in Oxigraph's engine: one query per kind of thing (entities,
relations, statements, mentions, sentences, names) instead of a triple lookup per node and
property, which through oxrdflib took minutes on a 1,000-report store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from ..analytics import npc_predicates
from ..stats import npc_classes
from ..store import Blank, Lit, literal_int, read_query, select
from .graphview import (
    _PLUMBING_PREFIXES,
    EdgeView,
    EntityView,
    GraphView,
    ReportView,
    SentenceView,
    add_date,
    add_edge_reports,
    mark,
    pick_label,
    sentence_view,
    statistic_label,
)
from .vocabulary import STRUCTURAL_CLASSES, Vocabulary, extended, local_name, terms_of, vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from .select import Selection

__all__ = ["read_store", "store_vocabulary"]

_NPC = "https://w3id.org/npcgraph/ontology#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCTERMS = "http://purl.org/dc/terms/"
_OWL_INVERSE = "http://www.w3.org/2002/07/owl#inverseOf"
_LABEL, _PREF, _ALT = _RDFS + "label", _SKOS + "prefLabel", _SKOS + "altLabel"
_TITLE, _SOURCE_FILE = _DCTERMS + "title", _NPC + "sourceFile"
_VALUE, _UNIT, _APPROXIMATE = _NPC + "value", _NPC + "unit", _NPC + "approximate"


def _query(name: str) -> str:
    return read_query(Path(str(files(__package__).joinpath("assets", "queries"))), name)


def _text(value: Any) -> str:
    """What ``str()`` of the rdflib term gives: a literal's value, an IRI, a blank node's id."""
    if isinstance(value, Lit):
        return value.value
    if isinstance(value, Blank):
        return value.id
    return "" if value is None else value


def store_vocabulary(store: Any) -> Vocabulary:
    """The ontology's vocabulary, completed by the terms the store declares itself."""
    sub_properties, sub_classes, inverses, labels = [], [], [], []
    for kind, term, value in select(store, _query("vocabulary")):
        if isinstance(term, Blank) or term is None:
            continue
        if kind == _LABEL:
            if isinstance(value, Lit):
                labels.append((term, value.value, value.language))
        elif kind == _OWL_INVERSE:
            inverses.append((term, _text(value)))
        elif kind == _RDFS + "subClassOf":
            sub_classes.append((term, _text(value)))
        else:
            sub_properties.append((term, _text(value)))
    return extended(vocabulary(), terms_of(sub_properties, labels, sub_classes, inverses))


class _StoreReader:
    """The store's names, sentences and reports, fetched once, turned into views on demand."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.values: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for node, prop, value in select(store, _query("names")):
            if isinstance(node, str):
                self.values[node][prop].append(value)
        self.raw_sentences: dict[str, tuple[Any, Any, Any, Any]] = {}
        for sentence, report, begin, end, anchor in select(store, _query("sentences")):
            if isinstance(sentence, str) and sentence not in self.raw_sentences:
                self.raw_sentences[sentence] = (report, begin, end, anchor)
        self.sentences: dict[str, SentenceView | None] = {}
        self.reports: dict[str, ReportView] = {}
        self.texts: dict[str, str] = {}

    def label(self, node: str, *properties: str) -> str | None:
        values = self.values.get(node)
        if not values:
            return None
        for prop in properties:
            found = pick_label((v.value, v.language) for v in values.get(prop, ()) if isinstance(v, Lit))
            if found is not None:
                return found
        return None

    def value(self, node: str, prop: str) -> Any:
        values = self.values.get(node)
        found = values.get(prop) if values else None
        return found[0] if found else None

    def report(self, node: Any) -> str | None:
        if not isinstance(node, str):
            return None
        if node not in self.reports:
            label = self.label(node, _TITLE, _LABEL) or (_text(self.value(node, _SOURCE_FILE)) or local_name(node))
            self.reports[node] = ReportView(node, label)
        return node

    def report_text(self, report: str) -> str | None:
        if report not in self.texts:
            rows = list(select(self.store, _query("report-text"), {"report": pyoxigraph.NamedNode(report)}))
            self.texts[report] = _text(rows[0][1]) if rows else ""
        return self.texts[report] or None

    def sentence(self, node: Any) -> SentenceView | None:
        if not isinstance(node, str):
            return None
        if node in self.sentences:
            return self.sentences[node]
        if node not in self.raw_sentences:  # evidence that is not typed nif:Sentence
            rows = select(self.store, _query("sentence"), {"sentence": pyoxigraph.NamedNode(node)})
            self.raw_sentences[node] = next((row[1:] for row in rows), (None, None, None, None))
        report, begin, end, anchor = self.raw_sentences[node]
        view = sentence_view(
            node, self.report(report), literal_int(begin), literal_int(end),
            None if anchor is None else _text(anchor), self.report_text,
        )
        self.sentences[node] = view
        return view


def _entities(store: Any, vocab: Vocabulary) -> dict[str, EntityView]:
    typed: dict[str, set[str]] = defaultdict(set)
    for cls in sorted(npc_classes(store)):
        name = local_name(cls)
        if name in STRUCTURAL_CLASSES:
            continue
        for node, _ in select(store, _query("entities"), {"class": pyoxigraph.NamedNode(cls)}):
            if not node.startswith(_PLUMBING_PREFIXES):
                typed[node].add(name)
    return {node: EntityView(node, "", vocab.most_specific(classes)) for node, classes in typed.items()}


def _edges(reader: _StoreReader, vocab: Vocabulary, entities: dict[str, EntityView]) -> dict[tuple[str, str, str], EdgeView]:
    edges: dict[tuple[str, str, str], EdgeView] = {}
    ends: dict[str, bool] = {}  # node -> whether it may end a relation (no plumbing)

    def entity_end(node: Any) -> bool:
        if not isinstance(node, str) or node.startswith(_PLUMBING_PREFIXES):
            return False
        if node in entities:
            return True
        if node not in ends:
            plumbing = select(reader.store, _query("plumbing"), {"node": pyoxigraph.NamedNode(node)})
            ends[node] = next(plumbing, None) is None
        return ends[node]

    def add(subject: Any, predicate: Any, obj: Any) -> EdgeView | None:
        if not (isinstance(predicate, str) and predicate.startswith(_NPC) and entity_end(subject) and entity_end(obj)):
            return None
        name = local_name(predicate)
        if name in vocab.inverse_of:  # enactedBy: draw it the way the contract asserts it
            name, subject, obj = vocab.inverse_of[name], obj, subject
        for end in (subject, obj):
            if end not in entities:
                entities[end] = EntityView(end, "", None)
        key = (subject, name, obj)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = EdgeView(*key)
        return edge

    for predicate in npc_predicates(reader.store):
        for subject, _, obj in select(reader.store, _query("relations"), {"predicate": pyoxigraph.NamedNode(predicate)}):
            add(subject, predicate, obj)
    statements: dict[tuple[Any, Any], list[Any]] = {}  # (statement, subject) -> predicate, object, posts, sources
    for statement, subject, predicate, obj, post, source in select(reader.store, _query("statements")):
        found = statements.get((statement, subject))
        if found is None:
            found = statements[statement, subject] = [predicate, obj, [], []]
        if post is not None and post not in found[2]:
            found[2].append(post)
        if source is not None and source not in found[3]:
            found[3].append(source)
    for (_, subject), (predicate, obj, posts, sources) in statements.items():
        edge = add(subject, predicate, obj)
        if edge is None:
            continue
        post = pick_label((p.value, p.language) for p in posts if isinstance(p, Lit))
        for source in sources:
            if sentence := reader.sentence(source):
                edge.evidence.add((sentence.iri, post))
    for subject, predicate, obj, date, source in select(reader.store, _query("statement-dates")):
        edge = add(subject, predicate, obj)
        if edge is not None and isinstance(date, Lit) and (sentence := reader.sentence(source)):
            add_date(edge, sentence.iri, date.value)
    return edges


def _mention_counts(reader: _StoreReader, entities: dict[str, EntityView]) -> bool:
    """Every entity's number of mentions and the reports they are in, counted by the store."""
    found = False
    for target, count in select(reader.store, _query("mention-counts")):
        entity = entities.get(target) if isinstance(target, str) else None
        if entity is not None and (mentions := literal_int(count)):
            entity.mentions += mentions
            found = True
    for target, report in select(reader.store, _query("mention-reports")):
        entity = entities.get(target) if isinstance(target, str) else None
        if entity is not None and (key := reader.report(report)):
            entity.reports.add(key)
    return found


def _mention_sentences(reader: _StoreReader, entities: dict[str, EntityView], shown: set[str]) -> None:
    """The sentences that mention the ``shown`` entities, with where each mention is: the
    evidence a page of those entities draws (the others' would only cost memory)."""
    seen: set[tuple[Any, Any]] = set()
    for phrase, target, sentence_node, begin, end, anchor in select(reader.store, _query("mentions")):
        if target not in shown or (phrase, target) in seen:
            continue
        seen.add((phrase, target))
        sentence = reader.sentence(sentence_node)
        if sentence is None:
            continue
        mark(entities[target], sentence, literal_int(begin), literal_int(end), "" if anchor is None else _text(anchor))


def _names(reader: _StoreReader, entities: dict[str, EntityView]) -> None:
    for entity in entities.values():
        node = entity.iri
        label = reader.label(node, _LABEL, _PREF) or local_name(node)
        values = reader.values.get(node, {})
        names = {v.value for prop in (_LABEL, _PREF, _ALT) for v in values.get(prop, ()) if isinstance(v, Lit)}
        entity.aliases = tuple(sorted(names - {label}))
        if entity.cls == "Statistic":
            value = reader.value(node, _VALUE)
            approximate = reader.value(node, _APPROXIMATE)
            entity.label = statistic_label(
                None if value is None else _text(value), reader.label(node, _UNIT) or "",
                "None" if approximate is None else _text(approximate), label,
            )
        else:
            entity.label = label


def read_store(store: Any, vocab: Vocabulary, choose: Callable[[GraphView], Selection]) -> tuple[GraphView, Selection]:
    """What the viewer draws from the pyoxigraph ``store`` (its default graph): every entity
    and relation, and the entities ``choose`` picks from them with their mentions' sentences
    (a page shows no other entity's, and a large store has millions of them)."""
    reader = _StoreReader(store)
    entities = _entities(store, vocab)
    edges = _edges(reader, vocab, entities)
    has_mentions = _mention_counts(reader, entities)
    _names(reader, entities)
    add_edge_reports(entities, edges, reader.sentences)
    for report, target in select(store, _query("report-links")):
        if target is None:
            reader.report(report)
        elif isinstance(target, str) and target in entities and (key := reader.report(report)):
            entities[target].reports.add(key)
    view = GraphView(entities, edges, {}, reader.reports, has_mentions)
    selection = choose(view)
    _mention_sentences(reader, entities, set(selection.entities))
    view.sentences.update((key, sentence) for key, sentence in reader.sentences.items() if sentence is not None)
    return view, selection
