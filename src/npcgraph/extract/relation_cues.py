"""What the relation rules read in a sentence: trigger words, markers, clauses and mentions.

The words come from three lexicons (``lexicon/``):

- ``relation_triggers.tsv``: words that state a relation (制定 → enacted) and how their objects
  are found (after the word, before it, as a topic, as a post);
- ``relation_markers.tsv``: function words that move the subject or the object (经, 由, 报请,
  我们, 对, 并) and words that may open a clause before its subject (近年来, 全市);
- ``relation_schema.tsv``: each property's domain and range (a class with its subclasses).

:class:`SentenceView` finds them in one sentence: a cue is a trigger or marker found outside
names (《…》, “…”, and mentions other than activities, whose names are verb phrases such as
传染病防治法执法检查); clauses end at ，；。！？ outside brackets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from ..classes import below
from ..lexicon import rows, word_list, words
from ..model import Entity, Mention
from .patterns import alternation, first_of

__all__ = [
    "Trigger",
    "Cue",
    "SentenceView",
    "class_of",
    "triggers",
    "markers",
    "relation_schema",
    "post_pattern",
    "unbracketed",
]

#: Mentions whose text may hold a trigger of its own (their names are verb phrases).
_VERB_PHRASE_CLASSES = frozenset({"Activity", "SupervisionActivity"})
_CLAUSE_ENDS = frozenset("，,；;。！？!?")
_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】"}
_NAME_PAIRS = {"《": "》", "“": "”", "「": "」", "『": "』"}
_BRACKETS = " \t\u3000《》“”\"'‘’「」『』"
_LINKS = frozenset({"", "、", "和", "与", "及", "以及", "或", "和、"})
_TRAILING_CONJUNCTIONS = frozenset({"", "并", "并且", "和", "及", "以及", "与", "了"})
# A clause of time closes after its object: 区委召开人大工作会议后，常委会…
_TIME_CLAUSE_ENDS = frozenset(word_list("relation_cues.time_clause_ends"))
_LONGEST_GENERIC_HEAD = 6  # 等议案, 等工作制度, 等地方性法规: a list closed by 等 and a short common noun
# How many kinds a list closed by 等 names (等多种监督方式, 等5项制度): no part of the noun after.
_KINDS_COUNT = re.compile(r"^(?:多|几|数|各|[一二两三四五六七八九十\d]+)(?:种|项|类|个|方面)?(?=[\u4e00-\u9fff])")
# A count after the name is not a head of its own: 组织专题讲座35场, 开展活动7040次.
_TRAILING_COUNT = re.compile(r"(?:累计|共)?[\d.]+[余多]?[\u4e00-\u9fff]{1,2}")


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    predicate: str
    form: str  # forward | phrase | backward | topic | topic-clause | post
    reach: int | None = None  # most characters between the word and its first object
    objects: frozenset[str] | None = None  # classes allowed as object, if narrower than the range


@dataclass(frozen=True, slots=True)
class Cue:
    """A trigger or a marker where it occurs in the text."""

    begin: int
    end: int
    word: str
    trigger: Trigger | None = None
    role: str | None = None  # for markers: agent, causer, self, none, object, continue, lead

    @property
    def is_verb(self) -> bool:
        return self.trigger is not None and self.trigger.form in ("forward", "phrase", "backward")

    @property
    def ends_objects(self) -> bool:
        """Whether the objects of an earlier trigger stop here: at a trigger or 围绕/聚焦, not at a
        关于 inside a phrase (听取审议市政府关于…的报告)."""
        return self.is_verb or (self.trigger is not None and self.trigger.form == "topic")

    @property
    def is_topic(self) -> bool:
        return self.trigger is not None and self.trigger.form.startswith("topic")


@cache
def triggers() -> dict[str, Trigger]:
    """The trigger words of ``relation_triggers.tsv`` by word."""
    table: dict[str, Trigger] = {}
    for row in rows("relation_triggers"):
        word, predicate, form = row[0], row[1], row[2]
        reach = int(row[3]) if len(row) > 3 and row[3] else None
        objects = frozenset(row[4].split()) if len(row) > 4 and row[4] else None
        table[word] = Trigger(word, predicate, form, reach, objects)
    return table


@cache
def markers() -> dict[str, str]:
    """The marker words of ``relation_markers.tsv``: word -> role."""
    return {row[0]: row[1] for row in rows("relation_markers")}


@cache
def relation_schema() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """predicate -> (domain classes, range classes), from ``relation_schema.tsv``: each class
    named there with every class under it in the ontology (Instrument: each form of instrument)."""

    def classes(names: str) -> frozenset[str]:
        return frozenset().union(*(below(name) for name in names.split()))

    return {row[0]: (classes(row[1]), classes(row[2])) for row in rows("relation_schema")}


@cache
def post_words() -> tuple[str, ...]:
    """The posts of ``relation_triggers.tsv`` (form ``post``), longest first (副主任 before 主任)."""
    return tuple(sorted((t.word for t in triggers().values() if t.form == "post"), key=len, reverse=True))


@cache
def post_pattern() -> re.Pattern[str]:
    """Posts held in a body, one or several (党组书记、主任), as the whole text between two names."""
    post = "|".join(map(re.escape, post_words()))
    # (主任候选人: a post one stands for, read so that the name after it is found, held by no one yet)
    return re.compile(rf"\s*((?:{post})(?:候选人)?(?:\s*[、,，]\s*(?:{post})(?:候选人)?)*)\s*[:：·]?\s*")


@cache
def _cue_scan() -> re.Pattern[str]:
    """The cue words (triggers but posts, and markers) as one trie, behind a lookahead for their
    first characters: a search finds the next position where one starts, the longest there."""
    words = {w for w, t in triggers().items() if t.form != "post"} | set(markers())
    return re.compile(first_of(words) + alternation(words))


@cache
def _any_of(characters: str) -> re.Pattern[str]:
    """A regex finding the next of ``characters``: the loops below skip every other one."""
    return re.compile(f"[{re.escape(characters)}]")


_CLAUSE_END = _any_of("".join(sorted(_CLAUSE_ENDS)))


_BRACKET = _any_of("".join(_PAIRS) + "".join(_PAIRS.values()))  # (the name pairs are among them)


def _bracketed(text: str, begin: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of matched bracket pairs (outermost) in ``text[begin:end]``: of the pairs that
    enclose names (``_NAME_PAIRS``), and of all pairs (``_PAIRS``), read in one pass."""
    names: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    name_stack: list[tuple[str, int]] = []
    stack: list[tuple[str, int]] = []
    for found in _BRACKET.finditer(text, begin, end):  # the brackets alone
        at, ch = found.start(), found.group()
        if ch in _PAIRS:
            stack.append((_PAIRS[ch], at))
            if ch in _NAME_PAIRS:
                name_stack.append((_NAME_PAIRS[ch], at))
            continue
        if stack and ch == stack[-1][0]:
            start = stack.pop()[1]
            if not stack:
                spans.append((start, at + 1))
        if name_stack and ch == name_stack[-1][0]:
            start = name_stack.pop()[1]
            if not name_stack:
                names.append((start, at + 1))
    return names, spans


