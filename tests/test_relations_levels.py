"""Relations in reports of bodies below the city level and of other provinces, end to end.

The reports here are short, invented and worded unlike the case folders (qianling-prefecture,
township-presidium): an autonomous prefecture's standing committee (州人大常委会, 州委, 州人民政府,
the prefecture's short name 红岩州) and a township congress presidium (乡人大主席团, 乡党委,
县人大常委会 above it, the county never named).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import npcgraph
from npcgraph.extract.context import place_named

PREFECTURE = """红岩彝族自治州人民代表大会常务委员会工作报告
——2024年1月12日在红岩彝族自治州第十四届人民代表大会第三次会议上

一、过去一年的工作

2023年，州人大常委会审议批准州级预算调整方案，制定《红岩彝族自治州民族团结进步条例》。州人民政府印发《红岩州促进就业若干措施》。常委会副主任李文华带队，赴各县市对《中华人民共和国就业促进法》《云南省职业教育条例》贯彻实施情况进行执法检查。州委召开统战工作会议后，常委会制定《贯彻落实州委统战工作会议精神工作清单》。全州建成代表之家40个。

二、今年的工作安排

常委会将修订《红岩彝族自治州水资源保护条例》。
"""

TOWNSHIP = """石桥乡人民代表大会主席团工作报告
——2024年1月5日在石桥乡第十届人民代表大会第四次会议上

各位代表：

一年来，乡人大主席团在乡党委的领导下依法履职。主席团组织开展民生实事项目票决，修订《石桥乡人大代表联系选民办法》。乡人民政府出台《石桥乡农村道路管护若干措施》。县人大常委会主任王建平带队，到我乡开展“代表之家”建设专题调研。新建代表联络站3个。
"""


def _facts(tmp_path: Path, text: str) -> tuple[str | None, set[tuple[str, str, str]]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    document = npcgraph.build([path]).documents[0]
    labels = {entity.key: entity.label for entity in document.entities}
    facts = {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}
    return labels.get(document.reporting_body or ""), facts


@pytest.fixture(scope="module")
def prefecture(tmp_path_factory):
    return _facts(tmp_path_factory.mktemp("prefecture"), PREFECTURE)


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    return _facts(tmp_path_factory.mktemp("township"), TOWNSHIP)


SC = "红岩彝族自治州人民代表大会常务委员会"


def test_an_unlisted_autonomous_prefecture_is_a_place_with_a_short_name():
    place = place_named("红岩彝族自治州")
    assert place is not None and place.kind == "prefecture" and place.short == "红岩州"
    assert place_named("黔东南苗族侗族自治州").short == "黔东南州"  # the lexicon's own


def test_a_township_under_its_county():
    place = place_named("云屏县青石镇")
    assert place is not None and (place.kind, place.name, place.county) == ("township", "青石镇", "云屏县")


def test_prefecture_bodies_by_level(prefecture):
    body, facts = prefecture
    assert body == SC
    assert (SC, "enacted", "红岩彝族自治州民族团结进步条例") in facts
    assert ("红岩彝族自治州人民政府", "issued", "红岩州促进就业若干措施") in facts
    assert ("中国共产党红岩彝族自治州委员会", "conducted", "统战工作会议") in facts  # …会议后，: a time clause


def test_laws_fronted_by_dui_are_each_inspected_and_name_no_activity(prefecture):
    _, facts = prefecture
    assert {(SC, "inspected", "中华人民共和国就业促进法"), (SC, "inspected", "云南省职业教育条例")} <= facts
    # the inspection is conducted (进行执法检查, as the blind golds read it), but no activity is
    # named after the laws fronted by 对
    assert (SC, "conducted", "执法检查") in facts
    assert not any(p == "conducted" and o.endswith("执法检查") and o != "执法检查" for _, p, o in facts)


def test_a_delegation_led_by_an_officer_acts_for_the_body(prefecture):
    _, facts = prefecture
    assert ("李文华", "memberOf", SC) in facts
    assert not any(s == "李文华" and p == "inspected" for s, p, _ in facts)


def test_work_lists_are_instruments_and_approval_states_nothing(prefecture):
    _, facts = prefecture
    assert (SC, "enacted", "贯彻落实州委统战工作会议精神工作清单") in facts
    assert not any(p == "reviewed" for _, p, _ in facts)  # 审议批准…方案 is no hearing


def test_the_whole_prefecture_and_plans_state_no_deed(prefecture):
    _, facts = prefecture
    assert not any(p == "established" for _, p, _ in facts)  # 全州建成…
    assert not any(o == "红岩彝族自治州水资源保护条例" for _, _, o in facts)  # 将修订…


def test_township_presidium_reports(township):
    body, facts = township
    assert body == "石桥乡人民代表大会主席团"
    assert (body, "conducted", "民生实事项目票决") in facts
    assert (body, "established", "代表联络站") in facts
    assert ("石桥乡人民政府", "issued", "石桥乡农村道路管护若干措施") in facts


def test_the_county_above_a_township_acts_for_itself(township):
    body, facts = township
    county = "县人民代表大会常务委员会"
    assert (county, "conducted", "代表之家建设专题调研") in facts
    assert ("王建平", "memberOf", county) in facts
    assert (body, "conducted", "代表之家建设专题调研") not in facts


def test_a_meeting_that_dates_a_clause_is_no_subject(tmp_path):
    text = "武汉市人大常委会工作报告\n\n2023年，市十五届人大二次会议期间，组织代表开展“代表进社区”活动。\n"
    body, facts = _facts(tmp_path, text)
    assert body == "武汉市人民代表大会常务委员会"
    assert (body, "conducted", "代表进社区活动") in facts
    assert not any(s == "武汉市人民代表大会" and p == "conducted" for s, p, _ in facts)


# A street (街道) has no congress: its 人大工委 is an organ of the district standing committee.
STREET = """关于南门街道人大工委一年来工作情况的报告
——2024年12月20日在南门街道选民代表座谈会上
临川区人大常委会南门街道工作委员会副主任 孙红梅

