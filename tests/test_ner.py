"""The name model stage (extract/tagger.py, extract/ner.py) on texts written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import built
from npcgraph.api import build
from npcgraph.extract.ner import admin_units
from npcgraph.extract.tagger import name_spans

NEWS = """杭州市人大常委会开展养老服务条例执法检查

本报讯（记者 王芳）近日，浙江省杭州市人大常委会组织开展《杭州市居家养老服务条例》执法检查。
杭州市人大代表陈晓红、全国人大代表刘洋参加检查。农场负责人李建国说，助餐点离家近了。
浙江大学光华法学院教授王立新认为，条例的实施效果明显。
检查组先后来到萧山区石门镇大坪村、西湖区城东街道幸福社区和杭州经济技术开发区。
住房城乡建设部、国家卫生健康委有关负责同志介绍了全国的情况。
杭州市西湖区人民法院、杭州市人民检察院和杭州金桥养老服务股份有限公司负责人参加座谈。
"""


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("ner") / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    return build([path]).documents[0]


@pytest.fixture(scope="module")
def labels(document):
    return {(e.cls, e.label) for e in document.entities}


@pytest.fixture(scope="module")
def facts(document):
    names = {e.key: e.label for e in document.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in document.relations}


def test_the_model_tags_persons_places_and_bodies_offline():
    text = "县委书记张伟到石门镇大坪村调研，住房城乡建设部有关负责同志参加。"
    spans = {(text[b:e], label) for b, e, label in name_spans(text)}
    assert ("张伟", "PER") in spans
    assert ("石门镇", "LOC") in spans and ("大坪村", "LOC") in spans
    assert ("住房城乡建设部", "ORG") in spans


def test_offsets_of_model_spans_index_the_text():
    text = "第一句没有名字。\n红河哈尼族彝族自治州人大常委会会同州人民检察院开展调研；李建国说，很好！"
    for begin, end, label in name_spans(text):
        assert 0 <= begin < end <= len(text)
        assert label in {"PER", "LOC", "ORG"}
        assert "\n" not in text[begin:end]


@pytest.mark.parametrize(
    ("name", "units"),
    [
        ("浙江省杭州市西湖区", ["浙江省", "杭州市", "西湖区"]),
        ("红河哈尼族彝族自治州", ["红河哈尼族彝族自治州"]),
        ("萧山区石门镇大坪村", ["萧山区", "石门镇", "大坪村"]),
        ("城东街道幸福社区", ["城东街道", "幸福社区"]),
        ("杭州经济技术开发区", ["杭州经济技术开发区"]),
    ],
)
def test_place_names_are_chains_of_administrative_units(name, units):
    found = admin_units(name)
    assert found is not None
    assert [name[b:e] for b, e in found] == units


@pytest.mark.parametrize("word", ["市县", "城市", "社区", "全省", "城乡", "新时代"])
def test_words_that_end_like_places_are_none(word):
    assert admin_units(word) is None


@pytest.mark.parametrize("person", ["陈晓红", "刘洋", "李建国", "王立新", "王芳"])
def test_persons_introduced_by_a_role_or_a_speech_verb(labels, person):
    assert ("Person", person) in labels


@pytest.mark.parametrize("place", ["石门镇", "大坪村", "城东街道", "幸福社区", "杭州经济技术开发区"])
def test_places_below_the_county(labels, place):
    assert ("Place", place) in labels


@pytest.mark.parametrize(
    "body",
    [
        "浙江大学光华法学院",
        "中华人民共和国住房和城乡建设部",
        "中华人民共和国国家卫生健康委员会",
        "杭州市西湖区人民法院",
        "杭州市人民检察院",
        "杭州金桥养老服务股份有限公司",
    ],
)
def test_institutions_outside_the_genre_lexicons(labels, body):
    assert ("Organization", body) in labels


def test_a_province_prefixed_body_is_the_same_node_as_its_short_form(document):
    committees = [e for e in document.entities if e.label == "杭州市人民代表大会常务委员会"]
    assert len(committees) == 1
    assert "浙江省杭州市人大常委会" in committees[0].alt_labels
    assert not any(e.label.startswith("浙江省杭州市") for e in document.entities)


def test_deputies_belong_to_their_congress(facts):
    assert ("陈晓红", "memberOf", "杭州市人民代表大会") in facts
    assert ("刘洋", "memberOf", "全国人民代表大会") in facts


def test_a_post_in_a_school_is_an_affiliation(facts):
    assert ("王立新", "memberOf", "浙江大学光华法学院") in facts


SESSION = """十四届全国人大四次会议在京闭幕

十四届全国人大四次会议12日下午在人民大会堂举行闭幕会。大会主席团常务主席赵乐际主持闭幕会。
雪克来提·扎克尔、洛桑江村、铁凝等出席会议。中国共产党第十七次全国代表大会以来，成就巨大。
黄泽镇人大组织召开民情分析会，邀请代表参加协商座谈会和跟踪督办会。
中国共产党山东省委员会、中共济南市委宣传部有关负责同志参加。
"""


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    path = tmp_path_factory.mktemp("session") / "news.txt"
    path.write_text(SESSION, encoding="utf-8")
    document = build([path]).documents[0]
    names = {e.key: e.label for e in document.entities}
    return (
        {(e.cls, e.label) for e in document.entities},
        {(names[r.subject], r.predicate, names[r.object]) for r in document.relations},
    )


@pytest.mark.parametrize("person", ["雪克来提·扎克尔", "洛桑江村", "铁凝", "赵乐际"])
def test_names_in_a_list_of_persons_are_persons(session, person):
    labels, _ = session
    assert ("Person", person) in labels
    assert ("Place", person) not in labels


@pytest.mark.parametrize("event", ["中国共产党第十七次全国代表大会", "民情分析会", "协商座谈会", "跟踪督办会"])
def test_meetings_by_name(session, event):
    assert ("Event", event) in session[0]


def test_a_sessions_presidium_is_that_sessions_and_part_of_its_congress(session):
    labels, facts = session
    presidium = "第十四届全国人民代表大会第四次会议主席团"
    assert ("Organization", presidium) in labels
    assert (presidium, "partOf", "全国人民代表大会") in facts


def test_an_organ_written_after_its_body_is_part_of_it_and_a_place_s_committee_is_not(session):
    labels, facts = session
    assert ("Organization", "中国共产党济南市委员会宣传部") in labels
    assert ("中国共产党济南市委员会宣传部", "partOf", "中国共产党济南市委员会") in facts
    assert ("Organization", "中国共产党山东省委员会") in labels
    assert not any(s == "中国共产党山东省委员会" and p == "partOf" for s, p, _ in facts)


def test_a_clause_that_runs_into_a_level_word_is_no_place():
    assert admin_units("史亚仙连续七届担任市") is None  # (a name the lexicons do not list is short)
    assert admin_units("黔东南苗族侗族自治州") is not None and admin_units("青石镇") is not None


def test_a_villagers_group_after_its_village_and_the_villagers_word(tmp_path):
    text = "后白镇后白村后东组村民代表秦建兵来到后白村人大工作站反映情况。\n"
    places = {e.label for e in built(tmp_path, text).entities if e.cls == "Place"}
    assert {"后白镇", "后白村", "后东组"} <= places and "后东组村" not in places, places
