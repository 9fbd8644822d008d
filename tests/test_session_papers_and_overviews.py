"""Forms of congress sessions and work-report overviews, on texts written for these tests: a
list of resolutions cut by ；whose later items name no subject, a resolution on a report that
approves it only where the text says 批准, the work reports of a session named without 《》, and
activities listed after 开展 (inside a count, and after another activity whose name holds a verb)."""

from __future__ import annotations

from extract_helpers import built, triples, typed


_CLOSING = (
    "2月2日上午，宁夏回族自治区第十三届人民代表大会第四次会议在银川闭幕。\n"
    "会议表决通过了关于自治区人民政府工作报告的决议；表决通过了关于自治区高级人民法院工作报告的决议；"
    "表决通过了关于自治区人民检察院工作报告的决议。\n"
)


def test_a_list_cut_by_semicolons_keeps_the_subject_of_its_first_item(tmp_path):
    facts = triples(built(tmp_path, _CLOSING))
    congress = "宁夏回族自治区人民代表大会"
    for title in ("关于自治区人民政府工作报告的决议", "关于自治区高级人民法院工作报告的决议", "关于自治区人民检察院工作报告的决议"):
        assert (congress, "enacted", title) in facts
    assert not any(s.endswith("常务委员会") and p == "enacted" for s, p, _ in facts)


def test_a_resolution_on_a_report_approves_it_only_where_the_text_says_so(tmp_path):
    (tmp_path / "unsaid").mkdir()
    (tmp_path / "said").mkdir()
    unsaid = triples(built(tmp_path / "unsaid", _CLOSING))
    assert not any(p == "approved" for _, p, _ in unsaid)
    said = triples(built(tmp_path / "said", _CLOSING.replace("工作报告的决议；表决通过了关于自治区高级", "工作报告的决议，批准政府工作报告；表决通过了关于自治区高级", 1)))
    assert ("宁夏回族自治区人民代表大会", "approved", "政府工作报告") in said
    assert not any(p == "approved" and "法院" in o for _, p, o in said)  # 批准 after the first item only


def test_the_work_reports_of_a_session_are_instruments(tmp_path):
    text = (
        "3月5日，河源市第八届人民代表大会第三次会议开幕。代表们审议了市长所作的政府工作报告。\n"
        "会议还听取和审议了市中级人民法院工作报告、河源市第八届人大常委会工作报告。\n"
        "在镇人代会上，代表们审议通过了镇政府工作报告、镇人大主席团工作报告。\n"
    )
    labels = {label for cls, label in typed(built(tmp_path, text)) if cls == "Instrument"}
    assert "政府工作报告" in labels
    assert {"镇政府工作报告", "镇人大主席团工作报告"} <= labels
    assert any(label.endswith("中级人民法院工作报告") for label in labels)
    assert any(label.startswith("河源市") and label.endswith("常务委员会工作报告") for label in labels)


def test_a_report_titled_by_its_own_heading_is_not_one_of_itstyped(tmp_path):
    text = "河源市人民代表大会常务委员会工作报告\n——2021年3月在河源市第八届人民代表大会第五次会议上\n过去一年，市人大常委会召开常委会会议8次。\n"
    labels = {label for cls, label in typed(built(tmp_path, text)) if cls == "Instrument"}
    assert not any(label.endswith("工作报告") for label in labels)


def test_activities_listed_after_kaizhan_are_each_conducted(tmp_path):
    text = (
        "河源市人民代表大会常务委员会工作报告\n——2021年3月在河源市第八届人民代表大会第五次会议上\n"
        "一年来，市人大常委会开展集中视察、专题调研、执法检查16次，开展5部法律法规执法检查，开展2次满意度测评和工作评议。\n"
    )
    facts = triples(built(tmp_path, text))
    committee = "河源市人民代表大会常务委员会"
    for activity in ("集中视察", "专题调研", "执法检查", "满意度测评", "工作评议"):
        assert (committee, "conducted", activity) in facts, activity


def test_a_meeting_s_hearing_reviews_the_work_its_report_is_on(tmp_path):
    text = (
        "3月26日，永嘉县第十六届人大常委会召开第三十六次会议。会议听取审议了县政府关于2020年度环境保护目标完成情况的报告、"
        "县政府关于农村人居环境整治工作情况的报告。\n"
    )
    document = built(tmp_path, text)
    facts = triples(document)
    committee = "永嘉县人民代表大会常务委员会"
    assert (committee, "reviewed", "2020年度环境保护目标完成") in facts
    assert (committee, "reviewed", "农村人居环境整治工作") in facts
    assert not any(p == "conducted" for _, p, _ in facts)  # the meeting's business, no hearing of its own
    assert ("Activity", "农村人居环境整治工作") in typed(document)


def test_a_year_s_hearings_in_a_work_report_are_activities_conducted(tmp_path):
    text = (
        "永嘉县人民代表大会常务委员会工作报告\n——2021年3月在永嘉县第十六届人民代表大会第六次会议上\n"
        "一年来，县人大常委会听取审议县政府关于农村人居环境整治工作情况的报告，开展专题询问。\n"
    )
    facts = triples(built(tmp_path, text))
    assert ("永嘉县人民代表大会常务委员会", "conducted", "听取审议县政府关于农村人居环境整治工作情况的报告") in facts
    assert not any(p == "reviewed" for _, p, _ in facts)


