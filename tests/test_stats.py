"""Statistics and network measures, checked by hand on the two-report tiny corpus.

The entity graph of ``tiny_corpus``: 武汉市人大常委会 enacted and revised 武汉市供水条例,
conducted 传染病防治法执法检查, inspected 中华人民共和国传染病防治法; 胡立山 memberOf the body;
the statistic 代表小组 stands alone. So: a star of 5 nodes around the body plus 1 isolated node.
"""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

import npcgraph
from npcgraph.analytics import centrality, components, entity_network
from npcgraph.cli import main
from npcgraph.namespaces import ID, NPC, RDF
from npcgraph.serialization import serialize
from npcgraph.stats import class_counts, format_stats, graph_stats, relation_counts, stats_to_dict

BODY = "武汉市人大常委会"
LEAVES = ("胡立山", "武汉市供水条例", "传染病防治法执法检查", "中华人民共和国传染病防治法")


@pytest.fixture(scope="module")
def tiny_graph(tiny_corpus) -> Graph:
    return npcgraph.to_graph(tiny_corpus)


@pytest.fixture(scope="module")
def scores(tiny_graph):
    return {c.label: c for c in centrality(entity_network(tiny_graph))}


def test_counts_by_class_and_relation(tiny_graph):
    counts = class_counts(tiny_graph)
    assert counts["Report"] == 2 and counts["Sentence"] == 6 and counts["Paragraph"] == 4
    assert counts["Organization"] == 1 and counts["Regulation"] == 1 and counts["Statistic"] == 1
    assert counts["(mentions)"] == 9 and counts["(relations)"] == 5
    assert relation_counts(tiny_graph) == {"enacted": 1, "revised": 1, "conducted": 1, "inspected": 1, "memberOf": 1}


def test_structure_relations_are_not_entity_relations(tiny_graph):
    # npc:partOf links sections to reports: structure, not a relation between entities.
    assert (None, NPC.partOf, None) in tiny_graph
    assert "partOf" not in relation_counts(tiny_graph)


def test_degree_counts_distinct_neighbours(scores):
    assert scores[BODY].degree == 4  # enacted and revised the same regulation: one neighbour
    assert all(scores[leaf].degree == 1 for leaf in LEAVES)
    assert scores["代表小组"].degree == 0


def test_betweenness_of_a_star(scores):
    # Undirected, normalized by (n-1)(n-2)/2 = 10 pairs for n = 6: the centre lies on the
    # shortest path of each of the C(4,2) = 6 pairs of leaves.
    assert scores[BODY].betweenness == pytest.approx(0.6)
    assert all(scores[leaf].betweenness == 0 for leaf in (*LEAVES, "代表小组"))


def test_pagerank_is_a_distribution_with_the_graphs_symmetries(scores):
    ranks = {label: c.pagerank for label, c in scores.items()}
    assert sum(ranks.values()) == pytest.approx(1.0, abs=1e-5)
    # Nodes nothing points at rank the same; so do the two objects reached by one relation each.
    assert ranks["胡立山"] == pytest.approx(ranks["代表小组"], abs=1e-6)
    assert ranks["传染病防治法执法检查"] == pytest.approx(ranks["中华人民共和国传染病防治法"], abs=1e-6)
    # The regulation, reached by two relations (weight 2), outranks the single-relation objects,
    # which outrank the nodes nothing points at.
    assert ranks["武汉市供水条例"] > ranks["传染病防治法执法检查"] > ranks["胡立山"]


def test_components(tiny_graph):
    found = components(entity_network(tiny_graph))
    assert [len(c) for c in found] == [5, 1]
    assert found[1] == [str(next(tiny_graph.subjects(RDF.type, NPC.Statistic)))]


def test_graph_stats_rank_and_summarize_reports(tiny_graph):
    stats = graph_stats(tiny_graph, top=3)
    assert stats.entities == 6 and stats.evidence == 5 and stats.triples == len(tiny_graph)
    assert [r.label for r in stats.top["degree"]][0] == BODY and len(stats.top["degree"]) == 3
    assert stats.top["betweenness"][0].label == BODY
    assert stats.component_sizes == [5, 1]
    assert sorted(stats.largest_component) == sorted((BODY, *LEAVES))
    reports = {r.source_file: r for r in stats.reports}
    a, b = reports["a.txt"], reports["b.txt"]
    assert (a.sections, a.paragraphs, a.sentences, a.mentions, a.entities, a.statements) == (1, 3, 5, 7, 6, 4)
    assert (b.sections, b.paragraphs, b.sentences, b.mentions, b.entities, b.statements) == (1, 1, 1, 2, 2, 1)
    assert b.characters == len("市人大常委会修订《武汉市供水条例》。")


def test_stats_of_a_graph_without_entities():
    graph = Graph()
    graph.add((ID["report/00ff"], RDF.type, NPC.Report))
    stats = graph_stats(graph)
    assert stats.entities == 0 and stats.component_sizes == [] and stats.top["pagerank"] == []
    assert "(no entities)" in format_stats(stats)


def test_stats_of_the_seed_graph(seed_graph):
    stats = graph_stats(seed_graph)
    assert stats.classes["Sentence"] > 90 and stats.classes["Section"] == 5
    assert len(stats.reports) == 1 and stats.reports[0].sentences == stats.classes["Sentence"]
    assert stats.entities == sum(stats.component_sizes)
    if stats.entities:
        assert stats.top["degree"][0].value >= stats.top["degree"][-1].value


def test_stats_command_text_and_json(tmp_path, tiny_graph, capsys):
    source = tmp_path / "graph.ttl"
    source.write_bytes(serialize(tiny_graph, "turtle"))
    assert main(["stats", str(source)]) == 0
    text = capsys.readouterr().out
    for heading in ("Classes:", "Relations:", "Top entities by degree:", "Top entities by betweenness:", "Top entities by PageRank:", "Connected components: 2", "Reports:"):
        assert heading in text
    assert main(["stats", str(tmp_path), "--format", "json", "--top", "2"]) == 0  # the build folder works too
    data = json.loads(capsys.readouterr().out)
    assert data == json.loads(json.dumps(stats_to_dict(graph_stats(tiny_graph, top=2)), ensure_ascii=False))
    assert data["components"] == 2 and data["relations"]["enacted"] == 1
    assert [entry["label"] for entry in data["top"]["degree"]][0] == BODY


def test_stats_command_rejects_a_bad_top(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["stats", str(tmp_path), "--top", "0"])
    assert "expected a positive number" in capsys.readouterr().err
