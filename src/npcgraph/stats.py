"""What a graph holds: counts by class and relation, central entities, components, reports.

``class_counts`` and ``relation_counts`` are cheap (the build summary prints them);
``graph_stats`` adds the network measures of ``analytics`` and a summary per report.
``format_stats`` and ``stats_to_dict`` turn the result into text or JSON-ready data; printing
is the command line's job.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from rdflib import Graph, URIRef

from .controls import visible
from .namespaces import DCTERMS, ITSRDF, NIF, NPC, PROV, RDF, RDFS
from .storequery import oxigraph_store

__all__ = [
    "TEXT_CLASSES",
    "entity_nodes",
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
#: ``npc:`` classes of the text, not of the things it names.
TEXT_CLASSES = frozenset({"Report", "Section", "Paragraph", "Sentence"})


def _local(term: object) -> str:
    return str(term)[len(_NPC):]


def entity_nodes(graph: Graph) -> set[URIRef]:
    """The entities: IRIs typed with an ``npc:`` class that is not one of the text's."""
    return {
        subject
        for subject, cls in graph.subject_objects(RDF.type)
        if isinstance(subject, URIRef) and str(cls).startswith(_NPC) and _local(cls) not in TEXT_CLASSES
    }


def class_counts(graph: Graph) -> Counter[str]:
    """Instances per ``npc:`` class, plus the number of mentions and relations.

    On an Oxigraph store (a pyoxigraph Store, or a Graph through oxrdflib) every count here
    and in :func:`relation_counts` and :func:`graph_stats` is one aggregate SPARQL query
    (:mod:`npcgraph.storestats`)."""
    if (store := oxigraph_store(graph)) is not None:
        from . import storestats

        return storestats.class_counts(store)
    counts: Counter[str] = Counter(
        _local(cls) for cls in graph.objects(None, RDF.type) if str(cls).startswith(_NPC)
    )
    counts["(mentions)"] = sum(1 for _ in graph.subjects(RDF.type, NIF.Phrase))
    counts["(relations)"] = sum(relation_counts(graph).values())
    return counts


def acts_per_year(graph: Graph) -> Counter[str]:
    """Dated acts (evidence statements with an ``npc:date``) by the date's year."""
    if (store := oxigraph_store(graph)) is not None:
        from . import storestats

        return storestats.acts_per_year(store)
    return Counter(
        str(date)[:4] for statement, date in graph.subject_objects(NPC.date) if (statement, RDF.type, RDF.Statement) in graph
    )


def relation_counts(graph: Graph) -> Counter[str]:
    """Asserted ``npc:`` relations between two entities, by property."""
    if (store := oxigraph_store(graph)) is not None:
        from . import storestats

        return storestats.relation_counts(store)
    entities = entity_nodes(graph)
    return Counter(
        _local(p)
        for s, p, o in graph
        if str(p).startswith(_NPC) and s in entities and o in entities
    )


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


def _report_summaries(graph: Graph) -> list[ReportSummary]:
    reports = sorted(set(graph.subjects(RDF.type, NPC.Report)), key=str)
    home = {node: report for node, report in graph.subject_objects(NIF.referenceContext)}
    kinds: dict[object, Counter[str]] = defaultdict(Counter)
    entities: dict[object, set[object]] = defaultdict(set)
    for node, report in home.items():
        for cls in graph.objects(node, RDF.type):
            kinds[report][str(cls)] += 1
    for phrase, entity in graph.subject_objects(ITSRDF.taIdentRef):
        if phrase in home:
            entities[home[phrase]].add(entity)
    statements: Counter[object] = Counter(
        home[sentence] for _, sentence in graph.subject_objects(PROV.wasDerivedFrom) if sentence in home
    )
    summaries = []
    for report in reports:
        title = graph.value(report, DCTERMS.title) or graph.value(report, RDFS.label) or ""
        text = graph.value(report, NIF.isString)
        counts = kinds[report]
        summaries.append(
            ReportSummary(
                iri=str(report),
                title=str(title),
                source_file=str(graph.value(report, NPC.sourceFile) or ""),
                characters=len(str(text)) if text is not None else 0,
                sections=counts[str(NPC.Section)],
                paragraphs=counts[str(NPC.Paragraph)],
                sentences=counts[str(NPC.Sentence)] or counts[str(NIF.Sentence)],
                mentions=counts[str(NIF.Phrase)],
                entities=len(entities[report]),
                statements=statements[report],
                date=str(graph.value(report, DCTERMS.date) or ""),
            )
        )
    return summaries


def graph_stats(graph: Graph, top: int = 10) -> GraphStats:
    """Counts, the ``top`` entities by degree, betweenness and PageRank, components, reports."""
    from .analytics import centrality, components, entity_network

    network = entity_network(graph)
    scores = centrality(network)
    ranked: dict[str, list[Ranked]] = {}
    for measure in ("degree", "betweenness", "pagerank"):
        best = sorted(scores, key=lambda c: (-getattr(c, measure), c.label, c.node))[:top]
        ranked[measure] = [Ranked(c.node, c.label, c.cls, getattr(c, measure)) for c in best]
    found = components(network)
    counts = class_counts(graph)
    store = oxigraph_store(graph)
    if store is not None:
        from . import storestats

        store_totals = storestats.totals(store)
        triples, evidence = store_totals["triples"], store_totals["statements"]
        dates = storestats.report_dates(store)
        reports = [replace(r, date=dates.get(r.iri, "")) for r in storestats.report_summaries(store)]
    else:
        triples, evidence = len(graph), sum(1 for _ in graph.subjects(RDF.type, RDF.Statement))
        reports = _report_summaries(graph)
    return GraphStats(
        triples=triples,
        classes={k: v for k, v in sorted(counts.items()) if not k.startswith("(")},
        relations=dict(sorted(relation_counts(graph).items())),
        evidence=evidence,
        entities=network.number_of_nodes(),
        top=ranked,
        component_sizes=[len(c) for c in found],
        largest_component=sorted(network.nodes[n]["label"] for n in found[0]) if found else [],
        reports=reports,
        acts_per_year=dict(sorted(acts_per_year(graph).items())),
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
