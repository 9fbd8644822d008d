"""Organizations, persons and places, with short names resolved by the jurisdiction.

    武汉市人大常委会 / 市人大常委会 / 常委会 (Wuhan report) -> 武汉市人民代表大会常务委员会
    市委 -> 中国共产党武汉市委员会;  省委 -> 中国共产党湖北省委员会;  党中央 -> 中国共产党中央委员会
    全国人大财经委 -> 全国人民代表大会财政经济委员会;  主任会议 -> 武汉市人民代表大会常务委员会主任会议
    新华社 -> 新华通讯社 (a body); 《人民日报》 is the newspaper (instruments.py)

Lexicons: ``national_bodies``, ``body_forms``, ``organs``, ``departments``, ``media``,
``places``, ``regions``, ``surnames``, ``person_titles``, ``persons``.
"""

from __future__ import annotations

import re
from functools import cache

from ..ingest import STREET_COMMITTEE_AFTER_DISTRICT
from ..lexicon import longest_first, rows, word_list, words
from .candidates import Candidate
from .context import GENERIC_LEVELS, Jurisdiction, counties, known_place, place_named, places
from .patterns import HAN, PUBLICATION_AFTER, Patterns, alternation, column, deferred, finditer_lines, first_of, lazy, leading_verb, table
from .relation_cues import markers, post_words

__all__ = ["find_bodies", "find_persons", "find_places", "find_own_places", "canonical_body", "FUNCTION_CHARS", "NOT_NAME_STARTS", "PRONOUN_TAILS"]

_LEVELS = "自治区|自治州|省|市|州|县|区|旗|街道|镇|乡"
_PREPOSITIONS = frozenset(word_list("bodies.prepositions"))
_PREPOSITION_WORDS = tuple(word_list("bodies.preposition_words"))  # 根据区人大常委会…: no place 根据区
FUNCTION_CHARS = frozenset(word_list("bodies.function_chars"))  # 为, 对, 的…: no place's or name's character
_GENERIC_BEFORE = word_list("bodies.generic_before")
_CONGRESS_AS_ROLE = re.compile("代表(?!小组|团|工作|资格|联络|之家|大会)")


def _names_deputies(text: str, match: re.Match[str]) -> bool:
    """Whether a congress's name matched in ``text`` is the start of its deputies' title:
    市人大代表, 全国人大代表 (and 人大代表联系选民办法) name deputies, not the congress."""
    return match.group(0).endswith(("人大", "人民代表大会")) and _CONGRESS_AS_ROLE.match(text, match.end()) is not None
# 市人大代表、…李明, 市人大代表李明: a deputy of that congress named (its congress is a body of the text)
_DEPUTY_TITLE = re.compile(f"代表(?:[、，,]|[{HAN}]{{2,4}}(?:[，,。、；说表认建提参出在等作向对是也还带告介]|$))")
_CONGRESS_FORMS = frozenset(word_list("bodies.congress_forms"))
_BECOMES_DEPUTY = tuple(word_list("bodies.becomes_deputy"))  # 补选张扬为|, 当选|, 是一名|市人大代表: one's congress
_STREET_FORMS = frozenset(word_list("bodies.street_forms"))


def _street_committee(street: str, ctx: Jurisdiction, district: str | None = None) -> str | None:
    """A street's people's congress working committee (街道人大工委), named as the organ of its
    district's standing committee that it is when the district is known
    (江城区人民代表大会常务委员会东湖街道工作委员会), else by the street (东湖街道人大工作委员会)."""
    if not street.endswith("街道"):
        return None
    place = ctx.place
    if district is None and place is not None and place.kind == "township" and place.name == street:
        district = place.county
    if district:
        return f"{district}人民代表大会常务委员会{street}工作委员会"
    return f"{street}人大工作委员会"


@cache
def _organs() -> dict[str, tuple[str, str, bool]]:
    """Each written form of an organ -> (full name, what it attaches to, whether it is written
    alone); a short form in 委 is also written in 委员会 (财经委, 财经委员会)."""
    organs = {row[0]: (row[1], row[2], len(row) < 4 or row[3] != "no") for row in rows("organs")}
    for written, (full, attaches, alone) in list(organs.items()):
        if written.endswith("委") and full.endswith("委员会"):
            organs.setdefault(written + "员会", (full, attaches, alone))
    return organs


# A congress's committee written alone by its short name is one only before its own posts
# (华侨委主任委员于伟国); 农委 alone is as often a government's agricultural committee.
_COMMITTEE_POST = "(?=副?主任委员)"
# 第一代表小组: a numbered organ of a congress (its deputies' groups)
_ORDINAL = "(?:(?P<ordinal>第[一二三四五六七八九十\\d]+)(?=代表小组))?"
# Words in which a level's character ends another word: 军区党委 is no district's committee.
_NOT_LEVEL_BEFORE = "军城社园景辖片新郊矿林厂校"


@cache
def _body_forms() -> dict[str, str]:
    return table("body_forms")


@cache
def _place_names() -> str:
    return alternation(places())


def _two_char_counties() -> str:
    """涉县, 凤县: the counties whose names are one character and 县, which the scans of unknown
    places (two characters or more before 县) cannot find."""
    return alternation(name for name in counties() if len(name) == 2)


@cache
def _patterns() -> Patterns:
    organ = alternation(_organs())
    body = alternation(_body_forms())
    national = alternation(table("national_bodies"))
    depts = alternation(table("departments"))
    place = _place_names()
    alone = alternation(k for k, (_, _, a) in _organs().items() if a)
    named_alone = alternation(k for k, (_, _, a) in _organs().items() if not a and k.endswith(("委", "委员会")))
    tail = "(?![员托屈婉])"  # 委 of 委员会, 委托 is no party committee
    return Patterns({
        "national": deferred(f"(?P<national>{national})(?P<organ>{organ})?"),
        "placed": deferred(
            first_of([*places(), *_LEVELS.split("|")], "中")
            + f"(?P<party>中共|中国共产党)?(?:(?P<place>{place})(?P<district>[{HAN}]{{1,3}}?(?:区|县|市|旗))?"
            f"|(?<![{_NOT_LEVEL_BEFORE}])(?P<level>{_LEVELS}))"
            f"(?P<term>第?[一二三四五六七八九十\\d]+届)?(?P<body>{body}){tail}{_ORDINAL}(?P<organ>{organ})?"
        ),
        # places the lexicon does not list: 武昌区, a prefecture's short name (黔东南州), a
        # township with or without its county (青石镇, 云屏县青石镇)
        "unknown": deferred(
            f"(?:(?<=[，。；、,;：:\\s“（(为])|^)(?P<party>中共|中国共产党)?"
            f"(?P<place>(?:[{HAN}]{{2,4}}?[区县旗])?[{HAN}]{{2,3}}?(?:镇|乡|街道)|[{HAN}]{{2,3}}?(?:区|县|旗|市|州)|{_two_char_counties()})"
            f"(?P<term>第?[一二三四五六七八九十\\d]+届)?(?P<body>{body}){tail}{_ORDINAL}(?P<organ>{organ})?",
            re.MULTILINE,
        ),
        "department": deferred(first_of(places(), "省市区县州") + f"(?:(?P<place>{place})|(?P<level>省|市|区|县|州))(?P<dept>{depts})"),
        # 县水务局、农业局、城管局: the departments listed after one place or level word, each its own
        "more_departments": deferred(f"(?:[（(][^（）()，。]{{1,8}}[）)])?(?:、|和|及)(?P<dept>{depts})(?=[、，。；,;：:\\s（(）)]|等|和|及|负责|$)"),
        "bare": deferred(
            f"(?<![省市县区州旗镇乡])(?P<body>人大常委会|人民代表大会常务委员会|(?<!人大)常委会|(?<=及其|和其|以及)常务委员会)(?P<organ>{organ})?|(?P<alone>{alone})"
            f"|(?<![{HAN}])(?P<alone_named>{named_alone}){_COMMITTEE_POST}"
        ),
        "media": deferred(f"(?:{alternation(table('media'))})"),
        # 上海代表团, 上海市代表团, 上海团女代表: a province's delegation to the national congress
        "delegation": deferred(
            f"(?P<place>{place})(?:代表团|团(?=(?:女|男|的|全体)?代表))(?!团)"
        ),
        # 江城区人大常委会东湖街道工作委员会: the district standing committee's working committee
        # in a street (街道人大工委), an organ it sends out, written with the district's body first
        "street": deferred(
            f"(?:(?P<place>{place})|(?P<district>[{HAN}]{{2,4}}?[区县市旗])){STREET_COMMITTEE_AFTER_DISTRICT}"
        ),
    })


