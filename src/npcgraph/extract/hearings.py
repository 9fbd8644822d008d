"""The reports a meeting hears, listed: what each is on.

Meeting news lists the reports a standing committee's meeting heard in one clause, several to a
report and several reports to a verb:

    听取审议了县政府关于人大代表建议批评和意见办理、科学推动学校向县城集中、审计工作等报告和关于
    优化营商环境、贯彻落实《河北省安全生产条例》情况的报告
    听取和审议了市人民政府关于2022年上半年国民经济和社会发展计划执行情况、2021年地方财政决算
    (草案)的报告

Each item of such a list is the work, plan, budget or law a report is on, what the meeting's body
reviewed (graph contract: what is reviewed is the report's subject). The entity stage names the
items (``listed_topics``), the relation stage finds them again by the same reading
(``report_items``) and links them to the body. A single report (关于X情况的报告) is read by
activities.py; a list is read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import word_list
from .candidates import Candidate

__all__ = ["TOPIC_TAILS", "listed_topics", "meeting_heard", "report_items", "topic_class", "year_whole"]

# a hearing's verb, then (after the reporting body) the list
_HEARING = re.compile("(?:听取(?:和|并)?审议|听取|审议|审查)了?")
_CLAUSE_END = re.compile("[，,；;。！？!?\n]")
_REPORT = re.compile("报告|汇报")
# items are cut at 、 and where a new report opens (和关于, 及关于, 以及)
_CUT = re.compile("、|(?:和|及|以及)(?=关于)|以及|(?<=报告|情况)(?:和|及|与)")
_LIST_END = re.compile("\\s*(?:[，,；;。！？!?\n、]|和|及|并|$)")
_REPORTER = re.compile("^[^关，。；]{0,24}?关于")
_LEADS = tuple(word_list("hearings.item_leads"))  # 贯彻落实《…》, 对…: no part of the item's name
# the report's words after the item (…执行情况(草案)的报告, …等报告, …情况): no part of its name
_TAIL = re.compile(
    "(?:(?:上半年|前三季度)?(?:执行|推进)?情况)?(?:调研|调查)?(?:[（(]草案[）)])?(?:的)?(?:等(?:[一二两三四五六七八九十\\d]+[项个])?)?(?:专项|综合)?(?:工作)?(?:报告|汇报)?$"
)
# a report on bills or on other reports (…草案修改意见的汇报, …的审议情况的报告): no list of work reported on
_ON_REPORTS = re.compile("(?:意见|审议情况|审议结果|审查结果|说明)的?(?:报告|汇报)》?$")
# (a bill's reading, 《…(修正草案)》, a session's preparation, deputies' credentials: no work reported on)
_NOT_ITEMS = re.compile("审议|审查|说明|^[市县区省州]人大|议案|报告|草案|代表资格|准备$|筹备$|^开展|意见$|^各")
_BODIES_WORK = tuple(word_list("activities.bodies_work"))  # 政府工作|报告: a body's work report, no work reported on
_PART_OF_YEAR = re.compile("上半年|前三季度|1-6月|1—6月")  # 2022年上半年…计划: the year's plan
_PLAN_ENDS = tuple(word_list("hearings.plan_ends"))  # 计划, 规划: a plan
_BUDGET_ENDS = tuple(word_list("hearings.budget_ends"))  # 预算, 决算, 调整方案: an instrument
TOPIC_TAILS = ("办理", "工作")  # 全县退役军人管理工作: the work also without its last word
# a meeting named before the hearing (会议听取和审议了, 会上, 第三十六次会议还审议了; not 大会议案, a motion,
# nor …第1次会议以来审议意见办理情况的报告, a title's words, nor 会议精神, 会议期间)
_MEETING_WORD = re.compile("会议(?!以来|精神|期间|案)|会上")
_SENTENCE_OPENING = re.compile("\\s*(?:会议|会上|会议还|同时|还|并|另外)?(?:听取|审议|审查)")


def meeting_heard(text: str, at: int) -> bool:
    """Whether a meeting hears the report named at ``at`` (会议听取和审议了…, 第三十六次会议听取了…, a
    list cut by ；going on), or the sentence opens with the hearing and the one before it with the
    meeting (会议听取了…。听取审议了…): the meeting's business, not a year's hearings a work report lists."""
    opening = max(text.rfind(mark, 0, at) for mark in "。\n")
    if _MEETING_WORD.search(text, opening + 1, at) is not None:
        return True
    if opening < 0 or not _SENTENCE_OPENING.match(text, opening + 1):
        return False
    last = opening
    while last > 0 and text[last - 1] in "。\n":  # (the sentence before, past its end and a paragraph's)
        last -= 1
    before = max(text.rfind(mark, 0, last) for mark in "。\n")
    return _MEETING_WORD.match(text[before + 1 : last].lstrip()) is not None


def _depth_cuts(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """``text[begin:end]`` cut at the list's marks outside brackets and titles."""
    pieces, depth, start, at = [], 0, begin, begin
    while at < end:
        char = text[at]
        if char in "《（(“":
            depth += 1
        elif char in "》）)”":
            depth -= 1
        elif depth == 0 and (cut := _CUT.match(text, at, end)):
            pieces.append((start, at))
            start = at = cut.end()
            continue
        at += 1
    pieces.append((start, end))
    return pieces


