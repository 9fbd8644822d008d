"""Posts and acts in forms of meeting news, supervision and reports, on texts written for these
tests: a party group's secretary of a standing committee whose place the report never names; a
government leader's title before a name (副县长李明) where the text speaks of a government."""

from __future__ import annotations

import pytest
from extract_helpers import built, triples


def _facts(tmp_path, text: str) -> set[tuple[str, str, str]]:
    return triples(built(tmp_path, text))


def test_a_party_groups_secretary_of_an_unplaced_committee_holds_both_posts(tmp_path):
    facts = _facts(tmp_path, "区人大常委会党组书记、主任郑红作常委会工作报告。县人大常委会党组副书记、副主任张华宣读决定。\n")
    assert ("郑红", "memberOf", "区人民代表大会常务委员会") in facts
    assert ("郑红", "memberOf", "区人民代表大会常务委员会党组") in facts
    assert ("区人民代表大会常务委员会党组", "partOf", "区人民代表大会常务委员会") in facts
    assert ("张华", "memberOf", "县人民代表大会常务委员会") in facts


def test_a_leaders_title_before_a_name_is_a_post_in_the_government_the_text_speaks_of(tmp_path):
    (tmp_path / "named").mkdir()
    (tmp_path / "unnamed").mkdir()
    facts = _facts(tmp_path / "named", "草潭镇人大召开第三次会议。镇党委副书记、镇长王平作政府工作报告，副镇长李明列席。\n")
    assert {("王平", "memberOf", "草潭镇人民政府"), ("李明", "memberOf", "草潭镇人民政府")} <= facts
    assert ("王平", "memberOf", "中国共产党草潭镇委员会") in facts  # the party post before it kept
    # a text that never writes 政府: the title alone gives no government (the golds read it so)
    unnamed = _facts(tmp_path / "unnamed", "五河县人大常委会召开第十次会议。副县长李明列席会议。\n")
    assert not any(s == "李明" and o.endswith("人民政府") for s, _, o in unnamed)


@pytest.mark.parametrize(("who", "survey", "text"), [
    ("李萍", "调研", "5月8日，宝山区人大常委会主任李萍一行赴淞南镇开展调研。\n"),
    ("栗战书", "调研", "全国人大常委会委员长栗战书到贵州调研人大工作。\n"),
    ("全国人民代表大会教育科学文化卫生委员会", "义务教育法实施情况调研", "全国人大教科文卫委员会到江西调研义务教育法实施情况。\n"),
])
def test_a_visits_survey_by_its_bare_kind_was_conducted_by_who_went(tmp_path, who, survey, text):
    assert (who, "conducted", survey) in _facts(tmp_path, text)


def test_a_survey_group_a_report_and_a_list_of_kinds_are_no_bare_visit(tmp_path):
    document = built(tmp_path, (
        "调研组赴黔南州调研组织建设情况。会后形成调研报告。镇人大组织代表开展视察、调研活动11次。"
        "习近平总书记亲临贵州视察。\n"
    ))
    assert not [e.label for e in document.entities if e.label in ("调研", "视察")]


def test_a_meeting_a_committee_convenes_is_also_named_without_the_verb(tmp_path):
    document = built(tmp_path, "2019年12月31日，巴中市第四届人大常委会召开第二十四次会议，开展满意度测评。\n")
    meeting = next(e for e in document.entities if e.cls == "Event" and "第二十四次会议" in e.label)
    assert "巴中市第四届人大常委会第二十四次会议" in (meeting.label, *meeting.alt_labels)


def test_each_report_of_a_meetings_list_is_on_work_the_committee_reviewed(tmp_path):
    facts = _facts(tmp_path, (
        "5月9日，青原县第十八届人大常委会召开第十二次会议。\n"
        "会议听取审议了县政府关于农村饮水安全、校园食品安全、养老服务体系建设等报告和关于优化营商环境、"
        "贯彻落实《江西省安全生产条例》情况的报告。\n"
        "听取和审议了县人民政府关于2024年上半年国民经济和社会发展计划执行情况、2023年县本级财政决算(草案)的报告。\n"
    ))
    committee = "青原县人民代表大会常务委员会"
    for topic in ("农村饮水安全", "校园食品安全", "养老服务体系建设", "优化营商环境", "江西省安全生产条例",
                  "2024年上半年国民经济和社会发展计划", "2023年县本级财政决算"):
        assert (committee, "reviewed", topic) in facts, topic


