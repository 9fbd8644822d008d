"""A report's own place and the names of its bodies, on texts written for these tests: a verb
before 市人大常委会 (举行市…, 提交市…) names no city 举行市; a district two cities have (通州区) in a
report that names its city (北京市通州区…) gives its bodies the city's form as another name."""

from __future__ import annotations

from extract_helpers import built, triples

from npcgraph.ingest import strip_chrome

CHAIRMEN = """5月6日，市九届人大常委会第十二次主任会议召开，市委书记、市人大常委会主任李国华主持会议。
会议决定于2021年5月20日举行市九届人大常委会第八次会议。
会议同意将人事任免议案提交市人大常委会会议审议。
会议审议了《鄂州市城市绿化条例(草案)》。
"""

DISTRICT = """区七届人大常委会召开第十五次会议
本报讯 昨天上午，区七届人大常委会召开第十五次会议，决定接受王海辞去通州区人民政府副区长职务的请求。
会议审议通过关于补选北京市通州区第七届人民代表大会代表的决定。区人大常委会主任刘文出席。
"""


def test_a_verb_before_the_city_names_no_city():
    _, metadata = strip_chrome(CHAIRMEN)
    assert metadata.jurisdiction is None or not metadata.jurisdiction.startswith(("举行", "提交"))


def test_the_chairman_is_a_member_of_the_city_committee(tmp_path):
    document = built(tmp_path, CHAIRMEN)
    labels = {e.label for e in document.entities}
    assert not any(label.startswith(("举行", "提交")) for label in labels)
    assert ("李国华", "memberOf", "鄂州市人民代表大会常务委员会") in triples(document)


def test_a_shared_district_name_takes_its_city_as_another_name(tmp_path):
    document = built(tmp_path, DISTRICT)
    committee = next(e for e in document.entities if e.label == "通州区人民代表大会常务委员会")
    assert "北京市通州区人民代表大会常务委员会" in committee.alt_labels


REGION_INSPECTION = """自治区人大常委会执法检查组赴喀什、和田开展执法检查
6月3日至10日，自治区人大常委会副主任李建国率领执法检查组先后赴喀什地区、和田地区开展《新疆维吾尔自治区乡村振兴促进条例》执法检查。
检查组听取了喀什地区行政公署贯彻实施《条例》情况汇报。
"""


def test_a_title_opening_with_its_level_places_the_report_in_the_region_it_names(tmp_path):
    document = built(tmp_path, REGION_INSPECTION)
    labels = {e.label: e.cls for e in document.entities}
    assert labels.get("新疆维吾尔自治区人民代表大会常务委员会") == "Organization"
    assert "自治区" not in labels  # a level alone is no place
    assert ("李建国", "memberOf", "新疆维吾尔自治区人民代表大会常务委员会") in triples(document)


TITLED_REPORT = """西藏自治区人民代表大会常务委员会工作报告
——二〇二四年一月二十日在西藏自治区第十二届人民代表大会第二次会议上
自治区人民代表大会常务委员会主任 洛桑江村
各位代表:
受自治区人大常委会委托，我向大会报告工作，请予审议。
"""


def test_a_titled_report_speaker_is_a_member_of_the_title_body(tmp_path):
    document = built(tmp_path, TITLED_REPORT)
    labels = {e.label: e.cls for e in document.entities}
    assert labels.get("洛桑江村") == "Person"  # the speaker's line: a name, not a village
    assert ("洛桑江村", "memberOf", "西藏自治区人民代表大会常务委员会") in triples(document)
    assert not any(label.startswith("受") for label in labels)


ABBREVIATED = """在滇全国人大代表开展集中视察
2月28日，省人大常委会组织在滇全国人大代表进行集中视察。省人大常委会副主任王明华主持学习并率队视察。
"""


def test_a_province_named_by_its_one_character_places_level_bodies(tmp_path):
    facts = triples(built(tmp_path, ABBREVIATED))
    assert ("王明华", "memberOf", "云南省人民代表大会常务委员会") in facts


TOWNSHIP_NOTICE = """海曙区章水镇人民代表大会主席团公告
章水镇第十八届人民代表大会第五次会议于2020年1月9日补选李建华为镇人民代表大会主席。
"""


def test_a_township_s_bodies_go_by_its_county_and_city_too(tmp_path):
    congress = next(e for e in built(tmp_path, TOWNSHIP_NOTICE).entities if e.label == "章水镇人民代表大会")
    assert "海曙区章水镇人民代表大会" in congress.alt_labels
    assert "宁波市海曙区章水镇人民代表大会" in congress.alt_labels


def test_a_body_goes_by_the_standard_short_forms_too(tmp_path):
    document = built(tmp_path, "5月6日，湖南省人民代表大会常务委员会召开会议，中国共产党湖南省委员会和湖南省人民政府负责同志出席。\n")
    names = {e.label: set(e.alt_labels) for e in document.entities if e.cls == "Organization"}
    assert "湖南省人大常委会" in names["湖南省人民代表大会常务委员会"]
    assert "湖南省政府" in names["湖南省人民政府"]
    assert {"中共湖南省委员会", "中共湖南省委"} <= names["中国共产党湖南省委员会"]


def test_a_verb_before_a_district_government_is_no_part_of_it(tmp_path):
    text = "区人大常委会开展执法检查，敦促区人民政府抓好整改，帮助区人民政府完善制度。\n"
    labels = {e.label for e in built(tmp_path, text).entities}
    assert not any(label.startswith(("敦促", "帮助")) for label in labels), labels


def test_countries_are_places_but_not_inside_other_words(tmp_path):
    text = ("全国人大代表团访问巴西、智利、秘鲁三国。会议审议了中华人民共和国和蒙古国引渡条约。依照宪法国家机关依法行使职权。"
            "延边朝鲜族自治州的俄罗斯族巴扬艺术。今日本市召开会议。\n")
    places = {e.label for e in built(tmp_path, text).entities if e.cls == "Place"}
    assert {"巴西", "智利", "秘鲁", "蒙古国"} <= places, places
    assert not places & {"法国", "朝鲜", "俄罗斯", "日本"}, places
