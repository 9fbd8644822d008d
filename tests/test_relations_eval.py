"""Relation scoring: gold files, matching by label or alt label, documents and graphs alike."""

from __future__ import annotations

import pytest

import npcgraph
from npcgraph.errors import InputError
from npcgraph.evaluation.relations import (
    GoldRelation,
    evaluate_relations,
    format_relation_scores,
    read_gold_relations,
    score_relations,
)
from npcgraph.ids import entity_key
from npcgraph.model import Corpus, Document, Entity, Evidence, Relation, Report

BODY = entity_key("Organization", "武汉市人民代表大会常务委员会")
WATER = entity_key("Regulation", "武汉市供水条例")
TOURISM = entity_key("Regulation", "武汉市旅游条例")


def _document() -> Document:
    text = "制定《武汉市供水条例》。修订《武汉市旅游条例》。"
    report = Report("r", "r.txt", text, "0" * 64)
    evidence = (Evidence("r", 0, 12),)
    return Document(
        report=report,
        entities=(
            Entity(BODY, "Organization", "武汉市人民代表大会常务委员会", ("武汉市人大常委会", "市人大常委会")),
            Entity(WATER, "Regulation", "武汉市供水条例", ("《武汉市供水条例》",)),
            Entity(TOURISM, "Regulation", "武汉市旅游条例"),
        ),
        relations=(
            Relation(BODY, "enacted", WATER, evidence),
            Relation(BODY, "enacted", TOURISM, (Evidence("r", 12, 24),)),  # wrong: it was revised
        ),
    )


GOLD = (
    GoldRelation("武汉市人大常委会", "enacted", "《武汉市供水条例》"),  # alt label, brackets ignored
    GoldRelation("市人大常委会", "revised", "武汉市旅游条例"),
)


def test_scores_per_predicate_and_overall():
    scores = score_relations(_document(), GOLD)
    by = {score.name: score for score in scores.by_predicate}
    assert (by["enacted"].precision, by["enacted"].recall) == (0.5, 1.0)
    assert (by["revised"].precision, by["revised"].recall, by["revised"].f1) == (0.0, 0.0, 0.0)
    assert (scores.overall.gold, scores.overall.extracted, scores.overall.found, scores.overall.correct) == (2, 2, 1, 1)
    assert scores.overall.f1 == pytest.approx(0.5)
    assert [g.predicate for g in scores.missing] == ["revised"]
    assert [(r.subject_label, r.object_label) for r in scores.spurious] == [("武汉市人民代表大会常务委员会", "武汉市旅游条例")]


def test_a_graph_scores_like_its_documents():
    corpus = Corpus((_document(),))
    from_documents = score_relations(corpus, GOLD)
    from_graph = score_relations(npcgraph.to_graph(corpus), GOLD)
    assert from_graph.overall == from_documents.overall
    assert from_graph.by_predicate == from_documents.by_predicate


def test_gold_file_round_trip(tmp_path):
    path = tmp_path / "gold-relations.tsv"
    path.write_text("# subject\tpredicate\tobject\n\n武汉市人大常委会\tenacted\t武汉市供水条例\n", encoding="utf-8")
    assert read_gold_relations(path) == (GoldRelation("武汉市人大常委会", "enacted", "武汉市供水条例", 3),)
    scores = evaluate_relations(_document(), path)
    assert scores.overall.recall == 1.0
    table = format_relation_scores(scores, details=True)
    assert table.splitlines()[0].split() == ["relation", "gold", "extracted", "matched", "P", "R", "F1"]
    assert "spurious" in table and "enacted" in table


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("武汉市人大常委会\tenacted\n", "E151"),
        ("武汉市人大常委会\tpassed\t武汉市供水条例\n", "E152"),
        ("武汉市人大常委会\tenacted\t\n", "E151"),
    ],
)
def test_malformed_gold_is_one_clear_error(tmp_path, content, code):
    path = tmp_path / "gold-relations.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_gold_relations(path)
    assert error.value.code == code and "line 1" in str(error.value) and "\n" not in str(error.value)


def test_unreadable_gold_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_gold_relations(tmp_path / "missing.tsv")
