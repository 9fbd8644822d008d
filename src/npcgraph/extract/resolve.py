"""Candidates to entities: canonical names, alternative names and keys.

One entity per real-world thing. The key is ``ids.entity_key(cls, name)`` where ``name`` is the
canonical label for things that are the same in every report (bodies and titles that carry
their place, national laws, persons, places, concepts) and ``"{jurisdiction}|{label}"`` for
local things whose names do not say whose they are (审议意见办理办法, 代表“三进”活动), so the
same short name in reports of two places gives two nodes. Statistics are scoped to their
report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import rows, word_list
from ..ids import entity_key as _entity_key
from ..model import Entity
from .activities import PARTY_CONGRESS_SHORT, party_congress
from .bodies import parse_body_prefix
from .candidates import INSTRUMENT_CLASSES, Candidate
from .context import Jurisdiction, counties, opening_place, places
from .instruments import NATIONAL_PREFIXES
from .patterns import HAN, lazy, strip_quotes

__all__ = ["Resolved", "resolve", "canonical_label", "full_org_name"]

# A name's key costs its pinyin; the same names come back in every mention and every report.
entity_key = lru_cache(maxsize=1 << 16)(_entity_key)

_GLOBAL_CLASSES = frozenset({"Person", "Place", "Concept", "Publication", "Organization"})
# A township's bodies written by the level alone (bodies.canonical_body): 镇人民代表大会, 乡人民政府
_LEVEL_TOWNSHIP_BODIES = tuple(level + body for level in "镇乡" for body in ("人民代表大会", "人民政府", "人大", "选举委员会"))


@dataclass(frozen=True, slots=True)
class Resolved:
    """A kept candidate and the entity it names."""

    candidate: Candidate
    key: str
    cls: str
    label: str


def full_org_name(name: str, ctx: Jurisdiction | None = None) -> str:
    """A body's full name: 武汉市人大常委会 -> 武汉市人民代表大会常务委员会."""
    expanded = parse_body_prefix(name, ctx or Jurisdiction(""))
    if expanded and expanded[0] == len(name):
        return expanded[1]
    return name


# A meeting's numbering right after a body's short name: the name is a meeting's (省十四届人大|一次会议).
_SESSION_AFTER_BODY = re.compile("第?[一二三四五六七八九十\\d]+次(?:全体)?会议")


def _expand_leading_body(name: str, ctx: Jurisdiction) -> str:
    """市人大常委会议事规则 -> 武汉市人民代表大会常务委员会议事规则."""
    expanded = parse_body_prefix(name, ctx)
    if expanded and expanded[0] < len(name) and not _SESSION_AFTER_BODY.match(name, expanded[0]) \
            and not expanded[1].startswith(_LEVEL_TOWNSHIP_BODIES):  # (镇政府工作报告: no township named)
        return expanded[1] + name[expanded[0]:]
    return name


# 县政府办, 省政府法制办: the office of the body before it (办公室), written short
_OFFICE_SHORT = lazy(f"(?<=^)办$|(?<=^[{HAN}]{{2}})办$")


def _starts_with_place(label: str) -> bool:
    return any(label.startswith(name) for name in (label[:n] for n in range(2, min(len(label), 9))) if name in places())


@lru_cache(maxsize=1 << 16)
def without_province(name: str) -> str:
    """A name that writes a city's or county's province before it is the city's own name:
    浙江省杭州市人大常委会 -> 杭州市人大常委会, 天津市津南区… -> 津南区… (one body, however the text
    prefixes it). Remembered: the lexicons it reads never change, and names repeat."""
    for length in range(2, min(len(name), 9)):
        province = places().get(name[:length])
        if province is None or province.kind not in ("province", "region", "municipality") or province.name != name[:length]:
            continue
        rest = name[length:]
        for end in range(min(len(rest), 9), 1, -1):
            below = places().get(rest[:end]) or counties().get(rest[:end])
            if below is not None and below.name == rest[:end] and below.province == province.name:
                return rest
        return name
    return name


@lru_cache(maxsize=1)
def _shared_county_names() -> frozenset[str]:
    """County names several cities have (宝山区, 朝阳区, 鼓楼区): no city is guessed for them."""
    seen = Counter(row[0] for row in rows("counties"))
    return frozenset(name for name, count in seen.items() if count > 1)


