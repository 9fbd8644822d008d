"""What a report's short names depend on: its jurisdiction and the body that speaks in it.

    市人大常委会 in a Wuhan report  -> 武汉市人民代表大会常务委员会
    省委 in a Wuhan report           -> 中国共产党湖北省委员会
    常委会 in a national report      -> 全国人民代表大会常务委员会
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import rows, word_list, words
from ..model import Report
from .patterns import alternation, lazy, table

__all__ = ["GENERIC_LEVELS", "Place", "Jurisdiction", "places", "counties", "place_named", "known_place", "opening_place", "infer_place", "jurisdiction_of", "NATIONAL"]

NATIONAL = "中华人民共和国"
_NOT_IN_COUNTY_NAMES = frozenset("年月日各全省的和及与等") | frozenset("0123456789")


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # full name: 武汉市
    kind: str  # municipality, province, region, sar, city, prefecture, county, national
    province: str | None  # the province it belongs to (itself for a province)
    short: str | None  # 武汉
    city: str | None = None  # for a county or district: the city it belongs to
    county: str | None = None  # for a township (镇, 乡, 街道): the county or district above it


@cache
def places() -> dict[str, Place]:
    """Every province and prefecture-level place of the lexicon, by full name and by short name."""
    found: dict[str, Place] = {}
    for row in rows("places"):
        name, kind, province = row[0], row[1], row[2]
        short = row[3] if len(row) > 3 and row[3] else None
        place = Place(name, kind, province, short)
        found[name] = place
        if short:
            found.setdefault(short, place)
    return found


@cache
def counties() -> dict[str, Place]:
    """County-level divisions by full name (九龙坡区 -> 重庆市); a name two cities share keeps
    the first. Kept out of :func:`places`, whose names are alternations in many patterns."""
    found: dict[str, Place] = {}
    for row in rows("counties"):
        name, city, province = row[0], row[1] if len(row) > 1 else "", row[2] if len(row) > 2 else ""
        found.setdefault(name, Place(name, "county", province or None, None, city or None))
    return found


def known_place(name: str) -> bool:
    """Whether a lexicon lists ``name``: a place (or its short name) or a county-level division."""
    return name in places() or name in counties()


def opening_place(text: str, longest: int = 9) -> str | None:
    """The longest name of the lexicons, of two to ``longest`` characters, ``text`` opens with."""
    return next((text[:n] for n in range(min(len(text), longest), 1, -1) if known_place(text[:n])), None)


def place_named(name: str) -> Place | None:
    """A place by full or short name; counties and districts under a known city too."""
    known = places().get(name) or counties().get(name)
    if known:
        return known
    if name.endswith(GENERIC_LEVELS):
        return None  # 河南省乡镇, 各市县: the places of a level, no one place
    if name == NATIONAL or name == "全国":
        return Place(NATIONAL, "national", None, "中国")
    for length in range(min(len(name) - 2, 8), 1, -1):
        parent = places().get(name[:length])
        if parent and name[-1] in "区县市旗":  # 上海市嘉定区: a county under its city
            listed = counties().get(name[length:])
            city = listed.city if listed is not None else None
            if city is None and parent.kind in ("city", "prefecture", "municipality"):
                city = parent.name
            return Place(name, "county", parent.province, None, city)
    if name.endswith(_TOWNSHIP_ENDS) and len(name) >= 3:
        return _township(name)
    if name.endswith("自治州") and (short := _AUTONOMOUS_PREFECTURE.match(name)):
        # 黔东南苗族侗族自治州 goes by 黔东南州: the name without its peoples
        return Place(name, "prefecture", None, short.group(1) + "州")
    if name[-1:] in ("区", "县", "旗") or (name[-1:] == "市" and len(name) >= 3):
        return Place(name, "county", None, None)
    return None


_TOWNSHIP_ENDS = word_list("context.township_ends")
GENERIC_LEVELS = tuple(word_list("context.generic_levels"))  # 乡镇, 市县: the places of a level
_LEVEL_WORDS = frozenset(word_list("context.level_words"))  # a level alone names no place
_BRACKETED = re.compile("《[^《》]*》")
_AUTONOMOUS_PREFECTURE = lazy("^([\u4e00-\u9fff]{2,4}?)(?:[\u4e00-\u9fff]{1,4}?族)+自治州$")


def _township(name: str) -> Place:
    """A township, with the county it is under when the name gives it (云屏县青石镇)."""
    for end in range(len(name) - 2, 1, -1):
        if name[end - 1] in "区县旗市":
            county = place_named(name[:end])
            if county is not None and county.kind == "county":
                return Place(name[end:], "township", county.province, None, county.city, county.name)
    return Place(name, "township", None, None)


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """The place a report's bodies belong to, and the body that speaks in it."""

    report_key: str
    place: Place | None = None
    reporting_body: str | None = None  # canonical full name

    @property
    def scope(self) -> str:
        """What tells a local thing of this report from the same-named thing elsewhere."""
        return self.place.name if self.place else f"report:{self.report_key}"

    @property
    def national(self) -> bool:
        return self.place is not None and self.place.kind == "national"

    @property
    def named_place(self) -> Place | None:
        """The report's place where it is one the text can name: not the nation, not a level alone
        (自治区人大常委会… in a text that never names its region)."""
        if self.place is None or self.national or self.place.name in _LEVEL_WORDS:
            return None
        return self.place

    def place_at_level(self, level: str) -> str | None:
        """The full name of this report's place at ``level`` (省, 市, 县, 区, 州, 自治区, 全国)."""
        place = self.place
        if level == "全国":
            return NATIONAL
        if place is None or place.kind == "national":
            return None
        if level in ("省", "自治区"):
            wanted = "province" if level == "省" else "region"
            if place.kind == wanted:
                return place.name
            province = places().get(place.province or "")
            if province is not None and province.kind == wanted:
                return province.name
            return None
        if level == "市":
            if place.kind in ("city", "municipality"):
                return place.name
            if place.kind == "county" and place.name.endswith("市"):
                return place.name
            if place.kind == "township" and place.county and place.county.endswith("市"):
                return place.county  # 市人大 in a report of a county-level city's township: that city
            return place.city

        if level == "州":
            return place.name if place.kind == "prefecture" else None
        if level == "区" and place.kind == "region":
            return place.name  # 区党委, 区人大常委会 in an autonomous region's report: the region's
        if level in ("县", "区", "旗"):
            if place.kind == "township":  # 县人大常委会 in a township's report: the county above it
                return place.county if place.county and place.county.endswith(level) else None
            return place.name if place.kind == "county" and place.name.endswith(level) else None
        if level in _TOWNSHIP_ENDS:
            return place.name if place.kind == "township" and place.name.endswith(level) else None
        return None

    def expand(self, name: str) -> str:
        """A place the report writes by its short name (黔东南州) under its full name."""
        place = self.place
        if place is not None and name != place.name and name in (place.short, f"{place.county}{place.name}"):
            return place.name  # 黔东南州, 云屏县青石镇 (a township under its county)
        return name

    def standing_committee(self) -> str | None:
        if self.reporting_body and self.reporting_body.endswith("常务委员会"):
            return self.reporting_body
        if self.place is None or self.place.kind == "township":  # a township's congress has none
            return None
        prefix = "全国" if self.national else self.place.name
        return f"{prefix}人民代表大会常务委员会"

    def congress(self) -> str | None:
        if self.place is not None and self.place.kind == "township":
            return f"{self.place.name}人民代表大会"
        committee = self.standing_committee()
        return committee[: -len("常务委员会")] if committee else None


