"""Mechanisms, platforms and concepts named without quotes.

    完善重大事项向党委请示报告制度        -> Mechanism 重大事项向党委请示报告制度 (verb left out)
    坚持和完善基层立法联系点制度和公开征求意见制度 -> two Mechanisms
    优化升级预算联网监督平台              -> Platform 预算联网监督平台
    1068个代表工作室、联络站              -> Platform 代表工作室, Platform 代表联络站
    全过程人民民主, 习近平法治思想, 病有所医 -> Concept

A generic phrase (健全联系制度, 完善督办机制) is no mechanism: its qualifier is in
``generic_mechanisms``. Verbs: ``mechanism_verbs``; platform words: ``platform_words``.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import longest_first, rows, word_list, words
from .candidates import Candidate
from .context import known_place
from .patterns import HAN, alternation, column
from .quoted import concept_names

__all__ = ["find_mechanisms", "find_platforms", "find_concepts"]

_NAME = f"[^\\s，。；、,;：:《》“”\"！？!?…—]"
_END = "(?=[，。；、,;：:\\s）)！？!?]|和|及|与|等|的|是|在|$)"
_PLATFORM_VERBS = word_list("named.platform_verbs")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = alternation(column("mechanism_verbs"))
    suffix_platform = alternation(w for w, kind in (r[:2] for r in rows("platform_words")) if kind == "suffix")
    facilities = alternation(w for w, kind in (r[:2] for r in rows("platform_words")) if kind == "facility")
    return {
        # 、 may sit inside one name (主任会议成员领衔督办、专门(工作)委员会跟踪督办代表建议制度);
        # the shortest name ending in 制度/机制 wins, so lists of them split at 、.
        "mechanism": re.compile(f"(?:{verbs})了?(?P<name>(?:{_NAME}|、){{2,40}}?(?:制度|机制)){_END}"),
        "more_mechanism": re.compile(f"(?:、|和|及)(?P<name>{_NAME}{{2,40}}?(?:制度|机制)){_END}"),
        "platform": re.compile(f"(?:{'|'.join(_PLATFORM_VERBS)})了?(?P<name>[{HAN}]{{2,16}}?(?:{suffix_platform})){_END}"),
        "facility": re.compile(f"(?:{facilities})"),
        "concept": re.compile(f"(?:{alternation(concept_names())})"),
        # 习近平总书记关于…的重要思想, 总书记考察浙江重要讲话精神, 习近平总书记系列重要讲话精神
        "thought": re.compile(
            f"(?=[习总])(?:习近平(?:总书记)?|(?:(?<![{HAN}])|(?<=[及和与]))总书记)(?:关于[^。；;，,“”、]{{2,40}}?的?|[^。；;，,“”、的]{{0,12}}?)"
            f"(?:系列)?重要(?:思想|论述|讲话精神|指示精神|指示批示精神)"
        ),
        "wellbeing": re.compile(f"(?<![{HAN}])([{HAN}]有所[{HAN}])(?![{HAN}])|(?<=围绕)([{HAN}]有所[{HAN}])"),
    }


def _generic(name: str) -> bool:
    qualifier = name[:-2]
    return len(qualifier) < 2 or qualifier in words("generic_mechanisms")


def _balanced(name: str) -> bool:
    return name.count("(") == name.count(")") and name.count("（") == name.count("）")


def _lead_phrase(text: str, begin: int, end: int, name: str) -> bool:
    """完善立法工作制度, at a sentence's start and a clause to itself, heads what follows."""
    verb_start = begin
    while verb_start > 0 and text[verb_start - 1] not in "。；;！？!?\n":
        verb_start -= 1
        if begin - verb_start > 6:
            return False
    return len(name) - 2 <= 4 and text[end : end + 1] in ("，", ",", "。", "；")


@cache
def _mechanism_verbs() -> tuple[str, ...]:
    return longest_first("mechanism_verbs")