def _with_or_without_city(label: str, ctx: Jurisdiction | None = None, city_written: bool = False) -> set[str]:
    """A district's or county's body is also named with its city before it, or without it
    (武昌区人民代表大会常务委员会 / 武汉市武昌区人民代表大会常务委员会): the other form, as an
    alternative name, where the lexicon places the county in a city, or the report's place is
    that county of a known city (a name two cities have, 通州区, only where the text writes the
    city before it: ``city_written``)."""
    place = ctx.place if ctx is not None else None
    if place is not None and place.kind == "township" and place.county and label.startswith(place.name):
        # 章水镇人民代表大会 of 海曙区 in 宁波市: with its county, and its city before that
        return {place.county + label, *((place.city + place.county + label,) if place.city and place.city != place.county else ())}
    if place is not None and place.kind == "county" and place.city and place.city != place.name and label.startswith(place.name) \
            and (place.name not in _shared_county_names() or city_written):
        return {place.city + label}
    for length in range(2, min(len(label), 9)):
        head = label[:length]
        county = counties().get(head)
        if county is not None and county.name == head and county.city and head not in _shared_county_names():
            return {county.city + label}
        city = places().get(head)
        if city is not None and city.name == head and city.kind in ("city", "prefecture"):
            rest = label[length:]
            for end in range(min(len(rest), 9), 1, -1):
                below = counties().get(rest[:end])
                if below is not None and below.name == rest[:end] and below.city == city.name:
                    return {rest}
            return set()
    return set()


_TOWNSHIP_BODIES = {"人大": "人民代表大会", "人民代表大会": "人民代表大会", "人大主席团": "人民代表大会主席团",
                    "人民代表大会主席团": "人民代表大会主席团", "政府": "人民政府", "人民政府": "人民政府"}
# a township's body written after its city and county (梧州市苍梧县京南镇人大): named by the township alone
_TOWNSHIP_BODY = lazy(
    f"(?:[{HAN}]{{2,8}}?(?:省|市|县|区|旗|州))+(?P<unit>[{HAN}]{{2,5}}?(?:镇|乡))"
    f"(?P<body>{'|'.join(sorted(_TOWNSHIP_BODIES, key=len, reverse=True))})"
)


def canonical_label(candidate: Candidate, ctx: Jurisdiction) -> str:
    if candidate.canonical:
        return without_province(candidate.canonical)
    name = without_province(strip_quotes(candidate.name))
    if candidate.cls in ("Person", "Place", "Concept", "Publication", "Statistic"):
        return name
    if candidate.cls == "Event":  # 区第十七届人民代表大会第四次会议: the level word is the place
        level = next((lv for lv in ("自治区", "省", "市", "区", "县") if name.startswith(lv + "第") or name.startswith(lv + "委")), None)
        place = ctx.place_at_level(level) if level else None
        named = place + name[len(level):] if place and level else name
        short = PARTY_CONGRESS_SHORT.match(named)  # 省第十二次党代会 -> 中国共产党湖北省第十二次代表大会
        return party_congress(short["place"], short["number"]) if short and (place or short["place"] in places()) else named
    if candidate.cls == "Organization" and (township := _TOWNSHIP_BODY.fullmatch(name)):
        # 梧州市苍梧县京南镇人大 -> 京南镇人民代表大会: a township's body, by the township alone
        return township.group("unit") + _TOWNSHIP_BODIES[township.group("body")]
    if candidate.cls == "Organization":  # 杭州市人大 -> 杭州市人民代表大会, as the rules' bodies
        expanded = parse_body_prefix(name, ctx)
        return expanded[1] + _OFFICE_SHORT.sub("办公室", name[expanded[0] :]) if expanded else name
    return _expand_leading_body(name, ctx)


def _is_global(candidate: Candidate, label: str) -> bool:
    if candidate.national or candidate.cls in _GLOBAL_CLASSES:
        return True
    if candidate.cls in INSTRUMENT_CLASSES:
        return label.startswith(NATIONAL_PREFIXES) or _starts_with_place(label)
    return False


def _key(candidate: Candidate, label: str, ctx: Jurisdiction) -> str:
    if candidate.cls == "Statistic":
        return entity_key("Statistic", f"{label}|{candidate.written[0]}|{ctx.report_key}")
    if _is_global(candidate, label):
        return entity_key(candidate.cls, label)
    return entity_key(candidate.cls, f"{ctx.scope}|{label}")


