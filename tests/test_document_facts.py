"""Facts stated by a whole report or by a title inside a title (extract/document_facts.py), and
the subjects of a session's acts, on texts written for these tests."""

from __future__ import annotations

import pytest

from npcgraph.api import build

HEADLINE = """杭州市人大常委会为“无废城市”建设立法

本报讯（记者 王芳）12月1日，《杭州市无废城市建设促进条例》正式施行。
“制定过程中，我们广泛征求意见。”市人大常委会法工委负责人介绍。
市人大常委会作出《关于修改〈杭州市城市市容和环境卫生管理条例〉的决定》。代表们提出《关于加快地铁建设的议案》。
"""

INTERVIEW = """让群众的声音直达立法机关——访宁波市人大常委会主任王国平

问：立法中如何听取民意？
答：我们围绕《宁波市城市绿化条例》修订，通过平台收到意见建议1200多条。代表提出建议，推动出台了《宁波市既有住宅加装电梯实施办法》。
"""

SESSION = """十四届全国人大三次会议在京闭幕

十四届全国人大三次会议11日下午在人民大会堂闭幕。大会表决通过了《中华人民共和国民法典》。
作为一名全国人大代表，李建国说，民法典的通过让人振奋。全国人大代表、石门镇大坪村党支部书记王秀英参加会议。
"""