def find_mechanisms(text: str) -> list[Candidate]:
    pats = _patterns()
    found = []
    for match in pats["mechanism"].finditer(text):
        pos, end, name = match.start("name"), match.end("name"), match.group("name")
        if "、" in name and text[end : end + 1] not in "，,。；;：:":
            continue  # 习近平法治思想、…人民代表大会制度的重要思想: a list of other things
        while (verb := next((v for v in _mechanism_verbs() if name.startswith(v)), None)) and len(name) - len(verb) >= 4:
            pos, name = pos + len(verb), name[len(verb) :]  # 健全落实|联系代表工作机制: verbs stacked
        while True:
            if not _generic(name) and _balanced(name) and not _lead_phrase(text, pos, end, name):
                found.append(Candidate(pos, end, "Mechanism", name, priority=1))
            following = pats["more_mechanism"].match(text, end)
            if not following:
                break
            pos, end, name = following.start("name"), following.end("name"), following.group("name")
    return found


def find_platforms(text: str) -> list[Candidate]:
    pats = _patterns()
    found = []
    for match in pats["platform"].finditer(text):
        begin, name = match.start("name"), match.group("name")
        if name[0] == "好" and len(name) > 3:  # 建设好代表联络站: the verb's result, not the name
            begin, name = begin + 1, name[1:]
        found.append(Candidate(begin, match.end("name"), "Platform", name, priority=1))
    canonical = {r[0]: r[2] for r in rows("platform_words") if len(r) > 2 and r[2]}
    for match in pats["facility"].finditer(text):
        name = match.group(0)
        begin = _place_before(text, match.start())
        if begin is not None:
            # 章水镇人大代表联络站, 烟店村代表工作站: one place's facility, by its own name
            found.append(Candidate(begin, match.end(), "Platform", text[begin : match.end()], canonical=text[begin : match.end()], priority=1))
            continue
        found.append(Candidate(match.start(), match.end(), "Platform", name, canonical=canonical.get(name)))
    return found


# The place a facility's name may open with: a township, village, community or street (and 人大).
_PLACE_BEFORE = re.compile(f"[{HAN}]{{2,3}}(?:镇|乡|街道|村|社区|区|县|市|旗)(?:人大)?")


def _place_before(text: str, end: int) -> int | None:
    """Where the place a facility's name opens with begins, if one ends at ``end``: a name of its
    own, neither a word that runs into it (在镇, 全村) nor the tail of a longer word."""
    for begin in range(max(0, end - 8), end - 2):
        if not _PLACE_BEFORE.fullmatch(text, begin, end) or set(text[begin:end]) & _FUNCTION_CHARS:
            continue
        before = text[begin - 1 : begin]
        if not before or not re.match(f"[{HAN}]", before) or before in _FUNCTION_CHARS or before in "往赴":
            return begin
    return None


_FUNCTION_CHARS = frozenset(word_list("ner.function_chars"))


# After an idea: a place's chapter of it (湖北篇章, 辽宁实践) or the place made new by it (新重庆)
_PLACE_CHAPTER = re.compile(f"新(?P<renewed>[{HAN}]{{2,3}}?)(?![{HAN}])|(?P<place>[{HAN}]{{2,3}}?)(?:新)?(?:篇章|实践|样板)")


def find_concepts(text: str) -> list[Candidate]:
    pats = _patterns()
    names = concept_names()
    found = []
    for m in pats["concept"].finditer(text):
        found.append(Candidate(m.start(), m.end(), "Concept", m.group(0), canonical=names[m.group(0)], national=True, priority=1))
        if (chapter := _PLACE_CHAPTER.match(text, m.end())) and known_place(chapter.group("place") or chapter.group("renewed")):
            # 中国式现代化湖北篇章, 社会主义现代化新重庆: the idea as a place writes it, a name of its own
            found.append(Candidate(m.start(), chapter.end(), "Concept", text[m.start() : chapter.end()], national=True, priority=1))
    for match in pats["thought"].finditer(text):
        name = match.group(0)
        canonical = "习近平" + name if name.startswith("总书记") else None  # …、总书记关于…: the same author
        found.append(Candidate(match.start(), match.end(), "Concept", name, canonical=canonical, national=True, priority=2))
    for match in pats["wellbeing"].finditer(text) if "有所" in text else ():
        group = 1 if match.group(1) else 2
        found.append(Candidate(match.start(group), match.end(group), "Concept", match.group(group), national=True))
    return found
