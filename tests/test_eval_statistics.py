"""A statistic's gold may give its number alone (2次, label 专题询问) or its whole written phrase
(2次专题询问): either matches the statistic extracted from 组织开展2次专题询问, and no other."""

from __future__ import annotations

import pytest

from npcgraph.evaluation.entities import NamedEntity
from npcgraph.evaluation.gold import GoldEntity
from npcgraph.evaluation.relations import GoldRelation, NamedRelation

EXTRACTED = NamedEntity("Statistic", "专题询问", frozenset({"专题询问", "2次专题询问"}))


@pytest.mark.parametrize("written", ["2次", "2次专题询问"])
def test_a_statistic_matches_by_its_number_as_written(written):
    assert EXTRACTED.matches(GoldEntity("Statistic", "专题询问", (written,)))


@pytest.mark.parametrize(
    "gold",
    [
        GoldEntity("Statistic", "专题询问", ("3次",)),  # another number
        GoldEntity("Statistic", "专题调研", ("2次",)),  # the same number of another thing
        GoldEntity("Statistic", "代表", ("2次",)),  # a label that neither holds nor is held
        GoldEntity("SupervisionActivity", "专题询问"),  # another class
    ],
)
def test_a_statistic_matches_nothing_else(gold):
    assert not EXTRACTED.matches(gold)


def test_a_count_matches_a_gold_row_that_writes_the_number_alone():
    counts = NamedRelation(frozenset({"专题询问", "2次专题询问"}), "counts", frozenset({"专题询问"}))
    assert counts.matches(GoldRelation("2次", "counts", "专题询问"))
    assert not counts.matches(GoldRelation("3次", "counts", "专题询问"))
    assert not counts.matches(GoldRelation("2次", "counts", "专题调研"))
    member = NamedRelation(frozenset({"张三丰"}), "memberOf", frozenset({"武当"}))
    assert not member.matches(GoldRelation("张三", "memberOf", "武当"))  # only counts go by prefix


def test_a_statistic_matches_a_gold_label_worded_otherwise():
    extracted = NamedEntity("Statistic", "问题", frozenset({"问题", "1191条问题"}))
    assert extracted.matches(GoldEntity("Statistic", "交办的问题", ("1191条",)))
    assert not extracted.matches(GoldEntity("Statistic", "交办的问题", ("844个",)))