def _facts(tmp_path, text: str) -> set[tuple[str, str, str]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    document = build([path]).documents[0]
    names = {e.key: e.label for e in document.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in document.relations}


def test_a_headlines_legislator_enacted_the_local_regulation_the_text_names(tmp_path):
    facts = _facts(tmp_path, HEADLINE)
    assert ("杭州市人民代表大会常务委员会", "enacted", "杭州市无废城市建设促进条例") in facts


def test_an_amending_decision_revises_the_instrument_titled_inside_it(tmp_path):
    facts = _facts(tmp_path, HEADLINE)
    decision = "关于修改〈杭州市城市市容和环境卫生管理条例〉的决定"
    assert ("杭州市人民代表大会常务委员会", "adopted", decision) in facts
    assert ("杭州市人民代表大会常务委员会", "revised", "杭州市城市市容和环境卫生管理条例") in facts


def test_a_titled_motion_is_a_motion(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(HEADLINE, encoding="utf-8")
    document = build([path]).documents[0]
    classes = {e.label: e.cls for e in document.entities}
    assert classes["关于加快地铁建设的议案"] == "Motion"


def test_a_headline_that_names_the_legislature_states_no_enactment(tmp_path):
    facts = _facts(tmp_path, INTERVIEW)
    assert not any(p == "enacted" for _, p, _ in facts)


def test_the_congress_not_its_standing_committee_acts_in_its_session(tmp_path):
    facts = _facts(tmp_path, SESSION)
    assert ("全国人民代表大会", "enacted", "中华人民共和国民法典") in facts
    assert not any(s == "全国人民代表大会常务委员会" and p == "enacted" for s, p, _ in facts)


@pytest.mark.parametrize("person", ["李建国", "王秀英"])
def test_deputies_of_a_congress_whatever_titles_stand_between(tmp_path, person):
    assert (person, "memberOf", "全国人民代表大会") in _facts(tmp_path, SESSION)


CLOSING = """十四届全国人大四次会议在京闭幕

会议经表决，通过了生态环境法典、民族团结进步促进法。大会主席团常务主席赵乐际、李鸿忠主持会议。
本次会议通过了2项决议。这个规划纲要很重要。
2025年12月4日河南省人大常委会审议通过的《河南省发展老年助餐服务规定》中明确提到“鼓励志愿者提供服务”。
"""


def test_a_body_that_passed_what_the_relative_clause_names_enacted_it(tmp_path):
    facts = _facts(tmp_path, CLOSING)
    assert ("河南省人民代表大会常务委员会", "enacted", "河南省发展老年助餐服务规定") in facts


def test_codes_are_laws_enacted_by_the_congress_in_session(tmp_path):
    facts = _facts(tmp_path, CLOSING)
    assert ("全国人民代表大会", "enacted", "中华人民共和国生态环境法典") in facts
    assert ("全国人民代表大会", "enacted", "中华人民共和国民族团结进步促进法") in facts


def test_the_presidiums_executive_chairs_are_its_members(tmp_path):
    facts = _facts(tmp_path, CLOSING)
    for person in ("赵乐际", "李鸿忠"):
        assert (person, "memberOf", "第十四届全国人民代表大会第四次会议主席团") in facts


def test_a_count_or_a_pointer_before_a_form_word_is_no_title(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(CLOSING, encoding="utf-8")
    labels = {e.label for e in build([path]).documents[0].entities}
    assert "2项决议" not in labels and "这个规划纲要" not in labels


def test_a_titles_issuer_written_before_its_guanyu_is_part_of_the_title(tmp_path):
    text = "十四届全国人大四次会议在京闭幕\n\n会议表决通过了十四届全国人大四次会议关于全国人大常委会工作报告的决议。\n"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    labels = {e.label for e in build([path]).documents[0].entities}
    assert "十四届全国人大四次会议关于全国人大常委会工作报告的决议" in labels


RESUME = """省人大常委会举行会议

会议决定接受张明远辞去省长职务的请求。
张明远同志简历
张明远，男，汉族，1960年5月生，1985年6月加入中国共产党。
1993年5月任中央直属机关事务管理局局长；
2002年10月任中共重庆市委副书记；
第十届全国人大代表。
"""


def test_a_resume_lists_the_posts_its_person_held(tmp_path):
    facts = _facts(tmp_path, RESUME)
    assert ("张明远", "memberOf", "中央直属机关事务管理局") in facts
    assert ("张明远", "memberOf", "中国共产党重庆市委员会") in facts
    assert ("张明远", "memberOf", "全国人民代表大会") in facts


def test_no_resume_no_posts(tmp_path):
    facts = _facts(tmp_path, RESUME.replace("张明远同志简历\n", "").replace("张明远，男，汉族，", "他"))
    assert not any(s == "张明远" and p == "memberOf" for s, p, _ in facts)


def test_the_reports_budgets_and_plans_a_congress_approves_are_instruments_it_approved(tmp_path):
    text = "十四届全国人大四次会议在京闭幕\n\n大会批准政府工作报告、“十五五”规划纲要和全国人大常委会工作报告。会议决定批准2026年中央预算。\n"
    facts = _facts(tmp_path, text)
    for document in ("政府工作报告", "十五五规划纲要", "全国人民代表大会常务委员会工作报告", "2026年中央预算"):
        assert ("全国人民代表大会", "approved", document) in facts


FEATURE = """种好黄连 收获幸福

村里改变面貌只有靠实干。我们大胆推行新模式，成立国富种植合作社。
武汉市人大常委会开展了专题询问。随后，制定了《武汉市河道管理办法》。
"""


def test_in_a_news_item_a_clause_without_subject_is_the_act_of_the_actor_named_last(tmp_path):
    facts = _facts(tmp_path, FEATURE)
    assert ("武汉市人民代表大会常务委员会", "enacted", "武汉市河道管理办法") in facts


def test_in_a_news_item_no_guessed_speaker_acts_before_the_text_names_an_actor(tmp_path):
    facts = _facts(tmp_path, FEATURE)
    assert not any(o == "国富种植合作社" for _, _, o in facts)  # 我们 here is a village, not the committee


def test_a_decision_to_approve_a_treaty_approves_it(tmp_path):
    text = "十届全国人大常委会第二十八次会议闭幕\n\n会议表决通过了全国人大常委会关于批准中国和新西兰关于刑事司法协助的条约的决定。\n"
    facts = _facts(tmp_path, text)
    assert ("全国人民代表大会常务委员会", "approved", "中国和新西兰关于刑事司法协助的条约") in facts


RESOLUTIONS = """十三届全国人大五次会议在京闭幕

十三届全国人大五次会议11日上午在人民大会堂闭幕。大会表决通过了十三届全国人大五次会议关于政府工作报告的决议、关于最高人民检察院工作报告的决议。
"""


def test_a_congress_s_resolution_on_a_report_approves_the_report_where_the_text_says_so(tmp_path):
    said = _facts(tmp_path, RESOLUTIONS.replace("工作报告的决议。", "工作报告的决议，决定批准这两个报告。"))
    assert ("全国人民代表大会", "approved", "政府工作报告") in said
    assert ("全国人民代表大会", "approved", "最高人民检察院工作报告") in said
    assert not any(p == "approved" and o.endswith("决议") for _, p, o in said)
    unsaid = _facts(tmp_path, RESOLUTIONS)  # a resolution on a report, no word of approving it
    assert not any(p == "approved" for _, p, _ in unsaid)


def test_a_title_listed_after_one_with_an_issuer_shares_its_issuer(tmp_path):
    facts = _facts(tmp_path, RESOLUTIONS)
    assert ("全国人民代表大会", "enacted", "十三届全国人大五次会议关于最高人民检察院工作报告的决议") in facts


def test_the_authors_signed_under_a_body_are_its_members(tmp_path):
    facts = _facts(tmp_path, "开展民生实事项目票决制的调研与思考\n洛阳市人大常委会 吴中阳 王立新 王川一\n自今年8月开始，洛阳市人大常委会组织调研。\n")
    for person in ("吴中阳", "王立新", "王川一"):
        assert (person, "memberOf", "洛阳市人民代表大会常务委员会") in facts


def test_a_resolution_on_a_work_report_without_guanyu_approves_it_and_an_amended_law_is_no_act(tmp_path):
    facts = _facts(tmp_path, "十四届全国人大三次会议在京闭幕\n第十四届全国人民代表大会第三次会议11日下午在人民大会堂闭幕。"
                             "大会表决通过了关于政府工作报告的决议、全国人民代表大会常务委员会工作报告的决议，批准这两个报告。\n"
                             "习近平签署第四十一号主席令，公布修改后的代表法。\n")
    assert ("全国人民代表大会", "approved", "全国人民代表大会常务委员会工作报告") in facts
    assert not any(s == "习近平" and p == "revised" for s, p, _ in facts)


APPROVALS = """省人大常委会批准六件法规
11月30日下午，省十二届人大常委会第三十七次会议召开第二次全体会议。
会议表决通过了关于批准《广州市湿地保护规定》、《深圳市人民代表大会常务委员会关于修改〈深圳市节约用水条例〉等三项法规的决定》和《佛山市扬尘污染防治条例》的决定。
"""


def test_a_decision_listing_titles_approves_each_and_not_the_titles_inside_them(tmp_path):
    facts = _facts(tmp_path, APPROVALS)
    body = "广东省人民代表大会常务委员会"
    decision = ("关于批准广州市湿地保护规定、深圳市人民代表大会常务委员会关于修改〈深圳市节约用水条例〉等三项法规的决定"
                "和佛山市扬尘污染防治条例的决定")
    assert (body, "enacted", decision) in facts, facts
    approved = {obj for subject, predicate, obj in facts if subject == body and predicate == "approved"}
    assert approved == {"广州市湿地保护规定", "佛山市扬尘污染防治条例",
                        "深圳市人民代表大会常务委员会关于修改〈深圳市节约用水条例〉等三项法规的决定"}, approved


COMING_SESSION = """省十三届人大一次会议明年1月25日在穗召开
11月30日下午，省十二届人大常委会第三十七次会议召开第二次全体会议。
会议表决通过了《广东省气瓶安全条例》。
"""


def test_the_meeting_after_a_dateline_not_the_headline_s_coming_session_passes_the_acts(tmp_path):
    facts = _facts(tmp_path, COMING_SESSION)
    assert ("广东省人民代表大会常务委员会", "enacted", "广东省气瓶安全条例") in facts, facts
    assert not any(s == "广东省人民代表大会" and p == "enacted" for s, p, _ in facts)


AMENDED_REGULATION = """张掖市立法条例
(2016年11月13日张掖市第四届人民代表大会第一次会议通过 2017年3月30日甘肃省第十二届人民代表大会常务委员会第三十次会议批准 根据2024年5月7日张掖市第五届人民代表大会常务委员会第十六次会议通过 2024年5月30日甘肃省第十四届人民代表大会常务委员会第九次会议批准的《张掖市人民代表大会常务委员会关于修改〈张掖市立法条例〉的决定》修正)
第一条 为了规范立法活动，制定本条例。
"""


def test_a_short_regulation_title_line_and_the_amendment_its_header_records(tmp_path):
    facts = _facts(tmp_path, AMENDED_REGULATION)
    regulation, decision = "张掖市立法条例", "张掖市人民代表大会常务委员会关于修改〈张掖市立法条例〉的决定"
    city, province = "张掖市人民代表大会", "甘肃省人民代表大会常务委员会"
    expected = {(city, "enacted", regulation), (province, "approved", regulation), (city + "常务委员会", "enacted", decision),
                (province, "approved", decision), (city + "常务委员会", "revised", regulation)}
    assert expected <= facts, expected - facts
    assert (city + "常务委员会", "enacted", regulation) not in facts  # it passed the amending decision, not the regulation


BROKEN_TITLE = """百色市人民代表大会常务委员会
关于修改《百色市立法条例》
等五件地方性法规的决定
（2025年8月28日百色市第五届人民代表大会常务委员会第二十九次会议通过）
"""


def test_the_last_line_of_a_title_broken_over_lines_is_no_title_of_its_own(tmp_path):
    facts = _facts(tmp_path, BROKEN_TITLE)
    assert not any(o.startswith("等五件") for s, p, o in facts), facts
