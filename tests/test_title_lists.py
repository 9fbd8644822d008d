"""Titles written without 《》 listed after one verb, each opening with 关于; a verb of passing on
(报…备案) before a body; the party's short name (中共…委员会) as another name of its committees.
Texts written for these tests."""

from __future__ import annotations

from extract_helpers import built, triples

SESSION = """区六届人大常委会召开第九次会议
昨天上午，区六届人大常委会召开第九次会议，区人大常委会主任周建平出席。
会议决定接受陈明辞去江北区人民政府副区长职务的请求，报江北区人民代表大会备案。
会议以按表决器表决方式，表决通过了关于江北区第六届人民代表大会个别代表的代表资格的审查报告、关于召开江北区第六届人民代表大会第三次会议的决定、关于江北区人大代表联络站工作办法和关于加强代表履职服务的工作意见(试行)。
市委书记、市人大常委会主任王海涛出席会议。
"""


def test_each_listed_title_is_an_instrument_enacted(tmp_path):
    document = built(tmp_path, SESSION)
    classes = {name: e.cls for e in document.entities for name in (e.label, *e.alt_labels)}
    labels = {name: e.label for e in document.entities for name in (e.label, *e.alt_labels)}
    assert classes.get("关于召开江北区第六届人民代表大会第三次会议的决定") == "Decision"
    assert classes.get("江北区人大代表联络站工作办法") == "Measures"  # 关于…办法 with no 的: named without 关于
    assert classes.get("关于加强代表履职服务的工作意见") == "Opinion"  # (试行) is a note, not the title
    facts = triples(document)
    committee = next(label for label in classes if label.endswith("江北区人民代表大会常务委员会"))
    for title in ("关于召开江北区第六届人民代表大会第三次会议的决定", "江北区人大代表联络站工作办法", "关于加强代表履职服务的工作意见"):
        assert (committee, "enacted", labels[title]) in facts, title


def test_a_verb_of_passing_on_is_no_part_of_the_body(tmp_path):
    labels = {e.label for e in built(tmp_path, SESSION).entities}
    assert not any(label.startswith("报") for label in labels)


def test_a_party_committee_goes_by_the_party_short_name_too(tmp_path):
    committee = next(e for e in built(tmp_path, SESSION).entities if e.label.startswith("中国共产党") and e.label.endswith("市委员会"))
    assert "中共" + committee.label[5:] in committee.alt_labels