def class_of(mention: Mention, entities: Mapping[str, Entity]) -> str:
    """The class of the entity a mention names (the mention's own class if it is unknown)."""
    entity = entities.get(mention.entity or "")
    return entity.cls if entity else mention.cls


class SentenceView:
    """One sentence with its mentions, cues and clauses, as offsets into the report's text."""

    def __init__(self, text: str, begin: int, end: int, mentions: Iterable[Mention]) -> None:
        self.text = text
        self.begin = begin
        self.end = end
        self.mentions = tuple(sorted(mentions, key=lambda m: (m.begin, -m.end, m.entity or "")))
        self.starts = frozenset(m.begin for m in self.mentions)
        names, self._nested = _bracketed(text, begin, end)
        self._names = names + [
            (m.begin, m.end) for m in self.mentions if m.cls not in _VERB_PHRASE_CLASSES
        ]
        self.cues = self._find_cues()
        self._cue_at = {cue.begin: cue for cue in self.cues}  # (cues never overlap)
        self._first_at: dict[int, Mention] = {}  # the longest mention starting at each offset
        for mention in self.mentions:
            self._first_at.setdefault(mention.begin, mention)
        self.clauses = self._find_clauses()
        self._by_class: tuple[Mapping[str, Entity], dict[str, tuple[Mention, ...]]] | None = None

    def of_class(self, cls: str, entities: Mapping[str, Entity]) -> tuple[Mention, ...]:
        """The mentions whose class (:func:`class_of` in ``entities``) is ``cls``, in order: the
        sentence's mentions are read into classes once for the dozen families of rules that ask."""
        if self._by_class is None or self._by_class[0] is not entities:
            grouped: dict[str, list[Mention]] = {}
            for mention in self.mentions:
                grouped.setdefault(class_of(mention, entities), []).append(mention)
            self._by_class = (entities, {name: tuple(found) for name, found in grouped.items()})
        return self._by_class[1].get(cls, ())

    def span(self, begin: int, end: int) -> str:
        return self.text[begin:end]

    def in_name(self, begin: int, end: int) -> bool:
        """Whether ``[begin, end)`` lies inside a name (title, quotation or mention)."""
        return any(b <= begin and end <= e for b, e in self._names)

    def _find_cues(self) -> tuple[Cue, ...]:
        trigger_table, marker_table = triggers(), markers()
        cues: list[Cue] = []
        scan = _cue_scan().search  # the longest cue word at the next position one starts
        text, at, end = self.text, self.begin, self.end
        while (found := scan(text, at, end)) is not None:
            at, stop = found.span()
            if self.in_name(at, stop):  # (a shorter word there lies inside the same name)
                at += 1
                continue
            word = found.group()
            trigger = trigger_table.get(word)
            if trigger is not None and (text.startswith("后的", stop)
                                        or trigger.predicate == "established" and text.startswith(("工程", "项目"), stop)):
                # 公布修改后的代表法: what was amended, not an act of the subject; 县博物馆建设工程,
                # 新建项目: a project's name, no verb
                trigger = None
            cues.append(Cue(at, stop, word, trigger, marker_table.get(word)))
            at = stop
        return tuple(cues)

    def _find_clauses(self) -> tuple[tuple[int, int], ...]:
        nested = self._nested
        clauses, start = [], self.begin
        for found in _CLAUSE_END.finditer(self.text, self.begin, self.end):
            at = found.start()
            if not nested or not any(b < at < e for b, e in nested):
                if at > start:
                    clauses.append((start, at))
                start = at + 1
        if start < self.end:
            clauses.append((start, self.end))
        return tuple(clauses)

    def clause_of(self, offset: int) -> tuple[int, int]:
        for clause in self.clauses:
            if clause[0] <= offset < clause[1]:
                return clause
        return (offset, offset)

    def cues_in(self, begin: int, end: int) -> list[Cue]:
        return [cue for cue in self.cues if begin <= cue.begin and cue.end <= end]

    def maximal(self, begin: int, end: int, *, ending_by: int | None = None) -> list[Mention]:
        """Mentions starting in ``[begin, end)`` (and ending by ``ending_by``, if given) that no
        other such mention contains: the names a phrase is made of, not the names inside them."""
        inside = [
            m
            for m in self.mentions
            if begin <= m.begin < end and (ending_by is None or m.end <= ending_by)
        ]
        return [m for m in inside if not any(_contains(o, m) for o in inside)]

    def mention_at(self, offset: int) -> Mention | None:
        """The longest mention starting at ``offset`` (whitespace skipped)."""
        while offset < self.end and self.text[offset].isspace():
            offset += 1
        return self._first_at.get(offset)

    def cue_at(self, offset: int, role: str | None = None) -> Cue | None:
        """The cue starting at ``offset`` (of that marker ``role``, if given)."""
        cue = self._cue_at.get(offset)
        return cue if cue is not None and (role is None or cue.role == role) else None

    def nested(self, outer: Mention) -> list[Mention]:
        """The outermost mentions strictly inside ``outer``."""
        inner = [
            m
            for m in self.mentions
            if outer.begin <= m.begin and m.end <= outer.end and (m.begin, m.end) != (outer.begin, outer.end)
        ]
        return [m for m in inner if not any(_contains(o, m) for o in inner)]

    def head_run(self, begin: int, stop: int, clause_end: int) -> list[Mention]:
        """The names heading the phrase in ``[begin, stop)``: the last one ends the phrase (or
        closes a list with 等…), the others are coordinated with it."""
        found = self.maximal(begin, stop, ending_by=clause_end)
        if len(found) >= 2 and found[-1].cls == "Statistic" and unbracketed(self.text[found[-2].end : found[-1].begin]) == "等":
            return self._run_before(found[:-1])  # 《A》等10件代表建议: the list is A (and before), the count closes it
        trailing = self.text[found[-1].end : max(stop, found[-1].end)] if found else ""
        if not found or not (_heads(trailing) or _quoted_head(trailing)):
            return []
        return self._run_before(found)

    def _run_before(self, found: list[Mention]) -> list[Mention]:
        """The last of ``found`` and the names coordinated with it before it."""
        run = [found[-1]]
        for mention in reversed(found[:-1]):
            if not _links(self.text[mention.end : run[0].begin]):
                break
            run.insert(0, mention)
        return run

    def linked_run(self, begin: int, stop: int, reach: int) -> list[Mention]:
        """The names starting within ``reach`` characters of ``begin`` and those coordinated with them."""
        found = self.maximal(begin, stop, ending_by=self.end)
        if not found or len(unbracketed(self.text[begin : found[0].begin])) > reach:
            return []
        run = [found[0]]
        for mention in found[1:]:
            if not _links(self.text[run[-1].end : mention.begin]):
                break
            run.append(mention)
        return run

    def linked_run_before(self, start: int, end: int) -> list[Mention]:
        """The names ending right before ``end`` and those coordinated with them; a short name given
        in brackets between them and ``end`` (《…条例》(以下简称《条例》)执法检查) is passed over."""
        alias = _ALIAS_BEFORE.search(self.text, start, end)
        if alias is not None:
            end = alias.start()
        found = self.maximal(start, end, ending_by=end)
        if not found or unbracketed(self.text[found[-1].end : end]):
            return []
        run = [found[-1]]
        for mention in reversed(found[:-1]):
            if not _links(self.text[mention.end : run[0].begin]):
                break
            run.insert(0, mention)
        return run


