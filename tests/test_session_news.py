"""News of a congress's session and its standing committee's meeting in one item, on a text
written for these tests: 会议 and 大会 stand for the meeting the sentence before opened with (the
standing committee's meeting after the congress's session), and a law written with the state's
name before it (中华人民共和国监察法) ends a list of what was passed like any other item."""

from __future__ import annotations

from extract_helpers import built, triples
from npcgraph.api import build

NEWS = """全国人大闭幕 常委会举行会议
第十三届全国人民代表大会第一次会议20日上午在人民大会堂闭幕。大会表决通过了关于政府工作报告的决议和中华人民共和国监察法。
十三届全国人大常委会第五次会议31日下午在北京人民大会堂闭幕。会议表决通过了个人所得税法修正案。
"""


def test_the_meeting_a_sentence_opens_with_is_what_会议_stands_for_after_it(tmp_path):
    document = built(tmp_path, NEWS)
    labels = {e.key: e.label for e in document.entities}
    facts = triples(document)
    assert ("全国人民代表大会", "enacted", "关于政府工作报告的决议") in facts
    assert ("全国人民代表大会", "enacted", "中华人民共和国监察法") in facts
    assert ("全国人民代表大会常务委员会", "enacted", "个人所得税法修正案") in facts
    assert ("全国人民代表大会", "enacted", "个人所得税法修正案") not in facts


LEGISLATION = """绍兴市为古城保护立法
近年来，绍兴市人大常委会先后制定出台了《绍兴市水资源保护条例》《绍兴市城市绿化管理办法》等地方性法规。
"""


def test_instruments_listed_before_等_and_their_kind_are_each_enacted(tmp_path):
    document = built(tmp_path, LEGISLATION)
    labels = {e.key: e.label for e in document.entities}
    facts = triples(document)
    for name in ("绍兴市水资源保护条例", "绍兴市城市绿化管理办法"):
        assert ("绍兴市人民代表大会常务委员会", "enacted", name) in facts


def test_the_formula_of_the_three_is_one_idea_written_with_or_without_坚持(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("广州市人大常委会工作报告\n常委会坚持党的领导、人民当家作主、依法治国有机统一，依法履职。\n", encoding="utf-8")
    document = build([path]).documents[0]
    concepts = [e for e in document.entities if e.cls == "Concept"]
    assert [e.label for e in concepts] == ["党的领导、人民当家作主、依法治国有机统一"]  # not also its parts
    assert "坚持党的领导、人民当家作主、依法治国有机统一" in concepts[0].alt_labels


def test_the_genres_common_ideas_are_concepts(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("沈阳市人大常委会工作报告\n坚持改革开放，为全面建成小康社会、推动中部崛起作出贡献。\n", encoding="utf-8")
    kinds = {e.label: e.cls for e in build([path]).documents[0].entities}
    for idea in ("改革开放", "全面建成小康社会", "中部崛起"):
        assert kinds.get(idea) == "Concept", idea


def test_a_chairmens_meeting_is_a_numbered_meeting_and_此次_names_none(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("市人大常委会召开立法听证会\n5月10日，武汉市人大常委会召开立法听证会。"
                    "此前，市人大常委会第二十三次主任会议决定举行此次听证会。\n", encoding="utf-8")
    document = build([path]).documents[0]
    labels = {e.key: e.label for e in document.entities}
    facts = {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}
    meeting = "武汉市人民代表大会常务委员会第二十三次主任会议"
    assert (meeting, "organizedBy", "武汉市人民代表大会常务委员会") in facts
    assert "此次听证会" not in labels.values()


def test_a_hearing_is_conducted_not_reviewed(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("十四届全国人大常委会第十二次会议举行\n会议听取审议关于慈善法修正草案审议结果的报告。\n", encoding="utf-8")
    document = build([path]).documents[0]
    labels = {e.key: e.label for e in document.entities}
    assert not any(r.predicate == "reviewed" and labels[r.object].startswith("听取") for r in document.relations)


def test_what_a_number_counts_stops_before_分别_and_以(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("全国人大常委会办公厅召开交办会\n9203件代表建议分别交由194家承办单位研究办理。有9个代表团以代表团名义提出建议。\n", encoding="utf-8")
    labels = {e.label for e in build([path]).documents[0].entities if e.cls == "Statistic"}
    assert not any(label.endswith(("分别交由", "名义")) or "以代表团" in label for label in labels)


def test_a_meeting_named_by_the_committee_convening_it(tmp_path):
    document = built(tmp_path, "通州区人大常委会\n昨天上午，区七届人大常委会召开第十一次会议，决定人事任免事项。\n")
    meetings = [e for e in document.entities if e.cls == "Event"]
    assert [e.label for e in meetings] == ["通州区第七届人民代表大会常务委员会第十一次会议"]
    assert not any("召开" in name for name in meetings[0].alt_labels)  # the verb is no name of the meeting


def test_a_laws_title_line_and_its_bracketed_header(tmp_path):
    path = tmp_path / "law.txt"
    path.write_text("包头市人民代表大会及其常务委员会制定地方性法规条例\n"
                    "（2001年4月29日包头市第十一届人民代表大会第四次会议通过 2001年6月3日内蒙古自治区第九届人民代表大会常务委员会第二十三次会议批准）\n"
                    "第一条 为了规范立法活动，制定本条例。\n", encoding="utf-8")
    document = build([path]).documents[0]
    labels = {e.key: e.label for e in document.entities}
    facts = {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}
    title = "包头市人民代表大会及其常务委员会制定地方性法规条例"  # the whole line, 制定 and all
    assert ("包头市人民代表大会", "enacted", title) in facts
    assert ("内蒙古自治区人民代表大会常务委员会", "approved", title) in facts


def test_a_sitting_named_alone_is_one_of_the_meeting_named_before(tmp_path):
    text = ("黑龙江省十三届人大常委会第二十五次会议闭幕\n"
            "6月23日，黑龙江省十三届人大常委会第二十五次会议在哈尔滨闭幕。省人大常委会主任张庆伟出席下午举行的第二次全体会议。\n")
    events = {e.label for e in built(tmp_path, text).entities if e.cls == "Event"}
    assert "黑龙江省第十三届人民代表大会常务委员会第二十五次会议第二次全体会议" in events
