"""Instruments: 《》 titles typed by form, names after a verb, national laws, and the words and
titles that are never instruments."""

from __future__ import annotations

import pytest

from extract_helpers import classes, entities_of, named
from npcgraph.extract.instruments import classify_title


@pytest.mark.parametrize(
    ("title", "cls"),
    [
        ("武汉市养老服务促进条例", "Regulation"),
        ("关于依法全力打赢新冠肺炎疫情防控武汉保卫战的决定", "Decision"),
        ("关于加快推进全域旅游大发展的决议", "Resolution"),
        ("关于进一步提高立法质量和效率的实施意见", "Opinion"),
        ("中共中央关于加强新时代人大工作的意见", "Opinion"),
        ("武汉城市圈人大立法项目协同办法", "Measures"),
        ("武汉市人民代表大会常务委员会议事规则", "Rules"),
        ("浙江省人大常委会关于加强机关作风建设的若干规定", "Rules"),
        ("代表议案工作规程", "Rules"),
        ("中央八项规定实施细则", "Rules"),
        ("中华人民共和国传染病防治法", "Law"),
        ("传染病防治法", "Law"),
        ("宪法", "Law"),
        ("湖北省国民经济和社会发展第十四个五年规划纲要", "Plan"),
        ("全国人大常委会2023年度立法工作计划", "Plan"),
        ("长三角地区协同立法合作框架协议", "Agreement"),
        ("关于加快发展养老服务业的建议", "Suggestion"),
        # a state organ's report is an instrument a congress hears, passes or approves (the golds)
        ("政府工作报告", "Instrument"),
        ("海南省人民政府关于我省财政转移支付工作情况的报告", "Instrument"),
        ("上海市环境空气质量污染应急预案", "Instrument"),
    ],
)
def test_titles_are_typed_by_their_form(title, cls):
    assert classify_title(title) == cls


@pytest.mark.parametrize(
    ("title", "cls"),
    [
        ("人民日报", "Publication"),
        ("法制日报", "Publication"),
        ("浙江日报", "Publication"),
        ("沁园春·雪", "Publication"),
        ("告台湾同胞书", "Publication"),
        ("习近平谈治国理政", "Publication"),
        ("手术知情同意书", None),
        ("居家养老服务机构等级评定标准", None),
        ("学习的方法", "Publication"),
        ("清溪街道人大代表接待选民制度", "Mechanism"),  # a titled system: the 制度 node
        ("代表建议督办机制", "Mechanism"),
    ],
)
def test_titles_that_are_not_instruments(title, cls):
    assert classify_title(title) == cls


@pytest.mark.parametrize(
    "sentence",
    [
        "推进科学立法、民主立法、依法立法。",
        "加强执法，严格司法，全民守法。",
        "总结推广基层的好做法，探索新方法。",
        "找到解决问题的好办法。",
        "这是一个好办法。",
        "研究提出解决办法。",
        "坚持用改革的办法解决发展中的问题。",
        "制定办法，出台意见，作出决定。",
        "督促市政府制定配套办法。",
    ],
)
def test_distractor_words_are_never_instruments(sentence):
    document = entities_of(sentence)
    found = [e.label for e in document.entities if e.cls in ("Law", "Measures", "Opinion", "Decision", "Rules", "Instrument")]
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "制定市人民代表大会议事规则、市人大常委会议事规则。",
            {"武汉市人民代表大会议事规则": "Rules", "武汉市人民代表大会常务委员会议事规则": "Rules"},
        ),
        (
            "制定市人大常委会组成人员联系人大代表办法、人大代表密切联系人民群众办法。",
            {"武汉市人民代表大会常务委员会组成人员联系人大代表办法": "Measures", "人大代表密切联系人民群众办法": "Measures"},
        ),
        ("出台审议意见办理办法，强化清单式督办。", {"审议意见办理办法": "Measures"}),
        ("修订市人大常委会讨论决定重大事项规定。", {"武汉市人民代表大会常务委员会讨论决定重大事项规定": "Rules"}),
        ("作出加强政府投资计划审查监督的决定。", {"加强政府投资计划审查监督的决定": "Decision"}),
        ("签署长三角地区人大常委会协同立法合作框架协议。", {"长三角地区人大常委会协同立法合作框架协议": "Agreement"}),
        (
            "制定省人大常委会立法技术规范和地方性法规立法后评估办法。",
            {"武汉市人民代表大会常务委员会立法技术规范": "Rules", "地方性法规立法后评估办法": "Measures"},
        ),
    ],
)
def test_instruments_after_a_verb_leave_the_verb_out(sentence, expected):
    document = entities_of(sentence.replace("省人大常委会", "市人大常委会"))
    found = {e.label: e.cls for e in document.entities if e.label in expected}
    assert found == expected
    for mention in document.mentions:
        anchor = document.report.text[mention.begin : mention.end]
        assert not anchor.startswith(("制定", "出台", "修订", "作出", "签署"))


@pytest.mark.parametrize(
    ("sentence", "law"),
    [
        ("开展传染病防治法执法检查。", "中华人民共和国传染病防治法"),
        ("听取审议义务教育法实施情况的报告。", "中华人民共和国义务教育法"),
        ("检查《中华人民共和国种子法》实施情况。", "中华人民共和国种子法"),
        ("修改立法法、行政复议法。", "中华人民共和国行政复议法"),
        ("开展食品安全法、畜牧法执法检查。", "中华人民共和国畜牧法"),
    ],
)
def test_national_laws_without_brackets_get_their_full_name(sentence, law):
    document = entities_of(sentence)
    entity = named(document, law)
    assert entity is not None and entity.cls == "Law"
    assert law.removeprefix("中华人民共和国") in entity.alt_labels


def test_bracketed_short_reference_is_the_instrument_named_before():
    document = entities_of("表决通过《南平市武夷岩茶保护条例》。“《条例》共六章四十条。”", "南平市")
    regulations = [e for e in document.entities if e.cls == "Regulation"]
    assert [e.label for e in regulations] == ["南平市武夷岩茶保护条例"]
    assert "《条例》" in regulations[0].alt_labels
    assert sum(m.entity == regulations[0].key for m in document.mentions) == 2


def test_a_title_inside_an_unbracketed_name_is_kept_and_nested():
    document = entities_of("审议通过关于修改《中华人民共和国全国人民代表大会组织法》的决定。", "中华人民共和国")
    kinds = classes(document)
    assert kinds["关于修改中华人民共和国全国人民代表大会组织法的决定"] == "Decision"
    assert kinds["中华人民共和国全国人民代表大会组织法"] == "Law"
