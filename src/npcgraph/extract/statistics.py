"""Statistics: every number with a measure word, with what it counts.

    全市325个代表小组累计开展活动7040次  -> 325 个 代表小组;  7040 次 活动
    代表提出的1800多件建议全部办结        -> 1800 件 建议, approximate
    向市委请示报告50余件次                -> 50 件次 请示报告, approximate

A statistic's mention spans the number, its measure word and the counted phrase when that
follows the number (``325个代表小组``); when the counted phrase comes first
(``组织专题讲座35场``) the mention spans the number and measure word only.

What is counted, when it is an entity, is told by :func:`counted_entities`: the mentions
inside the statistic's span after the number, or else the mention that ends right where the
number begins. The relations stage turns each pair into ``npc:counts``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from ..lexicon import longest_first, rows, word_list
from ..model import Document
from .candidates import Candidate
from .patterns import HAN, alternation, column, first_of, leading_verb

__all__ = ["find_statistics", "counted_entities", "chinese_number", "counts_head", "statistic_unit"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_POWERS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_UNITS = frozenset(word_list("statistics.chinese_units"))
_CLAUSE_END = "，。；;：:！？!?\n（）()“”《》"
_APPROX_BEFORE = word_list("statistics.approx_before")
_SESSION_AFTER = word_list("statistics.session_after")
_SCOPE_WORDS = word_list("statistics.scope_words")


def chinese_number(text: str) -> int | None:
    """二十五 -> 25, 一百二十 -> 120, 两 -> 2; None if ``text`` is not a plain numeral."""
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _POWERS:
            total += (current or 1) * _POWERS[ch]
            current = 0
        else:
            return None
    return total + current


@cache
def _units() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("measure_words")}


@cache
def _stops() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    after = tuple(r[0] for r in rows("statistic_stops") if r[1] in ("after", "both"))
    before = tuple(r[0] for r in rows("statistic_stops") if r[1] in ("before", "both"))
    reach = tuple(r[0] for r in rows("statistic_stops") if r[1] == "reach")
    return after, before, reach


@cache
def _whole_terms() -> tuple[str, ...]:
    return tuple(r[0] for r in rows("statistic_stops") if r[1] == "whole")


def _across_joiner(text: str, at: int, end: int) -> int | None:
    """The end of a term that holds a joiner and is counted whole (11个设区的市), when the joiner
    at `end` lies inside one that starts at or after `at`."""
    for term in _whole_terms():
        split = term.find(text[end])
        while split >= 0:
            start = end - split
            if start >= at and text.startswith(term, start):
                return start + len(term)
            split = term.find(text[end], split + 1)
    return None


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(  # (behind a lookahead for the first characters of its matches: the same matches, 2.5x faster)
        first_of(_APPROX_BEFORE, "\\d零〇一二两三四五六七八九十百千")
        + f"(?P<pre>{'|'.join(_APPROX_BEFORE)})?"
        f"(?P<num>\\d{{1,3}}(?:,\\d{{3}})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)"
        f"(?P<scale>万|亿)?(?P<approx>余|多)?(?P<unit>{alternation(_units())})(?P<approx2>余|多)?"
    )


def _forward(text: str, at: int) -> str:
    """The counted phrase after a measure word: 代表小组 in 325个代表小组累计开展活动.

    It ends at a stop word, at a verb after its first character (全国人大代表保持…, 专项资金
    整合成…), before 的 or a conjunction (5件法律的实施情况, 4个工作委员会和常委会办公厅) unless inside a
    term counted whole (11个设区的市), and
    before a listed phrase that begins with a verb; a bracket right after the measure word
    (21件(其中…)) is a note, not what is counted.
    """
    after, _, _ = _stops()
    end = at
    limit = min(len(text), at + 16)
    if text[at : at + 1] in "()（）、":
        return ""  # 代表之家1个、代表联络站4个: the number follows what it counts
    kinds = longest_first("supervision_kinds")
    kind = next((k for k in kinds if text.startswith(k, at)), None) if text.startswith(kinds, at) else None
    if kind is not None:
        end = at + len(kind)  # 12次集中视察: a kind of supervision is counted whole (中 stops no 集中)
    while end < limit:
        ch = text[end]
        if ch == "、":
            segment = _SEGMENT.match(text, end + 1, limit).group(0)
            if not segment or _DIGIT.search(segment) or leading_verb(segment):
                break
            end += 1
            continue
        if not _COUNTED_CHAR.match(ch) or (text.startswith(after, end) and not (end == at and ch in _LEADING_OK)):
            break
        if ch in _JOINERS:
            across = _across_joiner(text, at, end)
            if across is None:
                break
            end = across
            continue
        if end > at + 1 and _verb_at(text, end):
            break
        end += 1
    return text[at:end].rstrip("、")


_JOINERS = "的和及与并"
_COUNTED_CHAR = re.compile(f"[{HAN}()（）]")  # (what a counted phrase is written in)
_SEGMENT = re.compile(f"[^{re.escape(_CLAUSE_END)}、]*")  # (a listed phrase, up to a mark)
_DIGIT = re.compile(r"\d")
_LEADING_OK = "列"  # 5次列席代表座谈会: 列席 begins the counted phrase


@cache
def _verbs() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(column('statistic_verbs'))})")


def _verb_at(text: str, at: int) -> bool:
    return _verbs().match(text, at) is not None


@cache
def _stops_by_first() -> dict[str, tuple[str, ...]]:
    """The stop words before a number (``_stops``) by their first character."""
    groups: dict[str, list[str]] = {}
    for word in _stops()[1]:
        groups.setdefault(word[0], []).append(word)
    return {first: tuple(words) for first, words in groups.items()}


def _backward(text: str, at: int) -> str:
    """The counted phrase before a number: 专题讲座 in 组织专题讲座35场."""
    _, before, reach = _stops()
    start = at
    while start > 0 and text[start - 1] not in _CLAUSE_END and text[start - 1] not in ",、":
        start -= 1
    clause = text[start:at]
    for verb in reach:  # 全省基层立法联系点达到128个: what reaches the number
        if clause.endswith(verb) and len(clause) > len(verb):
            subject = clause[: -len(verb)]
            return subject[2:] if subject.startswith(_SCOPE_WORDS) and len(subject) > 4 else subject
    best = -1
    by_first = _stops_by_first()
    for verb in (v for first in by_first.keys() & set(clause) for v in by_first[first]):  # (the others are not in it)
        found = clause.rfind(verb)
        if found >= 0 and found + len(verb) == len(clause):  # 专项工作报告21项: 报告 is what is counted
            found = clause.rfind(verb, 0, found)
        if found >= 0 and found + len(verb) > best:
            best = found + len(verb)
    counted = list(_pattern().finditer(clause))  # 代表议案8件和建议692件: after the last count
    if counted and counted[-1].end() > best:
        best = counted[-1].end()
    label = clause[best:].lstrip("和及与并、") if best >= 0 else ""
    if len(label) == 1 and best > 0:  # 办结率100%: the rate keeps its verb
        verb = next((v for v in before if clause.endswith(v + label)), "")
        label = verb + label
    label = label[len(leading_verb(label)):] if len(label) - len(leading_verb(label)) >= 2 else label
    if label:
        return label if not _verbs().fullmatch(label) else ""
    bare = clause[2:] if clause.startswith(_SCOPE_WORDS) else clause
    if bare in reach:  # ，共35条: nothing named before the number
        return ""
    verb = leading_verb(bare)
    if verb and len(bare) - len(verb) >= 2:  # 作出决议决定15项: what was made, not the making
        bare = bare[len(verb) :]
    return bare if len(bare) <= 10 else bare[-4:]


def _value(number: str, scale: str | None) -> Decimal | None:
    if number[0].isdigit():
        try:
            value = Decimal(number.replace(",", ""))
        except InvalidOperation:
            return None
    else:
        parsed = chinese_number(number)
        if parsed is None:
            return None
        value = Decimal(parsed)
    if scale:
        value *= 10_000 if scale == "万" else 100_000_000
    return value


def find_statistics(text: str) -> list[Candidate]:
    found = []
    for match in _pattern().finditer(text):
        number, unit = match.group("num"), match.group("unit")
        kind = _units()[unit]
        begin = match.start()
        if kind == "time" or text[begin - 1 : begin] in ("第", "第") or text[match.end() : match.end() + 1] == "第":
            continue
        if unit == "期" and re.search(r"\d{4}\s*年\s*$", text[max(0, begin - 8) : begin]):
            continue  # 上海人大月刊 2016年8期: an issue's number
        if not number[0].isdigit():
            if unit == "次" and text.startswith(_SESSION_AFTER, match.end()):
                continue  # 十届四次、五次全会: a session's number
            if unit not in _CHINESE_UNITS or (chinese_number(number) or 0) < 2:
                continue
            if begin > 0 and re.match(f"[{HAN}]", text[begin - 1]) and text[begin - 1] not in "了有近约共计达和":
                continue  # inside a word: 统一, 十九大
        value = _value(number, match.group("scale"))
        if value is None:
            continue
        approximate = bool(match.group("pre") or match.group("approx") or match.group("approx2"))
        label = _forward(text, match.end()) if kind == "count" else ""
        end = match.end() + len(label)
        if not label:
            label = _backward(text, begin)
        if not label:
            continue
        found.append(
            Candidate(begin, end, "Statistic", label, written=(text[begin:end],), value=value, unit=unit, approximate=approximate)
        )
    return found


def counted_entities(document: Document) -> tuple[tuple[str, str, int], ...]:
    """(statistic key, counted entity key, sentence index) for each statistic that counts an entity."""
    mentions = sorted(document.mentions, key=lambda m: (m.begin, -m.end))
    text = document.report.text
    pairs = []
    for stat in mentions:
        if stat.cls != "Statistic" or stat.entity is None:
            continue
        inside = [m for m in mentions if m is not stat and m.cls != "Statistic" and m.entity
                  and stat.begin < m.begin and m.end <= stat.end and counts_head(text, stat, m)]
        if not inside:
            inside = [m for m in mentions if m.cls != "Statistic" and m.entity and m.end == stat.begin]
        for counted in inside:
            pairs.append((stat.entity, counted.entity, stat.sentence))
    return tuple(dict.fromkeys(pairs))


def statistic_unit(text: str, stat) -> str | None:  # noqa: ANN001 - a Mention
    """The measure word of a statistic's mention (个 in 325个代表小组)."""
    number = _pattern().match(text, stat.begin)
    return number.group("unit") if number else None


def counts_head(text: str, stat, mention) -> bool:  # noqa: ANN001 - Mentions
    """Whether ``mention`` is what a statistic counts, not a word inside it: it begins right after
    the measure word or a 、, and ends the phrase or an item of its list (9次常委会会议 counts
    meetings, not 常委会; 5个区县(自治县)人大常委会 counts no one body)."""
    number = _pattern().match(text, stat.begin)
    if number is None:
        return False
    starts = mention.begin == number.end() or text[mention.begin - 1 : mention.begin] == "、"
    ends = mention.end == stat.end or text[mention.end : mention.end + 1] == "、"
    return starts and ends
