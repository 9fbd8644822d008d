"""Who belongs to which body, and what a meeting did, in forms of news and annual reports, on
texts written for these tests: deputies elected, by-elected or resigning; a city's delegation to
its province's congress; posts listed with 和 and 列席; reporters of an agency and of a
newspaper; a standing committee named by its congress's term; hearings and supervision counted
in an overview; a session's papers passed as drafts; a deck under a title; meetings decided on
and anniversaries; a party group's leader leading for its committee."""

from __future__ import annotations

from extract_helpers import built, triples, typed


def _facts(tmp_path, text: str) -> set[tuple[str, str, str]]:
    return triples(built(tmp_path, text))


def test_deputies_elected_by_elected_or_resigning_are_members_of_their_congress(tmp_path):
    texts = {
        ("周波", "临桂区人民代表大会"): "据计票结果，临桂区委常委、副区长周波同志超过半数成功当选为临桂区第二届人民代表大会代表。\n",
        ("黄家雷", "逻西乡人民代表大会"): "逻西乡召开选民大会，黄家雷（逻西乡党委副书记、乡长）成功补选为逻西乡第十三届人大代表。\n",
        ("王明", "宁乡县人民代表大会"): "湖南省宁乡县人大常委会召开第五次会议。会议决定接受王明辞去县第十八届人民代表大会代表职务的请求。\n",
    }
    for index, ((person, congress), text) in enumerate(texts.items()):
        (tmp_path / str(index)).mkdir()
        assert (person, "memberOf", congress) in _facts(tmp_path / str(index), text)


def test_a_citys_delegation_to_its_provinces_congress_has_the_deputies_it_names(tmp_path):
    facts = _facts(tmp_path, (
        "本报太原1月22日电 出席山西省十三届人大四次会议的大同代表团代表认真履行职责。\n"
        "王一明代表提交了关于尽快启动修建高铁的建议；刘美代表提交了关于推进旅游公路建设的建议。\n"
    ))
    delegation = "山西省人民代表大会大同代表团"
    for deputy in ("王一明", "刘美"):
        assert (deputy, "memberOf", delegation) in facts
        assert (deputy, "memberOf", "山西省人民代表大会") in facts  # the congress the text names


def test_posts_listed_after_and_and_officials_attending_in_their_bodies(tmp_path):
    facts = _facts(tmp_path, (
        "益阳市人大常委会召开第十次会议。市人大常委会主任王小平主持会议，副主任李明、张华和秘书长刘强出席会议。"
        "市中级法院院长何平，省人民检察院检察长游劝荣列席会议。\n"
    ))
    assert ("刘强", "memberOf", "益阳市人民代表大会常务委员会") in facts
    assert ("何平", "memberOf", "益阳市中级人民法院") in facts
    assert any(s == "游劝荣" and p == "memberOf" and o.endswith("人民检察院") for s, p, o in facts)


def test_a_congresss_chair_and_the_townships_head_after_him_hold_posts_in_two_bodies(tmp_path):
    facts = _facts(tmp_path, "云屏县青石镇人大召开会议。青石镇人大主席王勇主持会议，镇长李娜出席。\n")
    assert ("王勇", "memberOf", "青石镇人民代表大会") in facts
    assert ("李娜", "memberOf", "青石镇人民代表大会") not in facts


def test_an_agencys_reporters_are_its_members_a_newspapers_are_not(tmp_path):
    (tmp_path / "agency").mkdir()
    (tmp_path / "paper").mkdir()
    agency = _facts(tmp_path / "agency", "新华社北京3月8日电（记者杨国强、张宿堂）全国人大常委会委员长李鹏今天下午与代表见面。\n")
    assert {("杨国强", "memberOf", "新华通讯社"), ("张宿堂", "memberOf", "新华通讯社")} <= agency
    paper = _facts(tmp_path / "paper", "湖北省人大常委会第九次会议闭幕。（湖北日报记者王馨、通讯员李明）\n")
    assert not any(s == "王馨" and p == "memberOf" for s, p, _ in paper)


def test_a_standing_committee_named_by_its_term_names_its_congress(tmp_path):
    document = built(tmp_path, "7月16日，罗平县第十七届人民代表大会常务委员会召开第二十八次会议。\n")
    assert ("Organization", "罗平县人民代表大会") in typed(document)
    assert ("罗平县人民代表大会常务委员会", "partOf", "罗平县人民代表大会") in triples(document)


