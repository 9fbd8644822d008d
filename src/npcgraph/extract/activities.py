"""Supervision activities, programs, motions and events named without quotes.

    开展传染病防治法执法检查                 -> SupervisionActivity 传染病防治法执法检查 (law inside)
    组织城市精细化管理专题询问               -> SupervisionActivity 城市精细化管理专题询问
    听取审议养老服务体系建设情况报告         -> SupervisionActivity (the whole phrase)
    检查《武汉市旅游条例》实施情况           -> SupervisionActivity 检查武汉市旅游条例实施情况
    对2件法规开展立法后评估                  -> SupervisionActivity 立法后评估
    扫黑除恶专项斗争                         -> Program
    中央人大工作会议; 市十五届人大一次会议    -> Event

Quoted names (“…”专题询问, “…”活动, “…”议案) are found by quoted.py.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import longest_first, rows, word_list
from .candidates import INSTRUMENT_CLASSES, Candidate
from .context import counties, places
from .hearings import TOPIC_TAILS, listed_topics, meeting_heard, topic_class, year_whole
from .patterns import HAN, Patterns, alternation, deferred, finditer_lines, first_of, leading_verb, table

__all__ = ["PARTY_CONGRESS_SHORT", "VISIT_LEAD", "find_activities", "activities_around", "national_names", "party_congress"]

_MEETINGS = word_list("activities.meetings")
_GENERIC_ACTIVITIES = word_list("activities.generic_activities")
_SUPERVISION_VERBS = word_list("activities.supervision_verbs")
_GENERIC_TOPICS = frozenset(word_list("activities.generic_topics"))
_YEAR = re.compile(r"^\d{4}年度?")  # 2023年度重点代表建议现场督办活动: a year is no count
_PEOPLE = word_list("activities.people")
_METHOD_HEADS = tuple(word_list("activities.method_heads"))
_METHOD_VERBS = word_list("activities.method_verbs")
_SUGGESTION_VERBS = word_list("activities.suggestion_verbs")
_ACTIVITY_VERBS = word_list("activities.activity_verbs")
_POINTERS = tuple(word_list("activities.pointers"))
_GENERIC_ACTIVITY_LEADS = tuple(word_list("activities.generic_activity_leads"))
_GENERIC_ACTIVITY_TAILS = tuple(word_list("activities.generic_activity_tails"))  # 代表履职活动
_VISIT_VERBS = word_list("activities.visit_verbs")
_VISIT_KINDS = word_list("activities.visit_kinds")
# 赴淞南镇开展|, 到贵州|: the verb of going and the place gone to, before the work done there
VISIT_LEAD = f"(?:{'|'.join(_VISIT_VERBS)})[^，。；、,;：:\\s“”《》（）()]{{1,14}}?(?:开展|进行)?了?"
_PEOPLE_ACT = re.compile(f"[^，。；]*?(?:{'|'.join(_PEOPLE)})(?:{'|'.join(_SUPERVISION_VERBS)})")
# 代表对…, 对…: the fronted object of the verb, not 对口帮扶 or 对外交流
_FRONTED = re.compile(f"^(?:[{HAN}]{{0,6}}?(?:{'|'.join(_PEOPLE)}))?对(?!口|外|标|接|照|话|策)")
_COUNTED = re.compile("(?<!第)(?:\\d+|[一二两三四五六七八九十百]+)(?:余|多)?[个项件份次场]")
_NAME = f"[^\\s，。；、,;：:《》“”\"（）()！？!?…—]"
_END = "(?=[，。；、,;：:\\s）)！？!?]|和|及|与|等|$)"


@cache
def national_names() -> dict[str, tuple[str, str]]:
    """Names (and alternatives) of national mechanisms, programs and platforms: name -> (class, canonical)."""
    found: dict[str, tuple[str, str]] = {}
    for row in rows("national_names"):
        cls, name = row[0], row[1]
        canonical = name.replace("“", "").replace("”", "")
        found[name] = (cls, canonical)
        for alt in (row[2].split("|") if len(row) > 2 and row[2] else ()):
            found[alt] = (cls, canonical)
    return found


# What every match of the "session" scan holds (次, 中全会, 党的 or 中共).
_SESSION_WORDS = word_list("activities.session_words")


@cache
def _program_suffixes() -> tuple[str, ...]:
    """The words a program's name ends with (行动, 工程…)."""
    return tuple(k for k, v in table("program_suffixes").items() if v == "yes")


