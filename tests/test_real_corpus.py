"""The blind corpus (tests/data/real): complete cases, gold that reads, no text twice, a frozen
split of the size the project promises."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from npcgraph.evaluation.gold import read_gold_entities
from npcgraph.evaluation.relations import read_gold_relations

REAL = Path(__file__).parent / "data" / "real"
CASES = sorted(p for split in ("dev", "frozen") for p in (REAL / split).iterdir() if p.is_dir())


def test_the_corpus_and_its_frozen_split_are_large_enough():
    frozen = [case for case in CASES if case.parent.name == "frozen"]
    assert len(CASES) >= 40
    assert len(frozen) >= 15


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_case_is_complete_and_its_gold_reads(case):
    assert (case / "report.txt").read_text(encoding="utf-8").strip()
    readme = (case / "README.md").read_text(encoding="utf-8")
    assert "before npcgraph first ran" in readme  # annotated blind
    entities = read_gold_entities(case / "gold-entities.tsv")
    relations = read_gold_relations(case / "gold-relations.tsv")
    assert entities and relations is not None


def test_no_text_is_in_the_corpus_twice():
    digests: dict[str, Path] = {}
    for case in CASES:
        text = "".join((case / "report.txt").read_text(encoding="utf-8").split())
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert digest not in digests, f"{case} repeats {digests[digest]}"
        digests[digest] = case
