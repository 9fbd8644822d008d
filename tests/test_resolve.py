"""Resolution: short names by the report's jurisdiction, one node per real thing, alt labels."""

from __future__ import annotations

import pytest

from extract_helpers import entities_of, named
from npcgraph.ids import entity_key


@pytest.mark.parametrize(
    ("place", "written", "full"),
    [
        ("武汉市", "市人大常委会", "武汉市人民代表大会常务委员会"),
        ("武汉市", "常委会", "武汉市人民代表大会常务委员会"),
        ("武汉市", "市委", "中国共产党武汉市委员会"),
        ("武汉市", "省委", "中国共产党湖北省委员会"),
        ("武汉市", "主任会议", "武汉市人民代表大会常务委员会主任会议"),
        ("武汉市", "市政府", "武汉市人民政府"),
        ("武汉市", "市中级人民法院", "武汉市中级人民法院"),
        ("浙江省", "省人大常委会", "浙江省人民代表大会常务委员会"),
        ("浙江省", "常委会", "浙江省人民代表大会常务委员会"),
        ("浙江省", "省委", "中国共产党浙江省委员会"),
        ("浙江省", "省高级人民法院", "浙江省高级人民法院"),
        ("南平市", "市人大常委会", "南平市人民代表大会常务委员会"),
        ("南平市", "省人大常委会", "福建省人民代表大会常务委员会"),
        ("中华人民共和国", "常委会", "全国人民代表大会常务委员会"),
        ("中华人民共和国", "委员长会议", "全国人民代表大会常务委员会委员长会议"),
        ("武汉市", "全国人大财经委", "全国人民代表大会财政经济委员会"),
        ("武汉市", "全国人大常委会法工委", "全国人民代表大会常务委员会法制工作委员会"),
        ("武汉市", "党中央", "中国共产党中央委员会"),
        ("武汉市", "国务院", "中华人民共和国国务院"),
        ("武汉市", "新华社", "新华通讯社"),
    ],
)
def test_short_names_resolve_by_jurisdiction(place, written, full):
    document = entities_of(f"会议期间，{written}听取了汇报。", place)
    entity = named(document, written)
    assert entity is not None, [e.label for e in document.entities]
    assert (entity.cls, entity.label) == ("Organization", full)
    assert written in entity.alt_labels


def test_the_same_short_name_in_two_places_gives_two_nodes():
    wuhan = named(entities_of("市人大常委会审议了报告。", "武汉市"), "市人大常委会")
    nanping = named(entities_of("市人大常委会审议了报告。", "南平市"), "市人大常委会")
    assert wuhan.key != nanping.key
    assert wuhan.label.startswith("武汉市") and nanping.label.startswith("南平市")


def test_local_names_without_a_place_are_told_apart_by_jurisdiction():
    sentence = "出台审议意见办理办法。开展代表“三进”活动。"
    wuhan = entities_of(sentence, "武汉市")
    zhejiang = entities_of(sentence, "浙江省")
    for name in ("审议意见办理办法", "代表三进活动"):
        assert named(wuhan, name).key != named(zhejiang, name).key
    # ... while things that are the same everywhere are one node.
    law = "开展传染病防治法执法检查。"
    assert named(entities_of(law, "武汉市"), "传染病防治法").key == named(entities_of(law, "浙江省"), "传染病防治法").key


def test_every_name_of_a_body_is_kept_once_under_its_full_name():
    document = entities_of("武汉市人大常委会坚持党的领导。市人大常委会党组研究部署。常委会组成人员深入基层。", "武汉市")
    committee = named(document, "常委会")
    assert committee.label == "武汉市人民代表大会常务委员会"
    assert {"武汉市人大常委会", "常委会"} <= set(committee.alt_labels)
    assert committee.key == entity_key("Organization", "武汉市人民代表大会常务委员会") == document.reporting_body
    assert sum(e.label == committee.label for e in document.entities) == 1


def test_coordinated_places_before_one_body_are_each_a_body():
    document = entities_of("与上海市、江苏省、安徽省人大常委会同步立法。", "浙江省")
    labels = {e.label for e in document.entities if e.cls == "Organization"}
    assert {"上海市人民代表大会常务委员会", "江苏省人民代表大会常务委员会", "安徽省人民代表大会常务委员会"} <= labels


def test_canonical_labels_have_no_brackets_or_quotes_and_keep_the_written_forms():
    document = entities_of("制定《武汉市供水条例》，利用“代表直通车”等网络平台，开展“我为群众办实事”实践活动。")
    for entity in document.entities:
        assert not set("《》“”") & set(entity.label), entity.label
    assert "《武汉市供水条例》" in named(document, "武汉市供水条例").alt_labels
    assert "“代表直通车”" in named(document, "代表直通车").alt_labels


def test_extraction_is_deterministic(seed_path):
    from npcgraph.pipeline import read_report
    from npcgraph.extract.entities import find_entities
    from npcgraph.extract.metadata import metadata_entities
    from npcgraph.model import Document

    runs = [find_entities(metadata_entities(Document(read_report(seed_path)))) for _ in range(2)]
    assert runs[0] == runs[1]
