"""Reports of townships and county-level places, on texts written for these tests: the place a
report belongs to when it names a township's congress only, a county-level city with its
congress's term, a provincial instrument in the title of a city's meeting; deputies of a
township's congress listed by name; 县委县政府 as two bodies; words that run into a place
(今年, 2018年7月30日) and the levels of a province (河南省乡镇) that name no place."""

from __future__ import annotations

from extract_helpers import built as _document, classes as _labels, triples as _facts


TOWNSHIP = """青山镇人大第二代表小组开展集中活动
12月3日，青山镇人大第二代表小组在河口村开展集中活动。
镇人大代表陈国强、刘美华、吴建军参加活动，镇党委委员赵明主持。
"""

COUNTY_CITY = """在余姚市十六届人大常委会第五次会议上
我受市人民政府委托，向市人大常委会报告工作。
2019年3月8日市十六届人大常委会第三次会议听取了报告。市委市政府高度重视。
"""

PROVINCIAL_TITLE = """《浙江省村民委员会选举办法》执法检查动员会召开
近日，湖州市人大常委会召开执法检查动员会，市人大常委会副主任沈建国出席。
"""

PLACES_IN_GENERAL = """今年市人大常委会委托县区开展执法检查
今年市人大常委会委托3个县区对《河南省乡镇人民代表大会主席团工作条例》开展执法检查。
县委县政府高度重视。
"""


def test_a_report_naming_only_a_townships_congress_is_that_townships(tmp_path):
    document = _document(tmp_path, TOWNSHIP)
    facts = _facts(document)
    for name in ("陈国强", "刘美华", "吴建军"):  # 镇人大代表A、B、C: each a deputy of the township's congress
        assert (name, "memberOf", "青山镇人民代表大会") in facts
    assert "青山镇人民代表大会" in _labels(document)


def test_a_county_level_city_is_placed_by_its_congress_with_a_term(tmp_path):
    document = _document(tmp_path, COUNTY_CITY)
    labels = _labels(document)
    assert labels.get("余姚市") == "Place"
    assert "余姚市人民代表大会常务委员会" in labels
    assert "余姚市人民政府" in labels and "中国共产党余姚市委员会" in labels  # 市委市政府: two bodies
    assert not any(label.startswith(("日市", "市委市")) for label in labels)


def test_a_provincial_instrument_in_the_title_leaves_the_city_its_report(tmp_path):
    document = _document(tmp_path, PROVINCIAL_TITLE)
    facts = _facts(document)
    assert ("沈建国", "memberOf", "湖州市人民代表大会常务委员会") in facts


def test_time_words_and_a_provinces_levels_are_no_places(tmp_path):
    document = _document(tmp_path, PLACES_IN_GENERAL)
    labels = _labels(document)
    assert not any(label.startswith("今年") for label in labels)
    assert not any(label.startswith(("河南省乡镇", "县委县")) and cls in ("Place", "Organization") for label, cls in labels.items())


LEADERS_AND_STATIONS = """余姚市人大常委会听取审计整改情况报告
市委市政府高度重视，陈立新书记和吴红梅市长多次作出批示。
12月3日，青山镇人大第二代表小组在河口村代表工作站开展活动，选民也可前往青山镇人大代表联络站反映意见。
"""


def test_a_leaders_title_after_the_name_is_a_post_in_the_reports_bodies(tmp_path):
    facts = _facts(_document(tmp_path, LEADERS_AND_STATIONS))
    assert ("陈立新", "memberOf", "中国共产党余姚市委员会") in facts  # 书记: the one party committee named
    assert ("吴红梅", "memberOf", "余姚市人民政府") in facts  # 市长: the city's government