# 十四届全国人大四次会议, 第十四届全国人民代表大会第四次会议: a session of a congress (not of its
# standing committee), whose presidium 大会主席团 is
_CONGRESS_SESSION = re.compile(
    "^(?P<body0>[^第届]*?)第?(?P<term>[一二三四五六七八九十百]+)届(?P<body>[^届]*?)(?:人大|人民代表大会)第?(?P<number>[一二三四五六七八九十]+)次(?:全体)?会议$"
)
_PRESIDIUM = frozenset(word_list("resolve.presidium"))


def resolve(candidates: list[Candidate], ctx: Jurisdiction) -> list[Resolved]:
    """The entity of each candidate, in text order; candidates naming nothing are dropped."""
    resolved: list[Resolved] = []
    by_label: dict[str, Resolved] = {}
    session: str | None = None  # the congress session named last: its presidium is 大会主席团
    session_written: tuple[int, str] = (-1, "")  # where that session's name ends, and the name as written
    labels: dict[tuple[str | None, str, str], str] = {}  # a report names the same things again and again
    for candidate in sorted(candidates, key=lambda c: (c.begin, -c.length)):
        if candidate.refers_back:  # 《条例》: the instrument of that form named last
            earlier = next((r for r in reversed(resolved) if r.cls in INSTRUMENT_CLASSES and r.label.endswith(candidate.name)), None)
            if earlier:
                resolved.append(Resolved(candidate, earlier.key, earlier.cls, earlier.label))
            continue
        read = (candidate.canonical, candidate.name, candidate.cls)  # (all canonical_label reads of it)
        label = labels.get(read)
        if label is None:
            label = labels[read] = canonical_label(candidate, ctx)
        if not label:
            continue
        if candidate.cls == "Event" and (match := _CONGRESS_SESSION.match(label)):
            place = match["body0"] + match["body"]  # a township's presidium is its congress's standing organ
            session = None if not place or place.endswith(("镇", "乡")) else (
                f"{match['body0']}第{match['term']}届{match['body']}人民代表大会第{match['number']}次会议"
            )
            session_written = (candidate.end, candidate.name)
        elif candidate.cls == "Organization" and strip_quotes(candidate.name) in _PRESIDIUM and session:
            label = session + "主席团"  # 第十四届全国人民代表大会第四次会议主席团: each session elects its own
            if session_written[0] == candidate.begin:  # 十四届全国人大一次会议主席团: that name too
                candidate = replace(candidate, written=(*candidate.written, session_written[1] + candidate.name))
        result = Resolved(candidate, _key(candidate, label, ctx), candidate.cls, label)
        resolved.append(result)
        by_label.setdefault(label, result)
    # 镇人民代表大会, 乡人民政府 written by the level alone in a report of a county: the one township
    # the report names (石门县新关镇…镇第十九届人民代表大会 → 新关镇人民代表大会)
    # (several townships, or none: no one of them, and the body is left out as before)
    townships = {r.label for r in resolved if r.cls == "Place" and r.label.endswith(("镇", "乡")) and len(r.label) >= 3}
    township = next(iter(townships)) if len(townships) == 1 else None
    placed: list[Resolved] = []
    for result in resolved:
        if result.cls == "Organization" and result.label.startswith(_LEVEL_TOWNSHIP_BODIES):
            if township is None or result.label[0] != township[-1]:
                continue
            label = township + result.label[1:]
            candidate = replace(result.candidate, written=(*result.candidate.written, result.label))
            result = Resolved(candidate, _key(candidate, label, ctx), result.cls, label)
        placed.append(result)
    resolved = placed
    # A local instrument written without its place is the placed one of this report:
    # 供水条例 after 《武汉市供水条例》.
    # 乡镇人大工作条例 after 《安徽省乡镇人民代表大会工作条例》: its province's, 人大 short for 人民代表大会.
    if ctx.place is not None:
        province = places().get(ctx.place.province or "")
        prefixes = [p for p in (ctx.place.name, ctx.place.short, *((province.name, province.short) if province else ())) if p]
        by_short = {_short_congress(label): result for label, result in by_label.items() if result.cls in INSTRUMENT_CLASSES}
        for n, result in enumerate(resolved):
            if result.cls not in INSTRUMENT_CLASSES:
                continue
            for prefix in dict.fromkeys(prefixes):
                placed = by_label.get(prefix + result.label) or by_short.get(_short_congress(prefix + result.label))
                if placed and placed.key != result.key:
                    resolved[n] = Resolved(result.candidate, placed.key, placed.cls, placed.label)
                    break
    return resolved