# 中央和省委的部署, 中央、省委、市委人大工作会议: 中央 beside a party committee is the party's Central
# Committee (alone it is an adjective: 中央财政, 中央八项规定)
_CENTRAL_BESIDE_PARTY = re.compile("中央(?=(?:和|、|及|与)(?:[省市区县州]委|自治区党委))")


# A news item's source at its opening (中国甘肃网11月29日讯, 海南网台消息, 据闪电新闻客户端消息): a web
# medium, a body (newspapers, 报, are publications and left to their titles)
_DATELINE_MEDIUM = lazy(
    f"(?:^|(?<=据))(?P<name>[{HAN}]{{2,12}}?(?:网|网台|在线|新闻))(?:客户端)?(?:[\\d一二三四五六七八九十]+月[\\d一二三四五六七八九十]+日)?(?:讯|消息)",
    re.MULTILINE,
)
# A broadcaster or a county's media centre, named anywhere
_BROADCASTER = lazy(f"(?P<name>(?:(?<![{HAN}])(?P<level>[省市县区])|[{HAN}]{{2,8}}?)(?:广播电视台|电视台|融媒体中心))")


# A text about the national congress's session, where a province's 代表团 is its delegation.
_NATIONAL_SESSION = re.compile("全国人大|全国人民代表大会|全国两会")
_PROVINCE_KINDS = frozenset({"province", "municipality", "region", "sar"})


_PARTY_COMMITTEE_FIRST = re.compile(f"(?:{_LEVELS})委")
_STANDING_FORMS = ("人大常委会", "人民代表大会常务委员会")
_TIME_WORDS = tuple(word_list("dates.from_report"))  # 今年市人大常委会: the year, then the body


@cache
def _lead_words() -> tuple[str, ...]:
    """Words that open a clause before its subject (目前, 同时, 下一步): 目前区政府 is no place 目前区."""
    return tuple(word for word, role in markers().items() if role in ("lead", "plan"))


def _plausible_unknown_place(name: str, ctx: Jurisdiction) -> bool:
    """Whether a name the lexicon does not list may be a place: no function word in it, no verb
    before it; a 州 only as the report's own prefecture (黔东南州), the rest being the lexicon's."""
    if name in words("generic_places") and name != "自治区":
        return False  # 省直管县, 民族自治县: a kind of place (自治区 is the region's own, as a level word)
    if name[:1] in "全本我各该" or set(name) & FUNCTION_CHARS or leading_verb(name) or name.endswith("军区") \
            or name.startswith(_PREPOSITION_WORDS) or name.startswith(_lead_words()):
        return False
    if _PARTY_COMMITTEE_FIRST.match(name) or name.endswith(GENERIC_LEVELS) or name.startswith((*_TIME_WORDS, *_GENERIC_BEFORE)):
        return False  # 市委市政府, 县委县政府: two bodies; 乡镇政府: the townships' governments
    if _NAME_TAKES_POST.match(name) and name.startswith(longest_first("surnames")):
        return False  # 王强任市(人民政府副市长): a person taking a post, no place
    return not name.endswith("州") or ctx.expand(name) != name


_NAME_TAKES_POST = re.compile(f"[{HAN}]{{1,3}}?(?:担任|出任|任)")


def _city_delegations(text: str) -> list[Candidate]:
    """A city's or prefecture's delegation to its province's congress (贵阳代表团, 黔东南代表团,
    大同代表团): named as written, part of the province's congress (贵州省人民代表大会贵阳代表团)."""
    found = []
    for delegation in re.finditer("代表团", text) if "代表团" in text else ():
        end = delegation.start()
        for begin in range(max(0, end - 5), end - 1):
            name = text[begin:end]
            # (大同代表团: 大同市, whose short name alone the lexicon leaves out as a common word)
            place = places().get(name) or places().get(name + "州") or places().get(name + "市")
            if place is not None and place.kind in ("city", "prefecture") and place.province:
                found.append(Candidate(begin, delegation.end(), "Organization", text[begin : delegation.end()],
                                       canonical=f"{place.province}人民代表大会{name}代表团", national=True, priority=2))
                break
    return found


def _place_full(name: str) -> str | None:
    place = places().get(name)
    return place.name if place else None


def canonical_body(
    ctx: Jurisdiction,
    *,
    place: str | None = None,
    level: str | None = None,
    body: str | None = None,
    organ: str | None = None,
    national: str | None = None,
) -> str | None:
    """The full name of a body from the parts a finder matched, or None when it is unknown."""
    organ_full, attaches = (None, None)
    if organ:
        organ_full, attaches, _ = _organs()[organ]
    if national:
        base = table("national_bodies")[national]
    elif body in ("常委会", "人大常委会", "人民代表大会常务委员会", "常务委员会") and not place and not level:
        base = ctx.standing_committee()
    elif body in ("行政公署", "行署") and not place:
        return None  # 塔城地区行政公署: a prefecture's office by its name only, never by a level word
    elif body:
        where = ctx.expand(place) if place else (ctx.place_at_level(level) if level else None)
        unplaced = _unplaced(ctx) \
            or (level in ("县", "区") and ctx.place.kind in ("city", "prefecture") and body in _STANDING_FORMS)  # a city's county it never names
        if where is None and level in ("省", "县", "区", "市", "州") and unplaced:
            where = level  # a report that never names its county: 县人大常委会 is its own
        if where is None and level in ("镇", "乡") and (not organ or organ in _TOWNSHIP_ORGANS):
            where = level  # 镇人大 in a county's report: the township the text names (resolve.py), else as written
        if where is None:
            return None
        if where.endswith("街道") and body in _CONGRESS_FORMS:
            return None  # a street (街道) elects no congress: 街道人大工作 is the work in general
        if body in _STREET_FORMS:
            base = _street_committee(where, ctx)
            return base + (organ_full or "") if base else None
        template = _body_forms()[body]
        base = template.replace("{place}", "全国" if where == "中华人民共和国" else where)
    else:  # an organ alone: 主任会议, 党组, 财经委
        if attaches == "congress":
            base = ctx.congress()
        elif attaches == "sc":
            base = ctx.standing_committee()
        else:
            base = ctx.reporting_body or ctx.standing_committee()
        if base and organ_full == "委员长会议" and not base.startswith("全国"):
            return None
    if base is None:
        return None
    return base + (organ_full or "")


def _coordinated_places(text: str, match: re.Match[str], ctx: Jurisdiction) -> list[Candidate]:
    """上海市、江苏省、安徽省人大常委会: the body of each place listed before the last one."""
    found = []
    tail = text[match.end("place") if not match.group("district") else match.end("district") : match.end()]
    at = match.start()
    while at > 1 and text[at - 1] in "、和":
        before = next((name for name in _place_names_by_length() if text.endswith(name, 0, at - 1)), None)
        if before is None:
            break
        begin = at - 1 - len(before)
        body = parse_body_prefix(places()[before].name + tail, ctx)
        if body is None:
            break
        found.append(Candidate(begin, at - 1, "Organization", before, canonical=body[1], national=True,
                               written=(places()[before].name + tail,), priority=2))
        at = begin
    return found