def test_a_committee_that_names_no_place_appoints_and_removes(tmp_path):
    text = "3月26日，县十六届人大常委会召开第三十六次会议。会议进行了有关人事任免。决定免去林建波的县人民政府副县长职务，决定任命陈钷为县人民政府副县长。\n"
    facts = triples(built(tmp_path, text))
    assert ("县人民代表大会常务委员会", "removed", "林建波") in facts
    assert ("县人民代表大会常务委员会", "appointed", "陈钷") in facts


def test_a_short_supervisory_commission_is_one_body(tmp_path):
    document = built(tmp_path, "县人大常委会召开会议，县监委会、县法院、县检察院有关负责人列席会议。\n")
    bodies = {e.label for e in document.entities if e.cls == "Organization"}
    assert "县监察委员会" in bodies
    assert not any(label.endswith("会会") for label in bodies), bodies


def test_a_project_under_construction_establishes_nothing(tmp_path):
    text = "县人大常委会召开会议。瓯北中心幼儿园迁建工程、县博物馆建设工程、瓯窑博物馆与遗址公园建设工程等11个工程列入新增2021年政府投资重大建设项目。\n"
    assert not any(p == "established" for _, p, _ in triples(built(tmp_path, text)))


def test_the_places_a_known_body_s_name_opens_with(tmp_path):
    text = "县政府办、柏城街道办事处、柏亭街道办事处等相关单位负责人陪同调研。\n"
    places = {e.label for e in built(tmp_path, text).entities if e.cls == "Place"}
    assert {"柏城街道", "柏亭街道"} <= places


def test_a_sitting_named_after_its_meeting_keeps_the_whole_written_name(tmp_path):
    text = "十二届全国人大常委会第四次会议联组会议今天举行。十四届全国人大四次会议闭幕会在人民大会堂举行。\n"
    events = {e.label: e.alt_labels for e in built(tmp_path, text).entities if e.cls == "Event"}
    assert "十二届全国人大常委会第四次会议联组会议" in events["第十二届全国人民代表大会常务委员会第四次会议联组会议"]
    assert "十四届全国人大四次会议闭幕会" in events["第十四届全国人民代表大会第四次会议闭幕会"]


def test_a_meeting_held_named_after_the_verb_and_de(tmp_path):
    text = "县人大常委会开展调研。在随后召开的座谈会上，县政府有关部门负责同志通报了情况。\n"
    assert ("Event", "座谈会") in typed(built(tmp_path, text))


def test_a_county_named_without_its_level_and_a_road_are_places(tmp_path):
    text = "嵊州市人大常委会组织代表视察。代表们先后来到汨罗、丹江口等地考察，又到望江路、新岙路查看道路工程。\n"
    places = {e.label for e in built(tmp_path, text).entities if e.cls == "Place"}
    assert {"汨罗", "丹江口"} <= places, places
    assert {"望江路", "新岙路"} <= places, places


def test_projects_listed_or_visited_are_programs(tmp_path):
    text = (
        "县人大常委会审查批准新增政府投资重大建设项目。城东标准堤闸泵配套工程、南塘路道路工程(望海路至沙湾路段)、"
        "北山自来水厂(一期)及配套管网工程等5个工程列入计划。调研组先后到东湖安置小区建设项目、城北棚户区改造项目等处查看。\n"
    )
    programs = {e.label for e in built(tmp_path, text).entities if e.cls == "Program"}
    assert {"城东标准堤闸泵配套工程", "南塘路道路工程", "北山自来水厂(一期)及配套管网工程"} <= programs, programs
    assert {"东湖安置小区建设项目", "城北棚户区改造项目"} <= programs, programs
    assert not any(label.startswith(("重大", "新增", "调研组")) for label in programs), programs


def test_departments_listed_after_one_level_word_are_each_a_body(tmp_path):
    text = "会上，县水务局、农业局、城管局、交通局等议案承办单位分别作了表态发言。\n"
    bodies = {e.label for e in built(tmp_path, text).entities if e.cls == "Organization"}
    assert {"县水务局", "县农业局", "县城市管理执法局", "县交通局"} <= bodies, bodies


def test_a_body_written_by_its_level_also_goes_by_its_level_and_full_name(tmp_path):
    text = "1月26日，新疆维吾尔自治区十三届人大一次会议在乌鲁木齐闭幕。自治区十三届人大一次会议表决通过了关于政府工作报告的决议。\n"
    congress = next(e for e in built(tmp_path, text).entities if e.label == "新疆维吾尔自治区人民代表大会")
    assert "自治区人民代表大会" in congress.alt_labels, congress.alt_labels


