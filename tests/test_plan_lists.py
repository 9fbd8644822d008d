"""A year's legislative plan as its documents print it, on a text written for these tests: its
title line (a body, the year, the plan), the bracketed line under it (…主任会议原则通过: the
chairmen's meeting adopts it), and its numbered lines, each one instrument with notes in
brackets after it."""

from __future__ import annotations

from extract_helpers import built, triples

PLAN = """江西省人大常委会2025年度立法工作计划
(2025年1月20日江西省第十四届人民代表大会常务委员会第三十一次主任会议原则通过)
为做好省人大常委会2025年度立法工作，制定本计划。
一、继续审议项目(2件)
1.江西省湿地保护条例(修改)(3月常委会会议表决)
2.江西省物业管理条例(5月常委会会议二审)
二、初次审议项目(3件)
1.江西省人民代表大会常务委员会关于加强河湖长制工作的决定(7月常委会会议审议)
2.江西省实施《中华人民共和国土地管理法》办法(修改)(9月常委会会议审议)
3.江西省电动自行车管理规定(11月常委会会议审议)
"""


def test_each_numbered_line_is_one_instrument(tmp_path):
    classes = {e.label: e.cls for e in built(tmp_path, PLAN).entities}
    assert classes.get("江西省湿地保护条例") == "Regulation"
    assert classes.get("江西省物业管理条例") == "Regulation"
    assert classes.get("江西省人民代表大会常务委员会关于加强河湖长制工作的决定") == "Decision"
    assert classes.get("江西省实施《中华人民共和国土地管理法》办法") == "Measures"
    assert classes.get("江西省电动自行车管理规定") == "Rules"
    assert not any("常委会会议" in label for label in classes)  # the notes are no part of a name


def test_the_plan_title_line_and_who_adopted_it(tmp_path):
    document = built(tmp_path, PLAN)
    plan = next(e for e in document.entities if "江西省人大常委会2025年度立法工作计划" in (e.label, *e.alt_labels))
    assert plan.cls == "Plan"
    assert ("江西省人民代表大会常务委员会主任会议", "enacted", plan.label) in triples(document)