@cache
def _patterns() -> Patterns:
    kinds = table("supervision_kinds")
    kind = alternation(kinds)
    standalone_kinds = [k for k, v in kinds.items() if v == "yes"]
    standalone = alternation(standalone_kinds)
    programs = alternation(_program_suffixes())
    verbs = "|".join(_SUPERVISION_VERBS)
    events = _events_lexicon()
    num = "[一二三四五六七八九十百零〇\\d]+"
    place = alternation(places())
    return Patterns({
        "supervision": deferred(f"(?:{verbs})了?(?P<name>{_NAME}{{1,24}}?(?:{kind})){_END}"),
        "more_supervision": deferred(f"、(?P<name>{_NAME}{{1,24}}?(?:{kind})){_END}"),
        # (a lookahead for the first characters before a scan changes no match and lets the engine
        # pass every other character at once: here, in "review" and in "topic_then_kind")
        "standalone": deferred(first_of(standalone_kinds, "专") + f"(?:专项)?(?:{standalone})"),  # 专项工作评议: a special one, by its whole name
        # 审议通过了县政府关于…工作情况的报告: a report on work heard and voted on, the work reviewed
        "passed_review": deferred(f"审议通过了?[{HAN}]{{0,16}}?关于(?P<topic>[^。；;！？!?，,、\\n]{{2,40}}?情况)的?(?:专项|综合)?报告"),
        "review": deferred(f"(?=[听审])(?:听取(?:和)?)?审议(?!批准|通过)(?:了)?(?:并(?:表决)?通过了?)?(?P<topic>[^。；;！？!?，,\\n]{{2,48}}?)(?:的)?(?:报告|汇报)(?=[，。；、,;：:\\s）)]|$)"),
        "check": deferred(f"(?:检查|视察)(?![组团])(?P<title>(?:(?!检查|视察)[^，。；;！？!?\\n]){{2,60}}?)(?:的)?(?:贯彻)?(?:落实|实施)情况"),
        # 听取审议报告28个, 听取审议监督工作报告182个: the hearings of a kind, counted
        "counted_review": deferred(f"听取(?:和)?审议(?:了)?(?:[{HAN}“”\"]{{0,10}}?)报告(?=\\d|[一二三四五六七八九十]+[个项件份次])"),
        "more_review": deferred(f"(?:、|[，,](?=关于))(?P<topic>[^。；;！？!?、，,\\n]{{2,48}}?)(?:的)?(?:报告|汇报)(?=[，。；、,;：:\\s）)]|$)"),
        "work_meeting": deferred(f"(?P<also>(?:(?:中央|省委|市委|区委|县委)、)+)?(?P<name>(?:中央|省委|市委|区委|县委|州委|全国)[{HAN}]{{2,8}}?工作会议)"),
        "meeting": deferred(f"(?:召开|举办|举行|组织召开|联合召开|主持召开|参加|出席)(?:{num}次|的)?(?P<name>[{HAN}]{{0,16}}?(?:{alternation(_MEETINGS)}))(?=[，。；、,;：:\\s）)]|后|上|和|及|与|\\d|$)"),
        "more_meetings": deferred(f"(?:和|及|与|、)(?P<name>[{HAN}]{{0,16}}?(?:{alternation(_MEETINGS)}))(?=[，。；、,;：:\\s）)]|后|和|及|与|\\d|$)"),
        # 开展专题学习42次, 举办专题讲座10场、研讨交流: generic activities a body holds
        "generic": deferred(f"(?:{verbs}|举办)(?P<name>{alternation(_GENERIC_ACTIVITIES)})(?=[，。；、,;：:\\s）)]|和|及|与|等|\\d|$)"),
        "topic_then_kind": deferred(f"(?=[围就针])(?:围绕|(?<![成造])就|针对)(?P<topic>“[^“”]{{2,30}}”[{HAN}]{{0,6}}|[{HAN}]{{2,16}}?)(?:开展|组织开展|组织|进行)了?(?P<kind>{kind})"),
        "quoted_kind": deferred(f"(?:{verbs})(?P<topic>“[^“”]{{2,30}}”[{HAN}]{{0,8}}?)(?P<kind>{kind}){_END}"),
        # 庆祝全国人民代表大会成立70周年活动, 纪念地方人大设立常委会40周年系列活动
        # 开展代表接待日活动, 举行第四季度集中活动: a named activity a body holds (not 各类活动)
        "named_activity": deferred(
            f"(?:{'|'.join(_ACTIVITY_VERBS)})了?(?!了)(?P<name>(?:第[一二三四]季度)?[{HAN}]{{3,14}}?(?:主题实践活动|实践活动|主题活动|系列活动|活动))"
            f"(?=[，。；、,;：:\\s”）)]|和|及|等|$|\\d|[一二两三四五六七八九十百]+(?:场|次|期|批|轮))"  # 开展线下外事活动38场: counted
        ),
        "celebration": deferred(f"(?:庆祝|纪念)[{HAN}\\d]{{2,24}}?\\d+周年(?:系列|主题)?活动"),
        "survey": deferred(f"专题调研(?P<topic>[{HAN}]{{2,20}}?情况)"),
        # 到垦利街道调研, 赴淞南镇开展调研, 亲临杭州调研; 开展了调研, 进行视察: a visit's work by its bare
        # kind, after the place it goes to or a verb of doing (not 调研组, 调研报告, 视察团: a group, a paper)
        "visit": deferred(
            f"(?:{VISIT_LEAD}|(?<!情况)(?:开展|进行)了?)"
            f"(?P<kind>{'|'.join(_VISIT_KINDS)})(?![组团报员室点基成课、])(?P<topic>[{HAN}]{{2,20}}?情况)?"
        ),
        "program": deferred(f"(?:(?<=[，。；、,;：:\\s])|^|开展|推进|深化|部署|参加|组织|决胜|打好|打赢|扎实开展|深入开展|审议)(?P<name>(?:\\d{{4}}年度?)?[{HAN}]{{2,12}}?(?:{programs}))", re.MULTILINE),
        "national": deferred(f"(?:{alternation(national_names())})"),
        "event": deferred(f"(?:{alternation(events)})"),
        "session": deferred(
            # (…第二十三次主任会议, …第五十次委员长会议: a standing committee's chairmen's meetings;
            # first_of: every alternative below opens with a place or one of these characters, and
            # one added that opens otherwise needs its first character here)
            first_of(places(), "全省市县区镇乡自第人党中常一二三四五六七八九十百零〇\\d")
            + f"(?:(?:全国|{place}|自治区|[省市县区镇乡])?(?:第?{num}届)?(?:全国)?(?:人民代表大会|人大)(?:常务委员会|常委会)?第?{num}次"
            f"(?:(?:全体)?会议|主任会议|委员长会议)"
            f"|(?:党的|中共){num}大|中国共产党第{num}次全国代表大会|{num}届{num}中全会|(?:常委会|常务委员会)第{num}次(?:会议|主任会议|委员长会议))"
        ),
        # 自治区第十次党代会, 市第十三次党代会, 中国共产党湖北省第十二次代表大会: a local congress of the party
        "party_congress": deferred(
            first_of(places(), "中省市县区州自")
            + f"(?P<party>中国共产党|中共)?(?P<where>{place}|自治区|[省市县区州])第(?P<number>{num})次(?P<kind>党代会|党员代表大会|代表大会)"
        ),
        # 区第十六届人大常委会召开第二十二次会议, 市人大常委会举行第九次主任会议: a committee's meeting
        # named by the committee convening it
        # (found by its committee and verb, then its place and term read backwards: a scan that
        # opens with the places' alternation would try it at every character)
        "convened": deferred(f"(?:人民代表大会常务委员会|人大常委会)(?:召开|举行)了?第{num}次(?:全体)?(?:会议|主任会议)"),
        "convened_by": deferred(f"(?:(?:全国|{place}|自治区|[省市县区])?(?:第?{num}届)?(?:全国)?)$"),
        # 青石镇第十八届人民代表大会第三次会议: a township's congress, its place not in the lexicon
        "township_session": deferred(
            f"(?P<place>(?:[{HAN}]{{2,5}}?(?:市|区|县|旗))*[{HAN}]{{2,6}}?(?:镇|乡|街道))第?{num}届(?:人民代表大会|人大)第?{num}次(?:全体)?会议"
        ),
        # 宁乡市第十八届人大常委会第十次会议: a county's (or county-level city's) meeting, its place
        # not in the lexicon
        "county_session": deferred(
            f"(?:(?<=[，。；、,;：:\\s“（(])|^)(?P<place>[{HAN}]{{2,3}}?(?:市|区|县|旗))第?{num}届(?:人民代表大会|人大)"
            f"(?:常务委员会|常委会)?第?{num}次(?:全体)?(?:会议|主任会议)",
            re.MULTILINE,
        ),
        # 关于提请审议批准《…条约》的议案, 委员长会议关于提请审议…的决定草案的议案 (its mover before 关于)
        # 通过实地调查、案卷评查、问卷调查等方式: the ways of a supervision, each an activity
        "methods": deferred(
            f"(?:{'|'.join(_METHOD_VERBS)})(?P<list>[{HAN}、]{{4,60}}?)等(?:多种|[一二两三四五六七八九十\\d]+种)?"
            f"(?:监督)?(?:方式|形式|方法|办法|手段|途径)"
        ),
        # 提交了关于加强农村公路养护的建议: a deputy's suggestion, named by its topic
        "suggestion": deferred(
            f"(?:{'|'.join(_SUGGESTION_VERBS)})了?(?:[一两\\d]+(?:份|件|条))?(?P<name>关于(?:{_NAME}|《[^《》]{{1,60}}》){{2,60}}?的建议)"
            f"(?=[，。；、,;：:\\s”）)]|和|及|$)"
        ),
        # 十二届全国人大四次会议期间代表提出的建议, 市三届人大三次会议代表建议, 县十八届人大三次会议以来代表
        # 建议意见: the suggestions (or motions) of a session, one set a body handles and counts
        "session_suggestion": deferred(
            f"(?P<name>(?:全国|[省市县区州旗镇乡])?第?{num}届(?:全国)?(?:人民代表大会|人大)第?{num}次会议"
            f"(?:期间|以来)?(?:人大)?代表(?:提出的)?(?P<kind>建议|议案)(?:、批评和意见|和意见|意见)?)"
        ),
        "motion": deferred(f"(?:(?:(?<=[，。；、：:\\s“和及了])|(?<=审议))(?P<mover>委员长会议|主任会议|国务院)(?=关于))?关于(?P<topic>(?:{_NAME}|《[^《》]{{1,60}}》){{2,80}}?)的议案"),
    })