def _known(name: str | None) -> Place | None:
    """A place of the lexicon, or a county or district under one (武汉市江岸区)."""
    if not name:
        return None
    place = place_named(name)
    if place is None or (place.kind == "county" and place.province is None):
        return None
    return place


def _names(title: str, place: Place) -> bool:
    """Whether a title names a place, by its short or full name (恩施州, 恩施土家族苗族自治州)."""
    return bool(place.short and place.short in title) or place.name in title


@cache
def _any_place() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(places())})")


@cache
def _any_city() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(p for p, v in places().items() if v.kind in ('city', 'prefecture'))})")


@cache
def _bodies_after_place() -> re.Pattern[str]:
    return re.compile(
        f"(?P<place>{alternation(places())})(?:第?[一二三四五六七八九十\\d]+届)?(?:人大常委会|人民代表大会|人大|人民政府|市委|省委)"
    )


def infer_place(report: Report) -> Place | None:
    """The report's place: from its metadata when that names a known place; else the place its
    title names, else the place whose bodies the text names most often; a window of a report
    carries the whole report's (``report.place``)."""
    if report.place:
        return report.place[0]  # type: ignore[return-value]
    meta = report.metadata
    known = _known(meta.jurisdiction)
    if known is not None and (meta.author_post or (meta.title and _names(meta.title, known))):
        return known
    title = meta.title or ""
    level = meta.jurisdiction if meta.jurisdiction in _LEVEL_KINDS else (found.group(1) if (found := _LEVEL_FIRST.match(title)) else None)
    if known is None and level is not None:
        # 自治区人大常委会执法检查组赴博州、塔城…: the region (province) the text names most, not
        # the places visited
        # (a city of it counts for its region: 在拉萨开幕 in a report of 自治区人大常委会)
        named = [p.name if p.kind == _LEVEL_KINDS[level] else p.province for p in map(places().__getitem__, _any_place().findall(report.text))
                 if p.kind == _LEVEL_KINDS[level] or (p.province in places() and places()[p.province].kind == _LEVEL_KINDS[level])]
        if named:
            return _most_named(named)
    # 《河南省…条例》执法检查动员会召开: a place inside a title's instrument names the report's
    # place only when nothing else does
    title_places = _any_place().findall(_BRACKETED.sub("", title)) or ([] if known else _any_place().findall(title))
    if title_places:
        return places()[title_places[0]]
    if known is None and (unlisted := _unlisted(meta)) is not None:
        return _with_city(unlisted, report.text)
    first = report.text[: report.text.find("。") + 1 or 200]
    if known is not None and (own := _OWN_LEVEL_CONVENES.search(first)) and known.kind in _LEVEL_OF_KIND[own.group("level")]:
        return known  # 市十六届人大常委会第十六次会议昨起召开 in a paper of 上海市: the city's own, not a district it names
    if known is None and _OWN_COUNTY_CONVENES.search(first) and not _names_a_county(report.text):
        return None  # 县十七届人大常委会召开第二十七次会议 … 扬州市第九届人大代表: its own county, never named
    if (convening := _placed_convenes().search(first)) is not None and (known is None or places()[convening.group("place")] == known):
        return places()[convening.group("place")]  # 巴中市第四届人大常委会召开第二十四次会议…南江县…: the body convening
    counts: dict[str, int] = {}
    for match in _bodies_after_place().finditer(report.text):
        name = places()[match.group("place")].name
        counts[name] = counts.get(name, 0) + 1
    county = _most_named_county(report.text)
    if county is not None and county[1] >= max(counts.values(), default=0):
        return county[0]  # 受杭州市余杭区人民代表大会常务委员会的委托: the district, not the city
    if counts and (named := _county_named_most(report.text)) is not None and named[1] > max(counts.values()) \
            and (named[0].city in counts or named[0].province in counts):
        # 大冶市金湖街道…联络站, 大冶市人民医院 … 湖北省人大代表, 黄石市人大代表: the county named most,
        # under the city or province a deputy's title names once
        return named[0]
    if counts:
        return places()[max(sorted(counts), key=counts.__getitem__)]
    if known is not None:
        return known
    if _LEVEL_PROVINCE_BODY.search(report.text) and (province := _province_named(report.text)) is not None:
        return province  # 省人大常委会主任黄龙云…在粤全国人大代表: the province the text names, by any name
    if _national_markers().search(report.text):  # 委员长会议: only the national committee has one
        return place_named(NATIONAL)
    titled = _titled_places().findall(report.text)  # 《郑州市燃气管理条例》: the place's own instruments
    if titled:
        return _most_named(titled)
    if _LEVEL_COUNTY_BODY.search(report.text):  # 县人大常委会 … 《法库县…纲要》: the county its own plan names
        titled_counties = [name for name in _TITLED_COUNTY.findall(report.text) if name in counties()]
        if titled_counties:
            return _most_named(titled_counties, counties())
    name = meta.jurisdiction
    return Place(name, "county", None, None) if name and meta.author_post else None


