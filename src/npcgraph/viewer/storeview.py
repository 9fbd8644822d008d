"""An Oxigraph store read as the viewer sees it, with a few SPARQL queries.

The viewer's one reader: the :class:`~npcgraph.viewer.graphview.GraphView` of any graph (an
rdflib Graph or a file is loaded into an Oxigraph store first), read with
the queries of ``assets/queries/`` in Oxigraph's engine: one query per kind of thing (entities,
relations, statements, mentions, sentences, names) instead of a triple lookup per node and
property, which through oxrdflib took minutes on a 1,000-report store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from ..analytics import npc_predicates
from ..namespaces import TEXT_PROPERTIES
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


_BATCH = 2000  # IRIs bound per query by a VALUES block


def _values(query: str, variable: str, iris: Iterable[str]) -> str:
    """``query`` with ``?variable`` bound to each of ``iris`` (a VALUES block opening its WHERE)."""
    block = " ".join(f"<{iri}>" for iri in iris)
    head, brace, rest = query.partition("WHERE {")
    return f"{head}{brace}\n  VALUES ?{variable} {{ {block} }}{rest}"


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
    """The store's names, sentences and reports, fetched in batches as they are needed (a
    large page needs a fraction of them), turned into views on demand."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.values: dict[str, dict[str, list[Any]]] = {}
        self.raw_sentences: dict[str, tuple[Any, Any, Any, Any]] = {}
        self.sentences: dict[str, SentenceView | None] = {}
        self.reports: dict[str, ReportView] = {}
        self.texts: dict[str, str] = {}

    def names(self, nodes: Iterable[str]) -> None:
        """Read the names and figures (names.rq) of the ``nodes`` not read yet."""
        wanted = sorted({node for node in nodes if node not in self.values})
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start:start + _BATCH]
            for node in batch:
                self.values[node] = defaultdict(list)
            for node, prop, value in select(self.store, _values(_query("names"), "node", batch)):
                self.values[node][prop].append(value)

    def label(self, node: str, *properties: str) -> str | None:
        if node not in self.values:
            self.names((node,))
        values = self.values.get(node)
        if not values:
            return None
        for prop in properties:
            found = pick_label((v.value, v.language) for v in values.get(prop, ()) if isinstance(v, Lit))
            if found is not None:
                return found
        return None

    def value(self, node: str, prop: str) -> Any:
        if node not in self.values:
            self.names((node,))
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

    def fetch(self, nodes: Iterable[Any]) -> None:
        """Read the report, offsets and text of the sentences ``nodes`` not read yet: a few
        queries of ``_BATCH`` sentences each (VALUES), not one per sentence nor every sentence
        of the store (a large page needs a fraction of them)."""
        wanted = sorted({node for node in nodes if isinstance(node, str) and node not in self.raw_sentences})
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start:start + _BATCH]
            for sentence, report, begin, end, anchor in select(self.store, _values(_query("sentence"), "sentence", batch)):
                if isinstance(sentence, str) and sentence not in self.raw_sentences:
                    self.raw_sentences[sentence] = (report, begin, end, anchor)
            for node in batch:
                self.raw_sentences.setdefault(node, (None, None, None, None))

    def sentence(self, node: Any) -> SentenceView | None:
        if not isinstance(node, str):
            return None
        if node in self.sentences:
            return self.sentences[node]
        if node not in self.raw_sentences:
            self.fetch((node,))
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


def _edges(reader: _StoreReader, vocab: Vocabulary, entities: dict[str, EntityView]) -> tuple[
    dict[tuple[str, str, str], EdgeView], list[tuple[EdgeView, list[Any], str | None]], list[tuple[EdgeView, Any, str]],
]:
    """Every relation between two entities, and the statements of their evidence (their
    sentences are read by :func:`_evidence` for the entities a page shows)."""
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
        if predicate in TEXT_PROPERTIES:  # paragraphs and sentences: never drawn
            continue
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
    evidence: list[tuple[EdgeView, list[Any], str | None]] = []
    for (_, subject), (predicate, obj, posts, sources) in statements.items():
        edge = add(subject, predicate, obj)
        if edge is not None:
            evidence.append((edge, sources, pick_label((p.value, p.language) for p in posts if isinstance(p, Lit))))
    dated: list[tuple[EdgeView, Any, str]] = []
    for subject, predicate, obj, date, source in select(reader.store, _query("statement-dates")):
        edge = add(subject, predicate, obj)
        if edge is not None and isinstance(date, Lit):
            dated.append((edge, source, date.value))
    return edges, evidence, dated