@cache
def _events_lexicon() -> dict[str, str]:
    found = {}
    for row in rows("events"):
        found[row[0]] = row[0]
        for alt in (row[1].split("|") if len(row) > 1 and row[1] else ()):
            found[alt] = row[0]
    return found


def party_congress(place: str, number: str) -> str:
    """The full name of a local congress of the party (中国共产党湖北省第十二次代表大会)."""
    return f"中国共产党{place}第{number}次代表大会"


# 西藏自治区第十次党代会 (a level word's place filled in): the party congress's short name
PARTY_CONGRESS_SHORT = re.compile("^(?:中国共产党|中共)?(?P<place>[^第]+?)第(?P<number>[一二三四五六七八九十百零〇\\d]+)次(?:党代会|党员代表大会)$")


def _plain(written: str) -> str:
    return written.replace("《", "").replace("》", "").replace("“", "").replace("”", "")


_NUM_CHARS = "[一二三四五六七八九十]"
_PLENUM = re.compile(f"(?:党的)?(?:中共)?({_NUM_CHARS}+)届({_NUM_CHARS}+)中全会")
_CONGRESS = re.compile(f"(?:党的|中共)({_NUM_CHARS}+)大")
# 十八届三中、四中、五中、六中全会: plenums of one term listed before one 全会
_NOT_IN_PLACES = frozenset(word_list("activities.not_in_places"))


