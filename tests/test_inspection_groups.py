"""An inspection group led by an official acts itself (…副主任李建国率领执法检查组…开展执法检查),
and a short name given in brackets between a title and its inspection ((以下简称《条例》)) is
passed over. Texts written for these tests."""

from __future__ import annotations

from extract_helpers import built, triples

LED = """自治区人大常委会执法检查组赴喀什开展执法检查
5月30日，自治区人大常委会副主任李建国率领执法检查组赴喀什地区开展《新疆维吾尔自治区乡村振兴促进条例》(以下简称《条例》)执法检查。
"""

GROUP = "新疆维吾尔自治区人民代表大会常务委员会执法检查组"
REGULATION = "新疆维吾尔自治区乡村振兴促进条例"


def test_the_inspection_is_named_by_its_regulation_past_the_short_name(tmp_path):
    labels = {e.label: e.cls for e in built(tmp_path, LED).entities}
    assert labels.get(REGULATION + "执法检查") == "SupervisionActivity"


def test_the_group_led_conducts_the_inspection_and_inspects_the_regulation(tmp_path):
    facts = triples(built(tmp_path, LED))
    assert (GROUP, "conducted", REGULATION + "执法检查") in facts
    assert (GROUP, "inspected", REGULATION) in facts
    assert (GROUP, "partOf", "新疆维吾尔自治区人民代表大会常务委员会") in facts


VISIT = """区人大常委会视察《天津市文明行为促进条例》贯彻落实情况
日前，天津市津南区人大常委会组织代表进行视察。区人大常委会副主任孟繁兰，副区长李雯参加视察活动。
"""


def test_a_visit_to_a_regulation_s_implementation_inspects_it(tmp_path):
    facts = triples(built(tmp_path, VISIT))
    assert ("津南区人民代表大会常务委员会", "inspected", "天津市文明行为促进条例") in facts


def test_a_municipality_before_its_district_names_one_body(tmp_path):
    bodies = [e.label for e in built(tmp_path, VISIT).entities if e.label.endswith("人民代表大会常务委员会")]
    assert bodies == ["津南区人民代表大会常务委员会"], bodies


def test_a_government_post_listed_after_a_committee_s_is_not_the_committee_s(tmp_path):
    facts = triples(built(tmp_path, VISIT))
    assert ("孟繁兰", "memberOf", "津南区人民代表大会常务委员会") in facts
    assert ("李雯", "memberOf", "津南区人民代表大会常务委员会") not in facts


ENTRUSTED = """今年，市人大常委会委托丰都、璧山、九龙坡等3个区县人大常委会，分别开展了对《重庆市义务教育条例》《重庆市产品质量条例》《重庆市物业管理条例》等3件法规的执法检查工作。
"""


def test_bodies_entrusted_each_inspect_their_own_regulation_in_order(tmp_path):
    facts = {(s, o) for s, p, o in triples(built(tmp_path, ENTRUSTED)) if p == "inspected"}
    assert facts == {("丰都县人民代表大会常务委员会", "重庆市义务教育条例"), ("璧山区人民代表大会常务委员会", "重庆市产品质量条例"),
                     ("九龙坡区人民代表大会常务委员会", "重庆市物业管理条例")}