过去一年，南门街道人大工委在区人大常委会领导下开展工作。街道人大工委修订《南门街道人大代表履职管理办法》，新建代表联络站2个。南门街道办事处出台《南门街道背街小巷整治若干措施》。街道党工委重视街道人大工作。
"""

STREET_NO_DISTRICT = """清溪街道人大工作委员会2024年工作总结

街道人大工作委员会组织代表参加区人大常委会开展的《中华人民共和国安全生产法》执法检查，制定《清溪街道人大代表接待选民办法》。
"""


def test_a_street_committee_is_the_district_committees_organ(tmp_path):
    body, facts = _facts(tmp_path, STREET)
    district = "临川区人民代表大会常务委员会"
    assert body == district + "南门街道工作委员会"
    assert (body, "partOf", district) in facts
    assert ("孙红梅", "memberOf", body) in facts
    assert (body, "revised", "南门街道人大代表履职管理办法") in facts  # 人大代表 are deputies: the name kept
    assert (body, "established", "代表联络站") in facts
    assert ("南门街道办事处", "issued", "南门街道背街小巷整治若干措施") in facts
    assert not any("南门街道人民代表大会" in s + o for s, _, o in facts)  # 街道人大工作: no such congress


def test_a_street_committee_without_its_district(tmp_path):
    body, facts = _facts(tmp_path, STREET_NO_DISTRICT)
    assert body == "清溪街道人大工作委员会"
    assert (body, "enacted", "清溪街道人大代表接待选民办法") in facts
    assert ("区人民代表大会常务委员会", "inspected", "中华人民共和国安全生产法") in facts  # 参加…开展的
    assert not any(s == body and p in ("inspected", "conducted") for s, p, _ in facts)
