"""A newspaper item's wording, end to end: the regulation it names once and then calls 该条例 or
条例, a 专题询问 introduced by 就 or 针对, and numbers after 征集 or 共.

The text is invented and worded unlike the case folders (nanping-newspaper among them).
"""

from __future__ import annotations

from pathlib import Path

import npcgraph

NEWS = """《绵阳市电动自行车管理条例》将于明年施行

本报讯 四川省人大常委会日前批准《绵阳市电动自行车管理条例》。该条例经绵阳市第九届人大常委会第十五次会议审议通过，共35条。

绵阳市人大常委会在立法过程中征求各方面意见建议410余条。今年，常委会还针对城市停车难问题开展专题询问。
"""


def _document(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    return npcgraph.build([path]).documents[0]


def test_a_bare_form_word_refers_to_the_instrument_named_before(tmp_path):
    document = _document(tmp_path)
    labels = {entity.key: entity.label for entity in document.entities}
    facts = {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}
    committee = "绵阳市人民代表大会常务委员会"
    assert (committee, "enacted", "绵阳市电动自行车管理条例") in facts  # 该条例经…会议审议通过
    # 批准 is approval, not enactment (graph contract, version 2)
    assert {(p, o) for s, p, o in facts if s == "四川省人民代表大会常务委员会"} == {("approved", "绵阳市电动自行车管理条例")}
    assert (committee, "conducted", "城市停车难问题专题询问") in facts  # 针对…开展专题询问


def test_numbers_count_what_follows_the_verb_and_precedes_gong(tmp_path):
    document = _document(tmp_path)
    statistics = {e.label: e for e in document.entities if e.cls == "Statistic"}
    assert any(label.endswith("意见建议") for label in statistics)  # 征求各方面意见建议410余条
    assert not any(label.startswith("征求") or label.endswith("共") for label in statistics)


def _built(tmp_path: Path, text: str, name: str):
    """The document npcgraph makes of ``text`` written to ``tmp_path/name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return npcgraph.build([path]).documents[0]


def _facts(tmp_path: Path, text: str, name: str) -> set[tuple[str, str, str]]:
    document = _built(tmp_path, text, name)
    labels = {entity.key: entity.label for entity in document.entities}
    return {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}


def test_a_sitting_of_a_meeting_is_held_by_the_meeting_s_body(tmp_path):
    text = "标题\n绵阳市九届人大常委会第十五次会议昨日上午举行第二次全体会议。\n"
    facts = _facts(tmp_path, text, "sitting.txt")
    sitting = "绵阳市第九届人民代表大会常务委员会第十五次会议第二次全体会议"
    assert (sitting, "organizedBy", "绵阳市人民代表大会常务委员会") in facts
    assert not any(p == "conducted" and o == sitting for _, p, o in facts)  # a part of the meeting, not a deed


def test_supervision_modes_used_in_a_list_closed_by_a_count_of_kinds(tmp_path):
    text = ("标题\n今年，四川省人大常委会启动“推进乡村振兴、促进农民增收”上下联动监督，"
            "综合运用执法检查、专题询问、满意度测评等多种监督方式。\n")
    facts = _facts(tmp_path, text, "modes.txt")
    for activity in ("推进乡村振兴、促进农民增收上下联动监督", "执法检查", "专题询问", "满意度测评"):
        assert ("四川省人民代表大会常务委员会", "conducted", activity) in facts


def test_generic_activities_and_meetings_a_body_holds_with_their_counts(tmp_path):
    text = ("标题\n今年，绵阳市人大常委会开展专题学习18次，举办专题讲座6场，先后召开座谈会、听证会9场，"
            "召开3次列席代表座谈会。\n")
    document = _built(tmp_path, text, "generic.txt")
    entities = {entity.key: entity for entity in document.entities}
    classes = {(e.label, e.cls) for e in entities.values()}
    assert {("专题学习", "Activity"), ("专题讲座", "Activity"), ("座谈会", "Event"), ("列席代表座谈会", "Event")} <= classes
    facts = {(entities[r.subject].label, r.predicate, entities[r.object].label) for r in document.relations}
    for held in ("专题学习", "专题讲座", "座谈会", "听证会", "列席代表座谈会"):
        assert ("绵阳市人民代表大会常务委员会", "conducted", held) in facts
    counted = {entities[r.object].label for r in document.relations if r.predicate == "counts" and entities[r.object].cls != "Statistic"}
    assert {"座谈会", "听证会", "专题学习"} <= counted


def test_what_a_number_counts_stops_before_关于_and_an_issue_number_is_no_statistic(tmp_path):
    text = "标题\n人大研究 2019年5期\n会议听取了3位副县长关于代表建议办理情况的汇报。\n"
    labels = {e.label for e in _built(tmp_path, text, "stats.txt").entities if e.cls == "Statistic"}
    assert "副县长" in labels
    assert not any("关于" in label or "年" in label for label in labels)


def test_laws_a_meeting_passes_named_without_brackets_and_an_amendment_by_its_number(tmp_path):
    text = ("标题\n十四届全国人大常委会第九次会议闭幕。会议表决通过了农村集体经济组织法、矿产资源法修订草案和能源法，"
            "表决通过了刑法修正案（十二）。\n")
    document = _built(tmp_path, text, "laws.txt")
    labels = {entity.key: entity.label for entity in document.entities}
    facts = {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}
    committee = "全国人民代表大会常务委员会"
    for law in ("中华人民共和国农村集体经济组织法", "中华人民共和国能源法", "中华人民共和国刑法修正案（十二）"):
        assert (committee, "enacted", law) in facts
    # a revision draft passed revises its law; 修订 in 修订草案 is no verb over the names after it
    assert {(s, o) for s, p, o in facts if p == "revised"} == {(committee, "中华人民共和国矿产资源法")}
    assert not any("通过" in label for label in labels.values())


def test_a_celebration_of_an_anniversary_is_a_program(tmp_path):
    document = _built(tmp_path, "标题\n宜宾市人大常委会举办纪念地方人大设立常委会40周年系列活动。\n", "anniversary.txt")
    assert ("纪念地方人大设立常委会40周年系列活动", "Program") in {(e.label, e.cls) for e in document.entities}


def test_a_resolution_titled_with_its_meeting_goes_by_its_title_without_it_too(tmp_path):
    document = _built(tmp_path, "四川省十四届人大一次会议闭幕\n大会表决通过了省十四届人大一次会议关于省人民政府工作报告的决议。\n", "resolution.txt")
    resolution = next(e for e in document.entities if e.cls == "Resolution")
    assert resolution.label == "省十四届人大一次会议关于省人民政府工作报告的决议"  # no body's name cut out of a meeting's
    assert "关于省人民政府工作报告的决议" in resolution.alt_labels
