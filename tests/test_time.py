"""Time, meetings, votes, appointments and approvals (graph contract version 2, issue 15).

Every text here was written for these tests: one sentence or two per form the issue lists.
"""

from __future__ import annotations

import pytest
from rdflib import Literal

from npcgraph.extract import STAGES
from npcgraph.extract.dates import find_dates, parse_number
from npcgraph.extract.meetings import chinese_number
from npcgraph.extract.votes import find_tallies
from npcgraph.ingest import RawText, normalize
from npcgraph.model import Corpus, Document, Metadata
from npcgraph.namespaces import NPC, RDF, XSD
from npcgraph.rdf import to_graph
from npcgraph.sparql import execute
from npcgraph.structure import structure
from npcgraph.validation import format_results, validate


def _document(text: str, date: str | None = None, body: str = "武汉市人大常委会", place: str = "武汉市") -> Document:
    metadata = Metadata(author_post=f"{body}主任", reporting_body=body, jurisdiction=place, date=date)
    document = Document(structure(RawText("test.txt", normalize(text), metadata)))
    for stage in STAGES:
        document = stage(document)
    return document


def _acts(document: Document) -> list[tuple[str, str, str, str | None, str | None, str | None, tuple | None]]:
    """(subject label, predicate, object label, post, date, meeting label, votes) of each statement."""
    labels = {e.key: e.label for e in document.entities}
    return [
        (labels[r.subject], r.predicate, labels[r.object], r.post, e.date, labels.get(e.event or ""), e.votes)
        for r in document.relations
        for e in r.evidence
    ]


def _values(text: str, date: str | None = None) -> list[tuple[str, str, str]]:
    return [(text[d.begin : d.end], d.value, d.kind) for d in find_dates(text, date)]


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年10月1日", ("2025年10月1日", "2025-10-01", "act")),
        ("二〇二五年十月一日", ("二〇二五年十月一日", "2025-10-01", "act")),
        ("2022年3月", ("2022年3月", "2022-03", "act")),
        ("2021年", ("2021年", "2021", "act")),
        ("2018年以来", ("2018年", "2018", "period")),
        ("自2025年10月1日起施行", ("2025年10月1日", "2025-10-01", "effective")),
    ],
)
def test_full_and_partial_dates(text, expected):
    assert _values(text)[0] == expected


def test_relative_dates_resolve_against_the_report_date():
    text = "今年3月，制定条例。去年，修订办法。上月召开会议。"
    assert [v for _, v, _ in _values(text, "2025-06-18")] == ["2025-03", "2024", "2025-05"]


def test_relative_dates_without_a_report_date_are_left_out():
    assert _values("今年3月，制定条例。去年，修订办法。上月召开会议。同日通过。次日公布。") == []


def test_same_day_and_next_day_follow_the_date_named_before():
    text = "2025年9月12日，会议表决通过A。同日，公布B。次日，实施C。同年12月，修订D。"
    assert [v for _, v, _ in _values(text)] == ["2025-09-12", "2025-09-12", "2025-09-13", "2025-12"]


def test_a_month_alone_takes_the_year_named_before_it_in_its_paragraph_only():
    text = "2023年，常委会依法履职。3月，审议通过A。6月份，制定B。1—3月，开展C。"
    assert [v for _, v, _ in _values(text)] == ["2023", "2023-03", "2023-06"]
    assert _values("3月，审议通过A。", "2025-01-10") == []  # an annual report's 3月 may be last year's


def test_month_precision_is_needed_for_last_month():
    assert _values("上月召开会议。", "2025") == []


@pytest.mark.parametrize(("written", "value"), [("十五", 15), ("二十", 20), ("一百零三", 103), ("二〇二五", 2025), ("7", 7)])
def test_chinese_numbers(written, value):
    assert parse_number(written) == value
    if value < 1000:
        assert parse_number(chinese_number(value)) == value


# -- tallies ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("以157票赞成、0票反对、1票弃权表决通过", (157, 0, 1)),
        ("赞成157票，反对0票，弃权1票", (157, 0, 1)),
        ("赞成票55票、反对票2票", (55, 2, None)),
    ],
)
def test_tallies_in_both_orders(text, votes):
    assert [t.votes for t in find_tallies(text)] == [votes]


# -- end to end: acts, meetings, appointments, approvals ----------------------------------------