def test_a_county_meetings_news_that_never_names_its_county_keeps_its_bodies_as_written(tmp_path):
    facts = _facts(tmp_path, (
        "3月28日下午，县十七届人大常委会召开第二十七次会议。县委常委、常务副县长郝明，县政协副主席朱华，县法院院长陈刚列席会议。"
        "会议听取并审议了在我县产生的部分扬州市人大代表履职情况的报告。\n"
    ))
    assert ("朱华", "memberOf", "中国人民政治协商会议县委员会") in facts
    assert ("陈刚", "memberOf", "县人民法院") in facts
    assert ("郝明", "memberOf", "中国共产党县委员会") in facts  # not 扬州市's, a city it names once


def test_a_candidate_for_a_post_holds_only_the_posts_he_has_and_a_name_listed_ends_before_its_and_so_on(tmp_path):
    document = built(tmp_path, (
        "7月4日，特克斯县第十八届人大常委会召开第十六次会议。县人大常委会党组书记、副主任候选人刘跃江同志作了讲话。"
        "会议审议表决通过了哈力木拉提·赛坎等6名同志辞去相关职务的申请。\n"
    ))
    facts = triples(document)
    assert ("刘跃江", "memberOf", "特克斯县人民代表大会常务委员会党组") in facts
    assert ("刘跃江", "memberOf", "特克斯县人民代表大会常务委员会") not in facts  # a candidate, not yet its vice-chair
    assert "哈力木拉提·赛坎" in {e.label for e in document.entities if e.cls == "Person"}


def test_a_reports_title_in_a_meetings_list_stands_for_what_it_is_on(tmp_path):
    document = built(tmp_path, (
        "7月4日，特克斯县第十八届人大常委会召开第十六次会议。会议听取并通过了会议议程。\n"
        "听取审议了县人民政府关于《特克斯县2024年年初预算绩效目标编制情况的报告》、县人大常委会关于《特克斯县高标准农田建设情况调研报告》。\n"
    ))
    facts = triples(document)
    committee = "特克斯县人民代表大会常务委员会"
    assert (committee, "reviewed", "特克斯县2024年年初预算绩效目标编制") in facts
    assert (committee, "reviewed", "特克斯县高标准农田建设") in facts
    assert not [e for e in document.entities if e.label.endswith("报告")]


def test_each_name_of_a_roll_of_deputies_is_a_deputy_of_that_congress(tmp_path):
    facts = _facts(tmp_path, (
        "3月3日，济宁市8名全国人大代表启程赴京。此次赴京参会的驻济全国人大代表分别是：济宁市委书记温金荣，"
        "济宁市农业科学研究院院长于安玲，山东恒信集团有限公司董事长司相芳。\n"
    ))
    for deputy in ("温金荣", "于安玲", "司相芳"):
        assert (deputy, "memberOf", "全国人民代表大会") in facts, deputy


def test_a_mid_year_report_is_on_the_years_plan_and_a_list_ending_with_a_committees_review_report_stands(tmp_path):
    document = built(tmp_path, (
        "9月8日，玉溪市六届人大常委会召开第四次会议。会议听取和审议了市人民政府关于2022年上半年国民经济和社会发展计划执行情况、"
        "2021年地方财政决算(草案)的报告及市人大财经委的审查结果报告。\n"
    ))
    plan = next(e for e in document.entities if "国民经济和社会发展计划" in e.label)
    assert plan.cls == "Plan" and "2022年国民经济和社会发展计划" in (plan.label, *plan.alt_labels)
    assert ("玉溪市人民代表大会常务委员会", "reviewed", "2021年地方财政决算") in triples(document)


def test_a_place_convening_names_its_meeting_and_a_body_form_alone_is_no_body(tmp_path):
    document = built(tmp_path, "7月4日，特克斯县召开第十八届人民代表大会常务委员会第十六次会议。\n")
    labels = {e.label for e in document.entities}
    assert "特克斯县第十八届人民代表大会常务委员会第十六次会议" in labels
    assert "人民代表大会常务委员会" not in labels  # no one body's name


def test_an_unplaced_prefectures_committee_and_a_townships_presidium_named_by_level(tmp_path):
    (tmp_path / "prefecture").mkdir()
    (tmp_path / "township").mkdir()
    assert ("杨丽", "memberOf", "州人民代表大会常务委员会") in _facts(tmp_path / "prefecture", "州人大常委会副主任杨丽主持会议。\n")
    facts = _facts(tmp_path / "township", "青石镇召开第十八届人民代表大会第三次会议。镇人大主席团主席孙强主持会议。\n")
    assert ("孙强", "memberOf", "青石镇人民代表大会主席团") in facts


def test_an_inquiry_on_a_topic_done_in_the_past_is_named_by_the_work_without_its_scope(tmp_path):
    facts = _facts(tmp_path, "8月31日，固原市人大常委会就全市农业农村工作进行了专题询问和测评。\n")
    assert ("固原市人民代表大会常务委员会", "conducted", "农业农村工作专题询问") in facts


