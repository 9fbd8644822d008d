"""The genre's standing formulas are ideas (Concept) wherever a report writes them: a text
written for this test."""

from __future__ import annotations

from extract_helpers import built

TEXT = ("面对世界百年未有之大变局，常委会坚持以经济建设为中心，统筹中华民族伟大复兴战略全局，"
        "坚持依法治国和以德治国相结合，贯彻总体国家安全观，铸牢中华民族共同体意识，坚持民主集中制。\n")


def test_standing_formulas_are_concepts(tmp_path):
    concepts = {e.label for e in built(tmp_path, TEXT).entities if e.cls == "Concept"}
    assert {"世界百年未有之大变局", "以经济建设为中心", "中华民族伟大复兴战略全局", "依法治国和以德治国相结合",
            "总体国家安全观", "中华民族共同体意识", "民主集中制"} <= concepts, concepts
    assert "依法治国" not in concepts  # a part of a formula is not found inside it


LEADER_TEXT = ("常委会深入学习贯彻习近平总书记系列重要讲话精神，传达学习了习近平总书记在全国两会期间重要讲话精神。\n"
               "会议强调，要深入学习贯彻习近平法治思想，做到两个维护，坚决维护党中央权威。\n")


def test_a_leader_named_with_his_title_inside_an_idea_is_a_person_too(tmp_path):
    document = built(tmp_path, LEADER_TEXT)
    classes = {(e.cls, e.label) for e in document.entities}
    assert {("Concept", "习近平总书记系列重要讲话精神"), ("Person", "习近平")} <= classes, classes
    persons = {e.key for e in document.entities if e.cls == "Person"}
    mentions = [m for m in document.mentions if m.entity in persons]
    assert len(mentions) == 2, mentions  # each titled name; 习近平法治思想 names an idea, not the man
    assert not any(r.subject in persons for r in document.relations)  # the idea's author: no post stated


CENTRAL_TEXT = ("湖南省人大常委会认真落实中央和省委决策部署，贯彻中央、省委、市委人大工作会议精神。\n"
                "中央财政转移支付资金及时下达，中央八项规定精神得到落实。\n")


def test_the_centre_beside_a_party_committee_is_the_central_committee(tmp_path):
    document = built(tmp_path, CENTRAL_TEXT)
    central = [e for e in document.entities if e.label == "中国共产党中央委员会"]
    assert len(central) == 1 and "中央" in central[0].alt_labels, central
    keyed = {e.key for e in central}
    # 中央和省委, 中央、省委…: twice; not 中央财政 or 中央八项规定, where it qualifies a noun
    assert len([m for m in document.mentions if m.entity in keyed]) == 2
    events = {e.label for e in document.entities if e.cls == "Event"}
    assert {"中央人大工作会议", "湖南省委人大工作会议", "市委人大工作会议"} <= events, events


PARTY_CONGRESS_TEXT = ("西藏自治区人大常委会按照自治区第十次党代会部署开展工作，学习中共拉萨市第十一次代表大会精神。\n"
                       "会议选举产生了出席市第十三次代表大会的代表。\n")


def test_a_local_congress_of_the_party_by_its_full_name(tmp_path):
    events = {e.label: e for e in built(tmp_path, PARTY_CONGRESS_TEXT).entities if e.cls == "Event"}
    assert "自治区第十次党代会" in events["中国共产党西藏自治区第十次代表大会"].alt_labels, events
    assert "中国共产党拉萨市第十一次代表大会" in events
    assert not any("第十三次" in label for label in events)  # 代表大会 alone, no 中共: not known to be the party's


def test_the_policies_a_chairman_names_are_ideas(tmp_path):
    text = "张德江说，要促进工业化、城镇化、农业现代化同步发展，继续简政放权，加快政府职能转变，推进社会信用体系建设。\n"
    concepts = {e.label for e in built(tmp_path, text).entities if e.cls == "Concept"}
    assert {"工业化", "城镇化", "农业现代化", "简政放权", "政府职能转变", "社会信用体系建设"} <= concepts, concepts
