"""Persons, places and bodies the genre rules do not know: the model proposes, grammars decide.

The statistical tagger (``tagger.py``) proposes spans labelled PER, LOC and ORG. Name grammars
check, cut, extend and type them:

- a person is a plausible personal name: a surname, one to three more characters, no word of
  ``not_names``;
- a place is a chain of administrative units (红河哈尼族彝族自治州, 石门镇, 大坪村, 城东街道,
  蒙自经济技术开发区), each unit its own place, or a name the place lexicons know;
- a body ends in an institution's head word (…院, …局, …委, …公司, …专班, …室); a verb that
  runs into it (审议 in 审议州人民政府) is cut off; two bodies joined by 会同, 联合, 和 are split;
  an office written right after it (法工委 + 立法规划室) extends it; the places it begins with
  are places of their own.

The genre rules keep authority: a proposal that overlaps a rule's candidate is dropped, unless
it contains that candidate whole and the candidate may nest in it (a place in a body's name).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..lexicon import longest_first, word_list, words
from .bodies import FUNCTION_CHARS, NOT_NAME_STARTS, PRONOUN_TAILS
from .candidates import Candidate, may_nest
from .context import known_place, opening_place
from .patterns import HAN, PUBLICATION_AFTER, finditer_lines, lazy, leading_verb
from .relation_cues import post_words
from .tagger import name_spans

__all__ = ["find_names", "admin_units"]

_UNIT_SUFFIXES = word_list("ner.unit_suffixes")
_UNIT = re.compile(f"[{HAN}]{{1,12}}?(?:{'|'.join(_UNIT_SUFFIXES)})")
# Words that end in a unit's suffix but name no place of their own.
_NOT_UNITS = frozenset(word_list("ner.not_units"))

# The last characters of a body's name: 法院, 人民政府, 常委会, 公司, 工作专班, 立法规划室.
_BODY_HEADS = tuple(sorted({
    "委员会", "常委会", "人大", "政府", "法院", "检察院", "学院", "大学", "学校", "研究院", "研究所", "研究中心",
    "中心", "公司", "集团", "银行", "协会", "学会", "联合会", "商会", "办公厅", "办公室", "专班", "党组", "支部",
    "委", "局", "厅", "部", "署", "院", "所", "室", "处", "科", "庭", "站", "队", "组", "社", "馆", "总局", "监狱",
    "办", "党校", "系", "总支", "农场", "合作社", "宣讲团", "厂", "中学", "小学", "医院", "幼儿园",
    "委会", "总工会", "促进会", "基金会", "研究会", "理事会", "董事会",  # 管委会, 村委会, 居委会
}, key=len, reverse=True))
# Bodies the model may tag as places (梦野觅境花园农场): a place's span ending so is a body.
_BODY_AS_PLACE_HEADS = word_list("ner.body_as_place_heads")
# Heads that end other words too: 港澳办 is an office, 系 a university's department only.
_HEADS_IN_CONTEXT = {"系": ("大学", "学院")}
_JOINERS = re.compile("会同|联合|协同|以及|和|与|及|、|同")
_OFFICE_AFTER = re.compile(f"[{HAN}]{{2,6}}?(?:办公室|室|处|科|庭|专班)(?![{HAN}]*[长任员])")
_GENERIC_BODIES = frozenset(word_list("ner.generic_bodies"))


_DOTTED_NAME = re.compile(f"[{HAN}]{{1,6}}[·•・][{HAN}]{{1,6}}")


def _listed_persons(text: str, spans: list[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """Names in a list of persons (雪克来提·扎克尔、洛桑江村、铁凝): a span the model tags, or a
    place it tags, between a plausible person and 、 is a person too, whatever its surname."""
    persons = {(b, e) for b, e, label in spans if label == "PER" and (_plausible_person(text[b:e]) or _after_post(text, b, e))}
    names = {(b, e) for b, e, label in spans if label in ("PER", "LOC") and re.fullmatch(f"[{HAN}·]{{2,8}}", text[b:e])}
    starts, ends = {b for b, _ in persons}, {e for _, e in persons}  # a list runs both ways: look up, not scan
    changed = True
    while changed:
        changed = False
        for b, e in sorted(names - persons):
            if (e + 1 in starts and text[e] == "、") or (b - 1 in ends and text[b - 1] == "、"):
                persons.add((b, e))
                starts.add(b)
                ends.add(e)
                changed = True
    return persons


def _after_post(text: str, begin: int, end: int) -> bool:
    """A name the model tags right after a post (村委会主任林和星): a surname and a given name,
    whatever characters the given name holds (和 is no conjunction there)."""
    name = text[begin:end]
    return 2 <= len(name) <= 3 and re.fullmatch(f"[{HAN}]+", name) is not None and name.startswith(longest_first("surnames")) \
        and text.endswith(post_words(), 0, begin) and name not in words("not_names")


def _plausible_person(name: str) -> bool:
    """A personal name: a surname and one or two characters more; a name of three or four
    characters without a listed surname (巴音朝鲁, 雒树刚) where the model says it is one."""
    if _DOTTED_NAME.fullmatch(name):  # 雪克来提·扎克尔: a name of two parts
        return True
    if not 2 <= len(name) <= 4 or not re.fullmatch(f"[{HAN}]+", name):
        return False
    if name in words("not_names") or any(ch in words("not_name_chars") for ch in name[1:]):
        return False
    if name[1:] in PRONOUN_TAILS:  # 向大家, 和我们: a word and a pronoun, no surname and name
        return False
    if name.startswith(NOT_NAME_STARTS):  # 代表陆续来到: a word that opens with a surname's character
        return False
    surname = next((s for s in longest_first("surnames") if name.startswith(s)), None)
    return len(name) >= 3 or (surname is not None and len(name) > len(surname))


def admin_units(name: str) -> list[tuple[int, int]] | None:
    """The administrative units a place name is a chain of (浙江省|杭州市|西湖区), or None."""
    units, at = [], 0
    while at < len(name):
        # the shortest unit here that names one (黄旗滩村: not 黄旗 and then 滩村)
        end = next((e for e in range(at + 2, len(name) + 1) if _UNIT.fullmatch(name, at, e) and _names_a_unit(name[at:e])), None)
        if end is None:
            return None
        units.append((at, end))
        at = end
    return units or None


_LEVEL_CHARS = frozenset(word_list("ner.level_chars"))
_NOT_STEMS = frozenset(word_list("ner.not_stems"))


# Words a unit cannot begin with: quantities, a plan's lead, who acts (不少地区, 下一步区, 村民进出村).
_NOT_UNIT_STARTS = word_list("places.not_unit_starts")


# Words a unit cannot end in: 住房城乡 is no township, 老城区 no district.
_NOT_UNIT_ENDINGS = word_list("ner.not_unit_endings")


def _names_a_unit(unit: str) -> bool:
    """A unit is a place of its own: not a word (城市, 社区) nor levels alone (市县, 全省)."""
    if unit in _NOT_UNITS or unit.endswith(_NOT_UNIT_ENDINGS) or set(unit) & FUNCTION_CHARS or unit.startswith(_NOT_UNIT_STARTS):
        return False  # (不少地区, 下一步区政府, 村民进出村庄: words before a level word, no place)
    stem = next(unit[: -len(s)] for s in _UNIT_SUFFIXES if unit.endswith(s))
    if unit.startswith(("中共", "中国共产党")):
        return False  # 中共肥城县(委): the party's committee of a place, not the place
    if len(stem) < 2 and unit.endswith(("旗", "村")):
        return False  # 黄旗|滩村 is 黄旗滩村: a banner or a village has a name of two characters or more
    if stem[1:2] == "委" and stem[:1] in _LEVEL_CHARS:
        return False  # 县委县(政府): a level's party committee, then its next body
    if len(stem) > 5 and "自治" not in unit and not known_place(unit):
        return False  # 史亚仙连续七届担任|市: a clause that runs into a level word, no place (names are short)
    return bool(stem) and stem not in _NOT_STEMS and not set(stem) <= _LEVEL_CHARS


def _body_head(name: str) -> str | None:
    return next((head for head in _BODY_HEADS if name.endswith(head)), None)


# Heads that every jurisdiction has: a body so named is one only with its place before it
# (杭州市人大, not 新时代人大 or 市县人大).
_PLACED_HEADS = word_list("ner.placed_heads")


def _plausible_body(body: str) -> bool:
    head = _body_head(body)
    if len(body) < 4 or body in _GENERIC_BODIES or head is None or not re.fullmatch(f"[{HAN}]+", body):
        return False
    if "各" in body:
        return False  # 全国人大各专门委员会: the bodies of a kind, no one body
    if "关于" in body:
        return False  # 教科文卫工委关于科…: a body's name runs into the title of what it wrote
    if re.search("(?:社区|村|组)(?:人大|人民代表大会)$", body):
        return False  # 南垅社区人大(代表工作点): no congress below the township, only its deputies
    if head in _HEADS_IN_CONTEXT and not any(word in body for word in _HEADS_IN_CONTEXT[head]):
        return False
    placed = next((h for h in _PLACED_HEADS if body.endswith(h)), None)
    if placed is None:
        return True
    stem = body[: -len(placed)]
    if placed == "党委" and len(stem) >= 4 and _body_head(stem):  # 国家行政学院党委: a body's own committee
        return True
    lead = re.match(f"(?:[{HAN}]{{1,12}}?(?:{'|'.join(_UNIT_SUFFIXES)}))+", stem)
    return bool(lead and admin_units(lead.group(0))) or known_place(stem) or stem.startswith(("中华人民共和国", "全国", "最高")) \
        or stem.endswith("军区")  # 省军区党委: a military district's committee


def _cutleading_verb(text: str, begin: int, end: int) -> int:
    """Where a body's name really begins: after a verb that runs into it (审|议州人民政府)."""
    for back in (1, 2):
        if begin - back < 0:
            continue
        verb = leading_verb(text[begin - back : end])
        if len(verb) > back:
            return begin - back + len(verb)
    verb = leading_verb(text[begin:end])
    return _after_preposition(text, begin + len(verb), end)