def _contains(outer: Mention, inner: Mention) -> bool:
    """Whether ``outer`` strictly contains ``inner`` (a longer span around it)."""
    return outer.begin <= inner.begin and inner.end <= outer.end and (outer.begin, outer.end) != (inner.begin, inner.end)

_ALIAS_BEFORE = re.compile("[（(]以下简称[^（）()]{1,20}[）)]$")


def unbracketed(text: str) -> str:
    """``text`` without brackets, quotes, spaces and 了: what may stand between a verb and its object."""
    return "".join(ch for ch in text if ch not in _BRACKETS and ch != "了")


# A word saying the next title is a revised text (、新修订的《…》): no break in a list of titles
_REVISED_NEXT = re.compile("(?:新)?(?:修订|修改|修正)(?:后)?的$")


def _links(text: str) -> bool:
    """Whether ``text`` only coordinates two names: 、 和 及 与, or nothing (《A》《B》), a list's
    next title perhaps called revised (《A》、新修订的《B》)."""
    rest = unbracketed(text)
    return rest in _LINKS or (rest[:1] in ("、", "和", "及") and _REVISED_NEXT.fullmatch(rest[1:]) is not None) \
        or (rest[:2] == "以及" and _REVISED_NEXT.fullmatch(rest[2:]) is not None)