def test_a_facility_keeps_its_place_and_a_deputies_group_its_number(tmp_path):
    labels = _labels(_document(tmp_path, LEADERS_AND_STATIONS))
    assert labels.get("河口村代表工作站") == "Platform" and labels.get("青山镇人大代表联络站") == "Platform"
    assert labels.get("河口村") == "Place"  # the village, a place of its own inside the facility's name
    assert "青山镇人民代表大会第二代表小组" in labels


SHORT_COUNTIES = """重庆市人大常委会委托区县开展执法检查
今年，市人大常委会委托丰都、璧山、石柱等3个区县(自治县)人大常委会开展执法检查。
武汉市人大常委会在江岸、江汉、硚口等区开展调研。要做好团结、稳定等工作。
"""


def test_counties_listed_by_short_names_are_the_report_citys(tmp_path):
    labels = _labels(_document(tmp_path, SHORT_COUNTIES))
    for county in ("丰都县", "璧山区", "石柱土家族自治县"):
        assert labels.get(county) == "Place"
        assert labels.get(f"{county}人民代表大会常务委员会") == "Organization"  # 等N个区县人大常委会: each one's
    assert "江岸区" not in labels  # 江岸 is Wuhan's: the report is Chongqing's, its city's names only
    assert not any(label.startswith(("团结", "稳定")) for label in labels)


def test_an_honour_is_no_village_and_a_village_is_not_cut_after_旗(tmp_path):
    text = "代表在基层\n全国人大代表、黄旗滩村党支部书记薛志龙说，村里获评全国文明村、明星村。\n"
    labels = _labels(_document(tmp_path, text))
    assert labels.get("黄旗滩村") == "Place"
    assert not {"黄旗", "滩村", "文明村", "明星村"} & set(labels)


def test_the_partys_committee_of_a_county_names_the_county_not_a_place_with_中共(tmp_path):
    labels = _labels(_document(tmp_path, "肥城县人大常委会工作报告\n县人大常委会在中共肥城县委的领导下开展工作。\n"))
    assert labels.get("中国共产党肥城县委员会") == "Organization" and labels.get("肥城县") == "Place"
    assert not any(label.startswith("中共") and cls == "Place" for label, cls in labels.items())


def test_a_county_of_the_city_the_text_never_names_keeps_its_standing_committee(tmp_path):
    text = ("濮阳市人大常委会到我县调研备案审查工作\n10月15日，濮阳市人大常委会法工委主任卢玉明一行到我县调研。\n"
            "县人大常委会主任王天路、副主任张延平，县政府副县长邓振英陪同调研。\n")
    facts = _facts(_document(tmp_path, text))
    assert ("王天路", "memberOf", "县人民代表大会常务委员会") in facts  # 县人大常委会, its county unnamed
    assert not any(label == "县人民政府" for _, _, label in facts)  # other bodies of it stay unnamed


def test_a_short_title_is_the_provinces_instrument_named_in_full(tmp_path):
    text = ("淮南市人大常委会赴寿县开展《乡镇人大工作条例》执法检查\n"
            "3月25日，淮南市人大常委会主任王玉林率队赴寿县，对新修订的《安徽省乡镇人民代表大会工作条例》学习贯彻情况开展执法检查。\n")
    labels = _labels(_document(tmp_path, text))
    assert labels.get("安徽省乡镇人民代表大会工作条例") == "Regulation"
    assert "乡镇人大工作条例" not in labels  # the province's regulation, 人大 short for 人民代表大会


def test_a_district_named_only_by_its_government_and_court_places_the_report(tmp_path):
    text = ("区七届人大常委会召开第十一次会议\n昨天上午，区七届人大常委会召开第十一次会议，决定接受孟景文辞去通州区人民政府区长职务的请求。"
            "区人大常委会主任赵玉英出席。\n会议以无记名投票方式，任命李春雨、何娇、徐莉等18人为通州区人民法院审判员。\n")
    facts = _facts(_document(tmp_path, text))
    assert ("赵玉英", "memberOf", "通州区人民代表大会常务委员会") in facts
    for name in ("李春雨", "何娇", "徐莉"):  # …等18人为…: the count closes the list
        assert ("通州区人民代表大会常务委员会", "appointed", name) in facts