# A county's or district's bodies named by level alone (县人大常委会, 区政府), and a title opening with
# a county-level place (《法库县国民经济和社会发展…纲要》)
@cache
def _placed_convenes() -> re.Pattern[str]:
    """A news item's opening: a placed standing committee convening its meeting."""
    return re.compile(
        f"(?P<place>{alternation(places())})(?:第?[一二三四五六七八九十\\d]+届)?(?:人大常委会|人民代表大会常务委员会)(?:召开|举行)"
    )


def _names_a_county(text: str) -> bool:
    """Whether ``text`` names a county or district anywhere (通州区政府, 《法库县…纲要》)."""
    return any(name in counties() for name in _COUNTY_WORDS.findall(text))


_COUNTY_WORDS = lazy("(?=([\u4e00-\u9fff]{1,6}?[县区旗]))")
# A news item opening with its own province's or city's standing committee by level alone, meeting
_OWN_LEVEL_CONVENES = lazy(
    "(?:^|(?<=[，,。\\s日午]))(?P<level>省|市|自治区)(?:第?[一二三四五六七八九十]+届)?(?:人大常委会|人民代表大会常务委员会)[^，。]{0,12}?(?:召开|举行|开幕)"
)
_LEVEL_OF_KIND = {"省": ("province",), "自治区": ("region",), "市": ("city", "municipality", "prefecture")}
# A news item opening with its own county's or district's standing committee by level alone, convening
_OWN_COUNTY_CONVENES = lazy(
    "(?:^|(?<=[，,。\\s日午]))[县区](?:第?[一二三四五六七八九十]+届)?(?:人大常委会|人民代表大会常务委员会)(?:召开|举行)"
)
_LEVEL_COUNTY_BODY = lazy("(?<![\u4e00-\u9fff])[县区](?:人大|人民代表大会|委|政府|人民政府)")
_TITLED_COUNTY = lazy("《〈?([\u4e00-\u9fff]{1,6}?[县区旗市])")