def _coordinated_counties(text: str, match: re.Match[str], ctx: Jurisdiction) -> list[Candidate]:
    """闵行区、松江区人大常委会: the body of each listed county (of the lexicon) before the last."""
    found = []
    tail = text[match.end("place") : match.end()]
    at = match.start("place")
    while at > 1 and text[at - 1] in "、和":
        before = next((text[at - 1 - n : at - 1] for n in range(min(9, at - 1), 2, -1) if text[at - 1 - n : at - 1] in counties()), None)
        if before is None:
            break
        begin = at - 1 - len(before)
        body = parse_body_prefix(before + tail, ctx)
        if body is None:
            break
        found.append(Candidate(begin, at - 1, "Organization", before, canonical=body[1], national=True,
                               written=(before + tail,), priority=2))
        at = begin
    return found


_COUNTY_LEVELS = word_list("bodies.county_levels")
_POST = "|".join(map(re.escape, post_words()))
_POST_LIST = lazy(f"(?:{_POST})(?:、(?:{_POST}))*、")
_POSTS_BEFORE = re.compile(f"(?:{_POST})、$")
# 丰都、璧山、九龙坡、石柱、渝中等5个区县(自治县)人大常委会: counties of the report's city listed
# by their short names, closed by their levels (and their standing committees, by ellipsis)
_SHORT_COUNTIES = re.compile(
    # (the lookahead holds for every match and changes none: the engine tests it at each character
    # far faster than the list's first item, whose characters are each tested for 等)
    f"(?=[{HAN}]{{2,6}}、)"
    f"(?P<list>(?:(?!等)[{HAN}]){{2,6}}(?:、(?:(?!等)[{HAN}]){{2,4}})+)等?(?:[\\d一二三四五六七八九十]+个)?"
    f"(?:{'|'.join(map(re.escape, _COUNTY_LEVELS))})(?:[（(][{HAN}、]{{2,6}}[）)])?(?P<body>人大常委会|人民代表大会常务委员会)?"
)


_COUNTY_SHORT = re.compile(f"([{HAN}]{{2,}}?)(?:[{HAN}]{{1,3}}族)*(?:自治县|自治旗|区|县|市|旗)")


@cache
def _counties_by_short_name() -> dict[tuple[str, str], str]:
    """(short name, city) -> the county's full name: 丰都 in 重庆市 -> 丰都县, 石柱 -> 石柱土家族自治县."""
    found: dict[tuple[str, str], str] = {}
    for name, place in counties().items():
        short = _COUNTY_SHORT.fullmatch(name)
        if short and place.city:
            found.setdefault((short.group(1), place.city), name)
    return found


def _short_counties(text: str, ctx: Jurisdiction) -> list[Candidate]:
    city = ctx.place_at_level("市") if ctx.place is not None else None
    if city is None:
        return []
    found = []
    for match in _SHORT_COUNTIES.finditer(text):
        at, items = match.start("list"), match.group("list").split("、")
        names = []
        for index, item in enumerate(items):
            begin = at
            if index == 0:  # 委托丰都: the first item begins where a county's short name does
                item = next((item[n:] for n in range(len(item) - 1) if (item[n:], city) in _counties_by_short_name()), item)
                begin = at + len(items[0]) - len(item)
            names.append((begin, item, _counties_by_short_name().get((item, city))))
            at += len(items[index]) + 1
        if any(full is None for _, _, full in names):
            continue  # a list of other things (江汉、硚口等区 only where every item is a county)
        for begin, item, full in names:
            found.append(Candidate(begin, begin + len(item), "Place", item, canonical=full, national=True, priority=1))
            if match.group("body"):
                found.append(Candidate(begin, begin + len(item), "Organization", item, canonical=f"{full}人民代表大会常务委员会",
                                       national=True, written=(item + match.group("body"),), priority=2))
    return found


_PARTY_GROUP = "党组"
_BARE_GROUPS = word_list("bodies.bare_groups")
_BARE_GROUP = lazy(f"(?:(?<=[，。；、：:\\s“（(])|^|(?<=率|由))(?:{'|'.join(_BARE_GROUPS)})(?![长员])", re.MULTILINE)
_TOWNSHIP_ORGANS = ("主席团",)  # 镇人大主席团: the presidium of the township the text names (resolve.py)
# Characters of the clause's own words between a post and its verb, in no name found by its place
# alone (在会上, 进一步, 对此也, 最后还): 主任在会上说 names no one
_NOT_IN_RARE_NAMES = frozenset(word_list("bodies.not_in_rare_names"))
_NATIONAL_PRESIDIUM = re.compile(
    "第?(?P<term>[一二三四五六七八九十]+)届全国(?:人民代表大会|人大)第?(?P<session>[一二三四五六七八九十]+)次会议主席团(?!常务主席第)"
)
_NOT_UNIT_STARTS = word_list("places.not_unit_starts")  # words before a level word that are no place's name


def _posts_before(text: str, at: int, found: list[Candidate]) -> str | None:
    """The body whose posts a list goes on with where an organ is written alone at ``at``
    (<body><post>、党组副书记): that body's canonical name, else None."""
    posts = _POSTS_BEFORE.search(text, max(0, at - 12), at)
    if posts is None:
        return None
    # the body the posts follow (…常委会|委员、 as much as 常委会委员、: the post list begins where it ends)
    return next((c.canonical or c.name for c in reversed(found) if c.cls == "Organization" and posts.start() <= c.end < posts.end()
                 and _POST_LIST.fullmatch(text, c.end, at)), None)


@cache
def _place_names_by_length() -> tuple[str, ...]:
    return tuple(sorted(places(), key=lambda name: (-len(name), name)))


def _unplaced(ctx: Jurisdiction) -> bool:
    """Whether the report names no place of its own (or a township without its county)."""
    return ctx.place is None or (ctx.place.kind == "township" and ctx.place.county is None)


@cache
def _named_deputy() -> re.Pattern[str]:
    return re.compile(f"代表(?:{alternation(column('surnames'))})[{HAN}]{{1,2}}(?![{HAN}]{{0,1}}(?:代表|委员|主任|议案|建议))")


def _deputy_named(text: str, end: int) -> bool:
    """区人大代表夏柏彩这样说: a congress's title before a person's name (a surname opens it)."""
    return _named_deputy().match(text, end) is not None


_TERM_BEFORE = re.compile("第?[一二三四五六七八九十]+届$")


def _becomes_deputy(text: str, begin: int) -> bool:
    """Whether the words before a congress's name make someone its deputy (补选张扬为|市人大代表,
    递补陈晓峰为第十三届|全国人民代表大会代表: the term may stand between)."""
    term = _TERM_BEFORE.search(text, max(0, begin - 8), begin)
    return text.endswith(_BECOMES_DEPUTY, 0, term.start() if term else begin)


_SC_SUFFIX = "常务委员会"
# What makes someone what a body's name follows (任命张三为, 补选为, 当选为)
_APPOINTED_AS = re.compile("(?:任命|选举|补选|递补|当选|决定)[^。；;]{0,60}为$")


def _termed_congress(text: str, begin: int, body_at: int, canonical: str | None, national: bool) -> Candidate | None:
    """罗平县第十七届人民代表大会常务委员会, 十二届全国人大常委会: a standing committee named by its
    congress's term names that congress too (the span up to 人大 or 人民代表大会)."""
    if canonical is None or not canonical.endswith("人民代表大会" + _SC_SUFFIX):
        return None
    congress = "人民代表大会" if text.startswith("人民代表大会", body_at) else "人大" if text.startswith("人大", body_at) else None
    if congress is None:
        return None
    end = body_at + len(congress)
    return Candidate(begin, end, "Organization", text[begin:end], canonical=canonical[: -len(_SC_SUFFIX)], national=national, priority=2)


# 闵行区区长, 山西省副省长, 临夏县代县长: a government's leader by the place and the title; the place
# stands for its government where its level is the title's
_GOVERNMENT_TITLE = re.compile("(?:常务)?[副代]?(?P<level>省|市|区|县|州)长")


