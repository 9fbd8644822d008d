"""A county standing committee's meeting news, on a text written for these tests: the report's
own county where a clause runs into 县人大常委会 (16位同志高票通过县人大常委会的任命), what a number
of persons counts before its verb, and a province's short name inside a road's name."""

from __future__ import annotations

from extract_helpers import built, classes, triples

TEXT = """湘阴县党政门户网讯 9月30日，湘阴县十六届人大常委会举行第三十二次会议。
会议研究讨论县人民政府关于湘江西路湘阴县段改造的方案。会议还进行了人事任免，16位同志高票通过县人大常委会的任命。
县人大常委会主任刘国强主持会议，县人民法院院长张华列席会议。
"""


def test_a_clause_that_runs_into_the_county_s_committee_names_no_county(tmp_path):
    document = built(tmp_path, TEXT)
    labels = classes(document)
    assert labels.get("湘阴县人民代表大会常务委员会") == "Organization", labels
    assert not any("通过" in label for label in labels), labels
    facts = triples(document)
    assert ("刘国强", "memberOf", "湘阴县人民代表大会常务委员会") in facts
    assert ("张华", "memberOf", "湘阴县人民法院") in facts


def test_a_number_of_persons_counts_them_up_to_the_verb(tmp_path):
    statistics = {e.label: e for e in built(tmp_path, TEXT).entities if e.cls == "Statistic"}
    assert "同志" in statistics and "16位同志" in statistics["同志"].alt_labels, statistics


def test_a_province_s_short_name_inside_a_road_is_no_province(tmp_path):
    labels = classes(built(tmp_path, TEXT))
    assert "江西省" not in labels and "湖南省" not in labels, labels


AGENDA = """8月31日上午，市十届人大常委会第38次主任会议在香洲召开。市人大常委会主任潘江主持会议。
会议决定，市十届人大常委会第十六次会议于9月下旬召开。建议议程：审议《珠海经济特区控制吸烟条例（草案）》；听取和审议市人民政府关于老旧小区品质提升情况的报告，并开展专题询问；审查和批准2023年市本级预算调整方案。
市人大常委会领导赵建国、闫昊波出席会议。
"""


def test_a_proposed_agenda_cut_by_semicolons_states_no_deed(tmp_path):
    facts = triples(built(tmp_path, AGENDA))
    deeds = {(s, p, o) for s, p, o in facts if p in ("conducted", "approved", "enacted", "reviewed")}
    assert not deeds, deeds  # every item of 建议议程：…；…；… is proposed, not done
    assert ("潘江", "memberOf", "珠海市人民代表大会常务委员会") in facts


def test_a_body_s_leaders_listed_by_name_are_its_members(tmp_path):
    facts = triples(built(tmp_path, AGENDA))
    assert {("赵建国", "memberOf", "珠海市人民代表大会常务委员会"), ("闫昊波", "memberOf", "珠海市人民代表大会常务委员会")} <= facts, facts


NATIONAL = ("会议表决通过了全国人大常委会关于批准《万国邮政联盟组织法第九附加议定书》的决定。"
            "会议经表决，通过了第六任全国人大常委会香港特别行政区基本法委员会组成人员名单。"
            "会议任命了第四任澳门特别行政区基本法委员会组成人员。\n")


def test_a_protocol_is_an_agreement_and_the_basic_law_committees_are_organs(tmp_path):
    document = built(tmp_path, NATIONAL)
    labels = classes(document)
    assert labels.get("万国邮政联盟组织法第九附加议定书") == "Agreement", labels
    assert labels.get("全国人民代表大会常务委员会香港特别行政区基本法委员会") == "Organization", labels
    assert "中华人民共和国香港特别行政区基本法" not in labels  # the committee's name, not the law
    assert labels.get("全国人民代表大会常务委员会澳门特别行政区基本法委员会") == "Organization", labels  # named alone
    assert ("全国人民代表大会常务委员会香港特别行政区基本法委员会", "partOf", "全国人民代表大会常务委员会") in triples(document)
    assert ("全国人民代表大会常务委员会", "approved", "万国邮政联盟组织法第九附加议定书") in triples(document)