# A province's bodies named by level alone (省人大常委会, 省委, 省政府).
_LEVEL_PROVINCE_BODY = lazy("(?<![\u4e00-\u9fff])省(?:人大|人民代表大会|委|政府|人民政府)")


@cache
def _abbreviated_provinces() -> re.Pattern[str]:
    return re.compile(f"(?:在|驻|入|来|赴|援|回)({alternation(table('province_abbreviations'))})(?=[\u4e00-\u9fff])")


def _province_named(text: str) -> Place | None:
    """The province (region, municipality) a text names most: by full or short name (广东, 云南),
    or by its one character after a preposition (在滇, 驻粤)."""
    named = [places()[m].name for m in _any_place().findall(text) if places()[m].kind in _PROVINCE_KINDS]
    named += [table("province_abbreviations")[m] for m in _abbreviated_provinces().findall(text)]
    return _most_named(named) if named else None


_PROVINCE_KINDS = frozenset({"province", "region", "municipality"})


def _most_named(names: list[str], lexicon: dict[str, Place] | None = None) -> Place:
    """The place of ``names`` (full or short names of ``lexicon``, the provinces' and cities' by
    default) named most, the first in order on a tie."""
    return (places() if lexicon is None else lexicon)[max(sorted(set(names)), key=names.count)]


_LEVEL_KINDS = {"自治区": "region", "省": "province"}
# A title opening with a level alone and its body (自治区人大常委会…, 省人大常委会…).
_LEVEL_FIRST = re.compile("^(自治区|省)(?:人大|人民代表大会|委|政府|人民政府)")


@cache
def _titled_places() -> re.Pattern[str]:
    """The place an instrument's title opens with (《郑州市…条例》, 《〈郑州市…规定〉修正案》)."""
    return re.compile(f"《〈?((?:{alternation(places())}))")


