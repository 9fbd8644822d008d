"""An Oxigraph store gives the same page, counts and network as the same graph in rdflib.

The viewer (``viewer/storeview.py``) and the statistics (``stats.py``) read a store with
SPARQL queries instead of rdflib triple lookups; these tests hold them to the rdflib readers'
output, byte for byte, on full graphs and on partial or unusual ones.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal

import npcgraph
from npcgraph.analytics import entity_network
from npcgraph.namespaces import ID, ITSRDF, NIF, NPC, PROV, RDF, RDFS, SKOS
from npcgraph.serialization import serialize
from npcgraph.stats import class_counts, graph_stats, relation_counts, stats_to_dict
from npcgraph.store import open_graph
from npcgraph.viewer import render

HANDMADE = Path(__file__).parent / "data" / "query" / "handmade.ttl"


def _store(graph: Graph) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(serialize(graph, "nt"), pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def _odd_graph() -> Graph:
    """Partial and unusual data: untyped relation ends, an inverse property, statements
    without anchors (text cut from the report), evidence in an untyped sentence, a statement
    whose subject is known only from it, a phrase without offsets, labels in several languages, a blank node, a declared term."""
    from rdflib.namespace import OWL, XSD  # inside: pytest's collection warns on XSD's attributes

    g = Graph()
    report, body, law, other = ID["report/r"], ID["org/body"], ID["instrument/law"], ID["org/untyped"]
    g.add((report, RDF.type, NPC.Report))
    g.add((report, RDF.type, NIF.Context))
    g.add((report, NIF.isString, Literal("市人大常委会制定某条例。另一句话提到机构。")))
    g.add((report, NPC.sourceFile, Literal("r.txt")))
    g.add((report, NPC.reportingBody, body))
    g.add((body, RDF.type, NPC.Organization))
    g.add((body, RDFS.label, Literal("武汉市人大常委会", lang="zh")))
    g.add((body, RDFS.label, Literal("Standing Committee", lang="en")))
    g.add((body, SKOS.altLabel, Literal("市人大常委会", lang="zh")))
    g.add((law, RDF.type, NPC.Regulation))
    g.add((law, RDFS.label, Literal("某条例", lang="zh-Hans")))
    g.add((body, NPC.enacted, law))
    g.add((law, NPC.enactedBy, other))  # inverse, to an untyped end
    sentence = ID["report/r#char=0,12"]
    g.add((sentence, RDF.type, NIF.Sentence))
    g.add((sentence, NIF.referenceContext, report))
    g.add((sentence, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((sentence, NIF.endIndex, Literal(12, datatype=XSD.nonNegativeInteger)))
    for i, (begin, end, target) in enumerate(((0, 6, body), (8, 11, law))):
        phrase = ID[f"report/r#char={begin},{end}"]
        g.add((phrase, RDF.type, NIF.Phrase))
        g.add((phrase, ITSRDF.taIdentRef, target))
        g.add((phrase, NIF.sentence, sentence))
        g.add((phrase, NIF.referenceContext, report))
        if i == 0:
            g.add((phrase, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
            g.add((phrase, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
            g.add((phrase, NIF.anchorOf, Literal("市人大常委会")))
    for key, (s, p, o) in {"a": (body, NPC.enacted, law), "b": (ID["org/only-stated"], NPC.memberOf, body)}.items():
        statement = ID[f"stmt/{key}"]
        g.add((statement, RDF.type, RDF.Statement))
        g.add((statement, RDF.subject, s))
        g.add((statement, RDF.predicate, p))
        g.add((statement, RDF.object, o))
        g.add((statement, PROV.wasDerivedFrom, sentence))
        g.add((statement, NPC.post, Literal("主任", lang="zh")))
    untyped = ID["report/r#char=12,21"]  # no type, no offsets: cut from the text by its IRI
    g.add((untyped, NIF.referenceContext, report))
    g.add((ID["stmt/b"], PROV.wasDerivedFrom, untyped))
    stat = ID["statistic/s"]
    g.add((stat, RDF.type, NPC.Statistic))
    g.add((stat, RDFS.label, Literal("代表小组", lang="zh")))
    g.add((stat, NPC.value, Literal("325.0", datatype=XSD.decimal)))
    g.add((stat, NPC.unit, Literal("个", lang="zh")))
    g.add((stat, NPC.approximate, Literal(True)))
    g.add((stat, NPC.counts, body))
    g.add((BNode("x"), NPC.concerns, body))
    g.add((NPC.Committee, RDFS.subClassOf, NPC.Organization))
    g.add((NPC.Committee, RDFS.label, Literal("委员会", lang="zh")))
    g.add((NPC.Committee, RDF.type, OWL.Class))
    return g


def _cases(seed_graph, tiny_corpus) -> dict[str, Graph]:
    handmade = Graph()
    handmade.parse(HANDMADE, format="turtle")
    only_relation = Graph()
    only_relation.add((ID["org/a"], NPC.enacted, ID["instrument/b"]))
    only_relation.add((ID["instrument/b"], RDFS.label, Literal("某条例", lang="zh")))
    return {
        "seed": seed_graph,
        "tiny": npcgraph.to_graph(tiny_corpus),
        "handmade": handmade,
        "odd": _odd_graph(),
        "only-relation": only_relation,
        "empty": Graph(),
    }


@pytest.fixture(scope="module")
def cases(seed_graph, tiny_corpus):
    return {name: (graph, _store(graph)) for name, graph in _cases(seed_graph, tiny_corpus).items()}


CASE_NAMES = ["seed", "tiny", "handmade", "odd", "only-relation", "empty"]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_the_page_of_a_store_is_the_page_of_the_graph(cases, name):
    graph, store = cases[name]
    page = render(graph)
    assert render(store) == page
    assert len(page) > 1000


@pytest.mark.parametrize("name", ["seed", "odd"])
def test_focus_class_and_limit_read_the_same_from_a_store(cases, name):
    graph, store = cases[name]
    for options in ({"focus": "武汉市人大常委会", "depth": 1}, {"classes": ["Organization"]}, {"limit": 2}):
        assert render(store, **options) == render(graph, **options)


def test_a_stores_graph_copied_into_rdflib_renders_the_same_page(cases, tmp_path):
    graph, _ = cases["seed"]
    location = tmp_path / "store"
    npcgraph.store.write_store(graph, location)
    assert render(open_graph(f"oxigraph:{location}")) == render(graph)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_counts_and_statistics_of_a_store_are_those_of_the_graph(cases, name):
    graph, store = cases[name]
    assert class_counts(store) == class_counts(graph)
    assert relation_counts(store) == relation_counts(graph)
    assert stats_to_dict(graph_stats(store, top=5)) == stats_to_dict(graph_stats(graph, top=5))
    if name == "seed":
        gold = Path(__file__).parent / "data" / "seed" / "gold-relations.tsv"
        rows = [line for line in gold.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        assert class_counts(store)["Regulation"] == 4 and sum(relation_counts(store).values()) == len(rows)  # the seed gold's relations


@pytest.mark.parametrize("name", CASE_NAMES)
def test_the_entity_network_of_a_store_is_that_of_the_graph(cases, name):
    graph, store = cases[name]
    expected, found = entity_network(graph), entity_network(store)
    assert list(found.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(found.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))


@pytest.mark.parametrize("name", ["seed", "tiny", "odd"])
def test_reading_only_what_the_page_draws_gives_the_page_of_reading_everything(cases, name, monkeypatch):
    """The viewer reads names, evidence sentences and mention reports of the chosen entities
    only; reading them for every entity first (as it did) gives the same page bytes."""
    from npcgraph.viewer import storeview

    _, store = cases[name]
    options = [{}, {"limit": 3}, {"limit": 12}, {"classes": ["Organization"]}]
    lazy = [render(store, **o) for o in options]
    evidence, mention_reports = storeview._evidence, storeview._mention_reports

    def every_edge(reader, items, dated, shown):
        ends = {end for edge, _, _ in items for end in (edge.subject, edge.object)}
        ends |= {end for edge, _, _ in dated for end in (edge.subject, edge.object)}
        evidence(reader, items, dated, shown | ends)

    def every_entity(reader, entities, shown):
        mention_reports(reader, entities, set(entities))

    read_store = storeview.read_store
    monkeypatch.setattr(storeview, "_evidence", every_edge)
    monkeypatch.setattr(storeview, "_mention_reports", every_entity)
    monkeypatch.setattr("npcgraph.viewer.read_store", lambda *a, **k: read_store(*a, **{**k, "names": True}))
    eager = [render(store, **o) for o in options]
    assert eager == lazy
    assert len({len(page) for page in lazy}) > 1  # the options chose different entities