def _government_posts(text: str) -> list[Candidate]:
    found = []
    for title in _GOVERNMENT_TITLE.finditer(text) if "长" in text else ():
        at = title.start()
        name = next((text[start:at] for start in range(max(0, at - 8), at - 1) if known_place(text[start:at])), None)
        if name is None or not name.endswith(title.group("level")):
            continue  # (北京市区长: 市 and 区; 副市长 alone: no place)
        place = place_named(name)
        full = place.name if place is not None else name
        found.append(Candidate(at - len(name), at, "Organization", name, canonical=full + "人民政府", national=True, priority=1, implied=True))
    return found


@cache
def _leader_titles() -> str:
    """The government leaders' titles as one alternation, longest first (常务副县长 before 副县长)."""
    return "|".join(longest_first("government_titles"))


@cache
def _bare_leader_title() -> re.Pattern[str]:
    """A government leader's title opening a name's phrase (副县长李明, 县委副书记、县长吴斌), no place before it."""
    return re.compile(f"(?:(?<=^)|(?<=[，,；;。、：:\\s（(]))(?:{_leader_titles()})", re.MULTILINE)


@cache
def _title_given() -> re.Pattern[str]:
    """A leader's title as the post an appointment gives (选举张明为市长, 当选为县长, 任命李华为副镇长职务)."""
    return re.compile(f"(?<=为)(?:代理)?(?P<title>{_leader_titles()})(?=[，。；、,;）)\\s]|职务|$)", re.MULTILINE)


def _government_implied(title: re.Match[str], group: str, ctx: Jurisdiction, unplaced_levels: tuple[str, ...]) -> Candidate | None:
    """The government a leader's title at ``group`` implies: the report's place at the title's level;
    镇人民政府 for resolution to place in the township the text names; the level alone in a report that
    never names its place, at ``unplaced_levels``."""
    level = table("government_titles")[title.group(group)][0]
    where = ctx.place_at_level(level)
    if where is None and (level in ("镇", "乡") or (level in unplaced_levels and _unplaced(ctx))):
        where = level
    if where is None:
        return None
    return Candidate(title.start(group), title.end(group), "Organization", title.group(group), canonical=where + "人民政府",
                     national=True, priority=1, implied=True)


def titled_governments(text: str, ctx: Jurisdiction, found: list[Candidate]) -> list[Candidate]:
    """副县长李明, 县长吴斌: a leader's title before a person's name, with no place before it, implies the
    government of the report's place at the title's level (五河县人民政府; 县人民政府 in a report that never
    names its county), in a text that speaks of a government (政府) at all: the blind golds give the post
    a government only there (23 of 26 titled names in the development split's golds; none of the three
    whose text never writes 政府). A title an appointment gives (选举张明为市长) implies it whether or not."""
    if "长" not in text:
        return []
    given = (_government_implied(title, "title", ctx, ("省", "县", "区", "市", "州")) for title in _title_given().finditer(text)) if "为" in text else ()
    implied = [c for c in given if c is not None]
    if "政府" not in text:
        return implied
    persons = {c.begin for c in found if c.cls == "Person"}
    before = (_government_implied(title, 0, ctx, ("省", "县", "区", "市")) for title in _bare_leader_title().finditer(text) if title.end() in persons)
    return implied + [c for c in before if c is not None]