def test_a_dated_vote_at_a_meeting_with_an_effective_date():
    document = _document(
        "2025年9月12日，十四届全国人大常委会第十七次会议以157票赞成、0票反对、1票弃权表决通过《中华人民共和国测试法》，自2026年1月1日起施行。",
        body="全国人大常委会", place="中华人民共和国",
    )
    meeting = "第十四届全国人民代表大会常务委员会第十七次会议"
    assert ("全国人民代表大会常务委员会", "enacted", "中华人民共和国测试法", None, "2025-09-12", meeting, (157, 0, 1)) in _acts(document)
    event = next(e for e in document.entities if e.label == meeting)
    assert (event.cls, event.term, event.session, event.date) == ("Event", 14, 17, "2025-09-12")
    assert "十四届全国人大常委会第十七次会议" in event.alt_labels
    law = next(e for e in document.entities if e.label == "中华人民共和国测试法")
    assert law.effective_date == "2026-01-01"
    assert any(r.predicate == "organizedBy" and r.subject == event.key for r in document.relations)


def test_a_meeting_is_one_node_across_reports_and_written_forms():
    first = _document("市十五届人大常委会第三次会议审议通过《武汉市供水条例》。")
    second = _document("武汉市第十五届人民代表大会常务委员会第三次会议表决通过《武汉市物业管理条例》。")
    keys = [{e.key for e in d.entities if e.cls == "Event"} for d in (first, second)]
    assert keys[0] == keys[1] and len(keys[0]) == 1


def test_a_meeting_without_a_term_gets_none():
    document = _document("常委会第十五次会议审议通过《武汉市养老服务促进条例》。")
    event = next(e for e in document.entities if e.cls == "Event")
    assert (event.term, event.session) == (None, 15)
    assert event.label == "武汉市人民代表大会常务委员会第十五次会议"
    assert _acts(document)[-1][5] == event.label or any(a[5] == event.label for a in _acts(document))


def test_a_later_sentence_saying_the_meeting_refers_to_the_one_named_before():
    document = _document("市十五届人大常委会第三次会议于2022年5月26日召开。会议审议通过《武汉市供水条例》。")
    act = next(a for a in _acts(document) if a[1] == "enacted")
    assert act[5] == "武汉市第十五届人民代表大会常务委员会第三次会议"
    assert act[4] == "2022-05-26"  # the meeting's date


def test_appointment_and_removal_lists():
    document = _document("市十五届人大常委会第三次会议决定任命张三、李四为武汉市人民政府副市长，免去王五的武汉市人民政府副市长职务。")
    acts = {(a[0], a[1], a[2], a[3]) for a in _acts(document) if a[1] in ("appointed", "removed")}
    body = "武汉市人民代表大会常务委员会"
    assert acts == {
        (body, "appointed", "张三", "武汉市人民政府副市长"),
        (body, "appointed", "李四", "武汉市人民政府副市长"),
        (body, "removed", "王五", "武汉市人民政府副市长"),
    }


def test_appointment_forms():
    from npcgraph.extract.appointments import find_appointments

    def found(text):
        return [(a.predicate, [text[b:e] for b, e in a.names], a.post) for a in find_appointments(text, 0, len(text))]

    assert found("任命张三同志为市人大常委会副秘书长") == [("appointed", ["张三"], "市人大常委会副秘书长")]
    assert found("免去王小明武汉市人民政府副市长职务") == [("removed", ["王小明"], "武汉市人民政府副市长")]
    assert found("罢免赵六的市人民代表大会代表资格") == [("removed", ["赵六"], "市人民代表大会代表")]
    assert found("依法任免国家机关工作人员128人次") == []
    assert found("任命张三为市财政局局长，李四、王五为市教育局副局长。") == [
        ("appointed", ["张三"], "市财政局局长"), ("appointed", ["李四", "王五"], "市教育局副局长"),
    ]


def test_an_election_by_the_congress():
    document = _document("2022年3月，市十五届人大一次会议选举张三为市人大常委会主任。")
    act = next(a for a in _acts(document) if a[1] == "appointed")
    assert act[:5] == ("武汉市人民代表大会", "appointed", "张三", "市人大常委会主任", "2022-03")


def test_approval_of_several_regulations_is_not_enactment():
    document = _document("湖北省人大常委会批准《黄石市供水条例》《十堰市物业管理条例》。")
    acts = {(a[0], a[1], a[2]) for a in _acts(document)}
    assert ("湖北省人民代表大会常务委员会", "approved", "黄石市供水条例") in acts
    assert ("湖北省人民代表大会常务委员会", "approved", "十堰市物业管理条例") in acts
    assert not any(a[1] == "enacted" for a in acts)