PAPERS = ("会议审议通过湖北省人大常委会代表资格审查委员会关于个别代表的代表资格的报告。"
          "大会表决通过了关于批准全国人大常委会关于法律清理工作情况的报告的决定。\n")


def test_a_report_a_committee_passes_is_an_instrument_it_enacted(tmp_path):
    document = built(tmp_path, PAPERS)
    report = "湖北省人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告"
    assert classes(document).get(report) == "Instrument"
    assert ("湖北省人民代表大会常务委员会", "enacted", report) in triples(document)
    # a decision's title is not cut at the report it approves (…关于批准…的报告|的决定)
    assert not any(label.startswith("关于批准") and label.endswith("的报告") for label in classes(document))
    assert ("湖北省人民代表大会常务委员会", "approved", "全国人民代表大会常务委员会关于法律清理工作情况的报告") in triples(document)


SPOKESMAN = """全国人大常委会法工委发言人臧铁伟22日在记者会上介绍，2023年立法工作取得新进展。
臧铁伟指出，2023年立法工作有以下特点：
一是，立法修法项目份量重。修改立法法，制定对外关系法、外国国家豁免法。
二是，立法工作承接有序。
全国人大常委会12月29日表决通过了《中华人民共和国慈善法》修正案。
"""


def test_items_a_speaker_announces_are_what_was_said_not_deeds(tmp_path):
    facts = triples(built(tmp_path, SPOKESMAN))
    made = {o for s, p, o in facts if p in ("enacted", "revised")}
    assert not made & {"中华人民共和国立法法", "中华人民共和国对外关系法", "中华人民共和国外国国家豁免法"}, made
    assert ("臧铁伟", "memberOf", "全国人民代表大会常务委员会法制工作委员会") in facts


def test_a_verb_s_result_is_no_part_of_a_platform_s_name(tmp_path):
    labels = classes(built(tmp_path, "县人大常委会副主任陈长江要求大家高标准建设好代表联络站，深入开展代表联络工作。\n"))
    assert labels.get("代表联络站") == "Platform" and "好代表联络站" not in labels, labels


MEDIA = """中国甘肃网11月29日讯 据甘肃日报报道，甘肃省十三届人大常委会第十三次会议闭幕。
衡阳县党政门户网讯 9月30日，衡阳县十六届人大常委会举行第三十二次会议。北碚电视台、县融媒体中心作了报道。
"""


def test_the_web_media_a_dateline_names_and_broadcasters_are_bodies(tmp_path):
    labels = classes(built(tmp_path, MEDIA))
    for body in ("中国甘肃网", "衡阳县党政门户网", "北碚电视台", "衡阳县融媒体中心"):  # (县: the report's county)
        assert labels.get(body) == "Organization", (body, labels)


CLOSING = ("十二届全国人大常委会第三次会议29日下午在北京人民大会堂闭幕。会议表决通过了特种设备安全法和关于修改文物保护法等12部法律的决定。"
           "张德江说，修改环境保护法要广泛听取各方面意见。今天通过的《特种设备安全法》明确规定：生产企业对质量负责。"
           "公民、法人和其他组织均可以通过信函或者登录人大网站等方式提出意见。\n")


def test_a_decision_amending_several_laws_and_names_that_are_clauses(tmp_path):
    document = built(tmp_path, CLOSING)
    facts, labels = triples(document), classes(document)
    committee = "全国人民代表大会常务委员会"
    assert (committee, "enacted", "关于修改文物保护法等12部法律的决定") in facts, facts
    assert (committee, "revised", "中华人民共和国文物保护法") in facts
    # 环境保护法要…意见, 《…》明确规定 and …均可以…提出意见 are clauses, not opinions and rules
    assert not [label for label, cls in labels.items() if cls in ("Opinion", "Rules")], labels
