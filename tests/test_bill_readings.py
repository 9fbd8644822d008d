"""A bill read and passed is made, not reviewed; a law whose implementation a report covers is
reviewed (graph contract: reviewed is 听取审议…报告, the report's subject). Texts written for
these tests."""

from __future__ import annotations

from extract_helpers import built, triples

PASSED = """湖南省人大常委会第十次会议闭幕
9月28日，湖南省十三届人大常委会第十次会议在长沙闭幕。会议审议了《湖南省河道采砂管理条例(草案)》，表决通过了《湖南省河道采砂管理条例》。
会议听取审议了省人民政府关于《中华人民共和国水法》实施情况的报告。
"""


def test_a_bill_passed_is_enacted_not_reviewed(tmp_path):
    facts = triples(built(tmp_path, PASSED))
    committee = "湖南省人民代表大会常务委员会"
    assert (committee, "enacted", "湖南省河道采砂管理条例") in facts
    assert (committee, "reviewed", "湖南省河道采砂管理条例") not in facts


def test_a_law_in_force_whose_report_is_heard_is_reviewed(tmp_path):
    facts = triples(built(tmp_path, PASSED))
    assert ("湖南省人民代表大会常务委员会", "reviewed", "中华人民共和国水法") in facts


def test_a_hearing_does_not_run_over_a_comma(tmp_path):
    text = ("第十条 列入会议议程的法律案，常务委员会全体会议听取说明后，由分组会议进行审议，"
            "或者先交有关的专门委员会审议、提出报告。\n")
    activities = [e.label for e in built(tmp_path, text).entities if e.cls == "SupervisionActivity"]
    assert not any("，" in label or "," in label for label in activities), activities


def test_hearings_listed_after_one_verb_keep_it_and_an_ordinal_is_no_count(tmp_path):
    # (a year's hearings, as a work report lists them: a meeting's hearings review their work instead)
    text = ("凤县人大常委会工作报告\n一年来，常委会听取和审议了县十七届人大常委会第1次会议以来审议意见"
            "办理情况的报告、县十七届人大代表资格变动情况的审查报告。\n")
    activities = {e.label for e in built(tmp_path, text).entities if e.cls == "SupervisionActivity"}
    assert "听取和审议县十七届人大常委会第1次会议以来审议意见办理情况的报告" in activities  # 第1次: an ordinal
    assert "听取和审议县十七届人大代表资格变动情况的审查报告" in activities


def test_a_second_verb_joined_by_bing_is_no_part_of_the_title(tmp_path):
    text = "5月8日，长沙市十六届人大常委会召开第九次会议。会议审议并通过了关于修改《长沙市物业管理条例》的决定，批准单行条例2件。\n"
    document = built(tmp_path, text)
    facts = triples(document)
    assert ("长沙市人民代表大会常务委员会", "enacted", "关于修改长沙市物业管理条例的决定") in facts
    assert ("长沙市人民代表大会常务委员会", "revised", "长沙市物业管理条例") in facts
    assert "单行条例" not in {e.label for e in document.entities if e.cls == "Regulation"}  # a kind, no title


def test_a_bill_heard_is_not_reviewed_as_a_report(tmp_path):
    text = ("3月31日，西藏自治区十一届人大常委会第二十八次会议在拉萨开幕。"
            "会议听取了拉萨市人大常委会关于《拉萨市养犬管理条例》的说明。\n")
    facts = triples(built(tmp_path, text))
    assert not any(p == "reviewed" and o == "拉萨市养犬管理条例" for s, p, o in facts)


def test_a_revised_regulation_the_constitution_s_amendment_and_counted_instruments(tmp_path):
    text = ("11月28日，甘肃省十四届人大常委会第六次会议在兰州闭幕。会议表决通过了《甘肃省全民健身条例》(修订)；"
            "审查批准了市州报批的8件地方性法规和修改法规的决定。\n")
    document = built(tmp_path, text)
    facts = triples(document)
    assert ("甘肃省人民代表大会常务委员会", "revised", "甘肃省全民健身条例") in facts  # 《…》(修订): a note, not a word
    assert not any("8件" in e.label for e in document.entities if e.cls != "Statistic")  # counted, no one title
    amendment = built(tmp_path, "3月11日，第十三届全国人民代表大会第一次会议表决通过了宪法修正案。\n", "amendment.txt")
    assert "中华人民共和国宪法修正案" in {e.label for e in amendment.entities if e.cls == "Law"}


def test_who_proposed_a_plan_is_no_part_of_its_name(tmp_path):
    text = "5月8日，长沙市十六届人大常委会召开第九次会议。常委会批准了市人民政府提出的2023年市级预算调整方案。\n"
    assert ("长沙市人民代表大会常务委员会", "approved", "2023年市级预算调整方案") in triples(built(tmp_path, text))


def test_a_list_of_titles_some_called_revised(tmp_path):
    text = ("11月28日，省十四届人大常委会第十三次会议闭幕。会议表决通过了《广东省新型农村集体经济发展促进条例》、"
            "新修订的《广东省公共文化服务促进条例》、新修订的《广东省见义勇为人员奖励和保障条例》。\n")
    facts = triples(built(tmp_path, text))
    committee = "广东省人民代表大会常务委员会"
    assert (committee, "enacted", "广东省新型农村集体经济发展促进条例") in facts
    assert (committee, "revised", "广东省公共文化服务促进条例") in facts
    assert (committee, "revised", "广东省见义勇为人员奖励和保障条例") in facts


ACCOUNTS = """区人大常委会召开第十次会议
会议审议批准区级财政决算和预算调整方案，审议批准《武汉市多元化解纠纷促进条例》。
"""


def test_what_a_committee_reviews_and_approves_it_approved_each(tmp_path):
    facts = triples(built(tmp_path, ACCOUNTS))
    approved = {o for s, p, o in facts if p == "approved"}
    assert approved == {"区级财政决算", "预算调整方案", "武汉市多元化解纠纷促进条例"}, facts
    assert not any(p == "enacted" for s, p, o in facts)  # approval is no enactment (graph contract)


AGENDA_1998 = ("会议建议本次常委会会议的主要议程有：审议执业医师法(草案)、专属经济区和大陆架法(草案)和土地管理法(修订草案)；"
               "审议国务院关于提请审议批准《经济、社会及文化权利国际公约》的议案。全国人大常委会执法检查组开展大气污染防治法执法检查。\n")


def test_a_longer_law_holding_a_known_one_and_a_motion_s_mover_after_a_verb(tmp_path):
    document = built(tmp_path, AGENDA_1998)
    laws = {e.label for e in document.entities if e.cls == "Law"}
    assert {"中华人民共和国执业医师法", "中华人民共和国专属经济区和大陆架法", "中华人民共和国土地管理法"} <= laws, laws
    assert "中华人民共和国医师法" not in laws  # 执业|医师法: the tail of the longer name
    assert "中华人民共和国大气污染防治法" in laws  # the body before a known law is no part of it
    motions = {e.label for e in document.entities if e.cls == "Motion"}
    assert any(label.endswith("国务院关于提请审议批准《经济、社会及文化权利国际公约》的议案") for label in motions), motions


def test_a_report_heard_is_not_what_is_reviewed(tmp_path):
    text = "商丘市人大常委会召开主任会议。会议听取和审议了市政府《关于农业产业化工作情况的报告》。\n"
    facts = triples(built(tmp_path, text))
    assert not any(p == "reviewed" and o.endswith("报告") for s, p, o in facts), facts