def _after_last_verb(name: str) -> str:
    """A place's name without the words that run into it (主席团召开|青石镇, 在|常州市武进区湖塘镇):
    it begins after the last verb or function word, leaving at least a unit's name."""
    start = 0
    for at in range(len(name) - 2):
        verb = leading_verb(name[at:])
        cut = at + len(verb) if verb else (at + 1 if name[at] in _NOT_IN_PLACES else 0)
        if cut and len(name) - cut >= 3:
            start = max(start, cut)
    return name[start:]
_CONGRESSES = re.compile(f"(?:党的|中共){_NUM_CHARS}+大(?P<rest>(?:、{_NUM_CHARS}+大)+)")
_PLENUMS = re.compile(f"(?P<term>{_NUM_CHARS}+)届(?P<list>{_NUM_CHARS}+中(?:、{_NUM_CHARS}+中)+)全会")


def _party_meeting(name: str) -> str | None:
    """The full name of a plenum or congress of the party (十九届五中全会 -> 中国共产党第十九届中央
    委员会第五次全体会议; 党的二十大 -> 中国共产党第二十次全国代表大会), else None."""
    plenum = _PLENUM.fullmatch(name)
    if plenum:
        return f"中国共产党第{plenum.group(1)}届中央委员会第{plenum.group(2)}次全体会议"
    congress = _CONGRESS.fullmatch(name)
    return f"中国共产党第{congress.group(1)}次全国代表大会" if congress else None


_PASSED_TOO = re.compile("审议并(?:表决)?通过了?")


# A report on a bill's deliberation (…草案审议结果, 审议修改情况, 起草情况): a step of lawmaking
_BILL_STEP = re.compile("(?:审议结果|^结果|审议修改情况|修改情况|起草情况|审议情况|审议意见)$")  # (^结果: 草案|审议结果)
_GENERIC_REPORTS = tuple(word_list("activities.generic_reports"))  # 审议各项报告, 审议、提出报告


# The work a report heard is on: 关于|企业国有资产管理|情况的报告, 关于|法治政府建设|情况的报告 (graph
# contract: what is reviewed is the report's subject). Not a bill's reading, a list of reports, a
# plan and its draft (…执行情况与2025年计划草案), nor a report on a report.
_TOPIC = re.compile(f"关于(?P<topic>(?:(?!关于)[^、，。；;！？!?“”《》\n]){{4,40}}?)(?:的)?(?:(?:执行)?情况(?:专项|综合)?)?的?$")
_NOT_TOPIC = re.compile("草案|报告|审议|意见$|^[的和及]|^检查|^对.*(?:进行|开展)|准备$|代表资格")
_BODIES_WORK = tuple(word_list("activities.bodies_work"))  # 政府工作|报告: a body's work report


# 十五届人大三次会议, 第三次会议: a session's numbers, no count of hearings
_SESSION_NUMBERS = re.compile("[一二三四五六七八九十\\d]+届|第?[一二三四五六七八九十\\d]+次(?:全体)?会议")


def _report_topic(text: str, begin: int, end: int) -> list[Candidate]:
    """The work a report a meeting hears is on, an Activity named inside the report's name
    (关于|企业国有资产管理|情况); none where the name gives no such work."""
    match = _TOPIC.search(text, begin, end)
    if match is None or _NOT_TOPIC.search(match.group("topic")) or _COUNTED.search(match.group("topic")):
        return []
    if match.group("topic").endswith(_BODIES_WORK) and text.startswith("报告", match.end("topic")):
        return []  # 关于政府工作报告的…: a body's work report, no work reported on
    topic, begin = match.group("topic"), match.start("topic")
    if topic.startswith("对"):  # 关于对食品安全法执法检查情况的报告: the inspection
        topic, begin = topic[1:], begin + 1
    if topic.startswith("开展"):  # 关于开展优化营商环境等监督检查情况的报告: the supervision
        topic, begin = topic[2:], begin + 2
    written = tuple(topic[: -len(tail)] for tail in TOPIC_TAILS if topic.endswith(tail) and len(topic) - len(tail) >= 4)
    # 全县退役军人管理工作, 2023年度行政事业性国有资产管理: the work also without its scope, and without
    # its year where it is no plan or budget named by its year (2020年国民经济和社会发展计划 keeps it)
    bare = _TOPIC_SCOPE.sub("", topic)
    if not bare.endswith(_YEAR_NAMED):
        bare = _YEAR.sub("", bare)
    if bare != topic and len(bare) >= 4:
        written = (*written, bare)
    cls = topic_class(topic)  # 关于2020年上半年国民经济和社会发展计划执行情况的报告: the plan
    return [Candidate(begin, match.end("topic"), cls, topic, written=(*written, *year_whole(topic, cls)), priority=0)]


_TOPIC_SCOPE = re.compile("^(?:全[省市县区州旗镇乡]|[我本][省市县区州旗镇乡])")
_YEAR_NAMED = tuple(word_list("activities.year_named"))  # 计划, 预算…: named by their year