def _after_preposition(text: str, begin: int, end: int) -> int:
    """据|内蒙古自治区农牧业厅: a preposition the span opens with, before a place's body."""
    if text[begin : begin + 1] in _PREPOSITIONS and end - begin > 4 and opening_place(text[begin + 1 : end], 3):
        return begin + 1
    return begin


_PREPOSITIONS = frozenset(word_list("ner.prepositions"))
_PARTY_COMMITTEE_FIRST = re.compile("[省市县区州旗镇乡]委(?=[省市县区州旗镇乡])")


def _bodies(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """The bodies an ORG span names: verbs cut off, joined bodies split, an office added."""
    begin = _cutleading_verb(text, begin, end)
    parts, start = [], begin
    if _PARTY_COMMITTEE_FIRST.match(text, begin, end) and _body_head(text[begin + 2 : end]):
        parts.append((begin, begin + 2))  # 县委县政府, 市委市政府: the party committee, then the government
        start = begin + 2
    for joiner in _JOINERS.finditer(text, begin, end):
        left = text[start : joiner.start()]
        if _body_head(left) and _body_head(text[joiner.end() : end]):
            parts.append((start, joiner.start()))
            start = joiner.end()
    parts.append((start, end))
    last_begin, last_end = parts[-1]
    office = _OFFICE_AFTER.match(text, last_end)
    if office and _plausible_body(text[last_begin:last_end]) and not set(office.group(0)) & FUNCTION_CHARS:
        parts[-1] = (last_begin, office.end())
    return parts


@cache
def _affiliation() -> re.Pattern[str]:
    """<body><post><name>: 驻马店职业技术学院教师罗新芳, …示范基地党支部书记徐淙祥; the body runs
    from the last delimiter and ends in a body's head word."""
    heads = "|".join(_BODY_HEADS)
    surnames = "|".join(longest_first("surnames"))
    post = "|".join(post_words())
    return re.compile(
        f"(?:(?<=[、，,。；;：:\\s（(“])|(?<=任)|(?<=兼)|^)(?P<body>[{HAN}]{{4,30}}?(?:{heads}))(?:{post})(?:、(?:{post}))*"
        f"(?=(?:{surnames})[{HAN}]|[、，,；;。])",
        re.MULTILINE,
    )


# The last words of a named place that is no administrative unit: a building, a site, a
# mountain, a river, a road (人民大会堂, 仙佛寺石窟, 丹江口水库, 武陵山脉, 龙园线).
_LANDMARK_HEADS = word_list("ner.landmark_heads")


# A county, a county-level city or a district the model tags by its name alone (武昌, 汨罗, 嵊州,
# 丹江口): the lexicons know it with its level.
_COUNTY_LEVELS = tuple(word_list("ner.county_levels"))


def _county_by_short_name(name: str) -> bool:
    return 2 <= len(name) <= 4 and not set(name) & FUNCTION_CHARS and any(known_place(name + level) for level in _COUNTY_LEVELS)


def _landmark(name: str) -> bool:
    return len(name) >= 3 and name.endswith(_LANDMARK_HEADS) and not set(name) & FUNCTION_CHARS


def _places(begin: int, name: str) -> list[Candidate]:
    """A place name as its chain of units, each a place (浙江省杭州市 -> 浙江省, 杭州市); a known
    place or a chain followed by a landmark (北京人民大会堂 -> 北京, 人民大会堂); a landmark."""
    if name in words("generic_places"):
        return []  # 民族自治县: a kind of place, none of them
    if not known_place(name) and (name[0] in FUNCTION_CHARS or leading_verb(name)):
        return []  # 是全体县…, 充分认识街道…: words that run into a level's name, no place
    units = admin_units(name)
    if units:
        return [Candidate(begin + b, begin + e, "Place", name[b:e], national=True, priority=-1) for b, e in units]
    if known_place(name) or _county_by_short_name(name):
        return [Candidate(begin, begin + len(name), "Place", name, national=True, priority=-1)]
    for cut in range(len(name) - 3, 1, -1):  # the longest known place or chain it begins with
        head, rest = name[:cut], name[cut:]
        if (known_place(head) or admin_units(head)) and _landmark(rest):
            return _places(begin, head) + _places(begin + cut, rest)
    if _landmark(name):
        return [Candidate(begin, begin + len(name), "Place", name, national=True, priority=-1)]
    return []


# A chain goes on below the county only (城东街道 + 幸福社区, 石门镇 + 大坪村), with short names.
_UNIT_BELOW = re.compile(f"[{HAN}]{{2,4}}?(?:街道|社区|镇|村|嘎查)")


def _units_after(text: str, at: int) -> list[Candidate]:
    """The units written right after a place (城东街道 + 幸福社区): the chain goes on."""
    found: list[Candidate] = []
    while (match := _UNIT_BELOW.match(text, at)) and _names_a_unit(match.group(0)) and not leading_verb(match.group(0)) \
            and not set(match.group(0)) & FUNCTION_CHARS:
        if match.group(0).endswith("村") and text.startswith("民", match.end()):
            # 后白村后东组|村民: 村 is the villagers' word; a villagers' group (村民小组) ends the chain
            if group := _VILLAGE_GROUP.fullmatch(match.group(0)[:-1]):
                found.append(Candidate(match.start(), match.end() - 1, "Place", group.group(0), national=True, priority=-1))
            break
        found.append(Candidate(match.start(), match.end(), "Place", match.group(0), national=True, priority=-1))
        at = match.end()
    return found


# Characters no body's name holds: a clause (姜异康当选为…党委), a post held beside (…副主任兼…局).
_NOT_IN_BODIES = frozenset(word_list("ner.not_in_bodies"))
# The heads of a village's, a community's or a township's own bodies: named by that unit alone
# (塔山村党支部, not 贵州省…大有镇塔山村党支部), the units before it being places.
_GRASSROOTS_HEADS = word_list("ner.grassroots_heads")
_GRASSROOTS_UNITS = word_list("ner.grassroots_units")


def _grassroots(text: str, begin: int, end: int) -> tuple[int, int]:
    """Where a body of a village, community or township begins: at its own unit's name."""
    body = text[begin:end]
    head = next((h for h in _GRASSROOTS_HEADS if body.endswith(h)), None)
    if head is None:
        return begin, end
    units = admin_units(body[: -len(head)])
    own = body[units[-1][0] : units[-1][1]] if units and len(units) >= 2 else ""
    suffix = next((u for u in _GRASSROOTS_UNITS if own.endswith(u)), None)
    if suffix is None or len(own) - len(suffix) < 2:  # 黄旗|滩村 is no chain: a unit's name has two characters
        return begin, end
    return begin + units[-1][0], end


# A name written after a space, before a space or the line's end (a byline: 洛阳市人大常委会 吴中阳 王川一).
_SPACED_NAME = re.compile(f"(?<=[ \u3000\t])[{HAN}]{{2,4}}(?=[ \u3000\t]|$)", re.MULTILINE)


def _whole_token(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """A person the model tags at the start of a name written between spaces is that name
    whole (王川|一 -> 王川一): the model reads sentences, and a byline is none."""
    begin, end, label = span
    if label == "PER" and (token := _SPACED_NAME.match(text, begin)) and end < token.end():
        return begin, token.end(), label
    return span


# A name the model cuts one short before 作了/作的 (胡章|胜作了审计工作报告, 杨晓|超作的关于…的报告).
_MAKES_REPORT = re.compile(f"[^\\W等也还又曾再都就先即则并所分亦]作(?:了|的|出|报告|说明|题为)")


def _before_report(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A two-character person followed by one character and 作了 (a report) is three long."""
    return [
        (b, e + 1, label) if label == "PER" and e - b == 2 and _MAKES_REPORT.match(text, e)
        and text[b:e].startswith(longest_first("surnames")) else (b, e, label)
        for b, e, label in spans
    ]


def _join_dotted(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name of two parts (艾力更·依明巴海) that the model cuts at the dot (艾力 | 巴海):
    the name whole from where the model's person begins, and no span inside it."""
    joined: list[tuple[int, int, str]] = []
    reach = -1
    for begin, end, label in spans:
        if end <= reach:
            continue
        whole = _DOTTED_NAME.match(text, begin) if label == "PER" else None
        if whole and whole.end() > end:
            joined.append((begin, whole.end(), "PER"))
            reach = whole.end()
        elif begin >= reach:
            joined.append((begin, end, label))
    return joined


# A village's or a community's own bodies, by their written heads, and the canonical name of each.
_VILLAGE_BODIES = {
    "党支部": "中共{unit}支部委员会", "党总支": "中共{unit}总支部委员会", "党委": "中共{unit}委员会",
    "村委会": "{unit}村民委员会", "村民委员会": "{unit}村民委员会", "居委会": "{unit}居民委员会", "居民委员会": "{unit}居民委员会",
}
_VILLAGE_COMMITTEES = [head for head in _VILLAGE_BODIES if not head.startswith("党")]  # 村委会, 居民委员会…
_VILLAGE_UNITS = word_list("ner.village_units")  # (村, 社区, 嘎查)
_VILLAGE_BODY = re.compile(
    f"(?P<chain>[{HAN}]{{2,24}}?(?:{'|'.join(_VILLAGE_UNITS)}))(?P<head>{'|'.join(sorted(_VILLAGE_BODIES, key=len, reverse=True))})"
    f"(?:(?:书记|副书记|主任|副主任|委员)(?:兼|、)(?P<also>{'|'.join(sorted(_VILLAGE_COMMITTEES, key=len, reverse=True))}))?"
)


def _village_name(unit: str) -> bool:
    """A village's or community's name: two to four characters before 村/社区/嘎查, no verb or
    function word among them (走访|社区 is none)."""
    stem = unit.removesuffix("社区").removesuffix("嘎查").removesuffix("村")
    return 2 <= len(stem) <= 4 and not set(unit) & FUNCTION_CHARS and not any(leading_verb(unit[i:]) for i in range(len(stem)))


def _village_bodies(text: str) -> list[list[Candidate]]:
    """溪头村党支部, 西安村党委, 塔山村村委会 (…党支部书记兼村委会主任: the village's committee too):
    bodies named by their village or community, the unit being the last of the chain before the
    head (龙岩市新罗区|西安村党委)."""
    found: list[list[Candidate]] = []
    # (a match holds its unit's word and no line break: only the lines that hold one are scanned)
    for match in finditer_lines(_VILLAGE_BODY, text, _VILLAGE_UNITS):
        chain = match.group("chain")
        units = (admin_units(chain[start:]) for start in range(len(chain) - 2))
        lengths = (u[-1][1] - u[-1][0] for u in units if u)
        unit = next((chain[-n:] for n in lengths if _village_name(chain[-n:])), None)
        if unit is None:
            continue
        start = match.end("chain") - len(unit)
        for head_group in ("head", "also"):
            head = match.group(head_group)
            if head is None:
                continue
            begin = start if head_group == "head" else match.start("also")
            canonical = _VILLAGE_BODIES[head].format(unit=unit)
            found.append([Candidate(begin, match.end(head_group), "Organization", text[begin : match.end(head_group)],
                                    canonical=canonical, national=True, priority=-1)])
    return found


# A run of names listed with 、 (舒平、张恒洲、…、翟惠根等): each item whole, 2 to 4 characters.
# (the lookahead holds for every match and changes none: the engine tests it faster than the run)
_NAME_LIST = re.compile(f"(?=[{HAN}·]{{2,8}}、)[{HAN}·]{{2,8}}(?:、[{HAN}·]{{2,8}}){{2,}}")


def _list_items(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans with the items of a list of persons read whole: where most items of a 、 list are
    persons the model tags exactly, every item of two to four characters is one (封金祥, not the
    model's 金祥; 曾宝成等, the model's miss), the model's spans inside it dropped."""
    persons = {(b, e) for b, e, label in spans if label == "PER"}
    items: list[tuple[int, int]] = []
    for run in _NAME_LIST.finditer(text):
        listed, at = [], run.start()
        for piece in run.group(0).split("、"):
            end = at + len(piece) - (1 if piece.endswith("等") and len(piece) > 2 else 0)
            listed.append((at, end))
            at += len(piece) + 1
        exact = sum(1 for item in listed if item in persons)
        if exact >= 3 and 2 * exact > len(listed):
            items += [(b, e) for b, e in listed if 2 <= e - b <= 4 and not set(text[b:e]) & _NOT_IN_LISTED_NAMES]
    if not items:
        return spans
    kept = [span for span in spans if not any(b < span[1] and span[0] < e for b, e in items)]
    return sorted(kept + [(b, e, "PER") for b, e in items])


_NOT_IN_LISTED_NAMES = frozenset(words("not_name_chars")) | set("等其")


# A two-character name set with a space between its characters at the end of a line giving a
# post (…县民族博物馆馆长  黄  林): newspapers space short names in bylines.
_SPACED_PAIR = re.compile(f"(?<=[ \u3000])([{HAN}])[ \u3000]{{1,4}}([{HAN}])(?=[ \u3000]*$)", re.MULTILINE)


def _spaced_names(text: str) -> list[list[Candidate]]:
    """黄  林 after a post or a deputy's title at a line's end: the person 黄林."""
    found: list[list[Candidate]] = []
    for match in _SPACED_PAIR.finditer(text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip(" \u3000")
        name = match.group(1) + match.group(2)
        if name.startswith(longest_first("surnames")) and line.endswith((*post_words(), "代表")):
            found.append([Candidate(match.start(), match.end(), "Person", name, canonical=name, national=True, priority=-1)])
    return found


# What opens a clause before its agent: 会议由…, 座谈会由…
_AGENT_FIRST = re.compile("(?:会议|大会|活动|座谈会|仪式|会)由")


def _proposals(text: str) -> list[list[Candidate]]:
    """The model's spans as the grammars read them, in groups that stand or fall together (a
    body and the places its name begins with)."""
    found: list[list[Candidate]] = []
    for match in _affiliation().finditer(text):
        begin, end = _grassroots(text, *match.span("body"))
        begin = _after_preposition(text, begin, end)
        if (agent := _AGENT_FIRST.match(text, begin, end)) and end - agent.end() >= 4:
            begin = agent.end()  # 会议由前进街道办事处主任…主持: the body after the passive's 由
        body = text[begin:end]
        if _plausible_body(body) and not leading_verb(body) and not set(body) & _NOT_IN_BODIES:
            found.append([Candidate(begin, end, "Organization", body, national=True, priority=-1)])
    found += _village_bodies(text) + _spaced_names(text)
    spans = _list_items(text, _before_report(text, _join_dotted(text, [_whole_token(text, span) for span in name_spans(text)])))
    persons = _listed_persons(text, spans)
    for begin, end, label in spans:
        if label == "PER" and end - begin > 4 and "·" not in text[begin:end]:  # 陈建国作市人民政府: the name, not the rest
            cut = next((begin + i for i in (2, 3) if _RUNS_INTO_VERB.match(text, begin + i)), None)
            if cut is not None and _plausible_person(text[begin:cut]):
                persons.discard((begin, end))
                end = cut
                persons.add((begin, end))
        if (begin, end) in persons and (tail := _VERB_TAIL.search(text, begin, end)) and tail.start() - begin >= 2:
            persons.discard((begin, end))  # …举行 强卫主持: a headline's name and what the person did
            end = tail.start()
            persons.add((begin, end))
        if (begin, end) in persons and text[end - 1] == "等" and end - begin >= 3 and _COUNTED_AFTER.match(text, end):
            persons.discard((begin, end))  # 哈力木拉提·赛坎等|6名同志: the list's 等, no part of the name
            end -= 1
            persons.add((begin, end))
        if (begin, end) in persons and _RUNS_INTO_VERB.match(text, end - 1) and end - begin >= 3:
            persons.discard((begin, end))  # 陈竺率|执法检查组, 李建国说|，: the name ends before the verb
            end -= 1
            persons.add((begin, end))
        name = text[begin:end]
        if (begin, end) in persons:
            found.append([Candidate(begin, end, "Person", name, national=True, priority=-1)])
        elif label == "PER":
            continue
        elif label == "LOC" and name.endswith(_BODY_AS_PLACE_HEADS) and not admin_units(name) and _plausible_body(name):
            found.append([Candidate(begin, end, "Organization", name, national=True, priority=-1)])
        elif label == "LOC":
            places = _places(begin, name)
            found += [[place] for place in places]
            if places:
                found += [[place] for place in _units_after(text, end)]
        else:
            for b, e in _bodies(text, begin, end):
                body = text[b:e]
                if not _plausible_body(body) or PUBLICATION_AFTER.match(text, e):
                    continue
                lead = re.match(f"(?:[{HAN}]{{1,12}}?(?:{'|'.join(_UNIT_SUFFIXES)}))+", body)
                places = _places(b, lead.group(0)) if lead and lead.end() < len(body) else []
                found.append([Candidate(b, e, "Organization", body, national=True, priority=-1), *places])
    return found


# A villagers' group (村民小组) after its village: 后白村|后东组
_VILLAGE_GROUP = lazy(f"[{HAN}]{{1,3}}组")


# A name's last character that is the verb after it: 率 before its group, 说 before what is said.
_RUNS_INTO_VERB = re.compile(f"率[{HAN}]{{0,8}}?(?:组|团|队)|说[，,：:“\"]|作(?:了|的|[^，。；]{{0,16}}?(?:报告|说明))")
_COUNTED_AFTER = re.compile("[\\d一二两三四五六七八九十百]+[名位人个]|人|同志")
# A verb of two characters a model's name runs into (强卫主持, 李明出席)
_VERB_TAIL = re.compile("(?:主持|出席|列席|讲话|致辞|发言|表示|指出|强调|介绍|调研|视察|会见)$")
# Characters that begin what follows a name, not the name (率队, 说, 在…): a model's name that runs
# into one of them runs past the name.
_VERB_AFTER_NAME = frozenset(word_list("ner.verb_after_name"))


def _allowed(candidate: Candidate, rule: Candidate) -> bool:
    """Whether a proposal may stand beside a rule's overlapping candidate: one holds the other
    whole, and the inner one's class may nest in the outer one's (a place in a body's name), or
    the proposal is a longer name of the rule's place (杭州经济技术开发区 over 杭州)."""
    if rule.begin <= candidate.begin and candidate.end <= rule.end and candidate.length < rule.length:
        return may_nest(candidate.cls, rule.cls)
    if candidate.begin <= rule.begin and rule.end <= candidate.end and rule.length < candidate.length:
        if rule.cls == "Person":  # the rules' names stop early (杨晓 of 杨晓超): the model's is whole,
            # unless what it adds is a verb after the name (陈竺|率执法检查组, 李明|说)
            # (a name written with a dot is whole as the rules cut it: 托乎提·亚克夫|主持会议)
            return candidate.cls == "Person" and candidate.name[rule.length : rule.length + 1] not in _VERB_AFTER_NAME \
                and "·" not in rule.name
        if rule.cls == "Organization" and rule.begin == candidate.begin:  # 中共济南市委 + 宣传部: an organ of it
            return candidate.cls == "Organization"
        if rule.cls == "Organization" and rule.end == candidate.end and candidate.cls == "Organization" \
                and (rule.canonical or "").startswith(("镇", "乡")):
            return True  # 苍梧县京南镇|镇人大: the township's body, whole, over the level word alone
        return rule.cls == "Place" and (candidate.cls == "Place" or may_nest(rule.cls, candidate.cls))
    return False


def find_names(text: str, rules: list[Candidate]) -> list[Candidate]:
    """The model's persons, places and bodies that no rule candidate contradicts."""
    ordered = sorted(rules, key=lambda c: c.begin)
    starts = [c.begin for c in ordered]
    longest = max((c.length for c in ordered), default=0)

    def fits(candidate: Candidate) -> bool:
        low = bisect_left(starts, candidate.begin - longest + 1)
        high = bisect_left(starts, candidate.end)
        return all(_allowed(candidate, rule) for rule in ordered[low:high] if rule.end > candidate.begin)

    spans = {(c.begin, c.end, c.cls) for c in ordered}
    kept: list[Candidate] = []
    for group in _proposals(text):
        if fits(group[0]):
            kept += [candidate for candidate in group if fits(candidate)]
        elif (group[0].begin, group[0].end, group[0].cls) in spans:
            # 柏城街道办事处, a body the rules found too: the places its name begins with still are
            kept += [candidate for candidate in group[1:] if fits(candidate)]
    return kept