def test_the_one_committee_of_a_district_never_named_acts_and_部分_names_no_place(tmp_path):
    text = ("本报讯 9月26日，区第十六届人大常委会召开第二十二次会议，区人大常委会主任张巨明主持会议。\n"
            "会议决定人事任免事项；听取和审议了区人民检察院关于法律监督工作情况的报告。\n部分区人大代表列席会议。\n")
    document = _document(tmp_path, text)
    facts = _facts(document)
    assert ("区人民代表大会常务委员会", "reviewed", "法律监督工作") in facts  # the meeting's hearing: the work reported
    assert not any(label.startswith("部分") for label in _labels(document))


def test_a_contact_point_is_a_platform(tmp_path):
    labels = _labels(_document(tmp_path, "古龙镇人大召开交办会\n镇人大组织民情联络点人大代表召开交办会。\n"))
    assert labels.get("民情联络点") == "Platform"


def test_a_partys_county_committee_is_no_organ_of_the_party_as_a_whole(tmp_path):
    text = "肥城县人大常委会工作报告\n县人大常委会在中共肥城县委的领导下开展工作。中国共产党是领导核心。\n"
    facts = _facts(_document(tmp_path, text))
    assert ("中国共产党肥城县委员会", "partOf", "中国共产党") not in facts


def test_a_county_the_lexicon_lacks_places_the_report_its_committee_is_named_in(tmp_path):
    text = ("省人大常委会研究室来鼎城调研人大代表实践站工作\n4月26日，调研组观看了鼎城区人大代表实践站专题片。\n"
            "鼎城区人大常委会党组书记、主任余习琴等陪同调研。\n")
    document = _document(tmp_path, text)
    labels = _labels(document)
    assert labels.get("鼎城区人大代表实践站") == "Platform"
    assert ("余习琴", "memberOf", "鼎城区人民代表大会常务委员会") in _facts(document)


def test_a_congress_and_its_standing_committee_written_及其常务委员会(tmp_path):
    text = "包头市人大常委会\n包头市人民代表大会及其常务委员会制定地方性法规，适用本条例。\n"
    labels = _labels(_document(tmp_path, text))
    assert "包头市人民代表大会常务委员会" in labels and "常务委员会" not in labels


def test_a_verb_before_镇政府_makes_no_township(tmp_path):
    text = "安康市人大常委会视察\n副主任马孝芳带领视察组到瀛湖镇，召集镇政府及卫生院的同志举行座谈会。\n"
    labels = _labels(_document(tmp_path, text))
    assert not any(label.startswith("召集") for label in labels)


def test_a_city_and_its_district_are_two_places_and_pointers_name_none(tmp_path):
    document = _document(tmp_path, "他来自清远市清城区，家住新桥街道，这个街道不大。\n")
    places = {e.label for e in document.entities if e.cls == "Place"}
    assert {"清远市", "清城区", "新桥街道"} <= places
    assert not places & {"清远市清城区", "家住新桥街道", "这个街道"}


def test_a_township_congress_with_its_term_places_the_report(tmp_path):
    document = _document(tmp_path, "3月5日，青石镇第十八届人民代表大会第三次会议召开。镇人大副主席张军、镇党委委员刘芳参加活动。\n")
    facts = _facts(document)
    assert ("张军", "memberOf", "青石镇人民代表大会") in facts
    assert ("刘芳", "memberOf", "中国共产党青石镇委员会") in facts


def test_a_pointer_before_a_township_s_congress_and_a_verb_before_a_town(tmp_path):
    text = ("最近，青浦区重固镇50名镇人大代表开展了联系选民活动。今年初，重固镇人大制定了《关于镇人大代表联系选民的制度》，"
            "提交镇人代会审议通过。镇人代会后，该镇人大积极组织实施。\n")
    document = _document(tmp_path, text)
    labels = _labels(document)
    assert labels.get("重固镇人民代表大会") == "Organization"
    assert "提交镇" not in labels and not any(label.startswith("该镇") for label in labels)


