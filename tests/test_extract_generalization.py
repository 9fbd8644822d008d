"""Patterns of the genre found missing or wrong on real reports annotated blind (see the README's
"What npcgraph extracts"). Every sentence here is written for the test; none is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

import npcgraph
from extract_helpers import classes, entities_of, named
from npcgraph.evaluation.relations import named_relations
from npcgraph.extract.metadata import metadata_entities
from npcgraph.ingest import RawText, normalize
from npcgraph.model import Document, Metadata
from npcgraph.structure import structure


def _relations(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return {(r.subject_label, r.predicate, r.object_label) for r in named_relations(npcgraph.build([path]))}


def _statistics(document: Document) -> dict[str, str]:
    """written form -> label of every statistic."""
    return {written: e.label for e in document.entities if e.cls == "Statistic" for written in e.alt_labels}


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("常委会组织代表到铜梁区和潼南区调研。", "铜梁区"),
        ("常委会组织代表到铜梁区和潼南区调研。", "潼南区"),
        ("执法检查组赴石柱土家族自治县了解情况。", "石柱土家族自治县"),
        ("委托璧山区负责这项检查。", "璧山区"),
    ],
)
def test_county_level_divisions_of_the_lexicon_are_places(sentence, place):
    assert classes(entities_of(sentence)).get(place) == "Place"


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        ("委托5个区县（自治县）人大常委会开展检查。", "自治县"),
        ("组织部分县人大代表视察。", "部分县"),
        ("建设经济强区、文化名区。", "文化名区"),
        ("共建共享生活品质新余杭。", "新余市"),
    ],
)
def test_generic_and_overlapping_place_words_are_no_places(sentence, not_a_place):
    assert not_a_place not in classes(entities_of(sentence))


# --------------------------------------------------------------------------- laws and titles


@pytest.mark.parametrize(
    ("sentence", "law"),
    [
        ("检查森林法实施情况，并结合审议节约能源法执法检查报告开展专题询问。", "中华人民共和国节约能源法"),
        ("全面贯彻实施新修改的代表法。", "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法"),
        ("听取审议中小学素质教育、义务教育法实施情况的报告。", "中华人民共和国义务教育法"),
    ],
)
def test_a_law_named_after_other_words_is_only_the_law(sentence, law):
    document = entities_of(sentence)
    laws = {e.label for e in document.entities if e.cls == "Law"}
    assert law in laws
    assert all(label.startswith("中华人民共和国") and "的" not in label and "审议" not in label for label in laws), laws


@pytest.mark.parametrize(
    ("sentence", "not_a_title"),
    [
        ("根据审议意见和审计意见，区政府制定了资金管理办法。", "意见和审计意见"),
        ("听取省政府关于计划、预算执行情况的报告。", "省政府关于计划"),
        ("认真执行市十五届人大二次会议各项决议。", "市十五届人大二次会议各项决议"),
        ("批准自治州制定、修改和废止单行条例。", "和废止单行条例"),
    ],
)
def test_spans_that_are_not_titles(sentence, not_a_title):
    labels = {e.label for e in entities_of(sentence).entities}
    assert not any(not_a_title in label for label in labels), labels


def test_a_measures_named_after_its_issuer_is_kept():
    assert classes(entities_of("根据审议意见和审计意见，区政府制定了资金管理办法。")).get("资金管理办法") == "Measures"


def test_a_quoted_five_year_plan_is_a_plan():
    document = entities_of("围绕“十五五”规划纲要编制开展专题调研。")
    assert classes(document).get("十五五规划纲要") == "Plan"
    assert "十五五" not in classes(document)


# --------------------------------------------------------------------------- concepts


@pytest.mark.parametrize("concept", ["邓小平理论", "三个代表重要思想", "科学发展观"])
def test_guiding_theories_are_concepts(concept):
    document = entities_of("以邓小平理论和“三个代表”重要思想为指导，深入贯彻落实科学发展观。")
    assert classes(document).get(concept) == "Concept"
    assert "邓小平" not in classes(document)


@pytest.mark.parametrize(
    "sentence",
    ["听取和审议“一府一委两院”专项工作报告。", "监督支持“一府两院”工作。", "学习“七一”重要讲话精神。"],
)
def test_collective_names_of_organs_and_dates_are_no_concepts(sentence):
    assert "Concept" not in classes(entities_of(sentence)).values()


# --------------------------------------------------------------------------- persons


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("市人大常委会副主任夏明远出席启动会议。", "夏明远"),
        ("县政府常务副县长付晓东参加座谈会。", "付晓东"),
        ("县人大常委会主任吕宏，副主任刘成、任江以及部分代表参加。", "任江"),
        ("主任吕宏一行前往社区。", "吕宏"),
        ("（全媒体记者 田 坤 实习生 符晓雨）", "田坤"),
        ("（全媒体记者 田 坤 实习生 符晓雨）", "符晓雨"),
    ],
)
def test_persons_beside_a_post_or_in_a_byline(sentence, person):
    assert classes(entities_of(sentence)).get(person) == "Person"


def test_a_pages_author_field_is_a_person_only_when_it_is_a_name():
    metadata = Metadata(author="公司党委文章来源:某某网浏览:63")
    report = structure(RawText("test.txt", normalize("常委会审议议题。"), metadata))
    assert metadata_entities(Document(report)).author is None


# --------------------------------------------------------------------------- statistics


@pytest.mark.parametrize(
    ("sentence", "written", "label"),
    [
        ("检查5件法律的实施情况。", "5件法律", "法律"),
        ("常委会组成人员与399名全国人大代表保持经常性联系。", "399名全国人大代表", "全国人大代表"),
        ("10个专门委员会、4个工作委员会和常委会办公厅参与调研。", "4个工作委员会", "工作委员会"),
        ("办理代表议案8件和建议692件。", "692件", "建议"),
        ("召开5次列席代表座谈会。", "5次列席代表座谈会", "列席代表座谈会"),
        ("将30项专项资金整合成22项。", "30项专项资金", "专项资金"),
        ("对全市6个设区的市开展检查。", "6个设区的市", "设区的市"),
        ("审查8个不设区的市的报告。", "8个不设区的市", "不设区的市"),
    ],
)
def test_the_counted_phrase_ends_where_the_thing_counted_ends(sentence, written, label):
    assert _statistics(entities_of(sentence)).get(written) == label, _statistics(entities_of(sentence))


@pytest.mark.parametrize(
    ("sentence", "not_a_label"),
    [
        ("批准自治条例、单行条例21件（其中，去年3件）。", "（其"),
        ("全面落实省委十届四次、五次全会的部署。", "全会的部署"),
        ("闭会期间建议、申请延期办理的建议外，其余166件已办结。", "闭会期间建议、申请延期"),
    ],
)
def test_notes_and_session_numbers_are_not_counted(sentence, not_a_label):
    labels = set(_statistics(entities_of(sentence)).values())
    assert not any(not_a_label.strip("（") in label for label in labels), labels


def test_counted_hearings_are_the_hearing_of_that_kind_and_its_count(tmp_path):
    # (the blind golds of annual reports read 听取审议23个监督工作报告 as the year's hearings of
    # supervision reports, counted: an activity and its statistic)
    document = entities_of("听取审议23个监督工作报告。")
    assert _statistics(document).get("23个监督工作报告") == "监督工作报告"
    assert classes(document).get("听取审议监督工作报告") == "SupervisionActivity"
    found = _relations(tmp_path, "全国人大常委会听取审议23个监督工作报告。\n")
    assert ("监督工作报告", "counts", "听取审议监督工作报告") in found


# --------------------------------------------------------------------------- jurisdiction and relations


def test_a_report_without_title_that_speaks_of_the_chairmans_council_is_national(tmp_path):
    found = _relations(tmp_path, "委员长会议组成人员带队调研。\n\n检查森林法、草原法实施情况。\n")
    assert ("全国人民代表大会常务委员会", "inspected", "中华人民共和国森林法") in found
    assert ("全国人民代表大会常务委员会", "inspected", "中华人民共和国草原法") in found


def test_an_unnamed_countys_committee_and_the_posts_listed_after_its_chair(tmp_path):
    found = _relations(tmp_path, "县人大常委会主任吕宏，副主任刘成、任江、王青以及部分县人大代表参加督办活动。\n")
    members = {(s, o) for s, p, o in found if p == "memberOf"}
    assert {(name, "县人民代表大会常务委员会") for name in ("吕宏", "刘成", "任江", "王青")} <= members


def test_a_post_listed_before_in_another_body_is_held_too(tmp_path):
    found = _relations(tmp_path, "湖州市人大常委会召开座谈会，市委常委、市政府常务副市长付晓东参加。\n")
    assert ("付晓东", "memberOf", "湖州市人民政府") in found
    assert ("付晓东", "memberOf", "中国共产党湖州市委员会") in found


@pytest.mark.parametrize(
    "text",
    [
        "湖州市人大常委会共举行9次常委会会议。\n",
        "湖州市人大常委会召开主任会议73次。\n",
        "湖州市人大常委会委托5个区县（自治县）人大常委会开展执法检查。\n",
    ],
)
def test_a_count_of_meetings_or_of_other_bodies_counts_no_body(tmp_path, text):
    assert not any(p == "counts" for _, p, _ in _relations(tmp_path, text))


def test_newly_revised_describes_a_law_and_states_no_deed(tmp_path):
    found = _relations(tmp_path, "湖州市人大常委会全面贯彻实施新修改的代表法。\n")
    assert not any(p == "revised" for _, p, _ in found)


def test_a_collections_title_is_no_reporting_body(tmp_path):
    text = "2020年全国各省市人大常委会工作报告\n\n北京市人大常委会制定街道办事处条例。\n"
    found = _relations(tmp_path, text)
    assert ("北京市人民代表大会常务委员会", "enacted", "街道办事处条例") in found
    assert not any("各省市" in s for s, _, _ in found)


def test_the_statistic_label_of_a_list_is_its_head():
    document = entities_of("全市建成代表联络站、代表之家等阵地。设立10个基层立法联系点。")
    assert named(document, "10个基层立法联系点") is not None
