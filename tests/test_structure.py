"""Structure: sections, paragraphs, sentences, and the offset invariant."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npcgraph.ingest import RawText, normalize
from npcgraph.model import Metadata
from npcgraph.structure import split_sentences, structure

SEED_HEADINGS = [
    None,
    "坚持党的全面领导,牢牢把握践行全过程人民民主的根本保证",
    "保证人民当家作主,牢牢把握践行全过程人民民主的核心要义",
    "不断提升履职水平,牢牢把握践行全过程人民民主的使命任务",
    "充分发挥代表作用,牢牢把握践行全过程人民民主的重要力量",
]


def _report(text: str, **metadata: str):
    return structure(RawText("case.txt", normalize(text), Metadata(**metadata)))


def _headings(report):
    return [report.span(*s.heading) if s.heading else None for s in report.sections]


def _sentences(report):
    return [report.span(s.begin, s.end) for s in report.sentences]


def test_seed_sections(seed_document):
    report = seed_document.report
    assert _headings(report) == SEED_HEADINGS
    assert all(section.level == 1 for section in report.sections)
    # Sections tile the text in order.
    assert report.sections[0].begin == 0
    for before, after in zip(report.sections, report.sections[1:]):
        assert before.end <= after.begin


def test_seed_paragraph_leads(seed_document):
    report = seed_document.report
    leads = [report.span(*p.lead) for p in report.paragraphs if p.lead]
    assert leads[:3] == ["强化思想自觉", "强化政治自觉", "强化行动自觉"]
    assert "在提升立法质效上下功夫" in leads
    assert "扎实开展代表“三进”活动" in leads
    kinds = [p.kind for p in report.paragraphs[:3]]
    assert kinds == ["title", "byline", "body"]


def test_seed_offsets(seed_document):
    report = seed_document.report
    for sentence in report.sentences:
        anchor = report.span(sentence.begin, sentence.end)
        assert anchor and anchor == anchor.strip()
        paragraph = report.paragraphs[sentence.paragraph]
        assert paragraph.begin <= sentence.begin < sentence.end <= paragraph.end
        section = report.sections[sentence.section]
        assert section.begin <= sentence.begin and sentence.end <= section.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("制定《关于A。B的决定》。出台意见！", ["制定《关于A。B的决定》。", "出台意见！"]),
        ("他说：“要抓紧。要落实。”随后散会。", ["他说：“要抓紧。要落实。”", "随后散会。"]),
        ("开展调研（共5次；历时3月）；形成报告。", ["开展调研（共5次；历时3月）；", "形成报告。"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        ("问题在哪里?答案在这里!", ["问题在哪里?", "答案在这里!"]),
        ("“四个意识”。", ["“四个意识”。"]),
        ("没有结束标点", ["没有结束标点"]),
        # An unbalanced 《 protects nothing: the paragraph still splits.
        ("制定《条例。出台办法。", ["制定《条例。", "出台办法。"]),
        ("结束。”多余的引号。", ["结束。”", "多余的引号。"]),
    ],
)
def test_sentence_splitting(text, expected):
    spans = split_sentences(text, 0, len(text))
    assert [text[b:e] for b, e in spans] == expected


NUMBERED = """浙江省人民代表大会常务委员会工作报告
一、过去一年的主要工作
（一）坚持党的领导
常委会坚持党的全面领导。制定《浙江省数字经济促进条例》。
（二）加强监督工作
开展安全生产法执法检查。
二、今后一年的主要任务
认真贯彻党中央决策部署。
"""


def test_numbered_headings_and_levels():
    report = _report(NUMBERED, title="浙江省人民代表大会常务委员会工作报告")
    assert _headings(report) == [None, "过去一年的主要工作", "坚持党的领导", "加强监督工作", "今后一年的主要任务"]
    assert [s.level for s in report.sections] == [1, 1, 2, 2, 1]
    assert [s.parent for s in report.sections] == [None, None, 1, 1, None]
    first = report.sections[1]
    assert report.span(first.begin, first.end).endswith("开展安全生产法执法检查。")


def test_part_and_markdown_headings():
    text = "# 标题\n## 第一部分 立法工作\n制定条例。\n## 第二部分 监督工作\n开展检查。\n"
    report = _report(text, title="标题")
    assert _headings(report) == [None, "第一部分 立法工作", "第二部分 监督工作"]
    assert [s.level for s in report.sections] == [1, 2, 2]


def test_long_numbered_paragraph_is_not_a_heading():
    text = "一、立法工作。全年制定地方性法规12件，修改8件，废止3件，立法质量稳步提高，各方面反映良好。\n二、监督工作\n听取报告。\n"
    report = _report(text)
    assert _headings(report) == [None, "监督工作"]


def test_report_without_headings():
    text = "南平市人大常委会召开会议。会议审议通过了《南平市河长制规定》。\n会议还听取了报告。\n"
    report = _report(text)
    assert len(report.sections) == 1 and report.sections[0].heading is None
    assert len(report.paragraphs) == 2
    assert _sentences(report) == ["南平市人大常委会召开会议。", "会议审议通过了《南平市河长制规定》。", "会议还听取了报告。"]


def test_interview_transcript():
    text = (
        "专访：让人民代表大会制度优势更好转化为治理效能\n"
        "记者：今年常委会在立法方面有哪些亮点？\n"
        "王建国：我们制定了《杭州市城市管理条例》。还修改了两部法规。\n"
        "记者：监督工作呢？\n"
        "王建国：开展了三次执法检查。\n"
    )
    report = _report(text, title="专访：让人民代表大会制度优势更好转化为治理效能")
    speakers = [(p.kind, p.speaker) for p in report.paragraphs[1:]]
    assert speakers == [("question", "记者"), ("answer", "王建国"), ("question", "记者"), ("answer", "王建国")]
    assert len(report.sections) == 1


# Text made of the characters reports are made of, including brackets that may not balance.
_REPORT_CHARS = st.sampled_from(list("人大常委会制定条例决定办法监督代表。！？；，、《》“”（）()【】 \n\u3000\u00a0") + ["\U0001f600", "a", "1"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_REPORT_CHARS, max_size=400).map("".join))
def test_offset_invariant_holds_for_any_text(text):
    normalized = normalize(text)
    report = structure(RawText("x.txt", normalized, Metadata()))
    covered = 0
    for sentence in report.sentences:
        anchor = report.span(sentence.begin, sentence.end)
        assert anchor and anchor == anchor.strip()
        assert sentence.begin >= covered
        covered = sentence.end
    non_space = sum(1 for ch in normalized if not ch.isspace())
    assert sum(len(report.span(s.begin, s.end).replace(" ", "")) for s in report.sentences) == non_space