# A note in brackets after a title (《…条例》(修订), (草案), (试行)): no word of the phrase.
_TITLE_NOTE = re.compile("^[（(](?:修订|修正|草案|试行|暂行|修订草案|修正草案)[）)]")


def _quoted_head(trailing: str) -> bool:
    """Whether the text after a quoted name is its kind's word alone (“代表直通车”平台): one name."""
    return trailing.startswith(("”", "」")) and unbracketed(trailing) in words("quoted_suffixes")


def _heads(trailing: str) -> bool:
    """Whether the text after a name leaves it the head of its phrase."""
    rest = _TITLE_NOTE.sub("", unbracketed(trailing))
    return (
        rest in _TRAILING_CONJUNCTIONS
        or rest in _TIME_CLAUSE_ENDS
        or (rest.startswith("等") and len(_KINDS_COUNT.sub("", rest[1:], count=1)) < _LONGEST_GENERIC_HEAD)
        or _TRAILING_COUNT.fullmatch(rest) is not None
        or _MORE_ITEMS.fullmatch(rest) is not None
    )


# Items of the list that are no names, after the last name (召开工作研讨会、座谈会): the name is
# still one of the list the verb governs.
_MORE_ITEMS = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,8})+(?:等[\u4e00-\u9fff]{0,8})?")
