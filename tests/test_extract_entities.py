"""Bodies, persons, places, programs, supervision activities, motions, events, mechanisms,
platforms, concepts and statistics, and the mentions that anchor them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract_helpers import classes, entities_of, named
from npcgraph.extract.candidates import Candidate, select
from npcgraph.extract.statistics import chinese_number, counted_entities

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("sentence", "label", "cls"),
    [
        ("完善重大事项向党委请示报告制度，向市委请示报告。", "重大事项向党委请示报告制度", "Mechanism"),
        ("坚持和完善基层立法联系点制度和公开征求意见制度。", "公开征求意见制度", "Mechanism"),
        ("坚持“思想引领、学习在先”机制。", "思想引领、学习在先机制", "Mechanism"),
        ("推行“代表联络站+网格”工作法。", "代表联络站+网格工作法", "Mechanism"),
        ("优化升级预算联网监督平台。", "预算联网监督平台", "Platform"),
        ("利用“微邻里”“代表直通车”等网络平台。", "微邻里", "Platform"),
        ("扎实开展代表“三进”活动。", "代表三进活动", "Program"),
        ("扎实开展“制度建设年”和“制度执行年”活动。", "制度执行年活动", "Program"),
        ("听取审议扫黑除恶专项斗争等工作情况报告。", "扫黑除恶专项斗争", "Program"),
        ("督办“创新健康服务供给”大会议案。", "创新健康服务供给大会议案", "Motion"),
        ("开展“切实解决群众看病难看病贵问题”专题询问。", "切实解决群众看病难看病贵问题专题询问", "SupervisionActivity"),
        ("组织城市精细化管理专题询问。", "城市精细化管理专题询问", "SupervisionActivity"),
        ("对2件法规开展立法后评估。", "立法后评估", "SupervisionActivity"),
        ("开展传染病防治法执法检查。", "传染病防治法执法检查", "SupervisionActivity"),
        ("听取审议养老服务体系建设情况报告。", "听取审议养老服务体系建设情况报告", "SupervisionActivity"),
        ("习近平总书记在中央人大工作会议上发表重要讲话。", "中央人大工作会议", "Event"),
        ("在第十四届全国人民代表大会第二次会议上。", "第十四届全国人民代表大会第二次会议", "Event"),
        ("进一步树牢“四个意识”、坚定“四个自信”。", "四个意识", "Concept"),
        ("践行全过程人民民主。", "全过程人民民主", "Concept"),
        ("围绕病有所医，开展调研。", "病有所医", "Concept"),
        ("习近平总书记在会上讲话。", "习近平", "Person"),
        ("市人大代表张海燕在联络站收集诉求。", "张海燕", "Person"),
        ("开展区域协同立法，制定《武汉城市圈人大立法项目协同办法》。", "武汉城市圈", "Place"),
        ("象山县、北仑区的联系点。", "北仑区", "Place"),
    ],
)
def test_named_things_of_every_class(sentence, label, cls):
    document = entities_of(sentence)
    assert classes(document).get(label) == cls, classes(document)


@pytest.mark.parametrize(
    "sentence",
    [
        "打出监督“组合拳”。",
        "做好立法“后半篇文章”。",
        "采取“走出去+请进来”方式。",
        "健全联系制度，完善督办机制。",
        "用制度管人管事管权。",
    ],
)
def test_figures_of_speech_and_generic_phrases_are_not_entities(sentence):
    document = entities_of(sentence)
    assert [e.label for e in document.entities if e.cls not in ("Organization", "Statistic")] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "approximate", "label"),
    [
        ("充分发挥1068个代表工作室、联络站功效。", "1068", "个", False, "代表工作室、联络站"),
        ("全市325个代表小组累计开展活动。", "325", "个", False, "代表小组"),
        ("代表提出的1800多件建议全部办结。", "1800", "件", True, "建议"),
        ("向市委请示报告50余件次。", "50", "件次", True, "向市委请示报告"),
        ("组织专题讲座35场。", "35", "场", False, "专题讲座"),
        ("收集意见建议2.6万多条。", "26000", "条", True, "意见建议"),
        ("全省基层立法联系点达到128个。", "128", "个", False, "基层立法联系点"),
    ],
)
def test_statistics_have_value_unit_and_what_they_count(sentence, value, unit, approximate, label):
    stats = [e for e in entities_of(sentence).entities if e.cls == "Statistic"]
    assert [(e.value, e.unit, e.approximate, e.label) for e in stats] == [(Decimal(value), unit, approximate, label)]


@pytest.mark.parametrize("sentence", ["2022年第4期。", "两年来。", "召开第一次会议。", "一批成果。", "十九大精神。"])
def test_dates_ordinals_and_words_are_not_statistics(sentence):
    assert [e for e in entities_of(sentence).entities if e.cls == "Statistic"] == []


def test_counted_entities_point_from_a_statistic_to_what_it_counts():
    document = entities_of("全市325个代表小组累计开展活动，设立10个基层立法联系点。")
    pairs = {(named(document, "325个代表小组").key, named(document, "代表小组").key),
             (named(document, "10个基层立法联系点").key, named(document, "基层立法联系点").key)}
    assert pairs == {(stat, counted) for stat, counted, _ in counted_entities(document)}


@pytest.mark.parametrize(("numeral", "value"), [("二十五", 25), ("一百二十", 120), ("两", 2), ("十二", 12), ("三千零五", 3005)])
def test_chinese_numerals(numeral, value):
    assert chinese_number(numeral) == value


def _reports() -> list[Path]:
    return sorted(p for p in DATA.glob("*/*") if p.suffix in (".txt", ".md") and p.name != "README.md")


@pytest.mark.parametrize("path", _reports(), ids=lambda p: p.parent.name)
def test_every_mention_anchors_its_text_inside_its_sentence(path):
    from npcgraph.extract.entities import find_entities
    from npcgraph.extract.metadata import metadata_entities
    from npcgraph.model import Document
    from npcgraph.pipeline import read_report

    document = find_entities(metadata_entities(Document(read_report(path))))
    keys = {e.key for e in document.entities}
    assert document.mentions
    for mention in document.mentions:
        sentence = document.report.sentences[mention.sentence]
        assert sentence.begin <= mention.begin < mention.end <= sentence.end
        assert mention.entity in keys
        assert document.report.text[mention.begin : mention.end].strip()


_CLASSES = ["Organization", "Place", "Law", "Regulation", "Statistic", "SupervisionActivity", "Concept"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(_CLASSES)), max_size=25))
def test_selected_spans_never_cross(spans):
    kept = select([Candidate(b, b + n, cls, f"{cls}{b}") for b, n, cls in spans])
    for a in kept:
        for b in kept:
            if a is not b and a.begin < b.end and b.begin < a.end:  # overlapping: one holds the other
                assert (a.begin <= b.begin and b.end <= a.end) or (b.begin <= a.begin and a.end <= b.end)