def find_bodies(text: str, ctx: Jurisdiction) -> list[Candidate]:
    """Every body named in ``text``: national, placed, short and bare forms, departments, media."""
    found: list[Candidate] = []
    pats = _patterns()

    def add(match: re.Match[str], canonical: str | None, national: bool = False, base: str | None = None) -> bool:
        """Keep the body ``match`` names, unless it names bodies in general; whether it was kept."""
        if canonical is None:
            return False
        begin, end = match.start(), match.end()
        written = text[begin:end]
        if _names_deputies(text, match) and (text[max(0, begin - 2) : begin].endswith(_GENERIC_BEFORE)
                                             or not (_DEPUTY_TITLE.match(text, end) or _becomes_deputy(text, begin)
                                                     or _deputy_named(text, end))):
            return False  # 各级人大代表, 人大代表联系选民办法: deputies in general, no congress of theirs (补选张扬为市人大代表: one's)
        if text[max(0, begin - 2) : begin].endswith(_GENERIC_BEFORE):
            return False  # 地方人大常委会, 各级人大: bodies in general
        if PUBLICATION_AFTER.match(text, end):
            return False  # 上海人大月刊, 中国人大杂志: a publication's name, not the body
        if (ordinal := match.groupdict().get("ordinal")) and match.group("organ"):
            organ_full = _organs()[match.group("organ")][0]  # 刘岗镇人大第一代表小组: the group's number kept
            canonical = canonical[: len(canonical) - len(organ_full)] + ordinal + organ_full
        found.append(Candidate(begin, end, "Organization", written, canonical=canonical, national=national, priority=2))
        organ = match.groupdict().get("organ")
        if base and organ and base != canonical and match.start("organ") > begin:
            # 湖北省人大常委会法制工作委员会 names 湖北省人大常委会 too: the body its organ is of
            found.append(Candidate(begin, match.start("organ"), "Organization", text[begin : match.start("organ")],
                                   canonical=base, national=national, priority=2))
        return True

    for match in pats["national"].finditer(text):
        base = canonical_body(ctx, national=match.group("national"))
        add(match, canonical_body(ctx, national=match.group("national"), organ=match.group("organ")), national=True, base=base)
        if _TERM_BEFORE.search(text, max(0, match.start() - 6), match.start()) \
                and (congress := _termed_congress(text, match.start(), match.start() + 2, base, True)) is not None:
            found.append(congress)  # 十二届|全国人大|常委会
    for match in pats["placed"].finditer(text):
        place = _place_full(match.group("place")) if match.group("place") else None
        if place and match.group("district"):
            place = place + match.group("district")
        before = text[max(0, match.start() - 1) : match.start()]
        if match.group("level") and (before == "各" or (match.group("level") in ("镇", "乡") and before in "乡城村集小")):
            continue  # 各区人大, 乡镇人大, 城乡政府: no one body
        canonical = canonical_body(ctx, place=place, level=match.group("level"), body=match.group("body"), organ=match.group("organ"))
        party = next((p for p in table("democratic_parties") if text.endswith(p, 0, match.start())), None)
        if canonical and party and match.group("body") in ("委", "委员会") and canonical.startswith("中国共产党"):
            # 民建济宁市委: the democratic party's committee of the place, not the Communist Party's
            begin = match.start() - len(party)
            found.append(Candidate(begin, match.end(), "Organization", text[begin : match.end()],
                                   canonical=table("democratic_parties")[party] + canonical[len("中国共产党") :], national=bool(place), priority=3))
            continue
        if canonical and text[max(0, match.start() - 3) : match.start()] == "共青团" and match.group("body") in ("委", "党委"):
            # 共青团甘肃省委: the youth league's committee of the province, not the party's
            begin = match.start() - 3
            found.append(Candidate(begin, match.end(), "Organization", text[begin : match.end()],
                                   canonical=canonical.replace("中国共产党", "中国共产主义青年团", 1), national=bool(place), priority=3))
            continue
        # the body without its organ (its canonical name when it has none)
        base = canonical_body(ctx, place=place, level=match.group("level"), body=match.group("body")) if match.group("organ") else canonical
        kept = add(match, canonical, national=bool(place), base=base if match.group("organ") else None)
        if kept and match.group("term") and (congress := _termed_congress(text, match.start(), match.start("body"), base, bool(place))):
            found.append(congress)
        if place and canonical:
            found.extend(_coordinated_places(text, match, ctx))
    for match in pats["unknown"].finditer(text):
        place_name = match.group("place")
        if not _plausible_unknown_place(place_name, ctx):  # 召开江岸区… is no place
            continue
        if text.startswith("为", match.start() - 1) and not _APPOINTED_AS.search(text, text.rfind("。", 0, match.start()) + 1, match.start()):
            continue  # 任命张三为|宁乡市人民政府副市长, …，贡凤梅为|宝山区…, 当选为|临桂区…代表: not 邓为|辞去市…
        canonical = canonical_body(ctx, place=place_name, body=match.group("body"), organ=match.group("organ"))
        base = canonical_body(ctx, place=place_name, body=match.group("body")) if match.group("organ") else canonical
        kept = add(match, canonical, national=True, base=base if match.group("organ") else None)
        if kept and match.group("term") and (congress := _termed_congress(text, match.start(), match.start("body"), base, True)):
            found.append(congress)
        if canonical:
            found.extend(_coordinated_counties(text, match, ctx))
    found.extend(_short_counties(text, ctx))
    found.extend(_government_posts(text))
    for match in pats["department"].finditer(text):
        level = match.group("level")
        place = _place_full(match.group("place")) if match.group("place") else ctx.place_at_level(level)
        if place is None and level in ("县", "区", "市") and _unplaced(ctx):
            place = level  # a report that never names its county: 县发展和改革局 is its own
        if place:
            add(match, place + table("departments")[match.group("dept")], national=True)
            following = pats["more_departments"].match(text, match.end())
            while following is not None:
                found.append(Candidate(following.start("dept"), following.end("dept"), "Organization", following.group("dept"),
                                       canonical=place + table("departments")[following.group("dept")], national=True, priority=2))
                following = pats["more_departments"].match(text, following.end())
    for match in pats["bare"].finditer(text):
        if match.group("alone") or match.group("alone_named"):
            if text.rfind("《", 0, match.start()) > text.rfind("》", 0, match.start()):
                continue  # 《河南省乡镇人民代表大会主席团工作条例》: a word of a title, no body of the report
            owner = _posts_before(text, match.start(), found)
            if owner is None and match.group("alone") == _PARTY_GROUP:  # 市教育局党组: the party group of the body before it
                owner = next((c.canonical or c.name for c in found if c.cls == "Organization" and c.end == match.start()), None)
            if owner is not None and match.group("alone"):
                # 浙江省人大常委会副主任、党组副书记: the organ of the body whose posts it continues
                organ_full, attaches, _ = _organs()[match.group("alone")]
                if attaches != "congress" or not owner.endswith("常务委员会"):
                    add(match, owner + organ_full)
                    continue
            add(match, canonical_body(ctx, organ=match.group("alone") or match.group("alone_named")))
        else:
            add(match, canonical_body(ctx, body=match.group("body"), organ=match.group("organ")))
    for match in _NATIONAL_PRESIDIUM.finditer(text) if "主席团" in text else ():
        # 十届全国人大一次会议主席团: the presidium of a session of the national congress
        term, session = match.group("term"), match.group("session")
        canonical = f"第{term}届全国人民代表大会第{session}次会议主席团"
        found.append(Candidate(match.start(), match.end(), "Organization", match.group(0), canonical=canonical, national=True, priority=2))
    for match in _BARE_GROUP.finditer(text) if "组" in text else ():
        # 调研组一行先后到…, 督查组在…: a working group by its kind alone, named as written
        found.append(Candidate(match.start(), match.end(), "Organization", match.group(0), priority=1))
    for match in pats["media"].finditer(text):
        add(match, table("media")[match.group(0)], national=True)
    for match in _DATELINE_MEDIUM.finditer(text) if "讯" in text or "消息" in text else ():  # 中国甘肃网11月29日讯: who reports
        name = match.group("name")
        if name[0] not in "本该我" and not set(name) & FUNCTION_CHARS:
            found.append(Candidate(match.start("name"), match.end("name"), "Organization", name, national=True, priority=2))
    for match in _BROADCASTER.finditer(text) if "电视台" in text or "融媒体中心" in text else ():  # 北碚电视台, 县融媒体中心
        name = match.group("name")
        if set(name) & FUNCTION_CHARS or leading_verb(name) or name.startswith(_lead_words()):
            continue
        where = ctx.place_at_level(name[0]) if match.group("level") else None
        found.append(Candidate(match.start("name"), match.end("name"), "Organization", name,
                               canonical=where + name[1:] if where else None, national=True, priority=1))
    for match in _CENTRAL_BESIDE_PARTY.finditer(text) if "中央" in text else ():
        add(match, table("national_bodies")["党中央"], national=True)
    if _NATIONAL_SESSION.search(text):
        # (a delegation holds 团 and no line break: only the lines that hold it are scanned)
        for match in finditer_lines(pats["delegation"], text, _DELEGATION_WORDS):
            place = places().get(match.group("place"))
            if place is not None and place.kind in _PROVINCE_KINDS and place.short:
                add(match, f"全国人民代表大会{place.short}代表团", national=True)
    else:
        found.extend(_city_delegations(text))
    for match in _organ_after_posts().finditer(text) if "、" in text else ():
        # 市人大常委会秘书长、办公厅主任周强: an organ of the body whose posts the list goes on with
        owner = _posts_before(text, match.start(), found)
        organ_full, attaches, _ = _organs()[match.group("organ")]
        if owner is not None and owner.endswith("常务委员会") and attaches in ("sc", "congress"):
            # (省人大常委会委员、财经委副主任委员: the congress's committee of that province)
            base = owner if attaches == "sc" else owner[: -len("常务委员会")]
            found.append(Candidate(match.start(), match.end("organ"), "Organization", match.group("organ"),
                                   canonical=base + organ_full, national=True, priority=3))
    for match in _PARTY_DEPARTMENT_POST.finditer(text) if "、" in text else ():
        # 县委常委、组织部长、统战部长阳旭辉: the departments of the party committee whose posts the list goes on with
        owner = _posts_before(text, match.start(), found)
        if owner is None:  # 组织部长、统战部长: the committee of the department listed before
            owner = next((c.canonical for c in reversed(found) if c.end == match.start() - 2 and text[c.end : match.start()] == "长、"
                          and c.canonical and c.canonical.endswith(tuple(_PARTY_DEPARTMENTS.values()))), None)
        if owner is not None and owner.startswith("中国共产党") and "委员会" in owner:
            owner = owner[: owner.index("委员会") + 3]
            found.append(Candidate(match.start(), match.end("organ"), "Organization", match.group("organ"),
                                   canonical=owner + _PARTY_DEPARTMENTS[match.group("organ")], national=True, priority=3))
    for match in _LEVEL_STREET_COMMITTEE.finditer(text) if "街道" in text else ():
        # 区人大前进街道工委: the district's congress's working committee in a street, the district by its level
        district = ctx.place_at_level(match.group("level") or "区")
        found.append(Candidate(match.start(), match.end(), "Organization", match.group(0),
                               canonical=_street_committee(match.group("street"), ctx, district), national=True, priority=3))
    for match in pats["street"].finditer(text) if "街道" in text else ():  # its every match holds 街道
        street = match.group("street")
        district = _place_full(match.group("place")) if match.group("place") else match.group("district")
        if _plausible_unknown_place(street, ctx) and district:
            found.append(Candidate(match.start(), match.end(), "Organization", match.group(0),
                                   canonical=_street_committee(street, ctx, district), national=True, priority=3))
    return found


_LEVEL_STREET_COMMITTEE = lazy(
    f"(?:(?<![{HAN}])(?P<level>[区县])|(?<![{HAN}])|(?<=[和与及]))人大(?P<street>[{HAN}]{{2,4}}?街道)(?:工作委员会|工委)"
)


# A party committee's departments, written in their heads' posts (组织部长, 统战部长, 政法委书记)
_PARTY_DEPARTMENTS = {"组织部": "组织部", "宣传部": "宣传部", "统战部": "统一战线工作部", "政法委": "政法委员会"}
_PARTY_DEPARTMENT_POST = re.compile("(?<=、)(?P<organ>组织部|宣传部|统战部|政法委)(?=长|书记|部长|副部长|副书记|常务副部长)")