def test_who_proposes_an_appointment_through_a_post_does_not_appoint(tmp_path):
    facts = _facts(tmp_path, "益阳市人大常委会召开第十次会议。根据市人民政府市长的提请，会议决定任命张明为市公安局局长。\n")
    assert ("益阳市人民代表大会常务委员会", "appointed", "张明") in facts
    assert not any(p == "appointed" and s.endswith("人民政府") for s, p, _ in facts)


def test_a_working_group_named_by_its_kind_alone_is_a_body(tmp_path):
    document = built(tmp_path, "8月，固原市人大常委会组成调研组，赴各县区开展调研。调研组先后到原州区、西吉县实地查看。\n")
    assert ("Organization", "调研组") in {(e.cls, e.label) for e in document.entities}


def test_the_partys_central_departments_by_their_short_names(tmp_path):
    facts = _facts(tmp_path, "中共中央政治局委员、中宣部部长李书磊参加江西代表团审议。\n")
    assert ("李书磊", "memberOf", "中国共产党中央委员会宣传部") in facts
    assert ("李书磊", "memberOf", "中国共产党中央委员会政治局") in facts


@pytest.mark.parametrize("text", [
    "青原县第十八届人大常委会召开第十二次会议。会议听取了县人大法制委主任委员李明、县人大财经委主任委员王刚关于条例草案的说明。"
    "会议还听取了关于青原县河道管理条例(草案)、青原县养犬管理条例(草案)修改意见的汇报。\n",
    "全国人大常委会第四次会议举行。今天的会议还听取了全国人大法律委员会主任委员王维澄关于专属经济区和大陆架法(草案)、"
    "执业医师法(草案)和土地管理法(修订草案)修改意见的汇报。\n",
])
def test_a_list_of_reporters_or_a_report_on_bills_amendments_names_no_work_reported_on(tmp_path, text):
    assert not [f for f in _facts(tmp_path, text) if f[1] == "reviewed"]


def test_a_motion_proposing_an_appointment_appoints_no_one_a_report_on_a_decision_made_does(tmp_path):
    (tmp_path / "motion").mkdir()
    (tmp_path / "report").mkdir()
    motion = _facts(tmp_path / "motion", "益阳市人大常委会召开第十次会议。会议审议了市人民政府关于提请任命张明为市公安局局长的议案。\n")
    assert not [f for f in motion if f[1] == "appointed"]
    report = _facts(tmp_path / "report", "宝丰县第十五届人大五次会议举行预备会议。书面印发了县人大常委会《关于接受许红兵辞去宝丰县人民政府县长职务决定的报告》。\n")
    assert ("许红兵", "memberOf", "宝丰县人民政府") in report


def test_a_body_written_by_its_level_also_goes_by_that_form_with_its_place(tmp_path):
    document = built(tmp_path, "巴中市第四届人大常委会召开第二十四次会议。市人大财经委负责同志列席。\n")
    committee = next(e for e in document.entities if e.label == "巴中市人民代表大会财政经济委员会")
    assert "巴中市人大财经委" in committee.alt_labels


def test_the_body_convening_in_the_opening_places_the_report_and_a_short_organ_is_resolved(tmp_path):
    document = built(tmp_path, (
        "2019年12月31日，巴中市第四届人大常委会召开第二十四次会议，对南江县人民政府审计查出问题整改情况开展满意度测评。"
        "会前，市人大常委会副主任王熏陶率常委会预算工委深入南江县，督查南江县审计整改。\n"
    ))
    organ = next(e for e in document.entities if e.label.endswith("预算工作委员会"))
    assert organ.label == "巴中市人民代表大会常务委员会预算工作委员会"
    assert "巴中市人大常委会预算工委" in organ.alt_labels
    assert ("巴中市人民代表大会常务委员会预算工作委员会", "partOf", "巴中市人民代表大会常务委员会") in triples(document)


def test_the_genres_standing_ideas_are_concepts_under_one_name_each(tmp_path):
    document = built(tmp_path, (
        "市人大常委会坚持全面深化改革，全面推进依法治国，助力乡村全面振兴，铸牢中华民族共同体意识，发扬钉钉子精神，树立正确政绩观。\n"
    ))
    concepts = {e.label: e for e in document.entities if e.cls == "Concept"}
    assert {"全面深化改革", "全面依法治国", "乡村振兴", "中华民族共同体意识", "钉钉子精神", "正确政绩观"} <= set(concepts)
    assert "全面推进依法治国" in concepts["全面依法治国"].alt_labels  # as written, too


