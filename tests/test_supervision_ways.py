"""The ways a supervision is carried out, on texts written for these tests: the items of a list
closed by 等方式 that name a way of inspecting (实地考察, 问卷调查) are activities, the rest
(座谈交流, 征求意见) are not; 督查督办 and 督办 with their topic; a generic word before 督办 names none."""

from __future__ import annotations

from extract_helpers import built, triples

WAYS = """湖州市人大常委会开展代表建议督查督办
今年以来，市人大常委会采取实地考察、问卷调查、座谈交流等方式，开展代表建议督查督办。
各区县人大常委会通过案卷评查、抽样调查、网上公开征求意见等多种方式收集意见。
对群众反映强烈的停车难问题开展跟踪督办。
"""


def test_the_ways_of_a_supervision_listed_before_its_mode_are_activities(tmp_path):
    document = built(tmp_path, WAYS)
    document = document
    kinds = {e.label: e.cls for e in document.entities}
    for way in ("实地考察", "问卷调查", "案卷评查", "抽样调查"):
        assert kinds.get(way) == "SupervisionActivity", way
    assert "座谈交流" not in kinds and "网上公开征求意见" not in kinds
    assert kinds.get("代表建议督查督办") == "SupervisionActivity"
    assert "跟踪督办" not in kinds  # 跟踪 is no topic
    labels = {e.key: e.label for e in document.entities}
    facts = {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}
    assert ("湖州市人民代表大会常务委员会", "conducted", "代表建议督查督办") in facts


ACTIVITIES = """青山镇人大开展代表接待日活动
定于9月1日举行代表接待日活动。镇人大第一代表小组开展第四季度集中活动，组织开展代表履职活动和各类活动。
有关部门负责人参加了宣誓活动。
"""


def test_a_named_activity_a_body_holds_is_a_program_and_a_generic_one_is_not(tmp_path):
    document = built(tmp_path, ACTIVITIES)
    kinds = {e.label: e.cls for e in document.entities}
    assert kinds.get("代表接待日活动") == "Program" and kinds.get("第四季度集中活动") == "Program"
    assert not any(label.endswith(("履职活动", "各类活动", "宣誓活动")) for label in kinds)


OVERVIEW = """广州市人大常委会工作报告
一年来，常委会共听取和审议专项工作报告31项，累计开展执法检查5项，听取审议一府两院22个报告。
"""


def test_an_overviews_count_adverbs_leave_the_activity_the_committees(tmp_path):
    document = built(tmp_path, OVERVIEW)
    labels = {e.key: e.label for e in document.entities}
    facts = triples(document)
    assert ("广州市人民代表大会常务委员会", "conducted", "听取和审议专项工作报告") in facts  # 共听取和审议…
    assert ("广州市人民代表大会常务委员会", "conducted", "执法检查") in facts  # 累计开展…
    assert not any("22个报告" in label for label in labels.values())  # a count of hearings, no hearing


def test_an_activity_carried_out_with_进行_is_conducted(tmp_path):
    document = built(tmp_path, "广州市人民代表大会常务委员会工作报告\n一年来，常委会对49件规范性文件进行了备案审查，对条例进行修改。\n")
    labels = {e.key: e.label for e in document.entities}
    facts = triples(document)
    assert ("广州市人民代表大会常务委员会", "conducted", "备案审查") in facts
    assert not any(p == "conducted" and o != "备案审查" for _, p, o in facts)  # 进行修改 conducts no activity


def test_a_meeting_that_hears_and_deliberates_is_its_committees_act(tmp_path):
    document = built(tmp_path, "成都市人大常委会\n6月28日，市十六届人大常委会第十次会议听取和审议了市人民政府关于2022年市级决算的报告。\n")
    facts = triples(document)
    assert ("成都市人民代表大会常务委员会", "reviewed", "2022年市级决算") in facts


def test_named_ways_of_supervising_standing_alone(tmp_path):
    document = built(tmp_path, "6月5日，县人大常委会组织部分代表开展民主评议，并对农村居民开展问卷调查，对乡镇工作进行督导检查。\n")
    activities = {e.label for e in document.entities if e.cls == "SupervisionActivity"}
    assert {"民主评议", "问卷调查", "督导检查"} <= activities


def test_meetings_a_body_holds_by_their_kind(tmp_path):
    document = built(tmp_path, "2月3日，区人大常委会召开党组扩大会，随后举办全区人大代表参加的辅导报告会，并在街道举行人大代表联络站揭牌仪式。\n")
    events = {e.label for e in document.entities if e.cls == "Event"}
    assert {"党组扩大会", "辅导报告会", "人大代表联络站揭牌仪式"} <= events, events