def test_prefectures_that_are_no_cities_and_their_administrative_offices(tmp_path):
    text = ("自治区人大常委会执法检查组赴塔城地区、博州、锡林郭勒盟检查。塔城地区行政公署、博尔塔拉蒙古自治州人民政府"
            "和大兴安岭行署有关负责同志参加座谈。伊犁州人大常委会主任李明出席。\n")
    labels = _labels(_document(tmp_path, text))
    for place in ("塔城地区", "博尔塔拉蒙古自治州", "锡林郭勒盟"):
        assert labels.get(place) == "Place", (place, labels)
    for body in ("塔城地区行政公署", "博尔塔拉蒙古自治州人民政府", "伊犁哈萨克自治州人民代表大会常务委员会"):
        assert labels.get(body) == "Organization", (body, labels)
    assert not any(label.endswith("自治区行政公署") for label in labels), labels  # 地区行政公署: no level's office


def test_a_county_s_departments_in_a_report_that_never_names_its_county(tmp_path):
    text = ("5月28日，县十八届人大常委会举行第十二次会议。会议对县人民政府开展的农村饮水安全工作进行了满意度测评。"
            "经表决，免去孙伟的县发展和改革局局长职务，任命周丽为县卫健局局长。\n")
    document = _document(tmp_path, text)
    labels = _labels(document)
    assert labels.get("县发展和改革局") == "Organization" and labels.get("县卫生健康局") == "Organization", labels
    assert ("孙伟", "memberOf", "县发展和改革局") in _facts(document)
    # the rating is the activity, not the tail of the clause before it (…开展的…工作进行了)
    assert labels.get("满意度测评") == "SupervisionActivity"
    assert not any(label.startswith("的") for label in labels), labels


def test_a_preposition_or_a_clause_s_lead_before_a_level_word_is_no_place(tmp_path):
    text = ("城中街道人大工委根据区人大常委会2022年工作要点，按照市人大常委会部署，依据县人大常委会的安排开展集中督查。"
            "目前区人民政府正在推进，同时区人民政府表示，下一步区人民政府将加大投入。\n")
    labels = _labels(_document(tmp_path, text))
    assert not any(label.startswith(("根据", "按照", "依据", "目前", "同时", "下一步")) for label in labels), labels
    assert labels.get("区人民代表大会常务委员会") == "Organization", labels


def test_a_county_report_that_names_its_county_only_in_its_plan_s_title(tmp_path):
    text = ("县第十八届人大常委会召开第二十七次会议\n12月17日，县人大常委会主任段秀华主持召开县第十八届人大常委会第二十七次会议。"
            "会议听取并审议了县政府关于《法库县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（草案）编制情况的报告。\n")
    facts = _facts(_document(tmp_path, text))
    assert ("段秀华", "memberOf", "法库县人民代表大会常务委员会") in facts, facts


def test_a_district_congress_s_working_committee_in_a_street_and_the_agent_of_a_passive(tmp_path):
    text = ("区人大前进街道工委组织区人大代表开展视察。区人大常委会主任王华出席。座谈会由前进街道办事处主任左建方主持。"
            "代表们对前进街道办事处和人大前进街道工委的工作表示肯定。\n")
    document = _document(tmp_path, text)
    labels, facts = _labels(document), _facts(document)
    committee = next(label for label in labels if label.endswith("街道人大工作委员会") or label.endswith("前进街道工作委员会"))
    assert (committee, "partOf", "区人民代表大会常务委员会") in facts, facts
    assert not any(label.startswith(("座谈会由", "人大前进街道")) for label in labels), labels
    assert ("左建方", "memberOf", "前进街道办事处") in facts
