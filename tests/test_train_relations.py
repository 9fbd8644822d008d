"""benchmarks/train_relations.py, the cross-validated measure of a learned relation scorer, and its
candidates (benchmarks/relation_candidates.py), on short texts written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY / "benchmarks"))

import relation_candidates  # noqa: E402
import train_relations  # noqa: E402

# Four tiny standing-committee reports of invented cities: (city, its acts as (clause, predicate,
# object), the sentence naming its leaders, who they are). Their golds are what they state.
CITIES = (
    ("南江", [("制定《南江市养老服务促进条例》", "enacted", "南江市养老服务促进条例"), ("修订《南江市供水条例》", "revised", "南江市供水条例")],
     "主任王立新、副主任陈国华出席会议", ("王立新", "陈国华")),
    ("北川", [("制定《北川市物业管理条例》", "enacted", "北川市物业管理条例"),
              ("开展《中华人民共和国食品安全法》执法检查", "inspected", "中华人民共和国食品安全法")],
     "主任李建国、副主任张卫东、孙晓峰出席会议", ("李建国", "张卫东", "孙晓峰")),
    ("东湖", [("制定《东湖市河道管理条例》", "enacted", "东湖市河道管理条例"), ("废止《东湖市集贸市场管理办法》", "repealed", "东湖市集贸市场管理办法")],
     "主任周立新主持会议", ("周立新",)),
    ("西山", [("制定《西山市绿化条例》", "enacted", "西山市绿化条例"), ("出台《西山市养犬管理办法》", "issued", "西山市养犬管理办法")],
     "副主任郑美玲、赵英出席会议", ("郑美玲", "赵英")),
)
GOLD_TOTAL = sum(len(acts) + len(persons) for _, acts, _, persons in CITIES)


@pytest.fixture(scope="module")
def fixture(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cases")
    for city, acts, leaders, persons in CITIES:
        body = f"{city}市人民代表大会常务委员会"
        text = f"{city}市人大常委会2023年工作报告\n\n一年来，{city}市人大常委会{'，'.join(a[0] for a in acts)}。\n{city}市人大常委会{leaders}。\n"
        gold = [(body, predicate, obj) for _, predicate, obj in acts] + [(person, "memberOf", body) for person in persons]
        (folder / city).mkdir()
        (folder / city / "report.txt").write_text(text, encoding="utf-8")
        (folder / city / "gold-relations.tsv").write_text("".join("\t".join(row) + "\n" for row in gold), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cases(fixture) -> list[train_relations.Case]:
    return train_relations.load_cases([fixture])


def _case(cases, name):
    return next(c for c in cases if c.name.endswith("/" + name))


def test_a_post_before_a_list_of_names_is_a_membership_candidate(cases):
    case = _case(cases, "北川")
    labels = {e.key: e.label for e in case.before.entities}
    named = {(labels[i.subject], i.predicate, labels[i.object]): i for i in case.instances}
    candidate = named[("孙晓峰", "memberOf", "北川市人民代表大会常务委员会")]
    # the body comes first, then the post and a list of persons: 副主任P+、 masked by class
    assert "memberOf|order=o-s" in candidate.features
    assert any(f.startswith("memberOf|bg=副主") for f in candidate.features), candidate.features
    # the label: the gold row it matches, as npcgraph eval matches it
    index = case.instances.index(candidate)
    assert case.labels[index] == 1
    # a rule relation whose subject the sentence names is a candidate with what the rules said
    enacted = named[("北川市人民代表大会常务委员会", "enacted", "北川市物业管理条例")]
    assert "enacted|rule=here" in enacted.features and "enacted|subj=named" in enacted.features


def test_candidates_and_features_are_the_same_on_every_run(cases):
    case = _case(cases, "南江")
    again = relation_candidates.candidates(case.before)
    assert again == case.instances
    assert all(list(i.features) == sorted(set(i.features)) for i in again)


def test_fast_counts_are_what_the_stages_give(cases):
    """The cross-validation counts triples as acts.py leaves them without running it for every
    threshold: the same counts as adding and dropping through the stages and scoring the result."""
    for case in cases:
        scores = [0.95 if n % 3 == 0 else 0.05 for n in range(len(case.instances))]
        for add, drop in ((0.5, 0.1), (1.01, 0.0), (0.9, 0.5)):
            assert train_relations.counts(case, scores, add, drop) == train_relations.check_counts(case, scores, add, drop)
    rules = sum((train_relations.counts(c, None, 1.01, 0.0) for c in cases), train_relations.Counter())
    assert (rules["gold"], rules["found"]) == (GOLD_TOTAL, GOLD_TOTAL)


def test_the_script_cross_validates_a_tiny_fixture(fixture, capsys):
    assert train_relations.main([str(fixture), "--folds", "2", "--variant", "filter"]) == 0
    out = capsys.readouterr().out
    assert "4 cases" in out
    rows = {line[:34].strip(): line[34:].split() for line in out.splitlines() if line.startswith(("all:", "tuned:"))}
    # every gold row on both rows; the filter only drops, so it never extracts more than the rules
    assert rows["all: rules alone"][0] == rows["all: rules + filter"][0] == str(GOLD_TOTAL)
    assert int(rows["all: rules + filter"][1]) <= int(rows["all: rules alone"][1])


def test_the_frozen_split_is_refused_without_reading_it(capsys, tmp_path):
    frozen = tmp_path / "real" / "frozen"
    frozen.mkdir(parents=True)
    assert train_relations.main([str(frozen)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "frozen split" in err[0]


def test_bad_arguments_are_one_line_and_status_2(capsys, tmp_path):
    assert train_relations.main([str(tmp_path / "missing")]) == 2
    assert train_relations.main([str(tmp_path), "--folds", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("train_relations: ") for line in err)