def test_a_count_after_an_activity_is_its_count_not_a_word_after_it(tmp_path):
    document = built(tmp_path, "过去一年，自治区人大常委会开展专题询问1次并进行满意度测评。\n")
    labels = {e.key: e.label for e in document.entities}
    statistics = [e for e in document.entities if e.cls == "Statistic"]
    assert [s.label for s in statistics] == ["专题询问"]  # not 并, the conjunction after 1次
    assert any(r.predicate == "counts" and labels[r.object] == "专题询问" for r in document.relations)


def test_a_quoted_campaign_after_a_verb_in_the_past_tense(tmp_path):
    document = built(tmp_path, "今年，市人大常委会开展了“人大代表进社区”活动。\n")
    programs = {e.label for e in document.entities if e.cls == "Program"}
    assert programs == {"人大代表进社区活动"}


def test_an_inspection_after_a_verb_in_the_past_tense(tmp_path):
    document = built(tmp_path, "5月8日，长沙市人大常委会组织开展了食品安全法执法检查。\n")
    activities = {e.label for e in document.entities if e.cls == "SupervisionActivity"}
    assert "食品安全法执法检查" in activities and not any(a.startswith("了") for a in activities)


def test_no_name_begins_with_the_verb_s_tense(tmp_path):
    document = built(tmp_path, "5月8日，市人大常委会开展了民主评议，进行了新一轮执法检查，举办了代表培训班。\n")
    labels = {e.label for e in document.entities}
    assert not any(label.startswith("了") for label in labels), labels


def test_two_ways_of_working_joined_are_two_activities(tmp_path):
    document = built(tmp_path, "5月8日，省人大常委会组织代表进行集中学习和视察，并对居民开展访谈和问卷调查。\n")
    activities = {e.label for e in document.entities if e.cls in ("SupervisionActivity", "Activity")}
    assert {"集中学习", "视察", "访谈", "问卷调查"} <= activities
    assert not any("和" in a for a in activities)


def test_an_inspection_named_by_what_it_checks_is_also_its_first_law_s_inspection(tmp_path):
    text = ("河南省十二届人大常委会第二十五次会议在郑州开幕。会议听取了检查《中华人民共和国种子法》和《河南省实施〈中华人民共和国种子法〉办法》"
            "贯彻实施情况的报告。\n")
    document = built(tmp_path, text)
    inspection = next(e for e in document.entities if e.cls == "SupervisionActivity" and e.label.startswith("检查"))
    assert "中华人民共和国种子法执法检查" in inspection.alt_labels, inspection


def test_reports_on_a_bill_s_deliberation_are_no_supervision(tmp_path):
    text = ("会议听取了王洪祥、周光权分别作的关于公司法修订草案审议结果的报告、关于慈善法修正草案审议结果的报告。"
            "会议审议各项报告，听取审议市政府关于养老服务工作情况的报告。\n")
    activities = {e.label for e in built(tmp_path, text).entities if e.cls == "SupervisionActivity"}
    assert not any("审议结果" in label or label.startswith("审议各项") for label in activities), activities
    assert not any(label.endswith("养老服务工作情况的报告") for label in activities), activities  # a meeting's: the work it is on
    assert ("Activity", "养老服务工作") in {(e.cls, e.label) for e in built(tmp_path, text).entities}


def test_a_hearing_that_also_passes_its_report_is_named_by_the_hearing(tmp_path):
    text = ("市人大常委会召开会议。会议听取审议并表决通过了市人大常委会教科文卫工委关于对食品安全法执法检查情况的报告、"
            "市中级人民法院关于民事审判工作的报告。\n")
    document = built(tmp_path, text)
    activities = {e.label for e in document.entities if e.cls in ("SupervisionActivity", "Activity")}
    assert {"食品安全法执法检查", "民事审判工作"} <= activities, activities  # a meeting's hearings: the work reported on
    assert not any("通过" in label for label in activities), activities
    (tmp_path / "year").mkdir()
    year = built(tmp_path / "year", "市人大常委会工作报告\n一年来，听取审议并表决通过了市中级人民法院关于民事审判工作的报告。\n")
    hearings = {e.label for e in year.entities if e.cls == "SupervisionActivity"}
    assert "听取审议市中级人民法院关于民事审判工作的报告" in hearings, hearings  # a year's: the hearing