# Projects and works named in a list (三江标准堤闸泵配套工程、上塘环城南路道路工程(望江路至沙门西路段)、…)
# or as the place a visit goes to (先后到解放路北段道路畅通工程项目): each a Program. An item opens
# after the list's mark or the last verb or preposition before it (调整为…, 票决通过了…), a note in
# brackets after it is no part of its name; generic ones (重点项目, 民生工程, 这些项目) are none.
_PAREN = "[（(][^（）()\n]{1,14}[）)]"
_PROJECT = f"(?:[{HAN}\\d—]|{_PAREN}){{3,30}}?(?:工程|项目)(?:{_PAREN})?"
_PROJECT_END = "(?=[，。；、,;：:\\s”）)]|和|及|等|$)"
_PROJECT_WORDS = ("工程", "项目")
_PROJECT_LIST = re.compile(f"(?:(?<=[、：:，,。；;\\n])|^|(?<=到|赴)){_PROJECT}(?:、{_PROJECT})+{_PROJECT_END}", re.MULTILINE)
_PROJECT_VISITED = re.compile(f"(?:先后到|来到|深入|走进|实地查看|视察了?|调研了?|察看了?)(?P<name>{_PROJECT}){_PROJECT_END}")
_BEFORE_PROJECT = re.compile("先后到|来到|到|赴|调整为|列为|作为|通过了|通过|为|了|对|在|将|把")
_GENERIC_PROJECT = re.compile("^(?:[这该各此本]|重点|民生|建设|项目|工程|立法|有关|相关|一批|其他|其中|部分|全部|所有|多个|各个|重大)")
_NOTE_AFTER = re.compile("[（(][^（）()]*[）)]$")


def _projects(text: str) -> list[Candidate]:
    if "工程" not in text and "项目" not in text:
        return []
    items: list[tuple[int, int]] = []
    # (a list holds 工程 or 项目 and no line break: only the lines that hold one are scanned)
    for match in finditer_lines(_PROJECT_LIST, text, _PROJECT_WORDS):
        depth, start = 0, match.start()
        for at in range(match.start(), match.end()):  # the list's items: 、 outside brackets
            if text[at] in "（(":
                depth += 1
            elif text[at] in "）)":
                depth -= 1
            elif text[at] == "、" and depth == 0:
                items.append((start, at))
                start = at + 1
        items.append((start, match.end()))
    items += [match.span("name") for match in _PROJECT_VISITED.finditer(text)]
    found = []
    for begin, end in items:
        cut = list(_BEFORE_PROJECT.finditer(text, begin, end))
        begin = cut[-1].end() if cut else begin
        begin += len(leading_verb(text[begin:end]))
        name = _NOTE_AFTER.sub("", text[begin:end])
        if len(name) >= 5 and not _GENERIC_PROJECT.match(name) and not _COUNTED.search(name):
            found.append(Candidate(begin, begin + len(name), "Program", name, priority=1))
    return found


_PLACE_CONVENES = re.compile(
    f"(?P<place>[{HAN}]{{2,8}}?(?:县|区|市|州|旗|镇|乡))(?:召开|举行)了?"
    f"(?P<session>第?[一二三四五六七八九十]+届(?:人民代表大会|人大)(?:常务委员会|常委会)?第?[一二三四五六七八九十\\d]+次(?:全体)?会议)"
)


def _county_ending(text: str, end: int) -> str | None:
    """The county-level division whose name ends at ``end`` (景宁畲族自治县), if one does."""
    return next((text[end - n : end] for n in range(9, 1, -1) if end - n >= 0 and text[end - n : end] in counties()), None)


