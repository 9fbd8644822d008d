"""Deputies in newspaper pieces, on texts written for these tests: a deputy's own column (its
author from the archive's byline, 我/我们 the author, 作为一名全国人大代表 a deputy of that congress),
a reporter's item (作为一名… is said of the person quoted), names after 代表 in an item about one
congress's deputies, and a short name spaced out at a byline's end."""

from __future__ import annotations

from extract_helpers import built, triples
from npcgraph.api import build


def _facts(tmp_path, text: str, name: str = "report.txt") -> set[tuple[str, str, str]]:
    return triples(built(tmp_path, text, name))


COLUMN = """走好乡村振兴路（代表之声）
王秀英《人民日报》（2026年04月02日第 18 版）
作为一名来自山区的全国人大代表，我始终把群众的事放在心上。
我们成立了青山茶叶专业合作社，带动两百多户茶农增收。
"""

REPORTER = """代表履职在基层
本报记者  刘海波《人民日报》（2026年04月03日第 18 版）
作为一名全国人大代表，张春来每年都提出多件建议。
"""

SPACED = """代表归来话履职
全国人大代表，湖南省石门县博物馆馆长  黄  峰
作为一名来自基层的全国人大代表，我将继续履职尽责。
"""

NEWS = """“村官”代表关心啥？
江西共有十四届全国人大代表，其中多名“村官”代表。
“要把耕地守住。”李长春代表说。赵国兴代表说，要办好村里的事。
"""


def test_a_deputy_s_own_column(tmp_path):
    facts = _facts(tmp_path, COLUMN, "column.txt")
    assert ("王秀英", "memberOf", "全国人民代表大会") in facts
    assert ("王秀英", "established", "青山茶叶专业合作社") in facts


def test_a_reporter_s_item_speaks_of_whom_it_quotes(tmp_path):
    facts = _facts(tmp_path, REPORTER, "reporter.txt")
    assert ("刘海波", "memberOf", "全国人民代表大会") not in facts


def test_a_short_name_spaced_at_a_byline_s_end(tmp_path):
    facts = _facts(tmp_path, SPACED, "spaced.txt")
    assert ("黄峰", "memberOf", "全国人民代表大会") in facts


def test_names_with_代表_in_an_item_about_one_congress_s_deputies(tmp_path):
    facts = _facts(tmp_path, NEWS, "news.txt")
    for person in ("李长春", "赵国兴"):
        assert (person, "memberOf", "全国人民代表大会") in facts


SUGGESTION = """代表履职在一线
今年全国两会上，全国人大代表潘克明提交了关于加强农村公路养护的建议。
"""


def test_a_suggestion_handed_in_is_named_by_its_topic(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(SUGGESTION, encoding="utf-8")
    document = build([path]).documents[0]
    kinds = {e.label: e.cls for e in document.entities}
    assert kinds.get("关于加强农村公路养护的建议") == "Suggestion"


def test_a_deputys_title_reaches_no_person_past_和_or_another_deputy(tmp_path):
    facts = triples(built(tmp_path, "代表值班\n上午9点，市人大代表、小冀镇人大主席团副主席黄晓明和县人大代表白家武在联络站值班。\n"))
    assert not any(s == "白家武" and o.startswith("市") for s, _, o in facts)


def test_deputies_named_before_是_and_no_name_made_of_an_adverb(tmp_path):
    document = built(tmp_path, "周口市人代会\n出席周口市五届人大二次会议的人大代表陆续来到代表驻地。"
                    "市人大代表邱守仁是农民专业合作社理事长。\n")
    assert ("邱守仁", "memberOf", "周口市人民代表大会") in triples(document)  # 市人大代表X是…
    assert "陆续来" not in {e.label for e in document.entities}


def test_a_deputy_filled_in_and_a_deputy_named_after_the_congress_s_title(tmp_path):
    text = ("温州市瓯海区人大常委会召开会议。根据选举法的规定，递补陈晓峰为第十三届全国人民代表大会代表。"
            "“这些话我一直记在心里。”区人大代表夏柏彩这样说。\n")
    facts = _facts(tmp_path, text)
    assert ("陈晓峰", "memberOf", "全国人民代表大会") in facts
    assert ("夏柏彩", "memberOf", "瓯海区人民代表大会") in facts, facts