def test_an_undated_report_dates_only_what_its_text_dates():
    document = _document("今年，制定《武汉市供水条例》。2021年，修订《武汉市物业管理条例》。")
    dates = {a[2]: a[4] for a in _acts(document)}
    assert dates == {"武汉市供水条例": None, "武汉市物业管理条例": "2021"}
    dated = _document("今年，制定《武汉市供水条例》。", date="2022-04-18")
    assert _acts(dated)[0][4] == "2022"


def test_the_graph_carries_time_and_validates():
    document = _document(
        "2025年9月12日，市十五届人大常委会第三次会议以50票赞成、0票反对、1票弃权表决通过《武汉市供水条例》，自2025年10月1日起施行。"
        "会议决定任命张三为武汉市人民政府副市长。",
        date="2025-09-13",
    )
    graph = to_graph(Corpus((document,)))
    dated = set(graph.subjects(NPC.date, Literal("2025-09-12", datatype=XSD.date)))
    statements = [s for s in dated if (s, RDF.type, RDF.Statement) in graph]
    assert statements and len(dated - set(statements)) == 1  # and the meeting
    assert any(graph.value(s, NPC.votesFor) == Literal(50, datatype=XSD.integer) for s in statements)
    assert list(graph.subjects(NPC.effectiveDate, Literal("2025-10-01", datatype=XSD.date)))
    report = validate(graph)
    assert report.conforms, format_results(report, graph)
    rows = execute(graph, "timeline").rows
    assert [str(row[0]) for row in rows] == sorted(str(row[0]) for row in rows)
    assert any("张三" in str(row) for row in execute(graph, "appointments").rows)
    assert execute(graph, "meetings").rows


# -- the case tests/data/standing-committee-session --------------------------------------------


@pytest.fixture(scope="module")
def session_graph():
    from pathlib import Path

    import npcgraph

    return npcgraph.to_graph(npcgraph.build([Path(__file__).parent / "data" / "standing-committee-session"]))


def test_the_session_case_validates(session_graph):
    report = validate(session_graph)
    assert report.conforms, format_results(report, session_graph)


def test_the_session_timeline_is_in_date_order_with_every_act_dated(session_graph):
    rows = execute(session_graph, "timeline").rows
    dates = [str(row[0]) for row in rows]
    assert dates == sorted(dates)
    assert dates[:2] == ["2024", "2025-03"]  # 去年 and 今年3月 against the page's 2025-09-14
    acts = {(str(row[1]), str(row[2]).split("#")[-1], str(row[3])) for row in rows}
    assert ("湖北省人民代表大会常务委员会", "approved", "襄阳市城市绿化条例") in acts
    assert ("襄阳市人民代表大会常务委员会", "enacted", "襄阳市城市绿化条例") in acts  # approval is not enactment
    dated = {str(row[3]): str(row[0]) for row in rows}
    assert dated["周明"] == dated["襄阳市城市绿化条例"] == "2025-09-12"


def test_the_session_is_one_event_with_its_acts_and_votes(session_graph):
    rows = execute(session_graph, "meetings").rows
    columns = execute(session_graph, "meetings").variables
    session = [dict(zip(columns, row)) for row in rows if str(row[0]).endswith("第十八次会议")]
    assert {str(r["meetingLabel"]) for r in session} == {"襄阳市第十六届人民代表大会常务委员会第十八次会议"}
    assert {str(r["thingLabel"]) for r in session} >= {"襄阳市城市绿化条例", "周明", "吴强", "郑华", "孙丽"}
    votes = {str(r["thingLabel"]): (r["votesFor"], r["votesAgainst"], r["abstentions"]) for r in session}
    assert tuple(int(v) for v in votes["襄阳市城市绿化条例"]) == (45, 0, 1)
    assert tuple(int(v) for v in votes["襄阳市人民代表大会常务委员会关于加强生态环境保护的决定"]) == (44, 1, 1)
    assert all(int(r["term"]) == 16 and int(r["sessionNumber"]) == 18 and str(r["date"]) == "2025-09-12" for r in session)


def test_the_session_appointments_carry_their_posts(session_graph):
    rows = {(str(r[1]).split("#")[-1], str(r[2]), str(r[3])) for r in execute(session_graph, "appointments").rows}
    assert rows == {
        ("appointed", "周明", "襄阳市人民政府副市长"),
        ("appointed", "吴强", "襄阳市人民政府副市长"),
        ("removed", "郑华", "襄阳市人民政府副市长"),
        ("removed", "孙丽", "襄阳市人民代表大会常务委员会委员"),
    }


