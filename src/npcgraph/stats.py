"""What a graph holds: counts by class and relation, central entities, components, reports.

Every count is an aggregate SPARQL query (``queries/stats/*.rq``) on the Oxigraph store that
reads the graph (:func:`npcgraph.store.as_store`: a store as it is, any other graph loaded into
one in memory): one ``GROUP BY`` instead of a Python loop over millions of triples (the class
counts of a 1,000-report store: 0.2 s where reading its triples one by one took 62 s).

``class_counts`` and ``relation_counts`` are cheap (the build summary prints them);
``graph_stats`` adds the network measures of ``analytics`` and a summary per report.
``format_stats`` and ``stats_to_dict`` turn the result into text or JSON-ready data; printing
is the command line's job.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph

from .analytics import centrality, components, entity_network, per_predicate, rows, text
from .controls import visible
from .namespaces import NIF, NPC, TEXT_CLASSES
from .store import as_store, literal_int

__all__ = [
    "TEXT_CLASSES",
    "npc_classes",
    "class_counts",
    "relation_counts",
    "acts_per_year",
    "ReportSummary",
    "Ranked",
    "GraphStats",
    "graph_stats",
    "stats_to_dict",
    "format_stats",
]

_NPC = str(NPC)
_NIF = str(NIF)


def _local(iri: str) -> str:
    return iri[len(_NPC):]


def npc_classes(store: pyoxigraph.Store) -> Counter[str]:
    """Nodes per ``npc:`` class (full IRIs)."""
    counts: Counter[str] = Counter()
    for cls, count in rows(store, "class-counts"):
        if isinstance(cls, str) and cls.startswith(_NPC):
            counts[cls] += literal_int(count) or 0
    return counts


def class_counts(graph: Any) -> Counter[str]:
    """Instances per ``npc:`` class, plus the number of mentions and relations."""
    store = as_store(graph)
    counts: Counter[str] = Counter()
    for cls, count in npc_classes(store).items():
        counts[_local(cls)] += count
    counts["(mentions)"] = sum(literal_int(count) or 0 for (count,) in rows(store, "mention-count"))
    counts["(relations)"] = sum(relation_counts(store).values())
    return counts


def relation_counts(graph: Any) -> Counter[str]:
    """Asserted ``npc:`` relations between two entities, by property."""
    counts: Counter[str] = Counter()
    for prop, count in per_predicate(as_store(graph), "relation-counts"):
        counts[_local(prop)] += literal_int(count) or 0
    return counts


def acts_per_year(graph: Any) -> Counter[str]:
    """Dated acts (evidence statements with an ``npc:date``) by the date's year."""
    counts: Counter[str] = Counter()
    for date, count in rows(as_store(graph), "acts-per-year"):
        counts[text(date)[:4]] += literal_int(count) or 0
    return counts


def _totals(store: pyoxigraph.Store) -> dict[str, int]:
    """The number of ``triples``, ``mentions`` (nif:Phrase) and evidence ``statements``."""
    found = {"triples": 0, "mentions": 0, "statements": 0}
    for what, count in rows(store, "totals"):
        found[text(what)] = literal_int(count) or 0
    return found


@dataclass(frozen=True, slots=True)
class ReportSummary:
    iri: str
    title: str
    source_file: str
    characters: int
    sections: int
    paragraphs: int
    sentences: int
    mentions: int
    entities: int  # distinct entities mentioned
    statements: int  # evidence statements derived from its sentences
    date: str = ""  # the report's own date (dcterms:date, from its metadata); empty when none


@dataclass(frozen=True, slots=True)
class Ranked:
    iri: str
    label: str
    cls: str
    value: float


@dataclass(frozen=True, slots=True)
class GraphStats:
    triples: int
    classes: dict[str, int]
    relations: dict[str, int]
    evidence: int
    entities: int
    top: dict[str, list[Ranked]] = field(default_factory=dict)  # measure -> best first
    component_sizes: list[int] = field(default_factory=list)  # largest first
    largest_component: list[str] = field(default_factory=list)  # labels, sorted
    reports: list[ReportSummary] = field(default_factory=list)
    acts_per_year: dict[str, int] = field(default_factory=dict)  # year -> dated acts


def _report_dates(store: pyoxigraph.Store) -> dict[str, str]:
    """Each report's IRI and its date (empty when it has none)."""
    found: dict[str, str] = {}
    for report, date in rows(store, "report-dates"):
        if date is not None or report not in found:
            found[report] = text(date) if date is not None else ""
    return found


