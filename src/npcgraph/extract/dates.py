"""Dates in a report's text, as precise as the text gives them.

    2025年10月1日, 二〇二五年十月一日   -> 2025-10-01   (xsd:date)
    2022年3月                          -> 2022-03      (xsd:gYearMonth)
    2021年                             -> 2021         (xsd:gYear)
    3月5日 (no year)                    -> the same, else the report's year, else nothing
    3月，… (a month alone)               -> the year of the date before it in the paragraph, else
                                          the year its section's heading (一、2024年工作回顾) or
                                          the report's title (…2023年工作总结) names, else nothing
    今年 / 去年 / 前年 / 明年           -> from the report's date (its metadata), else nothing
    本月 / 上月 / 当月                  -> from the report's date when it gives the month
    同年 / 同月 / 同日 / 当日 / 次日 / 翌日 / 次月 / 次年
                                       -> from the date named before it in the report, else from
                                          the report's date, else nothing

A relative date is never guessed: with nothing to resolve it against it is left out.
A date that only bounds a period (2018年以来, 截至2022年底, 2021年至2023年) or says when an
instrument takes effect (自2025年10月1日起施行) is found but marked, so that no act is dated by it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicon import word_list

__all__ = ["DateMention", "find_dates", "parse_number", "EFFECTIVE"]

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○一二两三四五六七八九十百"
_NUMBER = rf"(?:\d+|[{_CN}]+)"

# 2025年10月1日 / 2025年10月 / 2025年 (the year written in digits or 二〇二五)
# (each of the three scans below opens with a lookahead for the characters its matches start
# with: it changes no match, and the engine passes every other character at once)
_ABSOLUTE = re.compile(
    rf"(?=[\d{_CN[:-2]}])(?P<year>(?<!\d)\d{{4}}|[{_CN[:-2]}]{{4}})年(?:度)?"
    rf"(?:(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?"
    rf"(?:(?P<day>3[01]|[12]\d|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?"
)
# 3月5日, 十月一日: a month and day without a year (the 日 is required, so that 3月 alone in
# 3个月 or a list of months is not read as a date)
_MONTH_DAY = re.compile(
    rf"(?=[\d十一二三四五六七八九])(?<![\d年{_CN}])(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    rf"(?P<day>3[01]|[12]\d|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日"
)
# 3月，… / 6月份 / 9月底: a month alone, which takes the year named before it in its paragraph
# (never the report's: an annual report's 3月 is a month of the year it reports on)
_MONTH = re.compile(
    rf"(?=[\d十一二三四五六七八九])(?<![\d年{_CN}—\-~～至到、])(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?(?=[，,]|初|上旬|中旬|下旬|底|末)"
)
_RELATIVE = re.compile(r"今年|去年|前年|明年|本年度|本月|上月|当月|同年|同月|同日|当日|当天|次日|翌日|次月|次年|上年")
# A date followed by these bounds a period or counts time; it dates no act.
_PERIOD_AFTER = re.compile(r"\s*(?:以来|来|至今|至|到|—|－|-|~|～|以前|之前|前|之后|以后|后|起|开始|底前|期间)")
_PERIOD_BEFORE = re.compile(r"(?:截至|截止|截止到|自|从|至|到|于|在)\s*$")
#: A date in 自…起施行 / 于…起施行 / …施行: when an instrument takes effect.
EFFECTIVE = re.compile(r"^\s*(?:起)?(?:正式)?(?:施行|实施|生效)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text names: its offsets, its ISO value and what kind of date it is.

    ``kind`` is ``act`` (a date an act can take), ``period`` (a bound: 2018年以来) or
    ``effective`` (自2025年10月1日起施行).
    """

    begin: int
    end: int
    value: str
    kind: str = "act"