def test_an_organ_is_part_of_the_body_named_at_its_start_not_of_the_congress_its_term_names(tmp_path):
    facts = _facts(tmp_path, "湖北省第十二届人民代表大会常务委员会代表资格审查委员会作了报告。\n")
    organ = "湖北省人民代表大会常务委员会代表资格审查委员会"
    assert (organ, "partOf", "湖北省人民代表大会常务委员会") in facts
    assert (organ, "partOf", "湖北省人民代表大会") not in facts


def test_an_overviews_counted_hearings_and_supervision_are_activities_with_their_counts(tmp_path):
    facts = _facts(tmp_path, (
        "长沙市人大常委会作出53项决议决定，听取审议75个工作报告，开展12次集中视察、5次专题询问、4次专项工作评议。\n"
    ))
    body = "长沙市人民代表大会常务委员会"
    for activity in ("听取审议工作报告", "集中视察", "专题询问", "专项工作评议"):
        assert (body, "conducted", activity) in facts
    assert ("工作报告", "counts", "听取审议工作报告") in facts
    assert ("集中视察", "counts", "集中视察") in facts


def test_a_sessions_papers_passed_as_drafts_are_enacted(tmp_path):
    facts = _facts(tmp_path, (
        "辽宁省十四届人大常委会第十五次会议闭幕。会议表决通过了省十四届人大四次会议议程草案、主席团和秘书长名单草案，"
        "表决通过了《辽宁省第十四届人民代表大会第四次会议列席人员名单(草案)》。\n"
    ))
    body = "辽宁省人民代表大会常务委员会"
    enacted = {o for s, p, o in facts if s == body and p == "enacted"}
    assert {"省十四届人大四次会议议程", "省十四届人大四次会议主席团和秘书长名单", "辽宁省第十四届人民代表大会第四次会议列席人员名单"} <= enacted


def test_a_deck_under_a_title_that_announces_a_session_makes_no_plan_of_the_item(tmp_path):
    facts = _facts(tmp_path, (
        "省十二届人大常委会第三十一次会议闭会\n"
        "蒋超良主持 决定省十三届人大一次会议明年1月24日在汉召开\n"
        "11月29日下午，湖北省十二届人大常委会第三十一次会议在武汉闭会。\n"
        "会议表决通过了《神农架国家公园保护条例》。\n"
    ))
    assert ("湖北省人民代表大会常务委员会", "enacted", "神农架国家公园保护条例") in facts


def test_a_meeting_decided_on_is_not_held_and_an_anniversary_is_no_act(tmp_path):
    facts = _facts(tmp_path, (
        "15日上午，新疆维吾尔自治区人大常委会召开第72次主任会议，会议决定本月25日召开常委会第三十二次会议。\n"
        "孝昌县人大常委会主任王超群说，今年是地方人大设立常委会40周年。\n"
    ))
    assert not any(p == "conducted" and "第三十二次会议" in o for _, p, o in facts)
    assert not any(p == "established" for _, p, _ in facts)


def test_a_party_groups_member_who_leads_an_inspection_leads_it_for_the_committee(tmp_path):
    facts = _facts(tmp_path, "湖南省人大常委会开展执法检查。省人大常委会党组成员、副主任徐明华带队开展执法检查。\n")
    assert ("湖南省人民代表大会常务委员会", "conducted", "执法检查") in facts
    assert not any(s.endswith("党组") and p == "conducted" for s, p, _ in facts)


def test_a_counties_meeting_and_body_whose_place_no_lexicon_lists(tmp_path):
    facts = _facts(tmp_path, "宁乡市第十八届人大常委会第十次会议闭幕。会议任命张三为宁乡市人民政府副市长。\n")
    assert ("宁乡市人民代表大会常务委员会", "appointed", "张三") in facts
    assert ("张三", "memberOf", "宁乡市人民政府") in facts


def test_a_law_after_a_scope_and_kinds_submitted_for_approval(tmp_path):
    document = built(tmp_path, (
        "宁波市人大常委会执法检查组对全市安全生产法贯彻实施情况开展执法检查。"
        "会议审查批准了设区的市报请批准的地方性法规和决定、民族自治县报请批准的单行条例。\n"
    ))
    kinds = typed(document)
    assert ("Law", "中华人民共和国安全生产法") in kinds
    assert not any("报请批准" in label or label == "民族自治县" for _, label in kinds)