def _report_summaries(store: pyoxigraph.Store) -> list[ReportSummary]:
    reports: dict[str, tuple[Any, ...]] = {}
    for report, title, label, source_file, characters in rows(store, "reports"):
        if report not in reports:
            reports[report] = (title, label, source_file, characters)
    kinds: dict[Any, Counter[str]] = defaultdict(Counter)
    for report, cls, count in rows(store, "report-kinds"):
        kinds[report][text(cls)] += literal_int(count) or 0
    entities = {report: literal_int(count) or 0 for report, count in rows(store, "report-entities")}
    statements = {report: literal_int(count) or 0 for report, count in rows(store, "report-statements")}
    dates = _report_dates(store)
    summaries = []
    for report in sorted(reports):
        title, label, source_file, characters = reports[report]
        counts = kinds[report]
        summaries.append(
            ReportSummary(
                iri=report,
                title=next((t for t in (text(title or ""), text(label or "")) if t), ""),
                source_file=text(source_file or ""),
                characters=literal_int(characters) or 0,
                sections=counts[_NPC + "Section"],
                paragraphs=counts[_NPC + "Paragraph"],
                sentences=counts[_NPC + "Sentence"] or counts[_NIF + "Sentence"],
                mentions=counts[_NIF + "Phrase"],
                entities=entities.get(report, 0),
                statements=statements.get(report, 0),
                date=dates.get(report, ""),
            )
        )
    return summaries


def graph_stats(graph: Any, top: int = 10) -> GraphStats:
    """Counts, the ``top`` entities by degree, betweenness and PageRank, components, reports."""
    store = as_store(graph)
    network = entity_network(store)
    scores = centrality(network)
    ranked: dict[str, list[Ranked]] = {}
    for measure in ("degree", "betweenness", "pagerank"):
        best = sorted(scores, key=lambda c: (-getattr(c, measure), c.label, c.node))[:top]
        ranked[measure] = [Ranked(c.node, c.label, c.cls, getattr(c, measure)) for c in best]
    found = components(network)
    counts = class_counts(store)
    totals = _totals(store)
    return GraphStats(
        triples=totals["triples"],
        classes={k: v for k, v in sorted(counts.items()) if not k.startswith("(")},
        relations=dict(sorted(relation_counts(store).items())),
        evidence=totals["statements"],
        entities=network.number_of_nodes(),
        top=ranked,
        component_sizes=[len(c) for c in found],
        largest_component=sorted(network.nodes[n]["label"] for n in found[0]) if found else [],
        reports=_report_summaries(store),
        acts_per_year=dict(sorted(acts_per_year(store).items())),
    )


def stats_to_dict(stats: GraphStats) -> dict[str, Any]:
    """JSON-ready: the same fields, plus the number of components."""
    data = asdict(stats)
    data["components"] = len(stats.component_sizes)
    return data


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[tuple[str, ...]], indent: str = "  ") -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    return [
        indent + "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip()
        for row in rows
    ]


def format_stats(stats: GraphStats) -> str:
    """A readable report of ``stats``."""
    lines = [f"Triples: {stats.triples}   entities: {stats.entities}   evidence statements: {stats.evidence}", "", "Classes:"]
    lines += _table([(name, str(count)) for name, count in sorted(stats.classes.items(), key=lambda i: (-i[1], i[0]))])
    lines += ["", "Relations:"]
    relations = sorted(stats.relations.items(), key=lambda i: (-i[1], i[0]))
    lines += _table([(name, str(count)) for name, count in relations]) if relations else ["  (none)"]
    for measure, title in (("degree", "degree"), ("betweenness", "betweenness"), ("pagerank", "PageRank")):
        lines += ["", f"Top entities by {title}:"]
        rows = [
            (f"{i}.", entry.label, entry.cls, f"{entry.value:g}" if measure == "degree" else f"{entry.value:.4f}")
            for i, entry in enumerate(stats.top.get(measure, []), 1)
        ]
        lines += _table(rows) if rows else ["  (no entities)"]
    sizes = stats.component_sizes
    lines += ["", f"Connected components: {len(sizes)}"]
    if sizes:
        shown = ", ".join(map(str, sizes[:10])) + (", …" if len(sizes) > 10 else "")
        lines.append(f"  sizes: {shown}   isolated entities: {sizes.count(1)}")
    lines += ["", "Acts per year (dated evidence statements):"]
    years = sorted(stats.acts_per_year.items())
    lines += _table([(year, str(count)) for year, count in years]) if years else ["  (no dated acts)"]
    lines += ["", "Reports:"]
    rows = [("report", "date", "characters", "sections", "sentences", "mentions", "entities", "statements")]
    rows += [
        (r.title or r.source_file, r.date or "-", str(r.characters), str(r.sections), str(r.sentences), str(r.mentions), str(r.entities), str(r.statements))
        for r in stats.reports
    ]
    lines += _table(rows) if stats.reports else ["  (none)"]
    undated = [r.title or r.source_file for r in stats.reports if not r.date]
    if undated:
        lines += ["", f"Reports without a date in their metadata: {len(undated)} (relative dates in them are left out)"]
        lines += [f"  {name}" for name in undated]
    return visible("\n".join(lines))  # labels from any graph: no raw control character reaches a terminal