@cache
def _organ_after_posts() -> re.Pattern[str]:
    """An organ written right after a list's 、 and before its own post (、办公厅主任)."""
    return re.compile(f"(?<=、)(?P<organ>{alternation(_organs())})(?=(?:{alternation(post_words())}))")


# --------------------------------------------------------------------------- persons


@cache
def _person_patterns() -> tuple[re.Pattern[str], ...]:
    surnames = alternation(column("surnames"))
    after = alternation(t for t, where in table("person_titles").items() if where in ("after", "both"))
    before = alternation(t for t, where in table("person_titles").items() if where in ("before", "both"))
    known = re.compile(f"(?:{alternation(column('persons'))})")
    name_then_title = re.compile(  # (behind a lookahead for the surnames' first characters: the same matches, 7x faster)
        first_of(column("surnames")) + f"(?:(?<![{HAN}])|(?<=[了和与及同由向对请见为是]))(?P<name>(?:{surnames})[{HAN}]{{1,2}}?)(?<!为)(?:{after})"
    )
    title_then_name = re.compile(
        f"(?:{before})\\s?(?P<name>(?:{surnames})[{HAN}]{{1,2}}?)(?={_AFTER_NAME})"
    )
    more_names = re.compile(f"、(?P<name>(?:{surnames})[{HAN}]{{1,2}}?)(?=、|{_AFTER_NAME})")
    # 主任介卫星说, 书记信长星主持: a whole name of three whose surname the list lacks, between a post
    # and a verb of speaking or chairing (no word of the clause's own: 在会上, 进一步)
    rare_surname = re.compile(f"(?:{before})(?P<name>[{HAN}]{{3}})(?=说|表示|介绍|指出|认为|强调|主持|坦言|告诉|等(?!级|地|方面|部门|单位))")
    # 记者 田 坤: a two-character name padded with a space, as bylines write it
    spaced = re.compile(f"(?:{before})\\s?(?P<name>(?:{surnames})[ \u3000][{HAN}])(?![{HAN}])")
    return known, name_then_title, title_then_name, more_names, spaced, rare_surname


# A name written with a middle dot (托乎提·亚克夫, 嘉木样·洛桑久美·图丹却吉尼玛: Uyghur, Tibetan and
# other names by sound): its first part runs back to the post or the appointing word before it,
# its last part up to the word after it. With neither before it, a name stands alone in its
# clause (、托乎提·亚克夫说): not a headline's column (（落地有声·高质量办理代表建议）).
_DOTTED = lazy(f"[{HAN}]+(?:[ ]?[·•][ ]?[{HAN}]+)+")  # (乃依木 · 亚森: a dot a page spaced)
_DOTTED_HEAD = 6  # the longest first part after a post
_DOTTED_ALONE = 4  # the longest first part with nothing before it
_DOTTED_PART = 6  # a last part longer than this runs into the words after the name
_DOTTED_STOP = re.compile("刚刚|正在|已经|一直|常常|经常|总是|曾经|也|又|还|都|便|就")
_BEFORE_ALONE = "、，,。；;：:\n"
_AFTER_ALONE = "、，,。；;（("


@cache
def _title_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    titles = alternation(table("person_titles"))
    appointing = alternation([row[0] for row in rows("appointment_verbs")] + ["为"])
    return re.compile(f"(?:{titles})"), re.compile(f"(?:{titles}|{_AFTER_NAME})"), re.compile(f"(?:{titles}|{appointing})")


def _dotted_names(text: str) -> list[Candidate]:
    if "·" not in text and "•" not in text:
        return []  # no dot, no such name: _DOTTED would try every run of characters for one
    _, after, before = _title_words()
    found = []
    for match in _DOTTED.finditer(text):
        parts = re.split("[ ]?[·•][ ]?", match.group(0))
        head, last = parts[0], parts[-1]
        cuts = [m.end() for m in before.finditer(head) if m.end() < len(head)]
        head_start = cuts[-1] if cuts else 0
        stop = next((m.start() for m in after.finditer(last) if m.start() >= 1), len(last))
        if stop > _DOTTED_PART and (adverb := _DOTTED_STOP.search(last, 2)):  # 乌斯曼|刚刚接待了…: the clause goes on
            stop = min(stop, adverb.start())
        begin, end = match.start() + head_start, match.end() - (len(last) - stop)
        if len(head) - head_start > (_DOTTED_HEAD if cuts else _DOTTED_ALONE):
            continue  # a run of words before the dot, nothing to tell where the name begins
        if not cuts and not (text[begin - 1 : begin] in _BEFORE_ALONE and (stop < len(last) or text[end : end + 1] in _AFTER_ALONE)):
            continue
        found.append(Candidate(begin, end, "Person", text[begin:end].replace(" ", ""), national=True, priority=1))
    return found


# 副主任维色、桑顶·多吉帕姆·德庆曲珍、尼玛次仁、纪国刚出席: the names a post lists, those with no
# surname of the lexicon too (Tibetan, Mongolian, Uyghur names), where most of them are names.
_LIST_ITEM = re.compile(f"[{HAN}]{{2,4}}|[{HAN}]{{1,8}}(?:[·•][{HAN}]{{1,10}})+")
_LIST_END = re.compile("[，,。；;：:！？!?\n（(]")


def _plausible_listed(name: str) -> bool:
    """A name as a list gives it, whole (尼玛次仁: 次 inside a name, where beside a title it would
    end a post's word)."""
    return name not in words("not_names") and not name.startswith(NOT_NAME_STARTS) and name[-1] not in words("not_name_chars")


def _listed_after_post(text: str, surnames: tuple[str, ...]) -> list[Candidate]:
    titles, after, _ = _title_words()
    found = []
    for post in titles.finditer(text):
        if not text.startswith("、", post.end() + 2) and not text.startswith("、", post.end() + 3) and "·" not in text[post.end() : post.end() + 8]:
            continue  # (cheap test first: a list's first item is two to four characters, or dotted)
        close = _LIST_END.search(text, post.end())
        segment = text[post.end() : close.start() if close else len(text)]
        items = segment.split("、")
        if len(items) < 2:
            continue
        last = items[-1]
        stop = next((m.start() for m in after.finditer(last) if m.start() >= 2), len(last))
        items[-1] = last[:stop]
        if not all(_LIST_ITEM.fullmatch(item) and (_plausible_listed(item) or (i < len(items) - 1 and item.endswith("和") and _plausible_listed(item[:-1])))
                   and not titles.search(item) for i, item in enumerate(items)):
            # (洪礼和、魏小琴: 和 before 、 ends a name, no conjunction)
            # (县委书记王海、县长张杰: a post inside an item, another post's list, not one of names)
            continue
        named = sum(1 for item in items if "·" in item or "•" in item or item.startswith(surnames))
        if 2 * named < len(items):
            continue
        at = post.end()
        for item in items:
            found.append(Candidate(at, at + len(item), "Person", item, national=True, priority=1))
            at += len(item) + 1
    return found


_WORD_ACROSS = re.compile("及时|同时|按时|随时|适时|准时|及早|向来|为此")
_VERB_AFTER_AND = re.compile("出席|列席|参加|主持|讲话|说|表示|指出|强调|介绍|陪同|作了|作关于|向")


# What follows a name written after its post: punctuation, or a verb of speaking or of taking
# part (副主任夏祖相出席…, 常务副县长付强参加…, 主任吕英一行…).
_AFTER_NAME = (
    f"[^{HAN}]|$|说|表示|介绍|指出|认为|建议|提出|强调|坦言|告诉|等|在|时|谈到|回忆|领衔|联名|所作|所做"
    "|出席|列席|参加|参与|主持|作|就|向|宣读|通报|汇报|答复|回答|一行|带队|率队|率领|率|牵头|陪同|讲话|致辞|以及|和|与|及|同志|到|前往|深入|调研|视察|察看|检查"
)


