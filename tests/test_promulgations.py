"""A promulgation notice as standing committees print it, on a text written for these tests: the
instrument first, each meeting with what it did right after its name (…会议通过，经…会议批准),
现予公布 and the body signing the notice, which issues it; a decision amending several
regulations (关于修改〈X〉等3件地方性法规的决定) revises X."""

from __future__ import annotations

from extract_helpers import built, triples

NOTICE = """包头市人民代表大会常务委员会公告
《包头市人民代表大会常务委员会关于修改〈包头市市容环境卫生管理条例〉等3件地方性法规的决定》已于2024年10月28日包头市第十六届人民代表大会常务委员会第二十一次会议通过，经2024年11月28日内蒙古自治区第十四届人民代表大会常务委员会第十三次会议批准，现予公布，自公布之日起施行。
包头市人民代表大会常务委员会
2024年12月5日
"""

DECISION = "包头市人民代表大会常务委员会关于修改〈包头市市容环境卫生管理条例〉等3件地方性法规的决定"


def test_each_meeting_did_what_follows_its_name(tmp_path):
    facts = triples(built(tmp_path, NOTICE))
    assert ("包头市人民代表大会常务委员会", "enacted", DECISION) in facts
    assert ("内蒙古自治区人民代表大会常务委员会", "approved", DECISION) in facts
    assert ("内蒙古自治区人民代表大会常务委员会", "enacted", DECISION) not in facts


def test_the_signing_body_issues_what_it_promulgates(tmp_path):
    facts = triples(built(tmp_path, NOTICE))
    assert ("包头市人民代表大会常务委员会", "issued", DECISION) in facts


def test_a_decision_amending_several_regulations_revises_the_one_named(tmp_path):
    facts = triples(built(tmp_path, NOTICE))
    assert ("包头市人民代表大会常务委员会", "revised", "包头市市容环境卫生管理条例") in facts


def test_a_notice_is_named_with_its_number_on_its_line_or_the_next(tmp_path):
    text = "全国人民代表大会常务委员会公告\n〔十三届〕第七号\n新华社北京4月23日电 根据代表法的规定，陈晓峰的代表资格终止。\n全国人民代表大会常务委员会\n2019年4月23日\n"
    document = built(tmp_path, text)
    notice = next(e for e in document.entities if e.label.startswith("全国人民代表大会常务委员会公告"))
    assert notice.label == "全国人民代表大会常务委员会公告〔十三届〕第七号"
    assert "全国人民代表大会常务委员会公告" in notice.alt_labels
    assert ("全国人民代表大会常务委员会", "issued", notice.label) in triples(document)


def test_orders_listed_by_number_each_go_by_their_whole_short_name(tmp_path):
    document = built(tmp_path, "6月30日，国家主席胡锦涛分别签署第48号、49号主席令，公布了有关法律。\n")
    names = {e.label: set(e.alt_labels) for e in document.entities if e.cls == "Instrument"}
    assert "第48号主席令" in names["中华人民共和国主席令第48号"]
    assert "第49号主席令" in names["中华人民共和国主席令第49号"]
