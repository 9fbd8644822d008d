"""Splitting a graph into one named graph per report, for TriG and N-Quads.

``rdf.to_dataset`` does this from the data model while building; this does it from a graph
file (``npcgraph export graph.ttl --format trig``). Report R's graph holds:

- R itself and every node whose ``nif:referenceContext`` is R (sections, paragraphs,
  sentences, mentions);
- the evidence statements derived from R's sentences, and each relation they back;
- the triples of every entity R refers to (through a mention, its metadata, or evidence),
  so each named graph is complete on its own and a report can be dropped from a store.

Anything that belongs to no report stays in the default graph. The union of the named graphs
and the default graph is the original graph.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Dataset, Graph
from rdflib.term import Node

from rdflib import URIRef

from ..namespaces import DCTERMS, ITSRDF, NIF, NPC, PREFIXES, PROV, RDF, TEXT_CLASSES

__all__ = ["split_by_report", "entity_nodes"]

_NPC = str(NPC)


def entity_nodes(graph: Graph) -> set[URIRef]:
    """The entities: IRIs typed with an ``npc:`` class that is not one of the text's."""
    return {
        subject
        for subject, cls in graph.subject_objects(RDF.type)
        if isinstance(subject, URIRef) and str(cls).startswith(_NPC) and str(cls)[len(_NPC):] not in TEXT_CLASSES
    }
_REPORT_LINKS = (DCTERMS.creator, DCTERMS.publisher, NPC.reportingBody)


def split_by_report(graph: Graph) -> Dataset:
    reports = set(graph.subjects(RDF.type, NPC.Report)) | set(graph.subjects(RDF.type, NIF.Context))
    home: dict[Node, Node] = {report: report for report in reports}
    for node, report in graph.subject_objects(NIF.referenceContext):
        if report in reports:
            home[node] = report
    entities = entity_nodes(graph)

    uses: dict[Node, set[Node]] = defaultdict(set)  # entity -> reports that refer to it
    backed: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)  # relation -> reports
    for report in reports:
        for link in _REPORT_LINKS:
            for entity in graph.objects(report, link):
                uses[entity].add(report)
    for phrase, entity in graph.subject_objects(ITSRDF.taIdentRef):
        if phrase in home:
            uses[entity].add(home[phrase])
    for statement, sentence in graph.subject_objects(PROV.wasDerivedFrom):
        report = home.get(sentence)
        if report is None:
            continue
        home[statement] = report
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        if None not in triple:
            backed[triple].add(report)  # type: ignore[index]
            uses[triple[0]].add(report)
            uses[triple[2]].add(report)

    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    named = {report: dataset.graph(report) for report in sorted(reports, key=str)}
    default = dataset.default_graph
    for triple in graph:
        subject, predicate, obj = triple
        if subject in home:
            targets = {home[subject]}
        elif subject in entities:
            relation = str(predicate).startswith(_NPC) and obj in entities
            targets = backed.get(triple, set()) if relation else uses.get(subject, set())
        else:
            targets = set()
        if not targets:
            default.add(triple)
        for report in targets:
            named[report].add(triple)
    return dataset