def _evidence(reader: _StoreReader, evidence: list[tuple[EdgeView, list[Any], str | None]], dated: list[tuple[EdgeView, Any, str]], shown: set[str]) -> None:
    """The sentences behind the relations of the ``shown`` entities (what a page draws of them:
    the others' would only cost reading their sentences)."""
    evidence = [item for item in evidence if item[0].subject in shown or item[0].object in shown]
    dated = [item for item in dated if item[0].subject in shown or item[0].object in shown]
    reader.fetch([source for _, sources, _ in evidence for source in sources] + [source for _, source, _ in dated])
    for edge, sources, post in evidence:
        for source in sources:
            if sentence := reader.sentence(source):
                edge.evidence.add((sentence.iri, post))
    for edge, source, date in dated:
        if sentence := reader.sentence(source):
            add_date(edge, sentence.iri, date)


def _mention_counts(reader: _StoreReader, entities: dict[str, EntityView]) -> bool:
    """Every entity's number of mentions and the reports they are in, counted by the store."""
    found = False
    for target, count in select(reader.store, _query("mention-counts")):
        entity = entities.get(target) if isinstance(target, str) else None
        if entity is not None and (mentions := literal_int(count)):
            entity.mentions += mentions
            found = True
    return found


def _mention_reports(reader: _StoreReader, entities: dict[str, EntityView], shown: set[str]) -> None:
    """The reports the ``shown`` entities are mentioned in."""
    targets = sorted(shown)
    for start in range(0, len(targets), _BATCH):
        for target, report in select(reader.store, _values(_query("mention-reports"), "target", targets[start:start + _BATCH])):
            if (key := reader.report(report)):
                entities[target].reports.add(key)


def _mention_sentences(reader: _StoreReader, entities: dict[str, EntityView], shown: set[str]) -> None:
    """The sentences that mention the ``shown`` entities, with where each mention is: the
    evidence a page of those entities draws (the others' would only cost memory)."""
    seen: set[tuple[Any, Any]] = set()
    found = []
    targets = sorted(shown)
    for start in range(0, len(targets), _BATCH):
        for row in select(reader.store, _values(_query("mentions"), "target", targets[start:start + _BATCH])):
            if (row[0], row[1]) not in seen:
                seen.add((row[0], row[1]))
                found.append(row)
    reader.fetch(row[2] for row in found)
    for phrase, target, sentence_node, begin, end, anchor in found:
        sentence = reader.sentence(sentence_node)
        if sentence is None:
            continue
        mark(entities[target], sentence, literal_int(begin), literal_int(end), "" if anchor is None else _text(anchor))


def _names(reader: _StoreReader, entities: dict[str, EntityView], nodes: Iterable[str]) -> None:
    """The labels, aliases and figures of the entities ``nodes``."""
    nodes = sorted(nodes)
    reader.names(nodes)
    for entity in map(entities.__getitem__, nodes):
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


def read_store(
    store: Any, vocab: Vocabulary, choose: Callable[[GraphView], Selection], *, names: bool = True,
) -> tuple[GraphView, Selection]:
    """What the viewer draws from the pyoxigraph ``store`` (its default graph): every entity
    and relation with its class and mention count, and the entities ``choose`` picks from them
    with their names, reports and evidence sentences (a page shows no other entity's, and a
    large store has millions of them). ``names``: every entity's names are read before
    ``choose`` (which looks them up to find a focus); without it, only the chosen ones'."""
    reader = _StoreReader(store)
    entities = _entities(store, vocab)
    edges, evidence, dated = _edges(reader, vocab, entities)
    has_mentions = _mention_counts(reader, entities)
    links = list(select(store, _query("report-links")))
    reader.names({report for report, _ in links if isinstance(report, str)})
    for report, target in links:
        if target is None:
            reader.report(report)
        elif isinstance(target, str) and target in entities and (key := reader.report(report)):
            entities[target].reports.add(key)
    if names:
        _names(reader, entities, entities)
    view = GraphView(entities, edges, {}, reader.reports, has_mentions)
    selection = choose(view)
    shown = set(selection.entities)
    if not names:
        _names(reader, entities, shown)
    _evidence(reader, evidence, dated, shown)
    add_edge_reports(entities, {key: edge for key, edge in edges.items() if edge.subject in shown or edge.object in shown}, reader.sentences)
    _mention_reports(reader, entities, shown)
    _mention_sentences(reader, entities, shown)
    view.sentences.update((key, sentence) for key, sentence in reader.sentences.items() if sentence is not None)
    return view, selection