def parse_number(text: str) -> int | None:
    """12, 十二, 二十五, 一百零三, 二〇二五 (digit by digit) -> int."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN for c in text):
        return None
    if "十" not in text and "百" not in text:
        value = 0
        for char in text:
            value = value * 10 + _DIGITS[char]
        return value
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[char]
    return total + current


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _parts(value: str) -> tuple[int, int | None, int | None]:
    pieces = [int(p) for p in value.split("-")]
    return pieces[0], (pieces[1] if len(pieces) > 1 else None), (pieces[2] if len(pieces) > 2 else None)


def _shift(anchor: str | None, word: str) -> str | None:
    """A relative word resolved against ``anchor`` (ISO), as precise as the word needs."""
    if not anchor:
        return None
    year, month, day = _parts(anchor)
    if word in ("今年", "同年", "本年度"):
        return _iso(year)
    if word in ("去年", "上年"):
        return _iso(year - 1)
    if word == "前年":
        return _iso(year - 2)
    if word in ("明年", "次年"):
        return _iso(year + 1)
    if month is None:
        return None
    if word in ("本月", "当月", "同月"):
        return _iso(year, month)
    if word == "上月":
        return _iso(year - 1, 12) if month == 1 else _iso(year, month - 1)
    if word == "次月":
        return _iso(year + 1, 1) if month == 12 else _iso(year, month + 1)
    if day is None:
        return None
    if word in ("同日", "当日", "当天"):
        return anchor
    if word in ("次日", "翌日"):
        return (date(year, month, day) + timedelta(days=1)).isoformat()
    return None


#: Words resolved against the report's own date; the others against the date named before.
_FROM_REPORT = frozenset(word_list("dates.from_report"))


def _year_of(paragraph: int, earlier: str | None, years: list[int | None] | None) -> int | None:
    """The year of a month named in ``paragraph``: the date named before it there, else the
    year of its section (``years``)."""
    if earlier:
        return _parts(earlier)[0]
    return years[paragraph] if years and paragraph < len(years) else None


def _kind(text: str, begin: int, end: int) -> str:
    after = text[end : end + 8]
    if EFFECTIVE.match(after) or (text[begin - 1 : begin] == "自" and re.match(r"\s*起", after)):
        return "effective"
    if _PERIOD_AFTER.match(after) or _PERIOD_BEFORE.search(text[max(0, begin - 3) : begin]):
        if text[max(0, begin - 1) : begin] == "于" and not re.match(r"\s*(?:以来|至|到|起|前|以前|之前)", after):
            return "act"  # 于2022年3月1日经…通过: 于 dates the act
        return "period"
    return "act"


def find_dates(
    text: str, report_date: str | None, paragraphs: list[tuple[int, int]] | None = None,
    years: list[int | None] | None = None,
) -> list[DateMention]:
    """Every date of ``text`` in text order, each resolved as far as the text allows.

    ``report_date`` is the report's own date from its metadata (ISO, as precise as known);
    ``paragraphs`` the paragraphs' offsets, within which a month and day take the year before;
    ``years`` (one per paragraph) the year its section's heading or the report's title names
    (一、2024年工作回顾), which a month takes when its paragraph names none before it.
    """
    spans: list[tuple[int, int, str, object]] = []
    taken: list[tuple[int, int]] = []
    for match in _ABSOLUTE.finditer(text):
        year = parse_number(match.group("year"))
        month = parse_number(match.group("month")) if match.group("month") else None
        day = parse_number(match.group("day")) if match.group("day") else None
        if year is None:
            continue
        value = _iso(year, month, day)
        if value:
            spans.append((match.start(), match.end(), "absolute", value))
            taken.append((match.start(), match.end()))
    starts = [b for b, _ in taken]  # in text order, not overlapping: finditer's order

    def covered(at: int) -> bool:
        index = bisect_right(starts, at) - 1
        return index >= 0 and at < taken[index][1]

    for match in _MONTH_DAY.finditer(text):
        if covered(match.start()):
            continue
        month, day = parse_number(match.group("month")), parse_number(match.group("day"))
        spans.append((match.start(), match.end(), "month-day", (month, day)))
    for match in _MONTH.finditer(text):
        if not covered(match.start()):
            spans.append((match.start(), match.end(), "month", parse_number(match.group("month"))))
    for match in _RELATIVE.finditer(text):
        if covered(match.start()):
            continue
        spans.append((match.start(), match.end(), "relative", match.group(0)))
    spans.sort(key=lambda s: (s[0], -s[1]))

    found: list[DateMention] = []
    previous: str | None = None  # the last date named, for 同日 and 次日
    previous_paragraph = -1
    bounds = paragraphs or [(0, len(text))]
    paragraph = 0
    last_end = -1
    for begin, end, how, raw in spans:
        if begin < last_end:
            continue
        while paragraph + 1 < len(bounds) and begin >= bounds[paragraph][1]:
            paragraph += 1
        value: str | None
        if how == "absolute":
            value = str(raw)
        elif how == "month":
            year = _year_of(paragraph, previous if previous_paragraph == paragraph else None, years)
            value = _iso(year, int(raw)) if year and raw else None  # type: ignore[call-overload]
        elif how == "month-day":
            month, day = raw  # type: ignore[misc]
            year = _year_of(paragraph, previous if previous_paragraph == paragraph else None, years)
            year = year or (_parts(report_date)[0] if report_date else None)
            value = _iso(year, month, day) if year else None
        else:
            word = str(raw)
            anchor = report_date if word in _FROM_REPORT else (previous or report_date)
            value = _shift(anchor, word)
            month_after = re.match(rf"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:(3[01]|[12]\d|0?[1-9]|三十一?|二十[一-九]?|十[一-九]?|[一-九])日)?", text[end:])
            if value and len(value) == 4 and month_after:
                month = parse_number(month_after.group(1))
                day = parse_number(month_after.group(2)) if month_after.group(2) else None
                end += month_after.end()
                value = _iso(int(value), month, day)
        if value is None:
            last_end = end
            continue
        kind = _kind(text, begin, end)
        found.append(DateMention(begin, end, value, kind))
        last_end = end
        if kind == "act":  # a period's bound or a 施行 date is no anchor for 同日, 次日
            previous, previous_paragraph = value, paragraph
    return found