def find_activities(text: str) -> list[Candidate]:
    pats = _patterns()
    found: list[Candidate] = []
    for match in pats["supervision"].finditer(text):
        pos, end, name = match.start("name"), match.end("name"), match.group("name")
        if fronted := _FRONTED.match(name):  # 组织代表对…情况开展专题调研: the topic follows 对
            pos, name = pos + fronted.end(), name[fronted.end() :]
        if people := _PEOPLE_ACT.match(name):  # 组织市人大代表开展集中视察: who acts, then the activity
            pos, name = pos + people.end(), name[people.end() :]
        while True:
            topic = name
            for kind in longest_first("supervision_kinds"):  # 专题视察 before 视察
                if name.endswith(kind):
                    topic = name[: -len(kind)]
                    break
            for verb in _SUPERVISION_VERBS:  # 公益诉讼工作情况进行(了)专题询问: the verb is no part
                tense = 1 if topic.endswith(verb + "了") else 0
                if tense or topic.endswith(verb):
                    topic = topic[: -len(verb) - tense]
                    name = topic + name[len(topic) + len(verb) + tense :]
                    break
            # (not 开展的…工作进行满意度测评: the tail of a relative clause)
            if (len(topic) >= 2 and not topic.startswith("的") and topic not in _GENERIC_TOPICS and not topic.endswith((*_PEOPLE, "人大"))
                    and not re.search(r"\d|[一二两三四五六七八九十]+(?:个|项|次)", _YEAR.sub("", topic))):
                found.append(Candidate(pos, end, "SupervisionActivity", name, priority=1))
            following = pats["more_supervision"].match(text, end)
            if not following:
                break
            pos, end, name = following.start("name"), following.end("name"), following.group("name")
    for match in pats["standalone"].finditer(text):
        found.append(Candidate(match.start(), match.end(), "SupervisionActivity", match.group(0)))
    def heard(topic: re.Match[str], begin: int, name: str, written: str) -> list[Candidate]:
        """A meeting's hearing: what it reviewed, the work the report is on; a year's: the hearing."""
        if meeting_heard(text, topic.start("topic")):
            return _report_topic(text, topic.start("topic"), topic.end("topic"))
        return [Candidate(begin, topic.end(), "SupervisionActivity", name, written=(written,), priority=1)]

    for match in pats["review"].finditer(text):
        written = match.group(0)
        topic = match.group("topic")
        counted = _COUNTED.search(_SESSION_NUMBERS.sub("", topic)) is not None  # 听取审议23个监督工作报告: hearings counted
        if counted and not topic.startswith("关于"):
            if (number := _COUNTED.match(topic)) and len(topic) - number.end() <= 8 and not _plain(topic[number.end() :]).startswith(_GENERIC_REPORTS):
                # 听取审议75个工作报告: the year's hearings of a kind, named without their number
                name = _plain(text[match.start() : match.start("topic")] + topic[number.end() :] + "报告").replace("了", "")
                found.append(Candidate(match.start(), match.end(), "SupervisionActivity", name, written=(match.group(0),)))
            continue
        # (审议关于…草案审议结果的报告, 审议各项报告: a bill's reading or reports in general, no supervision)
        if not counted and not _BILL_STEP.search(topic) and not topic.startswith(_GENERIC_REPORTS):
            name = _plain(written).replace("审议了", "审议", 1)  # 听取和审议了…的报告: the hearing, not its tense
            found += heard(match, match.start(), _PASSED_TOO.sub("审议", name, count=1), written)  # 听取审议并表决通过了…: the hearing
        following = pats["more_review"].match(text, match.end())
        verb = _PASSED_TOO.sub("审议", text[match.start() : match.start("topic")]).replace("了", "")  # 听取和审议了A的报告、B的报告: 听取和审议 each
        while following:  # 听取审议A的报告、B的报告: one hearing each
            written = following.group(0)[1:]
            if not _BILL_STEP.search(following.group("topic")):
                found += heard(following, following.start() + 1, verb + _plain(written), written)
            following = pats["more_review"].match(text, following.end())
    for match in pats["passed_review"].finditer(text) if "审议通过" in text else ():
        if meeting_heard(text, match.start("topic")):
            found += _report_topic(text, match.start("topic") - 2, match.end("topic"))
    for match in pats["counted_review"].finditer(text) if "听取" in text else ():
        written = match.group(0)
        if re.sub("^听取(?:和)?审议(?:了)?", "", written).startswith(_GENERIC_REPORTS):
            continue  # 听取审议各项报告: reports in general
        found.append(Candidate(match.start(), match.end(), "SupervisionActivity", _plain(written).replace("了", ""), written=(written,)))
    for match in pats["check"].finditer(text):
        written = match.group(0)
        if "《" in written or re.search("法(?:和|、|及|$)", match.group("title")):
            # 检查《中华人民共和国种子法》和《…办法》贯彻实施情况: also the inspection of its first law by name
            law = _FIRST_LAW.match(match.group("title"))
            also = (law.group(1) + "执法检查",) if law else ()
            found.append(Candidate(match.start(), match.end(), "SupervisionActivity", _plain(written), written=(written, *also), priority=1))
    for match in pats["survey"].finditer(text):
        found.append(Candidate(match.start(), match.end(), "SupervisionActivity", match.group(0), priority=1))
    for match in pats["visit"].finditer(text) if any(kind in text for kind in _VISIT_KINDS) else ():
        if text.endswith("总书记", 0, match.start()):
            continue  # 习近平总书记亲临贵州视察: the party's leader's tour, no work of a congress
        if match.group("topic"):  # 到江西调研义务教育法实施情况: the survey of that work, by its topic
            found.append(Candidate(match.start("kind"), match.end(), "SupervisionActivity", match.group("topic") + match.group("kind"), priority=1))
        else:
            found.append(Candidate(match.start("kind"), match.end("kind"), "SupervisionActivity", match.group("kind"), priority=1))
    found += listed_topics(text)
    found += _projects(text)
    # (a program's name ends with its suffix and holds no line break: only the lines that hold one are scanned)
    for match in finditer_lines(pats["program"], text, _program_suffixes()):
        begin, name = match.start("name"), match.group("name")
        lead = leading_verb(name)
        if len(name) - len(lead) >= 4:
            found.append(Candidate(begin + len(lead), match.end("name"), "Program", name[len(lead):], priority=1))
    for match in pats["named_activity"].finditer(text):
        name = match.group("name")
        lead = leading_verb(name)
        qualifier = re.sub("(?:主题实践|实践|主题|系列)?活动$", "", name[len(lead):])
        if len(qualifier) >= 3 and not qualifier.startswith(_GENERIC_ACTIVITY_LEADS) \
                and not qualifier.endswith(_GENERIC_ACTIVITY_TAILS) and qualifier not in _GENERIC_TOPICS:
            found.append(Candidate(match.start("name") + len(lead), match.end("name"), "Program", name[len(lead):], priority=1))
    for match in pats["celebration"].finditer(text):
        found.append(Candidate(match.start(), match.end(), "Program", match.group(0), priority=1))
    names = national_names()
    for match in pats["national"].finditer(text):
        cls, canonical = names[match.group(0)]
        found.append(Candidate(match.start(), match.end(), cls, match.group(0), canonical=canonical, national=True, priority=3))
    events = _events_lexicon()
    for match in pats["event"].finditer(text):
        found.append(Candidate(match.start(), match.end(), "Event", match.group(0), canonical=events[match.group(0)], national=True, priority=2))
    # (a session holds 次, 中全会, 党的 or 中共 and no line break: only the lines that hold one are scanned)
    for match in finditer_lines(pats["session"], text, _SESSION_WORDS):
        name, begin = match.group(0), match.start()
        national = name.startswith(("全国", "党的", "中国共产党")) or "中全会" in name
        if name[:1] in "县区市旗" and (county := _county_ending(text, begin + 1)) is not None:
            name, begin = county + name[1:], begin + 1 - len(county)  # 景宁畲族自治|县第九届…: the county's whole name
        above = next((text[begin - n : begin] for n in (5, 4, 3, 2) if begin >= n and text[begin - n : begin] in places()), None)
        if above is not None and name[:1] not in "全第" and places()[above].kind != "national":
            name, begin = above + name, begin - len(above)  # 上海市|徐汇区第十七届…: the place above it, part of the name
        found.append(Candidate(begin, match.end(), "Event", name, canonical=_party_meeting(name), national=national, priority=1))
    for match in pats["party_congress"].finditer(text) if "次" in text and ("代表大会" in text or "党代会" in text) else ():
        if match.group("kind") == "代表大会" and not match.group("party"):
            continue  # 市第十三次代表大会 alone may be any congress; the party's is written 党代会 or with 中共
        where = match.group("where")
        full = places()[where].name if where in places() else None  # a level word: its place when resolved
        found.append(Candidate(match.start(), match.end(), "Event", match.group(0), priority=2,
                               canonical=party_congress(full, match.group("number")) if full else None))
    for match in _PLACE_CONVENES.finditer(text) if "届" in text else ():
        # 特克斯县召开第十八届人民代表大会常务委员会第十六次会议: the place convening names the meeting's
        place = _after_last_verb(match.group("place"))
        if len(place) >= 3 and (place in counties() or place in places() or place.endswith(("镇", "乡"))) and not set(place) & _NOT_IN_PLACES:
            found.append(Candidate(match.start("session"), match.end(), "Event", place + match.group("session"), priority=2))
    for match in pats["convened"].finditer(text):
        before = pats["convened_by"].search(text, max(0, match.start() - 16), match.start())
        begin = before.start() if before else match.start()
        # (its name without the verb, 巴中市第四届人大常委会第二十四次会议, as it is cited)
        named = re.sub("(?:召开|举行)了?", "", text[begin : match.end()], count=1)
        found.append(Candidate(begin, match.end(), "Event", text[begin : match.end()], written=(named,), priority=1))
    for match in pats["township_session"].finditer(text) if "届" in text else ():  # its every match holds 届
        place = _after_last_verb(match.group("place"))  # 召开|青石镇…, 在|常州市…: what runs into it
        begin = match.end("place") - len(place)
        if len(place) >= 3 and not set(place) & _NOT_IN_PLACES:
            found.append(Candidate(begin, match.end(), "Event", text[begin : match.end()], priority=1))
            # the township's congress, named inside (湖塘镇…第三届人民代表大会): the meeting's body
            township = re.split("(?<=[市区县旗])", place)[-1]
            congress = re.search("人民代表大会|人大", text[match.end("place") : match.end()])
            if len(township) >= 3 and congress:
                end = match.end("place") + congress.end()
                found.append(Candidate(begin, end, "Organization", text[begin:end],
                                       canonical=township + "人民代表大会", priority=1))
    for match in pats["county_session"].finditer(text) if "届" in text else ():
        place = match.group("place")
        if _after_last_verb(place) == place and not leading_verb(place) and not set(place) & _NOT_IN_PLACES and text.count(place) > 1 \
                and not place.startswith(("全", "本", "我", "各", "该")) and place not in places():
            # (the place named again elsewhere: 研究市五届人大常委会…, 记者从市十七届…: no place)
            found.append(Candidate(match.start(), match.end(), "Event", match.group(0), priority=1))
    for match in _CONGRESSES.finditer(text):  # 中共十六大、十七大、十八大: each congress after the first
        for number in re.finditer(f"、({_NUM_CHARS}+)大", match.group("rest")):
            begin = match.start("rest") + number.start() + 1
            found.append(Candidate(begin, begin + len(number.group(0)) - 1, "Event", number.group(0)[1:],
                                   canonical=f"中国共产党第{number.group(1)}次全国代表大会", national=True, priority=1))
    for match in _PLENUMS.finditer(text):  # 十八届三中、四中、五中、六中全会: each plenum
        term = match.group("term")
        for plenum in re.finditer(f"({_NUM_CHARS}+)中", match.group("list")):
            begin = match.start("list") + plenum.start()
            found.append(Candidate(begin, begin + len(plenum.group(0)), "Event", plenum.group(0),
                                   canonical=f"中国共产党第{term}届中央委员会第{plenum.group(1)}次全体会议", national=True, priority=1))
    for match in pats["work_meeting"].finditer(text) if "工作会议" in text else ():
        name = match.group("name")
        if leading_verb(name[2:]):
            continue  # 区委召开人大工作会议: the meeting is 人大工作会议 (found below)
        found.append(Candidate(match.start("name"), match.end(), "Event", name, national=name.startswith(("中央", "全国"))))
        at = match.start()
        for also in (match.group("also") or "").split("、")[:-1]:  # 中央、省委、市委人大工作会议: the others too
            found.append(Candidate(at, at + len(also), "Event", also + name[2:], national=also == "中央", priority=3))
            at += len(also) + 1
    for match in pats["meeting"].finditer(text):  # 联合召开优化营商环境推进会(和…督办会)
        following: re.Match[str] | None = match
        while following is not None:
            name, begin = following.group("name"), following.start("name")
            if "的" in name:  # 全区人大代表参加的辅导报告会: the meeting after its relative clause
                begin, name = begin + name.rindex("的") + 1, name[name.rindex("的") + 1 :]
            if not name.endswith(tuple("等" + m for m in _MEETINGS)) and not name.startswith(_POINTERS) and len(name) >= 3:  # 此次听证会: one named before
                found.append(Candidate(begin, following.end("name"), "Event", name))
            following = pats["more_meetings"].match(text, following.end())
    for match in pats["generic"].finditer(text):
        found.append(Candidate(match.start("name"), match.end("name"), "Activity", match.group("name")))
    for match in (*pats["topic_then_kind"].finditer(text), *pats["quoted_kind"].finditer(text)):
        # 围绕“…”工程建设组织专题询问, 就…开展专题询问; 启动“…”三级联动监督
        written = text[match.start("topic") : match.end()]
        topic = _plain(match.group("topic"))
        bare = _TOPIC_SCOPE.sub("", topic)  # 就全市农业农村工作进行了专题询问: the work's, without its scope
        name = (bare if len(bare) >= 4 else topic) + match.group("kind")
        found.append(Candidate(match.start("topic"), match.end(), "SupervisionActivity", name,
                               written=(written, topic + match.group("kind")), priority=1))
    for match in pats["methods"].finditer(text):
        at = match.start("list")
        for item in match.group("list").split("、"):
            if len(item) >= 2 and item.endswith(_METHOD_HEADS) and not leading_verb(item):
                found.append(Candidate(at, at + len(item), "SupervisionActivity", item))
            at += len(item) + 1
    for match in pats["suggestion"].finditer(text):
        found.append(Candidate(match.start("name"), match.end("name"), "Suggestion", match.group("name"), priority=1))
    for match in pats["session_suggestion"].finditer(text) if "届" in text else ():
        cls = "Suggestion" if match.group("kind") == "建议" else "Motion"
        found.append(Candidate(match.start("name"), match.end("name"), cls, match.group("name"), priority=1))
    for match in pats["motion"].finditer(text) if "的议案" in text else ():  # (its mover first where written; its title alone another name)
        mover = match.group("mover") or ""
        found.append(Candidate(match.start(), match.end(), "Motion", match.group(0),
                               written=(match.group(0), match.group(0)[len(mover) :]) if mover else (), priority=1))
    return found