# The short forms every reader writes for a body's standard words (湖南省人大常委会 for 湖南省人民代表
# 大会常务委员会, 长沙市政府, 中共湖南省委): other names of the body, whether or not the text uses them.
_SHORT_FORMS = (("人民代表大会常务委员会", "人大常委会"), ("人民代表大会", "人大"), ("人民政府", "政府"))
_PARTY = "中国共产党"


def _short_forms(label: str, cls: str) -> set[str]:
    """The party's short name for its bodies and meetings (中共鄂州市委员会), and for a body the
    short forms of its standard words."""
    found = {"中共" + label[len(_PARTY) :]} if label.startswith(_PARTY) and len(label) > len(_PARTY) else set()
    if cls != "Organization":
        return found
    for long, short in _SHORT_FORMS:
        if long in label:
            found.add(label.replace(long, short, 1))
            break
    if label.startswith(_PARTY) and label.endswith("委员会") and len(label) > 8:
        found.add("中共" + label[len(_PARTY) : -3] + "委")  # 中共湖南省委
    if label in _STATE_ORGANS:
        found.add("中华人民共和国" + label)  # 中华人民共和国最高人民法院: the state's, by its whole name
    return found


_STATE_ORGANS = frozenset(word_list("resolve.state_organs"))  # 最高人民法院, 最高人民检察院…


_LEVEL_FIRST = re.compile(f"^(?:{'|'.join(sorted(word_list('context.level_words'), key=len, reverse=True))})(?=第?[一二三四五六七八九十\\d]+届|人大|人民|常委会)")


def _by_level(label: str, names: set[str]) -> set[str]:
    """A body written by its level alone (自治区十三届人大, 省人大常委会) also goes by its level and
    full name (自治区人民代表大会, 省人民代表大会常务委员会): the place of its label left out."""
    place = opening_place(label)
    if place is None:
        return set()
    return {level.group(0) + label[len(place) :] for name in names if (level := _LEVEL_FIRST.match(name))}


def _placed(label: str, names: set[str]) -> set[str]:
    """A body written by its level alone (市人大财经委) also goes by that form with its place
    (巴中市人大财经委): the name a reader writes for it."""
    place = opening_place(label)
    if place is None:
        return set()
    found = {place + name[level.end() :] for name in names if (level := _LEVEL_FIRST.match(name)) and not name.startswith(place)}
    if label.startswith(place + "人民代表大会常务委员会"):  # 常委会预算工委: 巴中市人大常委会预算工委
        found |= {place + "人大" + name for name in names if name.startswith("常委会") and len(name) > 3}
    return found


def _short_congress(label: str) -> str:
    return label.replace("人民代表大会", "人大")


def entities_of(resolved: list[Resolved], texts: dict[int, str], ctx: Jurisdiction | None = None) -> list[Entity]:
    """One entity per key with every name its mentions go by; ``texts`` maps id(candidate) to its surface."""
    groups: dict[str, list[Resolved]] = {}
    for result in resolved:
        groups.setdefault(result.key, []).append(result)
    place = ctx.place if ctx is not None else None
    city_written = place is not None and place.city is not None and any(t.startswith(place.city + place.name) for t in texts.values())
    entities = []
    for key in sorted(groups):
        group = groups[key]
        first = group[0]
        if all(r.cls == first.cls for r in group):  # (most keys: one class, nothing to count)
            cls = first.cls
        else:
            classes = Counter(r.cls for r in group)
            if first.cls in INSTRUMENT_CLASSES:
                classes.pop("Instrument", None)
            cls = max(sorted(classes), key=lambda c: (classes[c], c == first.cls))
        names: set[str] = set()
        for result in group:
            candidate = result.candidate
            names.update((*(() if candidate.implied else (texts[id(candidate)], candidate.name)), *candidate.written))
        if cls in ("Organization", "Event"):
            names.update(_with_or_without_city(first.label, ctx, city_written))
            names.update(_short_forms(first.label, cls))
        if cls == "Organization":
            names.update(_by_level(first.label, names) | _placed(first.label, names))
        elif cls in ("Resolution", "Decision") and 0 < first.label.find("关于") and first.label.endswith(("决议", "决定")):
            names.add(first.label[first.label.find("关于") :])  # …会议关于X的决议: also 关于X的决议
        names.discard(first.label)
        names.discard("")
        stat = first.candidate
        entities.append(
            Entity(key, cls, first.label, tuple(sorted(names)), value=stat.value, approximate=stat.approximate, unit=stat.unit)
        )
    return entities