# A word and a pronoun (向大家, 和我们) is no surname and name.
PRONOUN_TAILS = frozenset(word_list("bodies.pronoun_tails"))


# Words that open with a surname's character (代表陆续来到): no name begins with them.
NOT_NAME_STARTS = tuple(word_list("bodies.not_name_starts"))


def _plausible_name(name: str) -> bool:
    if name in words("not_names") or len(name) < 2 or name[1:] in PRONOUN_TAILS or name.startswith(NOT_NAME_STARTS):
        return False
    if "人大" in name:
        return False  # 于人大代表…: a preposition and the congress, no name
    return not any(ch in words("not_name_chars") for ch in name[1:])


def find_persons(text: str) -> list[Candidate]:
    known, name_then_title, title_then_name, more_names, spaced, rare_surname = _person_patterns()
    found = [Candidate(m.start(), m.end(), "Person", m.group(0), national=True, priority=2) for m in known.finditer(text)]
    for match in spaced.finditer(text):
        name = re.sub("[ \u3000]", "", match.group("name"))
        if _plausible_name(name):
            found.append(Candidate(match.start("name"), match.end("name"), "Person", name, national=True, priority=1))
    for pattern in (name_then_title, title_then_name):
        for match in pattern.finditer(text):
            name, end = match.group("name"), match.end("name")
            if pattern is title_then_name and len(name) == 2 and text.startswith("和", end) and _VERB_AFTER_AND.match(text, end + 1):
                name, end = name + "和", end + 1  # 秘书长李仁和出席: 和 before a verb ends the name, joins no other
            if pattern is name_then_title and _WORD_ACROSS.match(text, max(0, match.start("name") - 1)):
                continue  # 及时向代表说明: the word before the name holds its first character, no surname there
            if _plausible_name(name) and not text[max(0, match.start("name") - 1) : match.start("name")].isdigit():
                found.append(Candidate(match.start("name"), end, "Person", name, national=True, priority=1))
                if pattern is title_then_name:  # 代表李春华、孙建国: every name after the title
                    following = more_names.match(text, match.end())
                    while following and _plausible_name(following.group("name")):
                        found.append(Candidate(following.start("name"), following.end("name"), "Person", following.group("name"), national=True, priority=1))
                        following = more_names.match(text, following.end())
    for match in rare_surname.finditer(text):
        name = match.group("name")
        if _plausible_name(name) and not set(name) & _NOT_IN_RARE_NAMES and name[0] not in FUNCTION_CHARS:
            found.append(Candidate(match.start("name"), match.end("name"), "Person", name, national=True))
    found += _dotted_names(text)
    found += _listed_after_post(text, longest_first("surnames"))
    for match in _village_named().finditer(text) if "村" in text else ():
        # 自治区人大常委会主任洛桑江村主持: a name ending in 村 (Tibetan 江村) after a post, before its verb
        found.append(Candidate(match.start("name"), match.end("name"), "Person", match.group("name"), national=True, priority=2))
    for line in _SPEAKER_LINE.finditer(text) if " " in text or "\u3000" in text else ():
        # 自治区人民代表大会常务委员会主任 洛桑江村: the speaker's line under a report's title
        if _title_at_end().search(line.group("post")):
            found.append(Candidate(line.start("name"), line.end("name"), "Person", line.group("name"), national=True, priority=2))
    return found


@cache
def _village_named() -> re.Pattern[str]:
    before = alternation(t for t, where in table("person_titles").items() if where in ("before", "both"))
    return re.compile(f"(?:{before})(?P<name>[{HAN}]{{2,3}}村)(?={_AFTER_NAME})")


@cache
def _title_at_end() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(table('person_titles'))})$")


# A line that is a post, spaces and a name alone (a work report's speaker under its title): the
# name, whatever its last character (洛桑江村 is no village there).
_SPEAKER_LINE = re.compile(f"^(?P<post>[{HAN}、]{{2,30}})[ \u3000]+(?P<name>[{HAN}·]{{2,6}})[ \u3000]*$", re.MULTILINE)


# --------------------------------------------------------------------------- places


_DELEGATION_WORDS = ("团",)  # (what every match of the "delegation" scan holds)
_COUNTY_WORDS = ("县", "区")  # (what every match of the counties' scan holds)


@cache
def _landmark_words() -> tuple[str, ...]:
    """The words a landmark's name ends with (国家公园, 湿地…)."""
    return tuple(r[0] for r in rows("region_suffixes") if r[1] == "any")


@cache
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    region_names: dict[str, str] = {}
    for row in (*rows("regions"), *rows("countries")):
        region_names[row[0]] = row[0]
        for alt in (row[1].split("|") if len(row) > 1 and row[1] else ()):
            region_names[alt] = row[0]
    place = _place_names()
    suffixes = alternation(r[0] for r in rows("region_suffixes") if r[1] == "place")
    landmark = alternation(_landmark_words())
    named = re.compile(
        first_of([*region_names, *places()])
        + f"(?:(?P<region>{alternation(region_names)})|(?P<place>{place})(?:(?P<suffix>{suffixes})|(?P<district>[{HAN}]{{1,3}}?(?:区|县))(?=人大|人民|政府|法院|检察院|委|[^{HAN}]))?)"
    )
    counties = re.compile(f"(?:(?<=[，。；、,;：:\\s（(和与及])|^)(?P<name>[{HAN}]{{2,3}}?(?:县|区))(?=[，。；、,;：:\\s”）)和与及的]|人大|人民|政府|委|$)", re.MULTILINE)
    landmarks = re.compile(f"(?:(?<=[，。；、,;：:\\s“])|^)(?P<name>[{HAN}]{{2,9}}?(?:{landmark}))", re.MULTILINE)
    return named, landmarks, counties, region_names


# Country names that are also parts of the genre's words, with the context that makes them so
_IN_A_WORD = {
    "法国": re.compile("[宪立执司守依违]法国"),
    "日本": re.compile("[今昨当每]日本"),
    "朝鲜": re.compile("朝鲜族"),
    "俄罗斯": re.compile("俄罗斯族"),
}
_NEVER = re.compile("(?!)")


def _listed_counties(text: str) -> list[Candidate]:
    """County-level divisions of the lexicon by full name (璧山区, 石柱土家族自治县): found from
    each 区/县/旗/市 backwards, a dictionary look-up rather than an alternation of 2,700 names."""
    found = []
    at = _COUNTY_END.search(text)
    while at is not None:
        end = at.end()
        for length in range(min(end, 9), 2, -1):
            name = text[end - length : end]
            if name in counties():
                found.append(Candidate(end - length, end, "Place", name, national=True, priority=1))
                break
        at = _COUNTY_END.search(text, end)
    return found


_TOWN_LEADS = "前往|赴|到|在|深入|走进|来到|家住|住在|位于"  # the words of going or living before a town
_TOWNS = lazy(
    f"(?:(?<=[，。；、,;：:\\s（(])|^|{_TOWN_LEADS})(?P<name>[{HAN}]{{2,4}}?(?:街道|镇))(?!办|长|党|政府|人大|级)",
    re.MULTILINE,
)
_TOWN_LEAD = re.compile(_TOWN_LEADS)
_GENERIC_TOWNS = word_list("bodies.generic_towns")
_POINTERS = tuple(word_list("bodies.pointers"))  # 这个街道: one named before
_COUNTY_END = re.compile("[区县旗市](?!长|委|政府)")


# A meeting's venue after 在, before the meeting's verb: 在县人大常委会机关四楼会议室召开, 在洪山礼堂举行
_VENUE_HEADS = word_list("bodies.venue_heads")  # 会议室, 礼堂, 大厦…
_VENUE = lazy(
    f"在(?P<venue>[{HAN}\\d]{{2,18}}?(?:{'|'.join(_VENUE_HEADS)}))"
    "(?=[^，,。；]{0,12}?(?:召开|举行|开幕|闭幕|举办)|[，,。])"
)
_ADVERBS = tuple(sorted(word_list("bodies.clause_adverbs"), key=len, reverse=True))  # 尽快, 紧紧, 充分…
_NOT_PLACE_STARTS = tuple(word_list("bodies.not_place_starts"))  # 被, 是, 全体: a passive, a copula, a scope