@cache
def _national_markers() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(words('national_markers'))})")


# 余杭区人大常委会, 慈溪市十七届人大常委会, 通州区人民政府, 凤县人大常委会: a county-level place's bodies (a
# county-level city's too, which only the counties' lexicon tells from a prefecture's city)
_COUNTY_BODY = lazy(
    "([\u4e00-\u9fff]{1,12}?[区县旗市])(?:第?[一二三四五六七八九十\\d]+届)?"
    "(?:人大常委会|人民代表大会常务委员会|人民代表大会|人大|人民政府|人民法院|人民检察院)"
)


def _most_named_county(text: str) -> tuple[Place, int] | None:
    """The county or district whose standing committee the text names most, if the lexicons
    place it (余杭区, 杭州市余杭区), with how often."""
    counts: dict[str, int] = {}
    found: dict[str, Place] = {}
    for match in _COUNTY_BODY.finditer(text):
        name = match.group(1)
        for start in range(len(name) - 1):  # the longest placed tail: 宝丰县, not 丰县
            place = place_named(name[start:])
            if place is not None and place.kind == "county" and (place.city or place.province):
                listed = next((counties()[name[s:]] for s in range(start + 1, len(name) - 1) if name[s:] in counties()), None)
                if listed is not None and name[start:] not in counties():  # 北京市通州区: the county 通州区, of that city
                    place = Place(listed.name, "county", place.province or listed.province, None, place.city or listed.city)
                found.setdefault(place.name, place)
                counts[place.name] = counts.get(place.name, 0) + 1
                break
    if not counts:
        return None
    best = max(sorted(counts), key=counts.__getitem__)
    return found[best], counts[best]


_COUNTY_NAME = re.compile("[\u4e00-\u9fff]{1,4}?[县区旗市]")


def _county_named_most(text: str) -> tuple[Place, int] | None:
    """The county-level place the lexicons list that ``text`` names most (anywhere: inside other
    names too), with how often, if it is named at least twice."""
    counts: dict[str, int] = {}
    for match in _COUNTY_NAME.finditer(text):
        name = match.group(0)
        for start in range(len(name) - 2):  # the longest listed tail (大冶市 of 的大冶市)
            if name[start:] in counties():
                counts[name[start:]] = counts.get(name[start:], 0) + 1
                break
    if not counts:
        return None
    best = max(sorted(counts), key=counts.__getitem__)
    return (counties()[best], counts[best]) if counts[best] >= 2 else None


def _with_city(county: Place, text: str) -> Place:
    """A county the lexicon does not list, placed in the city the report names most."""
    if county.city or county.province:
        return county
    counts: dict[str, int] = {}
    for name in _any_city().findall(text):
        full = places()[name].name
        counts[full] = counts.get(full, 0) + 1
    if not counts:
        return county
    city = places()[max(sorted(counts), key=counts.__getitem__)]
    return Place(county.name, county.kind, city.province, county.short, city.name)


def _unlisted(meta) -> Place | None:  # noqa: ANN001 - Metadata
    """A county or county-level city the lexicon does not list, named by the title or byline."""
    name = meta.jurisdiction
    if name and (set(name) & _NOT_IN_COUNTY_NAMES or "代表" in name):
        return None  # 2020年全国各省市人大常委会工作报告: a collection's title, no county; 我谨代表县人大常委会: a speaker's words
    if not name or (name in words("generic_places") and name not in _LEVEL_KINDS):
        return None  # (示范区人大工委: a zone's committee, no county of that name; 自治区 is a level)
    named = name in (meta.title or "") or bool(meta.author_post) or bool(meta.reporting_body and meta.reporting_body.startswith(name))
    if name[-1] in "县区旗市" and 3 <= len(name) <= 6 and named:  # (the body the text names most: its county)
        return place_named(name) or Place(name, "county", None, None)
    return None


def jurisdiction_of(report: Report, reporting_body: str | None) -> Jurisdiction:
    return Jurisdiction(report.key, infer_place(report), reporting_body)
