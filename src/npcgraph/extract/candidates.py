"""Candidate mentions and the rule that decides which of them are kept.

Every finder returns :class:`Candidate` spans. Overlaps are settled by :func:`select`:
longer spans win, a span crossing a kept one is dropped, and a span inside a kept one is
kept only where the outer class allows it (a law inside its 执法检查, the counted thing inside
a statistic, a place inside a title or a body's name).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass
from decimal import Decimal

from ..classes import below
from ..lexicon import word_list

__all__ = ["Candidate", "select", "may_nest", "INSTRUMENT_CLASSES", "ACTIVITY_CLASSES", "BILL_CLASSES", "family"]

INSTRUMENT_CLASSES = below("Instrument")  # npc:Instrument and its subclasses, from the ontology
# the instruments a legislature reads and passes as bills (a law, a regulation, a decision…)
BILL_CLASSES = frozenset({"Law", "Regulation", "Rules", "Measures", "Decision", "Resolution"})
ACTIVITY_CLASSES = below("Activity")


def family(cls: str) -> str:
    """The class family used to match entities: every instrument form is ``Instrument``."""
    if cls in INSTRUMENT_CLASSES:
        return "Instrument"
    if cls in ACTIVITY_CLASSES:
        return "Activity"
    return cls


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name an entity, as a finder saw it.

    ``name`` is the name as written without quotes, brackets or a leading verb;
    ``canonical`` the full name when the finder knows it (武汉市人民代表大会常务委员会 for
    市人大常委会); ``national`` marks names that denote the same thing in every report (a
    national law, 中央人大工作会议); other names of local things are told apart by the
    report's jurisdiction. ``written`` holds other forms to keep as alternative labels
    (《武汉市供水条例》, “代表直通车”). Statistics carry ``value``, ``unit`` and
    ``approximate``; their ``name`` is what they count.
    """

    begin: int
    end: int
    cls: str
    name: str
    canonical: str | None = None
    national: bool = False
    written: tuple[str, ...] = ()
    priority: int = 0
    refers_back: bool = False  # 《条例》: the instrument of that form named last
    implied: bool = False  # 闵行区|区长: the span names the thing only by implication, no name of it
    value: Decimal | None = None
    unit: str | None = None
    approximate: bool = False

    @property
    def length(self) -> int:
        return self.end - self.begin


# What may sit inside a kept span of each class. Anything not listed is dropped when nested.
_NESTABLE: dict[str, frozenset[str]] = {
    "SupervisionActivity": INSTRUMENT_CLASSES | {"Program", "Concept", "Place", "Organization", "Motion", "Activity", "Statistic"},
    "Statistic": frozenset({"Organization", "Platform", "Person", "Place", "Mechanism", "Motion",
                            "Program", "SupervisionActivity", "Event", "Suggestion"} | INSTRUMENT_CLASSES),
    "Organization": frozenset({"Place", "Organization", "Event"}),  # 中共济南市委 in 中共济南市委宣传部; a session in its presidium
    # 党的领导 in 党的领导、人民当家作主、依法治国有机统一; 习近平 in 习近平总书记系列重要讲话精神
    "Concept": frozenset({"Concept", "Person"}),
    "Mechanism": frozenset({"Place", "Organization"}),
    "Platform": frozenset({"Place", "Organization"}),  # 章水镇 in 章水镇人大代表联络站
    "Event": frozenset({"Place", "Organization"}),
    "Program": frozenset({"Place", "Organization"}),  # 三江 and 瓯北 in 三江标准堤闸泵配套工程, 瓯北标准堤…工程
    # 湘西州2024年生态环境保护工作, 2021年区级决算: the work a report is on, and what it names
    "Activity": frozenset({"Place", "Organization", "Event", "Concept", "Program"}) | INSTRUMENT_CLASSES,
    # 关于提请审议监督法修正草案的议案: the law, the decision or the treaty a motion puts forward
    "Motion": frozenset({"Place", "Organization", "Event"}) | INSTRUMENT_CLASSES,
    **{cls: frozenset({"Place", "Organization", "Event"}) | INSTRUMENT_CLASSES for cls in INSTRUMENT_CLASSES},
}


# Pairs (inner, outer) that may share one span: 上海市 in 上海市、江苏省人大常委会 is the place and
# (by ellipsis) its standing committee; 食品安全法 in 食品安全法、畜牧法执法检查 is the law and
# the inspection of it; 省委 in 省委、市委人大工作会议 is the committee and its meeting.
_SAME_SPAN = frozenset({("Place", "Organization"), ("Law", "SupervisionActivity"), ("Regulation", "SupervisionActivity"), ("Organization", "Event")})


# 习近平总书记系列重要讲话精神, 习近平同志为核心的…: a person named, title and all, inside an idea
_LEADER_TITLES = tuple(word_list("candidates.leader_titles"))


def may_nest(inner: str, outer: str) -> bool:
    """Whether a mention of class ``inner`` may be kept inside one of class ``outer``."""
    return inner in _NESTABLE.get(outer, ())


def _nests_here(inner: Candidate, outer: Candidate) -> bool:
    """A body inside a body only at its start: 中共济南市委 in 中共济南市委宣传部, not 财经委 in
    全国人大财经委 (the organ's short form is the outer name's own ending). An idea inside an idea
    only where the outer one lists several (党的领导、人民当家作主、依法治国有机统一)."""
    if inner.cls == outer.cls == "Organization":
        return inner.begin == outer.begin or (outer.name.endswith("主席团") and "全国" in inner.name)  # 十届|全国人大|一次会议主席团
    if inner.cls == "Event" and outer.cls == "Organization":
        return inner.begin == outer.begin and outer.name.endswith("主席团")  # 十届全国人大一次会议|主席团
    if inner.cls == outer.cls == "Concept":  # (not the parts of one formula: …依法治国有机统一)
        return "、" in outer.name and not outer.name.endswith("有机统一")
    if inner.cls == "Person" and outer.cls == "Concept":  # the person named with a title, not 习近平法治思想
        return outer.name.startswith(_LEADER_TITLES, inner.end - outer.begin)
    return True


def select(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates to keep, in text order (begin, then longer first).

    Longest first, a candidate is kept unless it overlaps a kept one it may not nest in. Only
    kept candidates that begin less than the longest length before it can overlap it, so they
    are found by bisection: linear in a report's length, not quadratic.
    """
    ordered = sorted(candidates, key=lambda c: (-c.length, -c.priority, c.begin, c.cls, c.name))
    longest = ordered[0].length if ordered else 0
    kept: list[Candidate] = []
    starts: list[tuple[int, int]] = []  # (begin, index in kept), sorted
    for candidate in ordered:
        ok = True
        low = bisect_left(starts, (candidate.begin - longest + 1, -1))
        high = bisect_left(starts, (candidate.end, -1))
        for _, index in starts[low:high]:
            other = kept[index]
            if candidate.end <= other.begin or candidate.begin >= other.end:
                continue
            inside = other.begin <= candidate.begin and candidate.end <= other.end
            shorter = candidate.length < other.length or (candidate.cls, other.cls) in _SAME_SPAN
            if inside and shorter and may_nest(candidate.cls, other.cls) and _nests_here(candidate, other):
                continue
            ok = False
            break
        if ok:
            insort(starts, (candidate.begin, len(kept)))
            kept.append(candidate)
    kept.sort(key=lambda c: (c.begin, -c.length, c.cls))
    return kept