def test_a_districts_congress_elects_its_head_and_a_second_post_after_a_comma(tmp_path):
    facts = _facts(tmp_path, (
        "1月9日下午，宝山区第八届人民代表大会第五次会议闭幕。大会选举陈杰为宝山区区长，贡凤梅为宝山区第八届人民代表大会常务委员会副主任。"
        "王岚当选为宝山区人民代表大会常务委员会委员。\n"
    ))
    congress = "宝山区人民代表大会"
    assert {(congress, "appointed", "陈杰"), (congress, "appointed", "贡凤梅"), (congress, "appointed", "王岚")} <= facts
    assert ("陈杰", "memberOf", "宝山区人民政府") in facts  # 宝山区区长: the district's government
    assert ("贡凤梅", "memberOf", "宝山区人民代表大会常务委员会") in facts


def test_a_resumes_dated_election_names_no_elector(tmp_path):
    facts = _facts(tmp_path, "张明，男，1965年生。2013年1月当选为宝山区人民代表大会常务委员会主任。\n")
    assert not any(p == "appointed" for _, p, _ in facts)


def test_an_inspection_groups_report_on_its_inspection_is_the_groups_inspection(tmp_path):
    facts = _facts(tmp_path, (
        "武汉市人大常委会第十二次会议开幕。会议听取了市人大常委会执法检查组关于检查《中华人民共和国消防法》《湖北省消防条例》实施情况的报告。\n"
    ))
    group = "武汉市人民代表大会常务委员会执法检查组"
    assert {(group, "inspected", "中华人民共和国消防法"), (group, "inspected", "湖北省消防条例")} <= facts
    assert not any(s == "武汉市人民代表大会常务委员会" and p == "inspected" for s, p, _ in facts)


def test_the_constitution_in_the_stock_phrase_of_a_bodys_duties_names_no_instrument(tmp_path):
    document = built(tmp_path, "县人大常委会认真履行宪法和法律赋予的各项职责，组织学习宪法。\n")
    laws = [label for cls, label in typed(document) if cls == "Law"]
    assert laws == ["中华人民共和国宪法"]  # 学习宪法 names it; the duties' phrase alone would not
    (tmp_path / "alone").mkdir()
    alone = built(tmp_path / "alone", "县人大常委会认真履行宪法和法律赋予的各项职责。\n")
    assert not any(cls == "Law" for cls, _ in typed(alone))


def test_a_townships_bodies_by_the_level_word_are_the_one_township_the_report_names(tmp_path):
    facts = _facts(tmp_path, (
        "11月15日，石门县新关镇举行县、镇两级人大代表换届选举投票。经过投票，张明、李华等15名同志当选为镇第十九届人民代表大会代表。\n"
    ))
    assert {("张明", "memberOf", "新关镇人民代表大会"), ("李华", "memberOf", "新关镇人民代表大会")} <= facts
    (tmp_path / "two").mkdir()
    two = built(tmp_path / "two", "石门县新关镇和皂市镇举行选举。张明当选为镇第十九届人民代表大会代表。\n")
    assert not any(label.startswith("镇") for cls, label in typed(two) if cls == "Organization")  # which township: not said


def test_a_regulation_passed_by_one_meeting_and_approved_by_another_in_one_sentence(tmp_path):
    facts = _facts(tmp_path, (
        "《株洲市文明行为促进条例》经株洲市第十六届人民代表大会常务委员会第十九次会议于2020年8月27日通过，"
        "湖南省第十三届人民代表大会常务委员会第二十次会议于2020年9月29日批准，现予公布，自2021年1月1日起施行。\n"
    ))
    assert ("株洲市人民代表大会常务委员会", "enacted", "株洲市文明行为促进条例") in facts
    assert ("湖南省人民代表大会常务委员会", "approved", "株洲市文明行为促进条例") in facts


