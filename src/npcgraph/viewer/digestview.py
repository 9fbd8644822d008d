"""What the viewer draws of a build, read from the reports' digests instead of the store.

:func:`read_digests` gives the :class:`~npcgraph.viewer.graphview.GraphView` and the selection
that :func:`~npcgraph.viewer.storeview.read_store` reads from the store holding the graph of
the same digests (:mod:`npcgraph.digest`), and so the same page (tested on the bundled report,
the test cases and generated reports, both provenances): every entity with its class and
mention count, every relation between entities, then, for the entities the page shows, their
names, the sentences behind their relations, the reports they are in and their mention
sentences. Each step follows the store's query of the same name (``assets/queries/``), over
the digests' tuples: a pass over the corpus's mentions and statements, no query.

``npcgraph build`` draws graph.html this way (a 1,000-report page: seconds, not the half a
minute the store's queries took); ``npcgraph view`` of a graph file or store reads the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..digest import Digest, merged_entities
from ..namespaces import ID, NPC, TEXT_PROPERTIES
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
    statistic_label,
)
from .select import Selection
from .vocabulary import STRUCTURAL_CLASSES, Vocabulary, local_name

__all__ = ["read_digests"]

_ID = str(ID)
_NPC = str(NPC)
_REPORT = _ID + "report/"


def _sentence_iri(report: str, begin: int, end: int) -> str:
    return f"{_REPORT}{report}#char={begin},{end}"


class _Nodes:
    """The sentences and phrases of the graph by IRI (what sentence.rq reads of a node): their
    report, offsets and text, made into views as they are asked for, one view per node."""

    def __init__(self, digests: Sequence[Digest]) -> None:
        self.digests = {digest.key: digest for digest in digests}
        self.sentences: dict[str, set[tuple[int, int]]] = {}
        self.phrases: dict[str, set[tuple[int, int]]] = {}
        self.views: dict[tuple[str, int, int], SentenceView | None] = {}

    def _exists(self, digest: Digest, span: tuple[int, int]) -> bool:
        sentences = self.sentences.get(digest.key)
        if sentences is None:
            sentences = self.sentences[digest.key] = set(digest.nodes)
        if span in sentences:
            return True
        phrases = self.phrases.get(digest.key)
        if phrases is None:
            phrases = self.phrases[digest.key] = {(begin, end) for _, begin, end, _, _ in digest.mentions}
        return span in phrases

    def view(self, report: str, begin: int, end: int) -> SentenceView | None:
        node = (report, begin, end)
        if node in self.views:
            return self.views[node]
        view = None
        digest = self.digests.get(report)
        if digest is not None and self._exists(digest, (begin, end)):
            text = digest.text[begin:end]
            view = SentenceView(_sentence_iri(report, begin, end), text, _REPORT + report, begin) if text else None
        self.views[node] = view
        return view

    def by_iri(self) -> dict[str, SentenceView]:
        return {view.iri: view for view in self.views.values() if view is not None}


def _names(entities: dict[str, EntityView], merged: Mapping[str, tuple[tuple, set[str]]], nodes: Sequence[str]) -> None:
    """names.rq: the labels, aliases and figures of the entities ``nodes``."""
    for iri in sorted(nodes):
        entity = entities[iri]
        found = merged.get(iri[len(_ID):]) if iri.startswith(_ID) else None
        if found is None:  # an untyped end of a relation: no names in the graph
            entity.label, entity.aliases = local_name(iri), ()
            continue
        fields, alt_labels = found
        label = fields[2] or local_name(iri)
        entity.aliases = tuple(sorted(({fields[2]} | alt_labels) - {label}))
        if entity.cls == "Statistic":
            value, approximate, unit = fields[4], fields[5], fields[6]
            entity.label = statistic_label(
                value, unit or "", "None" if value is None else ("true" if approximate else "false"), label,
            )
        else:
            entity.label = label


def read_digests(
    digests: Sequence[Digest], vocab: Vocabulary, choose: Callable[[GraphView], Selection], *, names: bool = True,
    merged: Mapping[str, tuple[tuple, set[str]]] | None = None,
) -> tuple[GraphView, Selection]:
    """What the viewer draws of the graph of ``digests`` (in corpus order, by report key):
    :func:`~npcgraph.viewer.storeview.read_store`'s view and selection, from the digests
    (``merged``: their :func:`~npcgraph.digest.merged_entities`, when already made)."""
    merged = merged_entities(digests) if merged is None else merged
    # entities.rq: typed with an npc: class that is not of the text's structure, no plumbing
    entities: dict[str, EntityView] = {}
    plumbing: set[str] = set()  # typed as the text's structure: never an end of a relation
    specific: dict[str, str] = {}
    for key, (fields, _) in merged.items():
        iri = _ID + key
        cls = fields[1]
        if cls in STRUCTURAL_CLASSES:
            plumbing.add(iri)
        elif not iri.startswith(_PLUMBING_PREFIXES):
            if cls not in specific:
                specific[cls] = vocab.most_specific((cls,))
            entities[iri] = EntityView(iri, "", specific[cls])

    edges: dict[tuple[str, str, str], EdgeView] = {}
    inverse_of = vocab.inverse_of

    def add(subject: str, predicate: str, obj: str) -> EdgeView | None:
        if subject not in entities or obj not in entities:
            if subject.startswith(_PLUMBING_PREFIXES) or obj.startswith(_PLUMBING_PREFIXES) or subject in plumbing or obj in plumbing:
                return None
        if predicate in inverse_of:
            predicate, subject, obj = inverse_of[predicate], obj, subject
        key = (subject, predicate, obj)
        edge = edges.get(key)
        if edge is None:
            for end in (subject, obj):
                if end not in entities:
                    entities[end] = EntityView(end, "", None)
            edge = edges[key] = EdgeView(*key)
        return edge

    # relations.rq, then statements.rq and statement-dates.rq: one statement per fact and sentence
    statements: dict[tuple, list[Any]] = {}
    for digest in digests:
        for subject, predicate, obj, post, evidence in digest.relations:
            if _NPC + predicate not in TEXT_PROPERTIES:
                add(_ID + subject, predicate, _ID + obj)
            for report, begin, end, date, _, _ in evidence:
                found = statements.get((subject, predicate, obj, report, begin, end))
                if found is None:
                    found = statements[subject, predicate, obj, report, begin, end] = [set(), set()]
                if post:
                    found[0].add(post)
                if date:
                    found[1].add(date)
    evidence_items: list[tuple[EdgeView, tuple[str, int, int], str | None]] = []
    dated: list[tuple[EdgeView, tuple[str, int, int], str]] = []
    for (subject, predicate, obj, report, begin, end), (posts, dates) in statements.items():
        edge = add(_ID + subject, predicate, _ID + obj)
        if edge is None:
            continue
        source = (report, begin, end)
        evidence_items.append((edge, source, pick_label((post, "zh") for post in posts) if posts else None))
        for date in dates:
            dated.append((edge, source, date))

    # mention-counts.rq: phrases naming each node
    mention_counts: Counter[str] = Counter()
    for digest in digests:
        mention_counts.update(entity for entity, _, _, _, _ in digest.mentions)
    has_mentions = False
    for key, count in mention_counts.items():
        entity = entities.get(_ID + key)
        if entity is not None and count:
            entity.mentions += count
            has_mentions = True

    # report-links.rq
    reports: dict[str, ReportView] = {}
    for digest in digests:
        report = _REPORT + digest.key
        reports[report] = ReportView(report, digest.label or local_name(report))
        for target in digest.links:
            if target and (entity := entities.get(_ID + target)) is not None:
                entity.reports.add(report)
    if names:
        _names(entities, merged, list(entities))
    view = GraphView(entities, edges, {}, reports, has_mentions)
    selection = choose(view)
    shown = set(selection.entities)
    if not names:
        _names(entities, merged, sorted(shown))

    nodes = _Nodes(digests)
    for edge, (report, begin, end), post in evidence_items:
        if (edge.subject in shown or edge.object in shown) and (sentence := nodes.view(report, begin, end)):
            edge.evidence.add((sentence.iri, post))
    for edge, (report, begin, end), date in dated:
        if (edge.subject in shown or edge.object in shown) and (sentence := nodes.view(report, begin, end)):
            add_date(edge, sentence.iri, date)
    add_edge_reports(entities, {key: edge for key, edge in edges.items() if edge.subject in shown or edge.object in shown}, nodes.by_iri())

    # mention-reports.rq and mentions.rq for the entities shown
    shown_keys = {iri[len(_ID):] for iri in shown if iri.startswith(_ID)}
    for digest in digests:
        report = _REPORT + digest.key
        for entity_key, begin, end, sentence_begin, sentence_end in digest.mentions:
            if entity_key not in shown_keys:
                continue
            entity = entities[_ID + entity_key]
            entity.reports.add(report)
            sentence = nodes.view(digest.key, sentence_begin, sentence_end)
            if sentence is not None:
                mark(entity, sentence, begin, end, digest.text[begin:end])
    view.sentences.update(nodes.by_iri())
    return view, selection