def _clause_words(name: str) -> bool:
    """Whether a place's name found by its level word opens with the clause's own words: an adverb
    before a verb (尽快推进|街道, 紧紧围绕|街道, 充分认识|街道), the passive's 被, a copula or a scope
    (被义安区…, 是全体县…, 全体区人大代表)."""
    if name.startswith(_NOT_PLACE_STARTS):
        return True
    rest = name
    while (adverb := next((w for w in _ADVERBS if rest.startswith(w)), None)) is not None:
        rest = rest[len(adverb):]
    return rest != name and (len(rest) <= 2 or bool(leading_verb(rest)))


def find_places(text: str) -> list[Candidate]:
    named, landmarks, unlisted, region_names = _place_patterns()
    found = _listed_counties(text)
    for match in _TOWNS.finditer(text) if "镇" in text or "街道" in text else ():  # 前往城南街道…, 虹桥街道、东溪镇: townships by name
        name = match.group("name")
        lead = _TOWN_LEAD.match(name)
        begin = match.start("name") + (lead.end() if lead else 0)
        name = name[lead.end():] if lead else name
        if len(name) >= 3 and not name.endswith(_GENERIC_TOWNS) and not leading_verb(name) and name[0] not in FUNCTION_CHARS \
                and not name.startswith(_POINTERS) and not _clause_words(name):  # 这个街道: one named before
            found.append(Candidate(begin, match.end("name"), "Place", name, national=True))
    # (a county's match holds 县 or 区 and no line break: only the lines that hold one are scanned)
    for match in finditer_lines(unlisted, text, _COUNTY_WORDS):  # 象山县、北仑区: districts and counties by name
        name, begin = match.group("name"), match.start()
        if name[0] in "赴到往" and len(name) >= 4:  # 赴三江县: the verb of going is no part
            name, begin = name[1:], begin + 1
        if name in words("generic_places") or name[-2:] in words("generic_places") or leading_verb(name) or name[0] in _PREPOSITIONS \
                or _clause_words(name) \
                or _PARTY_COMMITTEE_FIRST.match(name) or name.startswith(_NOT_UNIT_STARTS) or name.endswith(("地区", "设区")):
            continue  # 县委县政府: no county 县委县; 不少地区, 下一步区(政府), 授予设区(的市): no places
        found.append(Candidate(begin, match.end(), "Place", name, national=True))
    for match in _VENUE.finditer(text) if "在" in text else ():  # 在机关三楼会议室召开: where a meeting is held
        name = match.group("venue")
        if any(known_place(name[:n]) for n in range(2, min(6, len(name) - 1))):
            continue  # 北京人民大会堂, 武昌洪山礼堂: a place, then a landmark of its own name
        if not leading_verb(name) and name[0] not in FUNCTION_CHARS and not name.startswith(_POINTERS):
            found.append(Candidate(match.start("venue"), match.end("venue"), "Place", name, national=True, priority=1))
    # (a landmark's match holds its word and no line break: only the lines that hold one are scanned)
    for match in finditer_lines(landmarks, text, _landmark_words()):  # 建设武夷山国家公园: the verb is not the name
        name = match.group("name")
        name = name[1:] if name[0] in _PREPOSITIONS else name
        lead = leading_verb(name)
        if len(name) - len(lead) > 4:
            name = name[len(lead):]
            found.append(Candidate(match.end() - len(name), match.end(), "Place", name, national=True, priority=2))
    for match in named.finditer(text):
        if match.group("region"):
            if _IN_A_WORD.get(match.group("region"), _NEVER).search(text, max(0, match.start() - 1), match.end() + 1):
                continue  # 宪法国家, 今日本市, 朝鲜族: a country's name inside other words
            name = region_names[match.group("region")]
        else:
            place = places()[match.group("place")]
            if match.group("place") != place.name and _runs_into_place(text, match.start(), match.end("place")):
                continue  # 新余杭: 余杭区 is named, not 新余
            if match.group("place") != place.name and _ROAD.match(text, match.end("place")):
                continue  # 船山西路, 江西中路: a short name inside a road's name
            if match.group("suffix"):
                name = (place.short or place.name) + match.group("suffix")
            elif match.group("district"):
                # 清远市清城区: the city and its district, each a place (the shortest units)
                found.append(Candidate(match.start(), match.end("place"), "Place", match.group("place"), canonical=place.name, national=True, priority=1))
                found.append(Candidate(match.start("district"), match.end(), "Place", match.group("district"), national=True, priority=1))
                continue
            else:
                name = place.name
        found.append(Candidate(match.start(), match.end(), "Place", match.group(0), canonical=name, national=True, priority=1))
    return found


def find_own_places(text: str, ctx: Jurisdiction) -> list[Candidate]:
    """The report's own place where the lexicons do not list it (黔岭布依族苗族自治州 and its
    short name 黔岭州; a township's county, 云屏县): the title and bodies name it."""
    place = ctx.named_place
    if place is None:
        return []
    names = {place.name: place.name}
    if place.short:
        names[place.short] = place.name
    if place.county:
        names[place.county] = place.county
    names = {written: full for written, full in names.items() if full not in places() and full not in counties()}
    if not names:
        return []
    pattern = re.compile(alternation(names))
    return [
        Candidate(m.start(), m.end(), "Place", m.group(0), canonical=names[m.group(0)], national=True, priority=1)
        for m in pattern.finditer(text)
    ]


_ROAD = re.compile("[东西南北中]?(?:路|大道|大街|街(?!道))")


def _runs_into_place(text: str, begin: int, end: int) -> bool:
    """Whether a longer place name starts inside ``text[begin:end]`` and runs past its end
    (the short name 新余 in 品质新余杭, where 余杭区 is meant)."""
    for at in range(begin + 1, end):
        if any(text.startswith(name, at) and at + len(name) > end for name in _place_starts().get(text[at], ())):
            return True
        if any(text.startswith(name[:-1], at) and at + len(name) - 1 > end for name in _place_starts().get(text[at], ()) if name.endswith(("区", "县")) and len(name) >= 3):
            return True  # the district's name without 区/县 (余杭)
    return False


@cache
def _place_starts() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for name, place in (*places().items(), *counties().items()):
        if name == place.name:
            found.setdefault(name[0], []).append(name)
    return {ch: tuple(names) for ch, names in found.items()}


def parse_body_prefix(name: str, ctx: Jurisdiction) -> tuple[int, str] | None:
    """(length, full name) of the body ``name`` begins with: 市人大常委会议事规则 -> (6, 武汉市…委员会)."""
    pats = _patterns()
    best: tuple[int, str] | None = None
    for kind in ("national", "placed", "unknown", "bare"):
        match = pats[kind].match(name)
        if not match:
            continue
        groups = match.groupdict()
        if kind == "unknown":
            place_name = groups["place"]
            if not _plausible_unknown_place(place_name, ctx):
                continue
            canonical = canonical_body(ctx, place=place_name, body=groups["body"], organ=groups["organ"])
        elif kind == "national":
            canonical = canonical_body(ctx, national=groups["national"], organ=groups["organ"])
        elif kind == "placed":
            place = _place_full(groups["place"]) if groups["place"] else None
            if place and groups["district"]:
                place += groups["district"]
            canonical = canonical_body(ctx, place=place, level=groups["level"], body=groups["body"], organ=groups["organ"])
        elif groups["alone"] or groups["alone_named"]:
            canonical = canonical_body(ctx, organ=groups["alone"] or groups["alone_named"])
        else:
            canonical = canonical_body(ctx, body=groups["body"], organ=groups["organ"])
        if canonical and _names_deputies(name, match):
            continue
        if canonical and (best is None or match.end() > best[0]):
            best = (match.end(), canonical)
    return best