def test_a_clauses_own_words_before_a_level_word_are_no_place(tmp_path):
    document = built(tmp_path, (
        "疫情防控工作的同时，尽快推进街道居民议政会代表推选。紧紧围绕街道中心任务开展工作。1月18日下午，全体区人大代表通过差额票决。"
        "5件建议被义安区人大常委会采纳。代表前往城南街道调研。\n"
    ))
    places = {e.label for e in document.entities if e.cls == "Place"}
    assert not {"尽快推进街道", "紧紧围绕街道", "全体区", "被义安区"} & places
    assert "城南街道" in places


def test_a_meetings_venue_is_a_place(tmp_path):
    document = built(tmp_path, "9月29日上午，鸡泽县第十七届人大常委会第三十七次会议在机关三楼会议室召开。会议在历下大厦三楼中心会议室举行。\n")
    places = {e.label for e in document.entities if e.cls == "Place"}
    assert {"机关三楼会议室", "历下大厦"} <= places


def test_a_democratic_partys_committee_a_supervision_commission_by_its_short_name_and_their_posts(tmp_path):
    facts = _facts(tmp_path, (
        "汉寿县第十七届人大常委会召开第十一次会议。县委常委、县纪委书记、县监察委主任曾群列席会议。"
        "济宁市农业科学研究院院长、民建济宁市委副主委于安玲出席。\n"
    ))
    assert ("曾群", "memberOf", "汉寿县监察委员会") in facts
    assert ("于安玲", "memberOf", "中国民主建国会济宁市委员会") in facts
    assert ("于安玲", "memberOf", "济宁市农业科学研究院") in facts
    assert not any(s == "于安玲" and o.startswith("中国共产党") for s, _, o in facts)


def test_a_meeting_named_under_the_place_above_its_own_keeps_its_committee_and_congress(tmp_path):
    facts = _facts(tmp_path, "——在2024年9月11日上海市徐汇区第十七届人民代表大会常务委员会第二十一次会议上\n")
    assert ("徐汇区人民代表大会常务委员会", "partOf", "徐汇区人民代表大会") in facts


@pytest.mark.parametrize(("person", "body", "text"), [
    ("张明", "益阳市人民政府", "益阳市第八届人民代表大会第一次会议闭幕。会议以无记名投票方式，选举张明为市长。\n"),
    ("李华", "益阳市人民政府", "益阳市第八届人民代表大会第一次会议闭幕。张明当选为市人大常委会主任，李华当选为市长。\n"),
    ("王平", "青石镇人民政府", "青石镇第十八届人民代表大会第一次会议选举王平为镇长，李明为镇人大主席。\n"),
    ("赵刚", "益阳市人民代表大会常务委员会", "益阳市第八届人民代表大会第一次会议闭幕。赵刚当选市人大常委会主任。\n"),
])
def test_a_leaders_title_an_election_gives_is_a_post_in_the_government(tmp_path, person, body, text):
    facts = _facts(tmp_path, text)
    assert (person, "memberOf", body) in facts
    assert not any(s == person and o != body and p == "memberOf" for s, p, o in facts)  # (李华: not the committee named before)


def test_a_listed_reports_topic_without_the_words_of_its_progress(tmp_path):
    facts = _facts(tmp_path, (
        "上海市十六届人大常委会第十六次会议召开。会议听取了市政府关于“两旧一村”改造工程推进情况的报告、"
        "关于全面实施预算绩效管理情况的报告。\n"
    ))
    assert {("上海市人民代表大会常务委员会", "reviewed", "两旧一村改造工程"), ("上海市人民代表大会常务委员会", "reviewed", "预算绩效管理")} <= facts


def test_a_city_papers_meeting_news_by_level_word_is_the_citys_not_a_district_it_names_more(tmp_path):
    document = built(tmp_path, (
        "市人大常委会会议召开 审议气象条例等 来源:解放日报\n"
        "市十六届人大常委会第十六次会议昨起召开，审议《上海市促进浦东新区保税维修业务发展若干规定(草案)》"
        "《上海市推进浦东新区实施建筑师负责制若干规定(草案)》《上海市促进浦东新区商事调解规定(草案)》等。"
        "会议听取了市人大财经委、常委会预算工委关于本市地方企业国有资产管理情况的调研报告。\n"
    ))
    labels = {e.label for e in document.entities if e.cls == "Organization"}
    assert "上海市人民代表大会常务委员会预算工作委员会" in labels
    assert not any(label.startswith("浦东新区") for label in labels)


def test_a_name_ends_before_the_report_it_made(tmp_path):
    facts = _facts(tmp_path, "上海市十六届人大常委会第十六次会议召开。会议听取了市人大常委会副主任陈靖所作的关于检查本市贯彻实施《上海市就业促进条例》情况的报告。\n")
    assert ("陈靖", "memberOf", "上海市人民代表大会常务委员会") in facts
