"""The counts of :mod:`npcgraph.stats` and the network of :mod:`npcgraph.analytics`, from an
Oxigraph store with aggregate SPARQL queries (``queries/stats/*.rq``).

The same numbers as the rdflib versions give for the same graph, but counted in Oxigraph's
engine: one ``GROUP BY`` instead of a Python loop over millions of triples read one by one
through oxrdflib (the class counts of a 1,000-report store: 0.2 s instead of 62 s).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from .resources import queries_dir
from .storequery import Lit, literal_int, read_query, select

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from .stats import ReportSummary

__all__ = [
    "class_counts", "relation_counts", "totals", "entity_network", "report_summaries", "npc_predicates", "npc_classes",
    "acts_per_year", "report_dates",
]

_NPC = "https://w3id.org/npcgraph/ontology#"
_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def _rows(store: Any, name: str, substitutions: dict[str, Any] | None = None) -> Any:
    return select(store, read_query(queries_dir() / "stats", name), substitutions)


def npc_predicates(store: Any) -> list[str]:
    """The ``npc:`` properties the store's triples use, sorted."""
    return sorted(p for (p,) in _rows(store, "npc-predicates") if isinstance(p, str) and p.startswith(_NPC))


def _per_predicate(store: Any, name: str) -> Any:
    """The rows of the query ``name`` for each ``npc:`` property bound to ?predicate in turn
    (a scan of the predicate index each, not of every triple)."""
    import pyoxigraph

    for predicate in npc_predicates(store):
        yield from _rows(store, name, {"predicate": pyoxigraph.NamedNode(predicate)})


def npc_classes(store: Any) -> Counter[str]:
    """Nodes per ``npc:`` class (full IRIs)."""
    counts: Counter[str] = Counter()
    for cls, count in _rows(store, "class-counts"):
        if isinstance(cls, str) and cls.startswith(_NPC):
            counts[cls] += literal_int(count) or 0
    return counts


def _text(value: Any) -> str:
    return value.value if isinstance(value, Lit) else str(value)


def _local(iri: str) -> str:
    return iri[len(_NPC):]


def class_counts(store: Any) -> Counter[str]:
    """Instances per ``npc:`` class, plus the number of mentions and relations."""
    counts: Counter[str] = Counter()
    for cls, count in npc_classes(store).items():
        counts[_local(cls)] += count
    counts["(mentions)"] = sum(literal_int(count) or 0 for (count,) in _rows(store, "mention-count"))
    counts["(relations)"] = sum(relation_counts(store).values())
    return counts


def relation_counts(store: Any) -> Counter[str]:
    """Asserted ``npc:`` relations between two entities, by property."""
    counts: Counter[str] = Counter()
    for prop, count in _per_predicate(store, "relation-counts"):
        counts[_local(prop)] += literal_int(count) or 0
    return counts


def totals(store: Any) -> dict[str, int]:
    """The number of ``triples``, ``mentions`` (nif:Phrase) and evidence ``statements``."""
    found = {"triples": 0, "mentions": 0, "statements": 0}
    for what, count in _rows(store, "totals"):
        found[_text(what)] = literal_int(count) or 0
    return found


def _zh_first(values: list[Any]) -> str | None:
    """As :func:`npcgraph.analytics._zh_first`: a ``@zh`` literal first, then by text."""
    ranked = sorted(values, key=lambda v: (not (isinstance(v, Lit) and v.language == "zh"), _text(v)))
    return _text(ranked[0]) if ranked else None


def entity_network(store: Any) -> nx.MultiDiGraph:
    """:func:`npcgraph.analytics.entity_network` of the graph in ``store``."""
    from .analytics import assemble_network

    classes: dict[str, list[str]] = defaultdict(list)
    for entity, cls in _rows(store, "entities"):
        classes[entity].append(_local(cls))
    labels: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for node, prop, label in _rows(store, "labels"):
        if node in classes:
            labels[node][prop].append(label)
    mentions: Counter[str] = Counter()
    for entity, count in _rows(store, "mentions"):
        if isinstance(entity, str):
            mentions[entity] += literal_int(count) or 0
    evidence: Counter[tuple[str, str, str]] = Counter()
    for subject, predicate, obj, count in _rows(store, "evidence"):
        evidence[(_text(subject), _text(predicate), _text(obj))] += literal_int(count) or 0

    nodes = []
    for node in sorted(classes):
        names = labels.get(node, {})
        preferred = _zh_first(names.get(_PREF, [])) or _zh_first(names.get(_LABEL, [])) or node
        alternatives = sorted({_text(v) for v in names.get(_ALT, [])} - {preferred})
        nodes.append((node, sorted(classes[node])[0], preferred, alternatives, mentions[node]))
    edges = ((subject, _local(prop), obj) for subject, prop, obj in _per_predicate(store, "relations"))
    return assemble_network(nodes, edges, evidence)


def report_summaries(store: Any) -> list[ReportSummary]:
    """:func:`npcgraph.stats._report_summaries` of the graph in ``store``."""
    from .stats import ReportSummary

    reports: dict[str, tuple[Any, ...]] = {}
    for report, title, label, source_file, characters in _rows(store, "reports"):
        if report not in reports:
            reports[report] = (title, label, source_file, characters)
    kinds: dict[Any, Counter[str]] = defaultdict(Counter)
    for report, cls, count in _rows(store, "report-kinds"):
        kinds[report][_text(cls)] += literal_int(count) or 0
    entities = {report: literal_int(count) or 0 for report, count in _rows(store, "report-entities")}
    statements = {report: literal_int(count) or 0 for report, count in _rows(store, "report-statements")}
    summaries = []
    for report in sorted(reports):
        title, label, source_file, characters = reports[report]
        counts = kinds[report]
        summaries.append(
            ReportSummary(
                iri=report,
                title=next((t for t in (_text(title or ""), _text(label or "")) if t), ""),
                source_file=_text(source_file or ""),
                characters=literal_int(characters) or 0,
                sections=counts[_NPC + "Section"],
                paragraphs=counts[_NPC + "Paragraph"],
                sentences=counts[_NPC + "Sentence"] or counts[_NIF + "Sentence"],
                mentions=counts[_NIF + "Phrase"],
                entities=entities.get(report, 0),
                statements=statements.get(report, 0),
            )
        )
    return summaries


def acts_per_year(store: Any) -> Counter[str]:
    """:func:`npcgraph.stats.acts_per_year` of the graph in ``store``."""
    counts: Counter[str] = Counter()
    for date, count in _rows(store, "acts-per-year"):
        counts[_text(date)[:4]] += literal_int(count) or 0
    return counts


def report_dates(store: Any) -> dict[str, str]:
    """Each report's IRI and its date (empty when it has none)."""
    found: dict[str, str] = {}
    for report, date in _rows(store, "report-dates"):
        if date is not None or report not in found:
            found[report] = _text(date) if date is not None else ""
    return found