def test_the_viewer_shows_each_facts_date_and_the_years_of_the_acts(session_graph, tmp_path):
    import json
    import re

    from npcgraph.store import open_graph, write_store
    from npcgraph.viewer import render

    def data_of(html: str) -> dict:
        match = re.search(r'<script type="application/json" id="npcgraph-data">(.*?)</script>', html, re.S)
        assert match, "no page data"
        return json.loads(match.group(1))

    data = data_of(render(session_graph))
    assert data["years"] == [2024, 2025]
    labels = [e["label"] for e in data["entities"]]
    rels = [r["key"] for r in data["relations"]]
    approved = next(e for e in data["edges"] if rels[e["rel"]] == "approved" and labels[e["to"]] == "襄阳市城市绿化条例")
    assert approved["act"] and approved["dates"] == ["2025-09-12"]
    assert all("act" not in e for e in data["edges"] if rels[e["rel"]] in ("partOf", "memberOf"))
    write_store(session_graph, tmp_path / "store")  # the Oxigraph store's page is the same
    assert render(open_graph(f"oxigraph:{tmp_path / 'store'}")) == render(session_graph)


def test_the_meeting_said_as_huiyi_appoints_through_its_body():
    document = _document("9月26日，省十四届人大常委会第十一次会议表决通过《湖北省长江船舶污染防治条例》。会议决定任命刘伟为湖北省人民政府副省长。", date="2024-12")
    appointed = next(a for a in _acts(document) if a[1] == "appointed")
    assert appointed == (
        "湖北省人民代表大会常务委员会", "appointed", "刘伟", "湖北省人民政府副省长", "2024-09-26",
        "湖北省第十四届人民代表大会常务委员会第十一次会议", None,
    )


def test_a_month_takes_the_year_of_its_sections_heading():
    text = "一、2024年工作回顾\n\n6月，常委会制定《武汉市供水条例》。\n\n二、2025年工作安排\n\n3月，修订《武汉市物业管理条例》。"
    document = _document(text, date="2025-01-16")
    dates = {a[2]: a[4] for a in _acts(document) if a[1] in ("enacted", "revised")}
    assert dates.get("武汉市供水条例") == "2024-06"


# -- the timeline's years (from, to): applied to the answer, on every store alike ----------------


def _timeline_dates(source, **params) -> list[str]:
    return [str(row[0]) for row in execute(source, "timeline", params).rows]


@pytest.fixture(scope="module")
def session_file(session_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "graph.ttl"
    session_graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def session_sources(session_graph, session_file):
    """The session graph as an rdflib Graph, a graph file read by Oxigraph, and a served endpoint."""
    from conftest import served

    with served(session_file) as (url, _):
        yield {"graph": session_graph, "file": str(session_file), "endpoint": url}


@pytest.mark.server
@pytest.mark.parametrize("engine", ["graph", "file", "endpoint"])
def test_the_timeline_is_filtered_by_years_on_every_store(session_sources, engine):
    source = session_sources[engine]
    every = _timeline_dates(source)
    assert every[:2] == ["2024", "2025-03"] and len(every) == 10
    assert _timeline_dates(source, **{"from": "2025"}) == every[1:]  # from only
    assert _timeline_dates(source, to=2024) == ["2024"]  # to only, a number from Python
    assert _timeline_dates(source, **{"from": "2024", "to": "2024"}) == ["2024"]  # both
    assert _timeline_dates(source, **{"from": "2024", "to": "2025"}) == every
    assert _timeline_dates(source, **{"from": "2019", "to": "2023"}) == []  # a span with no acts
    assert _timeline_dates(source, **{"from": "2026"}) == []
    persons = execute(source, "timeline", {"from": "2025", "class": "Person"}).rows  # with the other parameters
    assert {str(row[3]) for row in persons} == {"周明", "吴强", "郑华", "孙丽"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (["from=20x1"], "[E316] from=20x1 is not a year (write four digits, e.g. --param from=2021)"),
        (["to=25"], "[E316] to=25 is not a year (write four digits, e.g. --param to=2021)"),
        (["from=2026", "to=2025"], "[E331] from=2026 is after to=2025 (give from a year before to, or the same year)"),
    ],
)
def test_a_bad_year_is_one_clear_error_line(session_file, params, message):
    import subprocess
    import sys

    argv = [sys.executable, "-m", "npcgraph", "query", str(session_file), "timeline"]
    for pair in params:
        argv += ["--param", pair]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 4 and done.stdout == ""
    assert done.stderr.splitlines() == [f"npcgraph: error: {message}"]
