"""Relations on the seed report, end to end: build, graph, evidence, and the gold scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from npcgraph.evaluation.relations import evaluate_relations, normalize_name, read_gold_relations
from npcgraph.extract.relation_cues import relation_schema
from npcgraph.namespaces import ID, NIF, NPC, PROV, RDF, RDFS, SKOS

GOLD = Path(__file__).parent / "data" / "seed" / "gold-relations.tsv"
BODY = "武汉市人大常委会"
# The deeds the issue names: the body's instruments, the laws it inspected, the motions it supervised.
DEEDS = ("enacted", "adopted", "issued", "revised", "forwarded", "inspected", "supervised")


def _names(graph, node) -> set[str]:
    return {normalize_name(str(n)) for p in (RDFS.label, SKOS.altLabel) for n in graph.objects(node, p)}


def _node(graph, name: str):
    """The entity node one of whose names is ``name``."""
    found = {s for p in (RDFS.label, SKOS.altLabel) for s in graph.subjects(p, Literal(name, lang="zh"))}
    found = {s for s in found if str(s).startswith(str(ID)) and not str(s).startswith(str(ID) + "report/")}
    assert len(found) == 1, f"{name}: {found}"
    return found.pop()


def _sentences_of(graph, subject, predicate, obj) -> list[str]:
    statements = set(graph.subjects(RDF.subject, subject)) & set(graph.subjects(RDF.object, obj))
    statements &= set(graph.subjects(RDF.predicate, NPC[predicate]))
    return [str(graph.value(sentence, NIF.anchorOf)) for s in statements for sentence in graph.objects(s, PROV.wasDerivedFrom)]


@pytest.mark.parametrize(
    "row",
    [row for row in read_gold_relations(GOLD) if row.predicate in DEEDS],
    ids=lambda row: f"{row.predicate}-{row.object}",
)
def test_each_deed_of_the_seed_is_in_the_graph_with_its_sentence(seed_graph, seed_document, row):
    subject, obj = _node(seed_graph, row.subject), _node(seed_graph, row.object)
    assert (subject, NPC[row.predicate], obj) in seed_graph
    sentences = _sentences_of(seed_graph, subject, row.predicate, obj)
    assert sentences, "no rdf:Statement points at a sentence"
    reporting_body = next(seed_graph.objects(None, NPC.reportingBody))
    for sentence in sentences:
        text = normalize_name(sentence)
        assert any(name in text for name in _names(seed_graph, obj)), sentence
        # the subject is named in the sentence, or it is the reporting body, the implicit subject
        assert subject == reporting_body or any(name in text for name in _names(seed_graph, subject)), sentence


def test_the_reporting_body_is_the_seed_s_actor(seed_graph):
    body = _node(seed_graph, BODY)
    assert next(seed_graph.objects(None, NPC.reportingBody)) == body
    for predicate in ("enacted", "adopted", "issued", "revised", "inspected", "supervised", "conducted"):
        assert (body, NPC[predicate], None) in seed_graph, predicate


def test_every_relation_has_a_statement_and_respects_the_schema(seed_graph):
    classes = {}
    for node, cls in seed_graph.subject_objects(RDF.type):
        if str(cls).startswith(str(NPC)):
            classes.setdefault(node, set()).add(str(cls)[len(str(NPC)) :])
    sentences = set(seed_graph.subjects(RDF.type, NIF.Sentence))
    checked = 0
    for predicate, (domain, range_) in relation_schema().items():
        for subject, obj in seed_graph.subject_objects(NPC[predicate]):
            if str(subject).startswith(str(ID) + "report/"):
                continue  # sections are partOf their report: structure, not an extracted fact
            checked += 1
            assert subject != obj
            assert classes[subject] & domain and classes[obj] & range_, (subject, predicate, obj)
            statements = set(seed_graph.subjects(RDF.subject, subject)) & set(seed_graph.subjects(RDF.object, obj))
            statements &= set(seed_graph.subjects(RDF.predicate, NPC[predicate]))
            assert statements and all(set(seed_graph.objects(s, PROV.wasDerivedFrom)) <= sentences for s in statements)
    assert checked >= 50


def test_the_seed_meets_the_relation_targets(seed_corpus):
    scores = evaluate_relations(seed_corpus, GOLD)
    assert scores.overall.precision >= 0.9, scores.spurious
    assert scores.overall.f1 >= 0.85, scores.missing


def test_the_same_fact_in_two_sentences_has_two_statements(seed_graph):
    body, part = _node(seed_graph, BODY), _node(seed_graph, "武汉市人民代表大会")
    assert len(set(_sentences_of(seed_graph, body, "partOf", part))) >= 2
