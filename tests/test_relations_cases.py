"""Relation targets on every test report with gold relations (tests/data/<case>/gold-relations.tsv).

Each case folder holds a report (any .txt, .md or .html file) and its gold; the seed's report is
the bundled one. Targets: precision >= 0.9 (a wrong edge costs users more than a missing one)
and F1 >= 0.85.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import npcgraph
from npcgraph.evaluation.relations import evaluate_relations, format_relation_scores
from npcgraph.resources import bundled_report

DATA = Path(__file__).parent / "data"
CASES = sorted(path.parent for path in DATA.glob("*/gold-relations.tsv"))
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")
# Blind cases below the targets, and why (none at present). When one is fixed the test passes
# unexpectedly and fails (strict), so the mark must then be removed.
KNOWN_GAPS: dict[str, str] = {}


def _reports(case: Path) -> list[Path]:
    found = sorted(p for p in case.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and p.name.lower() != "readme.md")
    return found or [bundled_report()]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(reason=KNOWN_GAPS[case.name], strict=True))
        if case.name in KNOWN_GAPS
        else case
        for case in CASES
    ],
    ids=[case.name for case in CASES],
)
def test_relation_targets(case):
    scores = evaluate_relations(npcgraph.build(_reports(case)), case / "gold-relations.tsv")
    table = format_relation_scores(scores, details=True)
    assert scores.overall.precision >= 0.9, table
    assert scores.overall.f1 >= 0.85, table


def test_there_are_cases_beyond_the_seed():
    assert len(CASES) >= 2 and any(case.name == "seed" for case in CASES)