def test_a_draft_of_any_reading_is_its_law_and_a_short_development_commission_its_body(tmp_path):
    text = "贵州省人大常委会召开会议。议程有：审议《贵州省标准化条例(草案修改二稿)》，省发展改革委副主任张晓萍作说明。\n"
    document = built(tmp_path, text)
    assert ("Regulation", "贵州省标准化条例") in typed(document)
    assert ("张晓萍", "memberOf", "贵州省发展和改革委员会") in triples(document)


def test_an_office_written_short_is_the_body_s_office(tmp_path):
    text = "宜阳县人大常委会组织调研，县政府办、省政府法制办负责人陪同。\n"
    bodies = {e.label for e in built(tmp_path, text).entities if e.cls == "Organization"}
    assert {"宜阳县人民政府办公室", "河南省人民政府法制办公室"} <= bodies, bodies


def test_a_meeting_hearing_a_body_s_own_work_report_reviews_no_work(tmp_path):
    text = "黔东南州人大主席团召开第二次会议。会议听取审议了关于政府工作报告的审查情况，听取和审议了州人大常委会代表资格审查委员会关于个别代表的代表资格的报告。\n"
    document = built(tmp_path, text)
    assert not any(e.cls == "Activity" and ("政府工作" == e.label or "代表资格" in e.label) for e in document.entities)


def test_a_report_on_work_passed_by_a_meeting_reviews_the_work(tmp_path):
    text = "3月5日，宿松县十七届人大常委会召开第二十三次会议。会议审议通过了县政府关于农村人居环境整治工作情况的报告。\n"
    document = built(tmp_path, text)
    facts = triples(document)
    assert ("宿松县人民代表大会常务委员会", "reviewed", "农村人居环境整治工作") in facts
    assert not any(p == "enacted" for _, p, _ in facts)  # no paper passed: the work heard on


def test_a_meeting_hearing_a_report_it_cannot_name_the_work_of_conducts_no_hearing(tmp_path):
    text = "区人大常委会召开第三十五次会议。会议听取和审议了区政府关于“十四五”规划执行情况及“十五五”规划纲要编制情况的报告。\n"
    facts = triples(built(tmp_path, text))
    assert not any(p == "conducted" for _, p, _ in facts), facts


def test_a_meeting_s_reports_listed_after_commas_each_review_its_work(tmp_path):
    text = ("湘西州人大常委会召开第二十五次会议。会议听取和审议了关于州十五届人大三次会议以来代表建议办理情况的报告,"
            "关于湘西州2024年生态环境保护工作情况的报告,关于湘西州2024年乡村振兴促进工作情况的报告。\n")
    facts = triples(built(tmp_path, text))
    committee = "湘西土家族苗族自治州人民代表大会常务委员会"
    assert (committee, "reviewed", "湘西州2024年生态环境保护工作") in facts, facts
    assert (committee, "reviewed", "湘西州2024年乡村振兴促进工作") in facts, facts


def test_a_city_s_delegation_to_its_province_s_congress(tmp_path):
    text = "贵州省十一届人大一次会议期间，石宗源来到贵阳代表团、军队代表团，林树森来到黔东南代表团、黔南代表团。\n"
    facts = triples(built(tmp_path, text))
    for name in ("贵阳代表团", "黔东南代表团", "黔南代表团"):
        assert (f"贵州省人民代表大会{name}", "partOf", "贵州省人民代表大会") in facts, facts


def test_election_committees_and_a_preposition_before_a_body(tmp_path):
    text = "10月25日下午，睢宁县选举委员会召开第一次会议。据内蒙古自治区农牧业厅草原监督管理局局长郭健介绍，条例将施行。\n"
    document = built(tmp_path, text)
    bodies = {e.label for e in document.entities if e.cls == "Organization"}
    assert "睢宁县选举委员会" in bodies, bodies
    assert not any(label.startswith("据") for label in bodies), bodies
    assert ("郭健", "memberOf", "内蒙古自治区农牧业厅草原监督管理局") in triples(document)


def test_a_revised_text_in_its_title_is_the_law(tmp_path):
    text = "云南省人大常委会批准了《大理白族自治州洱海保护管理条例(修订)》。\n"
    assert ("云南省人民代表大会常务委员会", "approved", "大理白族自治州洱海保护管理条例") in triples(built(tmp_path, text))


def test_a_township_s_body_after_its_city_and_county_is_named_by_the_township(tmp_path):
    text = "梧州市苍梧县京南镇人大代表陈忠说，要把群众的事办好。\n"
    assert ("陈忠", "memberOf", "京南镇人民代表大会") in triples(built(tmp_path, text))


def test_a_verb_before_a_level_word_and_a_count_before_its_verb(tmp_path):
    text = ("代表们发表了不少真知灼见，助推区政府进一步把民生实事办好。"
            "15件议案涉及的6件法律已经常委会审议通过，69件议案涉及的7件法律草案正在审议。\n")
    document = built(tmp_path, text)
    labels = {e.label for e in document.entities}
    assert not any(label.startswith("助推") for label in labels), labels
    statistics = {e.label for e in document.entities if e.cls == "Statistic"}
    assert {"议案", "法律草案"} <= statistics and not any(label.endswith(("涉", "正")) for label in statistics), statistics