def test_the_work_a_heard_report_is_on_also_goes_without_its_scope_and_year(tmp_path):
    document = built(tmp_path, (
        "罗平县人大常委会召开第二十八次会议。会议听取和审议了县人民政府关于全县退役军人管理工作情况的报告。"
        "会议还听取和审议了县人民政府关于2023年度行政事业性国有资产管理情况的报告。"
        "会议还听取和审议了县人民政府关于2020年国民经济和社会发展计划执行情况的报告。\n"
    ))
    alternatives = {alt for e in document.entities if e.cls == "Activity" for alt in e.alt_labels}
    assert {"退役军人管理工作", "行政事业性国有资产管理"} <= alternatives
    assert not any(label.startswith("国民经济") for label in alternatives)  # a plan keeps its year


def test_a_government_implied_by_its_leaders_title_takes_no_name_from_the_place(tmp_path):
    document = built(tmp_path, "1月10日，闵行区第六届人民代表大会第七次会议闭幕。大会选举陈宇剑为闵行区区长。\n")
    government = next(e for e in document.entities if e.label == "闵行区人民政府")
    assert government.cls == "Organization" and "闵行区" not in government.alt_labels
    assert ("Place", "闵行区") in typed(document)
    assert ("陈宇剑", "memberOf", "闵行区人民政府") in triples(document)


def test_an_idea_as_a_place_writes_it_is_an_idea_of_its_own(tmp_path):
    document = built(tmp_path, "常委会为谱写中国式现代化湖北篇章贡献力量，建设社会主义现代化新重庆；推进中国式现代化。\n")
    concepts = {label for cls, label in typed(document) if cls == "Concept"}
    assert {"中国式现代化湖北篇章", "社会主义现代化新重庆", "中国式现代化"} <= concepts


def test_a_chair_who_presides_holds_no_meeting(tmp_path):
    facts = _facts(tmp_path, "10月16日，商丘市人大常委会主任周树群主持召开第四次主任会议。赵乐际到商丘调研，并主持召开座谈会。\n")
    # (the survey he went on is his: 赵乐际到商丘调研, a visit's work, tenth session)
    assert not any(s in ("周树群", "赵乐际") and p == "conducted" and o.endswith(("会议", "座谈会")) for s, p, o in facts)
    assert ("赵乐际", "conducted", "调研") in facts


def test_a_revised_text_passed_by_its_title_is_enacted_and_revised(tmp_path):
    facts = _facts(tmp_path, "9月27日，浙江省十四届人大常委会第十二次会议表决通过《浙江省数字经济促进条例（修订）》。\n")
    body = "浙江省人民代表大会常务委员会"
    assert {(body, "enacted", "浙江省数字经济促进条例"), (body, "revised", "浙江省数字经济促进条例")} <= facts


def test_names_that_end_where_the_clause_goes_on(tmp_path):
    document = built(tmp_path, (
        "省人大常委会副主任周然、张茂才，秘书长李仁和出席会议。自治区人大代表胡兰别克·乌斯曼刚刚接待了群众。"
        "会议决定任命楼阳生为山西省副省长。\n"
    ))
    persons = {label for cls, label in typed(document) if cls == "Person"}
    assert {"李仁和", "胡兰别克·乌斯曼", "楼阳生"} <= persons
    assert ("楼阳生", "memberOf", "山西省人民政府") in triples(document)


def test_the_second_pair_of_an_election_keeps_its_place(tmp_path):
    facts = _facts(tmp_path, (
        "1月9日下午，上海市宝山区第八届人民代表大会第五次会议闭幕。"
        "大会选举陈杰为宝山区区长，贡凤梅为宝山区第八届人民代表大会常务委员会副主任。\n"
    ))
    assert ("贡凤梅", "memberOf", "宝山区人民代表大会常务委员会") in facts


def test_a_regulation_named_as_a_topic_then_approved_by_a_province(tmp_path):
    facts = _facts(tmp_path, (
        "19日，惠州市人大常委会发布公告称，惠州第三部地方性法规《惠州市历史文化名城保护条例》(以下简称“《条例》”)，"
        "广东省人大常委会已经于今年12月1日批准，自2017年3月1日起施行。\n"
    ))
    assert ("广东省人民代表大会常务委员会", "approved", "惠州市历史文化名城保护条例") in facts