_FIRST_LAW = re.compile(f"《?([{HAN}]{{2,30}}?法)(?:》|和|、|及|$)")


# 《…条例》执法检查, 《…条例》实施情况执法检查: an inspection named after its law. Not
# 对《…条例》贯彻实施情况进行执法检查, where the law is the fronted object of a verb phrase and
# names no activity (the law is inspected: relations.py).
# (以下简称《条例》) between a title and its inspection: the short name it will go by
_INSPECTION_AFTER = re.compile("(?:[（(]以下简称[^（）()]{1,20}[）)])?(?:(?:的)?(?:贯彻)?实施情况)?执法检查")
_LISTED_LAWS = re.compile(f"(?:(?:、|和|及|》和《|》、《|》《)《?[{HAN}]{{2,30}}?(?:法|条例)》?)+执法检查")


def activities_around(text: str, instruments: list[Candidate]) -> list[Candidate]:
    """执法检查 after a law or regulation: 传染病防治法执法检查, 《武汉市旅游条例》执法检查."""
    found = []
    for candidate in instruments:
        if candidate.cls not in INSTRUMENT_CLASSES:
            continue
        end = candidate.end + (1 if text[candidate.end : candidate.end + 1] == "》" else 0)
        listed = _LISTED_LAWS.match(text, end - (1 if text[end - 1 : end] == "》" else 0))
        if candidate.cls in ("Law", "Regulation") and listed and not text.startswith("执法检查", end):
            # 开展食品安全法、畜牧法、传染病防治法执法检查: an inspection of each law; a
            # bracketed law's inspection spans its brackets, so that the two mentions differ
            bracketed = text[candidate.begin - 1 : candidate.begin] == "《" and text[candidate.end : candidate.end + 1] == "》"
            begin, stop = (candidate.begin - 1, candidate.end + 1) if bracketed else (candidate.begin, candidate.end)
            found.append(Candidate(begin, stop, "SupervisionActivity", candidate.name + "执法检查", priority=4))
            continue
        inspection = _INSPECTION_AFTER.match(text, end)
        if inspection:
            begin = candidate.begin - (1 if text[candidate.begin - 1 : candidate.begin] == "《" else 0)
            written = text[begin : inspection.end()]
            found.append(Candidate(begin, inspection.end(), "SupervisionActivity", candidate.name + "执法检查", written=(written,), priority=3))
    return found
