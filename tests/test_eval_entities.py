"""Entity evaluation: the gold format, the scores, the targets on every case, the command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from npcgraph.errors import InputError
from npcgraph.evaluation.entities import NamedEntity, named_entities, score_entities
from npcgraph.evaluation.gold import GoldEntity, is_entity_file, read_gold_entities

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
CASES = {
    "seed": REPO / "data" / "wuhan-2022-04-whole-process-democracy.txt",
    "zhejiang-provincial": DATA / "zhejiang-provincial" / "report.txt",
    "national-standing-committee": DATA / "national-standing-committee" / "report.txt",
    "nanping-newspaper": DATA / "nanping-newspaper" / "article.md",
    "ningbo-interview": DATA / "ningbo-interview" / "interview.txt",
    "anji-county": DATA / "anji-county" / "report.txt",
}


def _entity(cls: str, *names: str) -> NamedEntity:
    return NamedEntity(cls, names[0], frozenset(names))


def test_matching_by_any_name_within_a_class_family():
    extracted = [
        _entity("Organization", "武汉市人民代表大会常务委员会", "市人大常委会"),
        _entity("Measures", "武汉市供水条例"),  # wrong form, right family: matches
        _entity("Concept", "组合拳"),  # nothing in gold
    ]
    gold = [
        GoldEntity("Organization", "武汉市人大常委会", ("市人大常委会",)),
        GoldEntity("Regulation", "《武汉市供水条例》"),  # brackets ignored
        GoldEntity("Person", "胡立山"),
    ]
    scores = score_entities(extracted, gold)
    assert (scores.overall.gold, scores.overall.extracted, scores.overall.found, scores.overall.correct) == (3, 3, 2, 2)
    # per class only the same class matches; the family row counts the wrong form as found
    assert scores.score("Regulation").recall == 0.0 and scores.score("Measures").precision == 0.0
    assert scores.score("Instrument*").recall == 1.0 and scores.score("Instrument*").precision == 1.0
    assert [(g.label, e.cls) for g, e in scores.misclassed] == [("《武汉市供水条例》", "Measures")]
    assert scores.score("Person").recall == 0.0
    assert scores.score("Concept").precision == 0.0
    assert scores.score("all").f1 == pytest.approx(2 / 3)
    assert [g.label for g in scores.missing] == ["胡立山"]
    assert [e.label for e in scores.spurious] == ["组合拳"]


def _possible(score) -> bool:
    """Figures a reader can believe: no more matched than exist, R 0 with nothing of the class
    extracted, P 0 with no gold item of the class."""
    if score.found > score.gold or score.correct > score.extracted:
        return False
    if score.gold and not score.extracted and score.recall != 0.0:
        return False
    if score.extracted and not score.gold and (score.precision != 0.0 or score.f1 != 0.0):
        return False
    return True


def test_per_class_figures_are_possible_and_nothing_is_both_missed_and_spurious():
    """Issue 17, defect 9: gold 1 found 0 with R 1.000; gold 0 found 1 with F1 1.000; one item
    both missed and spurious."""
    extracted = [
        _entity("Decision", "武汉市供水条例"),
        _entity("Organization", "张明"),  # a person extracted as a body: another family
        _entity("Statistic", "代表", "300名代表"),
    ]
    gold = [
        GoldEntity("Regulation", "武汉市供水条例"),
        GoldEntity("Person", "张明"),
        GoldEntity("Statistic", "代表", ("260余名代表",)),
    ]
    scores = score_entities(extracted, gold)
    assert all(_possible(row) for row in (*scores.by_class, scores.overall)), scores.by_class
    missed = {g.label for g in scores.missing}
    spurious = {e.label for e in scores.spurious}
    assert not ({"张明", "武汉市供水条例"} & (missed | spurious))
    assert {(g.cls, e.cls) for g, e in scores.misclassed} == {("Regulation", "Decision"), ("Person", "Organization")}
    from npcgraph.evaluation.entities import format_entity_scores

    table = format_entity_scores(scores, details=True)
    assert "missed   Statistic\t代表 (260余名代表)" in table and "spurious Statistic\t代表 (300名代表)" in table
    assert "class    Person\t张明\textracted as Organization" in table
    assert table.splitlines()[0].split() == ["class", "gold", "extracted", "matched", "P", "R", "F1"]


def test_statistics_are_matched_by_their_written_number():
    extracted = [_entity("Statistic", "代表", "260余名代表")]
    gold = [GoldEntity("Statistic", "代表", ("1100余人次代表",)), GoldEntity("Statistic", "代表", ("260余名代表",))]
    scores = score_entities(extracted, gold)
    assert (scores.overall.found, scores.overall.correct) == (1, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Regulation\n", "expected 2 or 3"),
        ("Regulatoin\t武汉市供水条例\n", "unknown class"),
        ("# only a comment\n", "holds no gold entities"),
    ],
)
def test_malformed_gold_files_are_input_errors(tmp_path, content, message):
    path = tmp_path / "gold.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_gold_entities(path)


def test_entity_and_relation_files_are_told_apart():
    assert is_entity_file(DATA / "seed" / "gold-entities.tsv")
    assert not is_entity_file(DATA / "seed" / "gold-relations.tsv")


@pytest.mark.parametrize("case", sorted(CASES))
def test_targets_are_met_on_every_case(case):
    """F1 >= 0.9 for instruments, organizations and laws; >= 0.8 over all classes."""
    import npcgraph

    gold = read_gold_entities(DATA / case / "gold-entities.tsv")
    scores = score_entities(named_entities(npcgraph.build([CASES[case]])), gold)
    summary = {row.name: round(row.f1, 3) for row in (*scores.by_class, scores.overall)}
    for row in ("Instrument*", "Organization", "all"):
        target = 0.8 if row == "all" else 0.9
        assert scores.score(row).f1 >= target, (row, summary, scores.missing, scores.spurious)
    if any(g.cls == "Law" for g in gold):
        assert scores.score("Law").f1 >= 0.9, summary


def test_a_graph_scores_like_its_documents(seed_corpus, seed_graph):
    gold = read_gold_entities(DATA / "seed" / "gold-entities.tsv")
    from_documents = score_entities(named_entities(seed_corpus), gold)
    from_graph = score_entities(named_entities(seed_graph), gold)
    assert from_graph.overall == from_documents.overall


def _npcgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "npcgraph", *args], capture_output=True, text=True, cwd=REPO)


def test_eval_command_prints_a_row_per_class_and_relation():
    result = _npcgraph(
        "eval", "--gold", "tests/data/seed/gold-entities.tsv", "--gold", "tests/data/seed/gold-relations.tsv",
        "data/wuhan-2022-04-whole-process-democracy.txt",
    )
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line.strip()}
    for name in ("Regulation", "Organization", "Law", "Statistic", "Instrument*", "all", "enacted"):
        assert name in rows
    assert float(rows["Instrument*"][-1]) >= 0.9


def test_eval_command_rejects_a_bad_gold_file_in_one_line(tmp_path):
    bad = tmp_path / "gold.tsv"
    bad.write_text("Regulatoin\t武汉市供水条例\n", encoding="utf-8")
    result = _npcgraph("eval", "--gold", str(bad), "data/wuhan-2022-04-whole-process-democracy.txt")
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "unknown class" in result.stderr
    missing = _npcgraph("eval", "--gold", str(tmp_path / "none.tsv"), "data/wuhan-2022-04-whole-process-democracy.txt")
    assert missing.returncode != 0 and "no such gold file" in missing.stderr and "Traceback" not in missing.stderr
