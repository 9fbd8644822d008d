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
