"""Instruments: 《》 titles typed by their form, names after a verb, national laws.

    作出《关于…的决定》                      -> Decision 关于…的决定
    制定市人民代表大会议事规则、市人大常委会议事规则 -> two Rules, the verb left out
    开展传染病防治法执法检查                  -> Law 传染病防治法 (中华人民共和国传染病防治法)
    《人民日报》 《沁园春·雪》 《告台湾同胞书》   -> Publication;  《…同意书》 《…标准》 -> nothing

A title's class is decided by its last word (lexicon ``instrument_forms``; ``publication_endings``
for titles that are not instruments); 立法 执法 做法 方法 好办法 ... never name an instrument
(``non_instruments``, ``generic_modifiers``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..lexicon import word_list, words
from .candidates import INSTRUMENT_CLASSES, Candidate
from .context import NATIONAL, known_place, opening_place, places
from .patterns import HAN, alternation, column, ends_with_any, finditer_lines, lazy, leading_verb, table

__all__ = ["find_instruments", "classify_title", "is_session_paper", "law_full_name", "law_canonical", "NATIONAL_PREFIXES", "NOTICE_TERM", "ORDER_NUMBER"]

#: Titles beginning with one of these denote the same document in every report.
NATIONAL_PREFIXES = word_list("instruments.national_prefixes")

# A character before 法 that makes a common word, not a law: 方法 做法 办法 立法 执法 ...
_NOT_LAW_BEFORE = frozenset(word_list("instruments.not_law_before"))
# a bill's draft of any reading: (草案), (修订草案), (草案修改二稿), (草案第二次审议稿), (征求意见稿)
_DRAFT = re.compile(r"[（(](?:(?:修订|修正)?草案(?:修改稿|修改[一二三四五六七八九十]稿|第?[一二三四五六七八九十]次审议稿|[一二三四五六七八九十]审稿)?|征求意见稿|送审稿"
                    r"|(?:\d{4}年)?(?:修订|修正))[）)]$")  # (and a revised text: 《…条例(修订)》, (2023年修正))
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


@cache
def _endings() -> dict[str, str]:
    """Title endings and the class they give ('' for titles that are left out)."""
    endings = {ending: ("" if what == "none" else what) for ending, what in table("publication_endings").items()}
    endings.update(table("instrument_forms"))
    return endings


@cache
def _law_names() -> dict[str, str]:
    return table("law_names")


def law_full_name(name: str) -> str | None:
    """中华人民共和国传染病防治法 for 传染病防治法 (and for itself); None for unknown laws."""
    names = _law_names()
    if name in names:
        return names[name]
    if name.startswith("中华人民共和国") and name[len("中华人民共和国"):] in names:
        return names[name[len("中华人民共和国"):]]
    return None


def law_canonical(name: str) -> str:
    """A law's full name: from the lexicon, or 中华人民共和国 + a name that carries no place
    (only the national legislature makes 法; local bodies make 条例)."""
    full = law_full_name(name)
    if full:
        return full
    # a law of a national body's own (全国人民代表大会组织法, 国务院组织法) is still the republic's
    own_law = name.startswith(("国务院", "全国人民代表大会", "全国人大")) and name.endswith("法")
    if (name.startswith(NATIONAL_PREFIXES) and not own_law) or any(
        name.startswith(p) for p in (name[:n] for n in range(2, 9)) if p in places()
    ):
        return name
    return "中华人民共和国" + name


# Characters no law's short name holds: 始于一次法典, 这部法典 are phrases, not names.
_NOT_IN_LAW_NAMES = frozenset(word_list("instruments.not_in_law_names"))


def _is_law_name(name: str) -> bool:
    if set(name) & _NOT_IN_LAW_NAMES:
        return False
    if name.endswith("法典"):  # 民法典, 生态环境法典; not 写入法典
        return len(name) >= 3 and name[-3] not in "入进编修"
    return len(name) >= 2 and name.endswith("法") and name[-2] not in _NOT_LAW_BEFORE


def classify_title(title: str) -> str | None:
    """The class of a 《》 title: an instrument form, Publication, or None (left out)."""
    core = _TRAILING_NOTE.sub("", title).strip()
    if not core:
        return None
    if core in table("media") or "·" in core or "•" in core:
        return "Publication"
    if law_full_name(core):
        return "Law"
    if core.endswith("议案"):
        return "Motion"  # 《关于…的议案》: a motion put to a congress
    if core.endswith(("议程", "日程", "名单")):
        return "Instrument"  # 《…第四次会议议程(草案)和日程(草案)》, 《…主席团和秘书长名单(草案)》: a session's papers
    found = ends_with_any(core, _endings())
    if found is None:
        return "Publication"  # a book, an article, a song: a titled work
    ending, cls = found
    if cls == "Law":
        return "Law" if _is_law_name(core) else "Publication"
    if cls == "Suggestion" and not core.startswith("关于"):
        return "Publication" if len(core) > 4 else None
    if core in words("non_instruments") and cls not in ("Publication", ""):
        return None
    return cls or None


# --------------------------------------------------------------------------- 《》 titles

_TITLE = re.compile(r"《([^《》\n]{1,100})》")
_NATIONAL_ISSUER = re.compile(
    r"(?:全国人大常委会|全国人民代表大会常务委员会|全国人大|全国人民代表大会|党中央|中共中央|国务院|"
    r"中共中央办公厅|国务院办公厅|中央)(?:办公厅)?(?:和国务院)?(?:印发|发布|出台|制定|通过|作出|颁布|审议通过)?(?:的)?$"
)


_INNER_TITLE = re.compile("[〈<＜](?P<inner>[^〈〉<>＜＞]{2,80})[〉>＞]|(?<=关于批准)(?P<approved>[^〈〉<>＜＞《》]{2,80}?)(?=的决定)")


def _nested_titles(title: str, begin: int) -> list[Candidate]:
    """The titles inside a title: 〈X条例〉 in 《关于修改〈X条例〉的决定》."""
    found = []
    for inner in _INNER_TITLE.finditer(title):
        group = "inner" if inner.group("inner") else "approved"  # 关于批准X条约的决定: X, unbracketed
        name = inner.group(group)
        cls = classify_title(name)
        if cls in INSTRUMENT_CLASSES:
            full = law_canonical(name) if cls == "Law" else None
            found.append(Candidate(begin + inner.start(group), begin + inner.end(group), cls, name, canonical=full,
                                   national=bool(full) or name.startswith(NATIONAL_PREFIXES), priority=3))
    return found


def _bracketed(text: str) -> list[Candidate]:
    found = []
    forms = table("instrument_forms")
    for match in _TITLE.finditer(text):
        title = match.group(1).strip()
        if title in forms:  # 《条例》 《决定》: the one named last
            found.append(Candidate(match.start(1), match.end(1), forms[title], title, written=(match.group(0),), refers_back=True, priority=3))
            continue
        cls = classify_title(title)
        if cls is None:
            continue
        begin, end = match.start(1), match.end(1)
        bare = _DRAFT.sub("", title)
        if cls in ("Publication", "Motion"):
            found.append(Candidate(begin, end, cls, bare, national=cls == "Publication", written=(match.group(0),), priority=3))
            continue
        found += _nested_titles(title, begin)
        full = law_canonical(bare) if cls == "Law" else None
        national = bool(full) or bare.startswith(NATIONAL_PREFIXES) or bool(
            _NATIONAL_ISSUER.search(text[max(0, match.start() - 16) : match.start()])
        )
        found.append(
            Candidate(begin, end, cls, bare, canonical=full, national=national,
                      written=tuple(dict.fromkeys((match.group(0), title))), priority=3)
        )
    return found


# --------------------------------------------------------------------------- after a verb

_NAME_CHARS = f"(?:《[^《》\\n]{{2,60}}》|[^\\s，。；、,;：:《》“”\"（）()！？!?…—])"
_STOP_AFTER = "(?=[，。；、,;：:\\s）)！？!?]|[（(](?:草案|修订草案|修正草案)[）)](?![的》])|和|及|与|并|等|$)"


@cache
def _after_verb() -> re.Pattern[str]:
    forms = alternation(column("instrument_forms"))
    verbs = alternation(column("instrument_verbs"))
    return re.compile(f"(?:{verbs})(?P<name>{_NAME_CHARS}{{1,40}}?(?:{forms})){_STOP_AFTER}")


@cache
def _coordinated() -> re.Pattern[str]:
    forms = alternation(column("instrument_forms"))
    return re.compile(f"(?:、|和|[，,]?以及|及)(?P<name>{_NAME_CHARS}{{1,40}}?(?:{forms})){_STOP_AFTER}")


# Not the name of one instrument: a conjunction first (和废止自治条例), a form word joined to
# the next (意见和审计意见), 关于 with no 的 (省政府关于计划、预算执行情况报告), or the decisions of
# a whole session (会议各项决议, 各次会议的决议, 一次会议决议), a motion's title (关于提请审议…的决定(草案)…的议案).
_NOT_A_TITLE = re.compile(r"^关于提请|^[和及与并或]|^(?:意见|决定|决议|办法|规定|建议)[和及与、]|^[^的]*关于[^的]*$|各项|各次|会议的?决议$")


_COUNT_INSIDE = re.compile("[\\d一二两三四五六七八九十]+(?:件|部|项)")
_NOT_A_NAME_START = re.compile("^(?:[\\d一二两三四五六七八九十百]+[项件部个份条批]|这[一两二三四五六七八九十几]?[个部项份]|这些|这一|那个|该|此|的)")
# Words inside an unbracketed name that make it a clause: a modal (环境保护法要广泛听取各方面意见) or a
# verb of stating (《特种设备安全法》明确规定)
_CLAUSE_INSIDE = re.compile("(?<=[法例定见划])要(?![点求素闻件务案])|应当|必须|可以|或者|明确规定|明确要求")


_OPINION_ENDINGS = word_list("instruments.opinion_endings")


def _plain_instrument(name: str) -> str | None:
    """The class of an unbracketed name, or None when it is a generic word (好办法)."""
    if name in words("non_instruments") or not re.match(f"[{HAN}0-9A-Za-z]", name) or _NOT_A_TITLE.search(name):
        return None
    found = ends_with_any(name, dict(table("instrument_forms")))
    if found is None:
        return None
    ending, cls = found
    modifier = name[: -len(ending)]
    if len(modifier) < 2 or modifier in words("generic_modifiers") or modifier.endswith(("这个", "那个", "的好")) or modifier in table("instrument_forms"):
        return None
    if _NOT_A_NAME_START.match(name) or _CLAUSE_INSIDE.search(name):  # 2项决议, 这个规划纲要, 该条例: a count or a pointer, no title
        return None
    if "关于" not in name and (count := _COUNT_INSIDE.search(name)) and name[count.end() :] not in table("instrument_forms"):
        return None  # 市州报批的8件地方性法规和修改法规的决定: instruments counted, no one title (中央八项规定 is one)
    if cls == "Suggestion":
        return None  # 建议 without 《关于…》 is a deputy's suggestion in general, not a title
    if cls == "Opinion" and "关于" not in name and not name.endswith(_OPINION_ENDINGS):
        return None  # 选民直接反映意见, 代表集中收集意见: opinions in general (…的意见, 实施意见: titles)
    if cls == "Law":
        if not _is_law_name(name):
            return None
        return "Law"
    return cls


# Verbs that follow another one before a name (审议批准, 研究制定); 审议 itself is not among them:
# 审议意见办理办法 is a name.
_SECOND_VERBS = word_list("instruments.second_verbs")
_JOINED_VERB = re.compile(f"(?:并|和|及)(?:{alternation(column('instrument_verbs'))})(?!了)")


_ACCOUNTS = lazy(f"[{HAN}\\d]{{2,}}(?:预算|决算)$")  # a budget or final accounts a body approves


def _split_coordinated(name: str) -> tuple[str, str] | None:
    """(left, right) when ``name`` is two instruments joined by 和/及, each ending in a form."""
    for joiner in ("和", "及"):
        at = name.find(joiner)
        while at > 0:
            left, right = name[:at], name[at + 1 :]
            if (_plain_instrument(left) or _ACCOUNTS.search(left)) and _plain_instrument(right) and len(right) >= 4:
                return left, right  # (区级财政决算和预算调整方案: the accounts, then the plan)
            at = name.find(joiner, at + 1)
    return None


# A relative clause before a name (今年起施行的大气污染防治规定): the name follows its 的.
_RELATIVE = re.compile("^(?!关于).*?(?:施行|实施|通过|出台|制定|修订|修改|颁布|印发|发布|批准|提出|提请|报送|编制|报请|提交)的(?=.{3})")
_CLAUSE_END = re.compile(f"[，。；;,\n《》]")


# The issuer written before a title's 关于 (十四届全国人大四次会议关于…的决议, 全国人大常委会关于…的决定),
# right after a verb, 了 or a boundary.
_ISSUER_BEFORE = lazy(
    "(?:(?<=[了，。；、：:\\s“])|(?<=通过)|(?<=批准)|(?<=作出)|(?<=审议)|(?<=印发)|(?<=^))"
    "(?:第?[一二三四五六七八九十]+届)?(?:全国|[\u4e00-\u9fff]{2,8}?[省市县区州])?"
    "(?:人大|人民代表大会)(?:常委会|常务委员会)?(?:第?[一二三四五六七八九十]+次会议)?$"
)


def _title_start(text: str, pos: int, end: int) -> int:
    """Where a name cut after a verb inside its own title really begins: at the 关于 before it
    (关于2025年计划执行|情况与2026年计划的决议), when that 关于 opens a title in the clause."""
    window = text[max(0, pos - 60) : pos]
    at = window.rfind("关于")
    if at < 0 or _CLAUSE_END.search(window, at) or "的" not in text[pos:end]:
        return pos
    begin = pos - len(window) + at
    return begin if _plain_instrument(text[begin:end]) else pos


# Kinds of instruments, not one: 设区的市报请批准的地方性法规和决定, 民族自治县报请批准的单行条例
_KINDS_SUBMITTED = re.compile("报请(?:批准|审查|备案)的|^地方性法规(?:和|及|、)")


def _unbracketed(text: str) -> list[Candidate]:
    found = []
    for match in _after_verb().finditer(text):
        pos = match.start("name")
        end = match.end("name")
        name = match.group("name")
        lead = next((verb for verb in _SECOND_VERBS if name.startswith(verb)), "")  # 审议批准…方案
        if not lead and (joined := _JOINED_VERB.match(name)):
            lead = joined.group(0)  # 审议并通过了关于修改…的决定: the second verb is no part of the name
        lead += "了" if name[len(lead) :].startswith("了") else ""  # 通过了关于…的决议
        pos, name = pos + len(lead), name[len(lead):]
        relative = _RELATIVE.match(name) if "《" not in name else None
        if relative:
            pos, name = pos + relative.end(), name[relative.end() :]
        elif not name.startswith("关于") and (start := _title_start(text, pos, end)) < pos:
            pos, name = start, text[start:end]
        if name.startswith("关于") and (issuer := _ISSUER_BEFORE.search(text, max(0, pos - 30), pos)):
            pos, name = issuer.start(), text[issuer.start() : end]  # 全国人大常委会关于…的决定: its issuer is in its title
        while True:
            cls = _plain_instrument(name)
            if cls is None:
                break
            joined = _split_coordinated(name)
            if joined:  # 立法技术规范和地方性法规立法后评估办法: two instruments
                left, right = joined
                found.append(Candidate(pos, pos + len(left), _plain_instrument(left) or "Instrument", left, priority=1))
                pos, name = end - len(right), right
                cls = _plain_instrument(right) or cls
            plain = name.replace("《", "").replace("》", "")
            if cls == "Law" and "《" not in name and (core := _law_core(plain)) != plain:  # 实施新修改的代表法
                pos, name, plain = end - len(core), core, core
            full = law_canonical(plain) if cls == "Law" else None
            if not _KINDS_SUBMITTED.search(plain):
                found.append(Candidate(pos, end, cls, plain, canonical=full, national=bool(full) or plain.startswith(NATIONAL_PREFIXES),
                                       written=(name,) if plain != name else (), priority=1))
            if "《" not in name:
                found += _nested_titles(name, pos)
            following = _coordinated().match(text, end)
            if not following:
                break
            pos, end, name = following.start("name"), following.end("name"), following.group("name")
    return found


# 表决通过了关于A的决定、关于B的决议和关于C的工作意见(试行): titles written without 《》, listed
# after one verb, each opening with 关于 (one with no 的, 关于D工作办法, is named without its 关于).
@cache
def _listed_titles_after_verb() -> re.Pattern[str]:
    verbs = alternation(column("instrument_verbs"))
    return re.compile(f"(?:{verbs})了?(?P<list>关于[^。；;！？!?\n《》]{{4,400}})")


_LIST_SPLIT = re.compile("(?:、|和|及|以及)(?=关于)")


def _listed_titles(text: str) -> list[Candidate]:
    found = []
    for match in _listed_titles_after_verb().finditer(text) if "关于" in text else ():
        begin, end = match.span("list")
        cuts = [(m.start(), m.end()) for m in _LIST_SPLIT.finditer(text, begin, end)]
        if not cuts:
            continue  # one title: the scan after a verb reads it
        spans = [(b, e) for b, e in zip([begin] + [c[1] for c in cuts], [c[0] for c in cuts] + [end])]
        last_begin, last_end = spans[-1]
        clause = re.search("[，,：:]", text[last_begin:last_end])
        spans[-1] = (last_begin, last_begin + clause.start() if clause else last_end)
        for item_begin, item_end in spans:
            name = _TRAILING_NOTE.sub("", text[item_begin:item_end])
            if "的" not in name:
                item_begin, name = item_begin + 2, name[2:]  # 关于北京市…代表小组工作办法: the title without 关于
            cls = _plain_instrument(name)
            if cls is not None and cls != "Suggestion":
                found.append(Candidate(item_begin, item_begin + len(name), cls, name, priority=1))
    return found


# --------------------------------------------------------------------------- national laws

_LAW_LEAD = word_list("instruments.law_lead")
_LAW_CONTEXT = re.compile(
    f"(?:{'|'.join(_LAW_LEAD)}|[、，,。；;：:\\s]|^)"
    f"(?P<name>[{HAN}]{{2,14}}?法典?)(?=(?:、[{HAN}]{{2,14}}?法典?)*(?:执法检查|实施情况|的实施|贯彻实施|实施办法|修正案|[（(]?(?:修订草案|修正草案|草案)))"
)


@cache
def _law_lexicon() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(_law_names())})(?![律规治院官庭制人学典理定条])")


# Laws a meeting passes, named without brackets: 表决通过了能源法、国家通用语言文字法, 通过了矿产资源法
# 修订草案; an amendment by its number: 刑法修正案（十二）.
_DRAFT_WORDS = "(?:修订草案|修正草案|草案)?"
_PASSED_LAWS = re.compile(
    f"(?:表决通过|审议通过|通过)了?(?P<list>[{HAN}]{{2,14}}?法{_DRAFT_WORDS}(?:[、和及][{HAN}]{{2,14}}?法{_DRAFT_WORDS})*)(?=[，,。；;]|$)",
    re.MULTILINE,
)
_AMENDMENT = lazy(f"(?P<law>[{HAN}]{{2,14}}?法)修正案[（(](?P<number>[一二三四五六七八九十]+)[）)]")


def _passed_laws(text: str) -> list[Candidate]:
    found = []
    for match in _PASSED_LAWS.finditer(text):
        at = match.start("list")
        for item in re.split("([、和及])", match.group("list")):
            name = re.sub(f"{_DRAFT_WORDS}$", "", item)
            if len(item) > 1 and _is_law_name(name) and name not in words("non_instruments") and not leading_verb(name):
                # the draft's words are part of the name (修订 in 矿产资源法修订草案 is no verb)
                found.append(Candidate(at, at + len(item), "Law", name, canonical=law_canonical(name), national=True, priority=1))
            at += len(item)
    for match in _AMENDMENT.finditer(text) if "修正案" in text else ():
        law = _law_core(match.group("law"))
        if law and _is_law_name(law):
            begin = match.end("law") - len(law)
            name = text[begin : match.end()]
            found.append(Candidate(begin, match.end(), "Law", name, canonical=law_canonical(law) + name[len(law):], national=True, priority=3))
    return found


_DUTIES_GIVEN = re.compile("(?:和|、|及)?法律(?:所)?赋予")


def _laws(text: str) -> list[Candidate]:
    found = _passed_laws(text)
    known = []
    for match in _law_lexicon().finditer(text):
        name = match.group(0)
        if name == "宪法" and _DUTIES_GIVEN.match(text, match.end()):
            continue  # 履行宪法和法律赋予的职责: the stock phrase of a body's duties, no instrument named
        known.append(Candidate(match.start(), match.end(), "Law", name, canonical=law_canonical(name), national=True, priority=2))
    for match in _LAW_CONTEXT.finditer(text):
        name, begin = match.group("name"), match.start("name")
        lead = next((verb for verb in _LAW_LEAD if name.startswith(verb)), "")
        name, begin = name[len(lead):], begin + len(lead)
        core = _law_core(name)  # 并结合审议节约能源法, 新修改的代表法: the law is at the end
        name, begin = core, begin + len(name) - len(core)
        if _is_law_name(name) and name not in words("non_instruments"):
            full = law_canonical(name)
            found.append(Candidate(begin, match.end("name"), "Law", name, canonical=full, national=True, priority=1))
    # 执业|医师法: a known law's name at the end of a longer law's is that law's tail, not the known law
    longer = [(c.begin, c.end) for c in found if c.name not in _law_names()]
    found += [c for c in known if not any(b < c.begin and c.end == e for b, e in longer)]
    # 中华人民共和国监察法 written whole: the state's name is part of the law's mention
    # (a bracketed title is its own mention: 《中华人民共和国种子法》)
    return [replace(c, begin=c.begin - len(NATIONAL), name=NATIONAL + c.name)
            if text.endswith(NATIONAL, 0, c.begin) and not text.endswith("《" + NATIONAL, 0, c.begin) else c for c in found]


# What ends a preamble before a law's name: 的 or a verb of two characters or more (a lone 对
# or 就 may be inside the name: 突发事件应对管理法).
# A scope before it (对全市, 全省, 我县) ends it too: a law is the state's, never a place's.
_LAW_PREAMBLE = re.compile(f"的|{'|'.join(v for v in _LAW_LEAD if len(v) > 1)}|结合|根据|依照|依据|按照|新修改|新修订|新制定|通过"
                           "|(?:对)?(?:全|本|我)[省市县区州旗镇乡]")


_BODY_BEFORE_LAW = "人大常委会|常委会|委员会|人大|人民代表大会|政府|法院|检察院|国务院|执法检查组|检查组"


def _law_core(name: str) -> str:
    """The law a phrase ends with: the longest known law at its end, else what follows its last
    verb or 的 (并结合审议节约能源法 -> 节约能源法, 新修改的代表法 -> 代表法)."""
    for length in range(len(name), 1, -1):
        if name[-length:] in _law_names():
            prefix = name[:-length].rstrip("并和及与了")
            if not prefix or re.search(f"(?:{_LAW_PREAMBLE.pattern}|{_BODY_BEFORE_LAW})$", prefix):
                return name[-length:]  # (全国人大常委会|大气污染防治法执法检查: the body that inspects it)
            break  # 执业医师法: a longer name that holds a known one (医师法), read as below
    cuts = [m.end() for m in _LAW_PREAMBLE.finditer(name)]
    if not cuts:
        return name
    # the last cut that leaves a name (两次审议|国务院组织法, not …组织|法); none: no law (厚厚的法典)
    rests = [name[cut:].lstrip("并和及与了") for cut in cuts]
    return next((rest for rest in reversed(rests) if len(rest) >= 3), "")


# 该条例将于…施行, 条例由…表决通过: a clause opening with a bare form word (or 该 and one) speaks of
# the instrument of that form named last, as 《条例》 does
_BARE_BACK = re.compile(r"(?=[该这此条决办规细])(?:(?<=[。；，;,\n])|^)(?:该|这部|此)?(条例|决定|决议|办法|规定|规则|细则)(?=由|经|将|于|自|共|从|明确|规定|已|在|对|施行|实施)", re.MULTILINE)


def _bare_references(text: str) -> list[Candidate]:
    forms = table("instrument_forms")
    return [
        Candidate(match.start(1), match.end(1), forms[match.group(1)], match.group(1), refers_back=True, priority=3)
        for match in _BARE_BACK.finditer(text)
        if match.group(1) in forms
    ]


# What a congress approves besides laws: reports, budgets, final accounts, plans (批准政府工作报告、
# “十五五”规划纲要、全国人大常委会工作报告; 批准2006年中央决算): documents it approves, instruments.
_APPROVAL = "(?:审查批准|决定批准|批准)(?:了)?"
_DOCUMENT = f"(?:“[^“”]{{1,12}}”|[^\\s，。；、,;：:《》（）()！？!?…—“”]){{2,60}}?(?:工作报告|报告|预算|决算|规划纲要|纲要)"
_APPROVED = re.compile(f"{_APPROVAL}(?P<name>{_DOCUMENT}){_STOP_AFTER}")
_MORE_APPROVED = lazy(f"(?:、|和|及)(?P<name>{_DOCUMENT}){_STOP_AFTER}")


def _approved_documents(text: str) -> list[Candidate]:
    found = []
    for match in _APPROVED.finditer(text):
        following: re.Match[str] | None = match
        while following is not None:
            name = following.group("name")
            if not _NOT_A_NAME_START.match(name) and name not in ("报告", "工作报告", "预算", "决算"):
                cls = "Plan" if name.endswith("纲要") else "Instrument"
                plain = name.replace("“", "").replace("”", "")
                found.append(Candidate(following.start("name"), following.end("name"), cls, plain,
                                       written=(name,) if plain != name else (), priority=1))
            following = _MORE_APPROVED.match(text, following.end())
    return found


# Numbered orders and announcements: 第六十五号主席令, 主席令第七号, 中华人民共和国主席令（第七号）,
# 国务院令第123号, 全国人民代表大会公告（第二号）; the numbers of a list each an order of their own
# (第六十五号、六十六号、六十七号主席令).
ORDER_NUMBER = "[一二三四五六七八九十百零〇\\d]+"  # a notice's or an order's number (第二十号)
# a notice's term before its number (〔十三届〕第七号, ﹝十六届﹞第二十号)
NOTICE_TERM = "[〔﹝\\[][一二三四五六七八九十\\d]+届[〕﹞\\]]"
_ORDER_ISSUERS = {"主席令": "中华人民共和国主席令", "国务院令": "中华人民共和国国务院令",
                  "全国人民代表大会公告": "中华人民共和国全国人民代表大会公告",
                  "全国人民代表大会常务委员会公告": "中华人民共和国全国人民代表大会常务委员会公告"}
_ORDER_KINDS = "|".join(sorted(_ORDER_ISSUERS, key=len, reverse=True))
_ORDER_AFTER = re.compile(
    f"(?:中华人民共和国)?(?P<kind>{_ORDER_KINDS})(?:[（(]|[ \u3000]{{1,2}})?第(?P<number>{ORDER_NUMBER})号[）)]?"
)
_ORDER_BEFORE = re.compile(
    f"第(?P<numbers>{ORDER_NUMBER}号(?:、第?{ORDER_NUMBER}号)*)(?P<kind>主席令|国务院令)"
)


# A line that is a body's notice by itself (海曙区章水镇人民代表大会主席团公告, …常务委员会公告):
# the notice, titled by its issuer.
_NOTICE_LINE = re.compile(
    f"^(?P<name>[{HAN}]{{2,40}}?(?:人民代表大会|常务委员会|人大常委会|主席团|人民政府|委员会)(?:公告|通告|通知))"
    f"(?=[ \\t\u3000]*$|{NOTICE_TERM}第|第{ORDER_NUMBER}号)",  # (numbered ones, 全国人民代表大会公告 第二号, are orders: _orders)
    re.MULTILINE,
)


# A line that is an instrument's title by itself (包头市人民代表大会及其常务委员会制定地方性法规条例, a
# law's text under its title): the whole line is the name, whatever verbs it holds.
_TITLE_LINE = re.compile(
    f"^(?P<name>[{HAN}、（）()〈〉]{{3,60}}?(?:条例|规定|办法|规则|细则|实施办法|决定|决议))(?=[ \\t\u3000]*$)", re.MULTILINE
)


# A line that is a year's plan by its title (湖北省人大常委会2024年度立法工作计划): a body or place, the
# year, the plan's name.
_PLAN_LINE = re.compile(
    f"^(?P<name>[{HAN}]{{2,30}}?\\d{{4}}年度?[{HAN}]{{2,12}}?(?:工作计划|计划|工作要点|要点|规划))(?=[ \t　]*$)", re.MULTILINE
)
# A numbered line of a list that names one instrument (1.湖北省种子条例(3月常委会会议二审), 11.湖北省实施
# 《…法》办法(修改)): a plan's or an agenda's items; notes in brackets after it are no part of it.
_ITEM_LINE = re.compile(
    f"^[ \t　]*(?:\\d{{1,3}}[.．、]|[（(][一二三四五六七八九十\\d]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}、)[ \t　]*"
    f"(?P<name>[{HAN}《》〈〉、\\d]{{4,80}}?)(?:[（(][^（）()\n]{{1,40}}[）)])*[。；;]?(?=[ \t　]*$)",
    re.MULTILINE,
)


def _title_lines(text: str) -> list[Candidate]:
    found = []
    for match in _TITLE_LINE.finditer(text):
        name = match.group("name")
        cls = classify_title(name)
        if len(name) < 10 and not any(name[:n] in places() for n in range(2, 6)):
            continue  # a short line names an instrument only with its place (张掖市立法条例)
        if name[0] in "等和及与":
            continue  # …关于修改《…》\n等五件地方性法规的决定: the last line of a title broken over lines
        if cls in INSTRUMENT_CLASSES and not name.startswith(("关于", "第")) and "的" not in name[:2]:
            found.append(Candidate(match.start("name"), match.end("name"), cls, name, priority=1))
    for match in _PLAN_LINE.finditer(text):
        found.append(Candidate(match.start("name"), match.end("name"), "Plan", match.group("name"), priority=1))
    for match in _ITEM_LINE.finditer(text):
        name = match.group("name")  # (a name in 《》 is found as one: only the bare ones here)
        cls = None if name.startswith("《") else _plain_instrument(name.replace("《", "").replace("》", ""))
        if cls in INSTRUMENT_CLASSES:
            found.append(Candidate(match.start("name"), match.end("name"), cls, name, priority=1))
    return found


# A notice's number after its name, on its line or the next (…公告〔十三届〕第七号, …公告\n(第十二号)).
_NOTICE_NUMBER = lazy(
    f"[ \t\u3000]*\n?[ \t\u3000]*(?P<term>{NOTICE_TERM})?[（(]?(?P<number>第{ORDER_NUMBER}号)[）)]?[ \t\u3000]*(?:\n|$)"
)


_BROADCAST = re.compile("(?:现在)?(?:播送|播发|宣读|刊登)")


def _notice_lines(text: str) -> list[Candidate]:
    """A line that is a body's notice (…常务委员会公告), named with its number where one follows
    (…公告〔十三届〕第七号: the name as written is another name of it)."""
    found = []
    for match in _NOTICE_LINE.finditer(text):
        begin, name = match.start("name"), match.group("name")
        if broadcast := _BROADCAST.match(name):  # 现在播送中华人民共和国全国人民代表大会公告第六号: the reader's words
            begin, name = begin + broadcast.end(), name[broadcast.end() :]
        number = _NOTICE_NUMBER.match(text, match.end("name"))
        canonical = name + (number.group("term") or "") + number.group("number") if number else None
        found.append(Candidate(begin, match.end("name"), "Instrument", name, canonical=canonical, priority=1))
    return found


def _orders(text: str) -> list[Candidate]:
    found = []
    for match in _ORDER_AFTER.finditer(text) if "号" in text else ():
        canonical = f"{_ORDER_ISSUERS[match.group('kind')]}第{match.group('number')}号"
        found.append(Candidate(match.start(), match.end(), "Instrument", match.group(0), canonical=canonical, national=True, priority=2))
    for match in _ORDER_BEFORE.finditer(text):
        issuer = _ORDER_ISSUERS[match.group("kind")]
        numbers = list(re.finditer(f"({ORDER_NUMBER})号", match.group("numbers")))
        for index, number in enumerate(numbers):
            begin = match.start("numbers") + number.start()
            if index == 0:
                begin = match.start()  # 第六十五号: the first one's 第
            end = match.end() if index == len(numbers) - 1 else match.start("numbers") + number.end()
            found.append(Candidate(begin, end, "Instrument", text[begin:end], canonical=f"{issuer}第{number.group(1)}号",
                                   written=(f"第{number.group(1)}号{match.group('kind')}",), national=True, priority=2))  # 第48号、49号主席令
    return found


def _shared_issuers(text: str, found: list[Candidate]) -> list[Candidate]:
    """十四届全国人大四次会议关于A的决议、关于B的决议: a title listed after one whose issuer stands
    before its 关于 has that issuer too (its full name; as written, another name)."""
    ends = {c.end: c for c in found if c.cls != "Statistic" and "关于" in c.name[1:]}
    out = []
    for candidate in found:
        before = ends.get(candidate.begin - 1) if text[candidate.begin - 1 : candidate.begin] == "、" else None
        name = candidate.canonical or candidate.name
        if before is not None and name.startswith("关于") and candidate.cls == before.cls:
            issuer = (before.canonical or before.name).split("关于", 1)[0]
            if issuer:
                candidate = replace(candidate, canonical=issuer + name, written=(*candidate.written, candidate.name))
        out.append(candidate)
    return out


# 关于批准《A》、《B》和《C》的决定: a decision unbracketed whose title lists the bracketed titles it
# approves (or repeals); its issuer may stand first (省人大常委会关于批准…)
_LISTING_DECISION = lazy(
    "关于(?:批准|废止)(?:《[^《》\n]{2,100}》(?:、|和|及|以及)?){2,}(?:等[一二三四五六七八九十\\d]+(?:件|部|项)[\u4e00-\u9fff]{0,8}?)?的决(?:定|议)"
)


# 关于修改文物保护法等12部法律的决定, 关于废止《…》等三件地方性法规的决定: one decision on several laws
_PACKAGE_DECISION = re.compile(
    "关于(?:修改|废止)(?:《[^《》\n]{2,60}》|[^，。；;、《》\n]{2,30}?)等[\\d一二三四五六七八九十]+(?:部|件|个|项)"
    "(?:法律|法规|地方性法规|单行条例|规章|决定|法律和决定)的决定"
)


def _listing_decisions(text: str) -> list[Candidate]:
    found = []
    for match in _PACKAGE_DECISION.finditer(text) if "等" in text else ():
        if text.rfind("《", 0, match.start()) > text.rfind("》", 0, match.start()):
            continue  # inside a bracketed title: read as one
        written = match.group(0)
        found.append(Candidate(match.start(), match.end(), "Decision", written.replace("《", "").replace("》", ""),
                               written=(written,) if "《" in written else (), priority=2))
    for match in _LISTING_DECISION.finditer(text) if "关于批准《" in text or "关于废止《" in text else ():
        if text[match.start() - 1 : match.start()] == "《":
            continue  # a bracketed title: read as one
        begin = match.start()
        if issuer := _ISSUER_BEFORE.search(text, max(0, begin - 30), begin):
            begin = issuer.start()
        written = text[begin : match.end()]
        found.append(Candidate(begin, match.end(), classify_title(written) or "Decision", written.replace("《", "").replace("》", ""),
                               written=(written,), priority=2))
    return found


# 审议通过…代表资格审查委员会关于个别代表的代表资格的报告, 通过了…组成人员名单: a report or a list a
# body votes on, an instrument it passes (the issuer before 关于 in its title)
_PASSED_PAPER = re.compile(
    f"(?:审议通过|表决通过|通过)了?(?P<name>[{HAN}]{{0,30}}?关于[^，。；;、《》“”\n]{{2,60}}?的报告"
    f"|[^，。；;、《》“”\n]{{2,40}}?(?:人员|代表|委员)名单(?:[（(]草案[）)])?)"
)


_WORK_HEARD = lazy(f"^[{HAN}]{{0,16}}?关于[^，。；]{{2,40}}?情况的?(?:专项|综合)?报告$")


def _passed_papers(text: str) -> list[Candidate]:
    found = []
    for match in _PASSED_PAPER.finditer(text) if "通过" in text else ():
        name = match.group("name")
        if leading_verb(name) or _COUNT_INSIDE.match(name) or text.startswith("的决", match.end()) or _WORK_HEARD.match(name):
            continue  # 通过听取…的报告: a way; 通过3份名单: counted; 关于批准…的报告的决定: inside a title;
            # 审议通过了县政府关于…工作情况的报告: the work heard on, no paper passed
        found.append(Candidate(match.start("name"), match.end("name"), "Instrument", _DRAFT.sub("", name), written=(name,), priority=1))
    return found


# An item of a list or a clause of its own that is a title written without 《》 and opening with its
# place (1.江苏省生物多样性保护条例;2.…, 立法项目：宜兴市…办法、…): a legislative plan's items, a
# meeting's agenda. After a number or a list's mark, or alone between clause marks.
_PLACED_KINDS = word_list("instruments.placed_kinds")  # (条例, 办法…: what a placed title ends with)
_PLACED_TITLE = re.compile(
    f"(?:^|(?<=[，。；、,;：:\\s（(）)])|(?<=\\d[.．、])|(?<=[一二三四五六七八九十][、.．]))"
    f"(?P<name>[{HAN}\\d]{{5,40}}?(?:{'|'.join(_PLACED_KINDS)}))(?=[，。；、,;：:\\s（(]|$)",
    re.MULTILINE,
)


@cache
def _instrument_verb() -> re.Pattern[str]:
    return re.compile(alternation(column("instrument_verbs")))


def _placed_titles(text: str) -> list[Candidate]:
    found = []
    # (a title ends with its kind's word and holds no line break: only the lines that hold one are scanned)
    kinds = _PLACED_KINDS if "条例" in text or "办法" in text or "规定" in text or "决定" in text else ()
    for match in finditer_lines(_PLACED_TITLE, text, kinds):
        name = match.group("name")
        place = opening_place(name, 8)
        if place is None or len(name) - len(place) < 4 or leading_verb(name[len(place):]) or "会议" in name or "等" in name \
                or _instrument_verb().search(name):
            continue  # 江苏省制定…条例, 开封等地相继出台…条例, …第九次会议决定: clauses, no titles
        cls = _plain_instrument(name)
        if cls is not None and cls != "Law":
            found.append(Candidate(match.start("name"), match.end("name"), cls, name, priority=1))
    return found


# A session's papers a standing committee passes before it (市十五届人大五次会议日程(草案)、有关机构
# 组成人员名单(草案); 青海省第十三届人民代表大会第四次会议议程): the session's name opens the first,
# the rest of the list takes it too.
_SESSION_NAME = (
    "(?:全国|[省市县区州旗]|[\u4e00-\u9fff]{2,8}?[省市县区州旗])?第?[一二三四五六七八九十\\d]+届(?:全国)?(?:人民代表大会|人大)"
    "第?[一二三四五六七八九十\\d]+次会议"
)
_PAPER = "(?:议程|日程|[^，。；、,;（(《》\\s]{0,16}?名单|列席范围|选举办法)"
_SESSION_PAPERS = re.compile(f"(?P<session>{_SESSION_NAME})(?P<paper>{_PAPER})(?:[（(]草案[）)]|草案)?")
_MORE_PAPERS = lazy(f"、(?P<paper>{_PAPER})(?:[（(]草案[）)]|草案)?")


def is_session_paper(label: str) -> bool:
    """Whether ``label`` names a session's paper (…第五次会议议程, …选举办法): read before a session,
    never a report on work done."""
    return _SESSION_PAPERS.fullmatch(label) is not None


def _session_papers(text: str) -> list[Candidate]:
    found = []
    for match in _SESSION_PAPERS.finditer(text) if "届" in text and "会议" in text else ():
        session, begin = match.group("session"), match.start()
        term = re.search("第?[一二三四五六七八九十\\d]+届", session)
        place = session[: term.start()] if term else ""
        if len(place) > 1 and place not in ("全国", "自治区") and not known_place(place):
            # 表决通过了|青海省第十三届…: the place the lexicons know at the end of the words before
            known = next((start for start in range(1, len(place) - 1) if known_place(place[start:])), None)
            level = 3 if place.endswith("自治区") else 1
            cut = known if known is not None else len(place) - level if place[-1] in "省市县区州旗" else len(place)  # 会议表决通过了|县十五届…: the level alone
            session, begin = session[cut:], begin + cut
        if text[match.end() : match.end() + 1] in ("的", "》") or match.group("paper").startswith(("的", "和", "关于")) \
                or text.rfind("《", 0, begin) > text.rfind("》", 0, begin):
            continue  # (…会议议程的…, 《…》: a bigger title's part)
        # the span takes a draft's mark (议程草案, 议程(草案)), the name does not
        found.append(Candidate(begin, match.end(), "Instrument", session + match.group("paper"), written=(text[begin : match.end()],), priority=1))
        following = _MORE_PAPERS.match(text, match.end())
        while following and not following.group("paper").startswith(("关于", "的", "和")):  # 、日程(草案)、各项名单(草案): the same session's
            paper = following.group("paper")
            found.append(Candidate(following.start("paper"), following.end(), "Instrument", paper, canonical=session + paper,
                                   written=(paper,), priority=1))
            following = _MORE_PAPERS.match(text, following.end())
    return found


# A body's work report, the papers of every congress session, named without 《》 (政府工作报告,
# 省高级人民法院工作报告, 五河县第十六届人大常委会工作报告, 镇人大主席团工作报告): the body's name,
# opening with the place a lexicon knows or a level's one character, then 工作报告.
_REPORTING_BODY = (
    "(?:第[一二三四五六七八九十\\d]+届)?(?:人民代表大会常务委员会|人大常委会|常委会|人民政府|政府|最高人民法院|最高人民检察院|高级人民法院|"
    "中级人民法院|人民法院|法院|人民检察院|检察院|人大主席团|主席团|人大工委|人大工作委员会)"
)
_WORK_REPORT_WORDS = ("工作报告",)
_WORK_REPORT = re.compile(f"(?P<body>{_REPORTING_BODY})工作报告(?!的)")
_STATED = re.compile("[，。；,;]")  # a line that goes on into a sentence, not a heading


def _work_reports(text: str) -> list[Candidate]:
    found = []
    for match in finditer_lines(_WORK_REPORT, text, _WORK_REPORT_WORDS):
        begin = match.start()
        place = next((text[start:begin] for start in range(max(0, begin - 9), begin - 1) if known_place(text[start:begin])), None)
        if place is not None:
            begin -= len(place)
        elif begin and text[begin - 1] in "省市县区镇乡州" and text[begin - 2 : begin] != "自治":
            begin -= 1  # 镇政府工作报告, 省高级人民法院工作报告: a level's body
        line_end = text.find("\n", match.end())
        line = text[text.rfind("\n", 0, begin) + 1 : line_end if line_end >= 0 else len(text)]
        if text.startswith("关于", begin - 2) or not _STATED.search(line):
            continue  # 关于政府工作报告、…的决议: a title's part; a heading: the report's own title
        found.append(Candidate(begin, match.end(), "Instrument", text[begin : match.end()], priority=1))
    return found


def find_instruments(text: str) -> list[Candidate]:
    """Every instrument, law and titled publication named in ``text``."""
    found = (_bracketed(text) + _unbracketed(text) + _listed_titles(text) + _laws(text) + _bare_references(text) + _approved_documents(text) + _notice_lines(text) + _title_lines(text)
             + _orders(text) + _listing_decisions(text) + _passed_papers(text) + _placed_titles(text) + _session_papers(text) + _work_reports(text))
    return _shared_issuers(text, found)