def test_a_townships_session_by_its_level_word_and_no_congress_of_a_community(tmp_path):
    document = built(tmp_path, (
        "3月14日下午，嘉善县陶庄镇召开人大代表意见建议交办会，对镇十七届人大七次会议中的22件代表建议进行了交办，"
        "及时向代表说明原因。在南垅社区人大代表工作点，代表接待群众。\n"
    ))
    kinds = typed(document)
    assert ("Event", "陶庄镇第十七届人民代表大会第七次会议") in kinds
    assert not any(label.endswith("社区人民代表大会") for _, label in kinds)
    assert not any(cls == "Person" and label == "时向" for cls, label in kinds)


def test_a_regulation_named_first_then_passed_and_approved_by_agents(tmp_path):
    facts = _facts(tmp_path, (
        "为倡导文明行为，《武威市文明行为促进条例》 (以下简称《条例》)，2022年8月9日由武威市第五届人民代表大会常务委员会第五次会议审议通过，"
        "2022年9月23日经甘肃省第十三届人民代表大会常务委员会第三十三次会议审查批准，自2022年11月1日起施行。\n"
    ))
    assert ("武威市人民代表大会常务委员会", "enacted", "武威市文明行为促进条例") in facts
    assert ("甘肃省人民代表大会常务委员会", "approved", "武威市文明行为促进条例") in facts


def test_deputies_of_one_congress_in_a_story_of_several_delegations(tmp_path):
    facts = _facts(tmp_path, (
        "贵州省十一届人大一次会议各代表团分组审议政府工作报告。贵阳代表团、军队代表团的代表认真审议。"
        "黄永健、邓小丽等代表认为，报告实事求是。方集镇于人大代表中开展测评。\n"
    ))
    assert {("黄永健", "memberOf", "贵州省人民代表大会"), ("邓小丽", "memberOf", "贵州省人民代表大会")} <= facts
    assert not any(s == "于人大" for s, _, _ in facts)


def test_a_bodys_own_numbered_meeting_is_what_the_meeting_stands_for(tmp_path):
    facts = _facts(tmp_path, (
        "10月25日下午，睢宁县选举委员会召开第一次会议。县人大常委会主任、县选举委员会主任朱韶伟出席会议。"
        "会议依法讨论通过了《睢宁县县镇两级人大换届选举工作方案》。\n"
    ))
    assert ("睢宁县选举委员会", "enacted", "睢宁县县镇两级人大换届选举工作方案") in facts
    assert not any(p == "enacted" and s.endswith("常务委员会") for s, p, _ in facts)


def test_a_headlines_congress_passing_what_its_standing_committee_passed_is_the_committee(tmp_path):
    facts = _facts(tmp_path, (
        "自治区人大通过《自治区民族团结进步工作条例》\n"
        "昨日下午，新疆维吾尔自治区十二届人大常委会第二十次会议结束，会议表决通过了《自治区民族团结进步工作条例》。\n"
    ))
    assert ("新疆维吾尔自治区人民代表大会常务委员会", "enacted", "自治区民族团结进步工作条例") in facts
    assert ("新疆维吾尔自治区人民代表大会", "enacted", "自治区民族团结进步工作条例") not in facts


def test_who_proposes_does_not_appoint_and_a_list_after_a_semicolon_keeps_its_elector(tmp_path):
    (tmp_path / "proposed").mkdir()
    proposed = _facts(tmp_path / "proposed", (
        "宁乡县人大常委会召开第十次会议。会议根据主任会议的提名，任命陈东为县人大常委会办公室主任。\n"
    ))
    assert ("宁乡县人民代表大会常务委员会", "appointed", "陈东") in proposed
    assert not any(s.endswith("主任会议") and p == "appointed" for s, p, _ in proposed)
    (tmp_path / "listed").mkdir()
    listed = _facts(tmp_path / "listed", (
        "大足区第二届人民代表大会第一次会议选举李军为区人大常委会主任，张华为副主任；选举王伟为区长，赵丽为副区长。\n"
    ))
    assert {("大足区人民代表大会", "appointed", name) for name in ("李军", "张华", "王伟", "赵丽")} <= listed


def test_a_name_whose_dot_a_page_spaced(tmp_path):
    document = built(tmp_path, "自治区人大常委会主任乃依木 · 亚森指出，本次会议审议通过的条例是重大举措。\n")
    assert ("Person", "乃依木·亚森") in typed(document)