def report_items(text: str, begin: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """The items of every list of reports a hearing in ``text[begin:end]`` names: spans of what each
    report is on, without the report's words (only lists of two items or more), each with the span
    of the report's title it is read from (关于《…情况的报告》), else its own span again."""
    resume = begin
    for verb in _HEARING.finditer(text, begin, end):
        if verb.start() < resume:
            continue  # (a verb inside a list read, 审议、审查结果报告: no new hearing)
        stop = _CLAUSE_END.search(text, verb.end(), end)
        stop_at = stop.start() if stop else end
        last = None
        for last in _REPORT.finditer(text, verb.end(), stop_at):
            pass
        if last is None:
            continue
        close = last.end() + 1 if text.startswith("》", last.end()) else last.end()  # (…的报告》: a report's title)
        if not _LIST_END.match(text, close, stop_at + 1):
            continue  # 审议了…关于政府工作报告、…的决议草案: reports named inside another paper's name
        resume = close
        pieces = _depth_cuts(text, verb.end(), close)
        first_report = _REPORT.search(text, verb.end(), close)
        first_end = first_report.end() + text.startswith("》", first_report.end()) if first_report else 0
        if len(pieces) < 2 or (first_report and _ON_REPORTS.search(text, verb.end(), first_end)):
            continue  # (its first report one on bills or on other reports: the items are their names)
        for piece_begin, piece_end in pieces:
            item = text[piece_begin:piece_end]
            reporter = _REPORTER.match(item)
            if reporter:
                piece_begin += reporter.end()
            elif piece_begin == verb.end():
                break  # the list's first piece names no 关于 (听取了A主任委员X、B主任委员Y关于…): no list of topics
            title = None
            if text.startswith("《", piece_begin) and text[piece_end - 1] == "》" and _REPORT.search(text, piece_end - 3, piece_end - 1):
                title = (piece_begin, piece_end)
                piece_begin, piece_end = piece_begin + 1, piece_end - 1  # 关于《…情况的报告》: the report's title, what it is on inside
            for lead in _LEADS:
                if text.startswith(lead, piece_begin):
                    piece_begin += len(lead)
                    break
            tail = _TAIL.search(text, piece_begin, piece_end)
            piece_end = tail.start() if tail else piece_end
            item = text[piece_begin:piece_end]
            if len(item) >= 4 and not _NOT_ITEMS.search(item) and not item.endswith(_BODIES_WORK):
                yield (piece_begin, piece_end, *(title or (piece_begin, piece_end)))


def topic_class(name: str) -> str:
    """What a report is on, by its name's last word: a plan (…计划), a budget or its adjustment
    (…预算, …决算, …调整方案: an instrument), else the work reported on (an Activity)."""
    if name.endswith(_PLAN_ENDS):
        return "Plan"
    return "Instrument" if name.endswith(_BUDGET_ENDS) else "Activity"


def year_whole(name: str, cls: str) -> tuple[str, ...]:
    """A plan or budget a mid-year report is on, named also as the year's (2022年上半年…计划 →
    2022年…计划)."""
    return (_PART_OF_YEAR.sub("", name),) if cls != "Activity" and _PART_OF_YEAR.search(name) else ()


def listed_topics(text: str) -> list[Candidate]:
    """The items of a meeting's lists of reports as entities: a plan (…计划), a budget or its
    adjustment (…预算, …决算, …调整方案), else the work reported on (an Activity); titles (《…》)
    are the instruments' finders'."""
    if "报告" not in text or "、" not in text:
        return []
    found = []
    seen: set[tuple[int, int]] = set()
    for item_begin, item_end, outer_begin, outer_end in report_items(text, 0, len(text)):
        if (item_begin, item_end) in seen or "《" in text[item_begin:item_end] or not meeting_heard(text, item_begin):
            continue
        seen.add((item_begin, item_end))
        name = text[item_begin:item_end]
        cls = topic_class(name)
        written = tuple(name[: -len(tail)] for tail in TOPIC_TAILS if name.endswith(tail) and len(name) - len(tail) >= 4)
        written += year_whole(name, cls)
        # (a report's title, 《…情况的报告》, names what it is on: the item stands for the title, no instrument)
        if outer_begin < item_begin:  # over the title's words, 《|…|》, before the instrument of that name
            found.append(Candidate(outer_begin + 1, outer_end - 1, cls, name, written=written, priority=4, implied=True))
        else:
            found.append(Candidate(item_begin, item_end, cls, name, written=written, priority=0))
    return found
