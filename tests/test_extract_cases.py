"""Entity targets on every case folder under tests/data that has a gold-entities.tsv (the cases
listed in test_eval_entities.py and any added since): F1 >= 0.9 for instruments, laws and
bodies, >= 0.8 over all classes."""

from __future__ import annotations

from pathlib import Path

import pytest

import npcgraph
from npcgraph.evaluation.entities import format_entity_scores, named_entities, score_entities
from npcgraph.evaluation.gold import read_gold_entities

DATA = Path(__file__).parent / "data"
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")
CASES = sorted(p.parent for p in DATA.glob("*/gold-entities.tsv") if p.parent.name != "seed")


def _report(case: Path) -> Path:
    (report,) = [p for p in case.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and p.name.lower() != "readme.md"]
    return report


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_entity_targets_on_every_case(case):
    scores = score_entities(named_entities(npcgraph.build([_report(case)])), read_gold_entities(case / "gold-entities.tsv"))
    table = format_entity_scores(scores, details=True)
    rows = {s.name: s for s in (*scores.by_class, scores.overall)}
    for name in ("Instrument*", "Law", "Organization"):
        if name in rows and rows[name].gold:
            assert rows[name].f1 >= 0.9, table
    assert scores.overall.f1 >= 0.8, table


def test_the_new_cases_are_there():
    assert {"county-news", "provincial-webpage", "district-excerpt"} <= {c.name for c in CASES}
