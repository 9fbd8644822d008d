"""Quoted names: what the word after the quotes makes of them.

    代表“三进”活动                     -> Program 代表三进活动
    “制度建设年”和“制度执行年”活动       -> Program 制度建设年活动, Program 制度执行年活动
    督办“创新健康服务供给”大会议案       -> Motion 创新健康服务供给大会议案
    开展“切实解决…问题”专题询问         -> SupervisionActivity
    “微邻里”“代表直通车”等网络平台      -> Platform 微邻里, Platform 代表直通车
    “四个意识” “两个维护”               -> Concept
    “组合拳” “后半篇文章”               -> nothing: a figure of speech

Suffix words are in ``quoted_suffixes``; numbered slogans and known concepts are Concepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import rows, word_list, words
from .candidates import Candidate
from .patterns import HAN, alternation, column, table

__all__ = ["find_quoted", "concept_names"]

_QUOTE = re.compile(r"“([^“”\n]{1,32})”")
_JOINERS = ("", "、", "和", "与", "及", "以及", ",", "，")
_NUMBERED = re.compile(r"^[一二两三四五六七八九十百千]+(?:个|项|大|张|条|种|支|位|化|不|有|进|讲|心|访)?[" + HAN + r"]{1,6}$")
_LIST_WORD = "等"
_INNER_PLATFORM = word_list("quoted.inner_platform")
_PREFIX_VERBS = word_list("quoted.prefix_verbs")


_LONG_NAMED = frozenset({"Program", "SupervisionActivity"})


def _has_verb(words_between: str) -> bool:
    """Whether the words between a quote and a kind hold a verb of their own (“…”开展专题调研
    is found by the verb group; “…”要求组织活动 names nothing)."""
    return any(verb in words_between for verb in (*_PREFIX_VERBS, "进行", "要求", "对", "的"))


@dataclass(frozen=True, slots=True)
class _Quote:
    begin: int  # the opening quote
    end: int  # after the closing quote
    inner: str


@cache
def _suffix_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    classes = table("quoted_suffixes")
    # 围绕“加强耕地保护”开展专题询问: a verb may stand between the topic and the activity.
    # “守护清溪河”环保行活动, “家站点”规范化建设专题调研: an activity's name may go on for a few
    # words between the quotes and its kind.
    return re.compile(
        f"(?P<verb>开展|进行|组织|举行|召开)?(?P<list>{_LIST_WORD})?(?P<between>[{HAN}]{{0,5}}?)(?P<suffix>{alternation(classes)})"
    ), classes


@cache
def concept_names() -> dict[str, str]:
    """Concept names and their alternatives, each mapped to the canonical name."""
    found: dict[str, str] = {}
    for row in rows("concepts"):
        found[row[0]] = row[0]
        for alt in (row[1].split("|") if len(row) > 1 and row[1] else ()):
            found[alt] = row[0]
    return found


def _runs(text: str) -> list[list[_Quote]]:
    runs: list[list[_Quote]] = []
    for match in _QUOTE.finditer(text):
        quote = _Quote(match.start(), match.end(), match.group(1).strip())
        if runs:
            last = runs[-1][-1]
            if text[last.end : quote.begin] in _JOINERS:
                runs[-1].append(quote)
                continue
        runs.append([quote])
    return runs


def _prefix(text: str, begin: int) -> int:
    """Where a name starts before its opening quote: 开展代表“三进”活动 -> at 代表."""
    window = text[max(0, begin - 8) : begin]
    # the verb nearest the quote: 组织代表开展“…”活动 starts at the quote, not at 代表
    found = max(((window.rfind(verb), verb) for verb in _PREFIX_VERBS), default=(-1, ""))
    at, verb = found
    if at >= 0:
        gap = window[at + len(verb) :].removeprefix("了")  # 开展了“…”活动: the tense is no part of the name
        if 1 <= len(gap) <= 4 and re.fullmatch(f"[{HAN}]+", gap):
            return begin - len(gap)
    return begin


def _alone(quote: _Quote) -> Candidate | None:
    inner = quote.inner
    written = (f"“{inner}”",)
    concepts = concept_names()
    if inner in concepts:
        return Candidate(quote.begin + 1, quote.end - 1, "Concept", inner, canonical=concepts[inner], national=True, written=written)
    if _NUMBERED.match(inner) and len(inner) <= 6 and inner not in words("not_concepts"):
        return Candidate(quote.begin + 1, quote.end - 1, "Concept", inner, national=True, written=written)
    if inner.endswith(_INNER_PLATFORM) and len(inner) >= 3:
        return Candidate(quote.begin + 1, quote.end - 1, "Platform", inner, written=written)
    return None


def find_quoted(text: str) -> list[Candidate]:
    pattern, classes = _suffix_pattern()
    found: list[Candidate] = []
    for run in _runs(text):
        match = pattern.match(text, run[-1].end)
        if match is None:
            found.extend(c for quote in run if (c := _alone(quote)) is not None)
            continue
        suffix, cls = match.group("suffix"), classes[match.group("suffix")]
        between = match.group("between")
        if between and (cls not in _LONG_NAMED or match.group("verb") or match.group("list") or _has_verb(between)):
            found.extend(c for quote in run if (c := _alone(quote)) is not None)
            continue
        suffix = between + suffix
        if cls == "Concept":  # “生态立县”发展战略: the quoted name is the idea
            found.extend(Candidate(q.begin + 1, q.end - 1, cls, q.inner, national=True, written=(f"“{q.inner}”",)) for q in run)
            continue
        if match.group("verb") and cls not in ("SupervisionActivity", "Program", "Event"):
            found.extend(c for quote in run if (c := _alone(quote)) is not None)
            continue
        listed = bool(match.group("list")) or cls == "Platform" and suffix in column("platform_words")
        if cls == "Platform" or listed:
            # A list word (“A”“B”等网络平台, “C”等议案): each quoted name is one thing; a
            # platform's list word stays out of its name, other classes keep theirs.
            for quote in run:
                name = quote.inner if cls == "Platform" else quote.inner + suffix
                found.append(Candidate(quote.begin + 1, quote.end - 1, cls, name, written=(f"“{quote.inner}”",)))
            continue
        for n, quote in enumerate(run):
            last = n == len(run) - 1
            begin = _prefix(text, quote.begin) if len(run) == 1 else quote.begin
            end = match.end() if last else quote.end
            prefix = text[begin : quote.begin]
            name = prefix + quote.inner + suffix
            written = tuple(dict.fromkeys((text[begin:end], f"“{quote.inner}”", f"{prefix}“{quote.inner}”{suffix}")))
            found.append(Candidate(begin, end, cls, name, written=written, priority=2))
    return found
