"""The entity stage: every finder over the report's text, overlaps settled, names resolved.

``find_entities(document)`` adds one :class:`~npcgraph.model.Mention` per kept span (with the
entity's key) and one :class:`~npcgraph.model.Entity` per real-world thing, merged with the
ones the metadata stage already made (the author, the reporting body, the publisher).

Nested mentions are kept where they name something of their own: the law inside
``传染病防治法执法检查``, the counted body inside ``325个代表小组`` (see
``statistics.counted_entities``), the place inside ``《武汉市供水条例》``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..lexicon import word_list
from ..model import Document, Mention
from .activities import activities_around, find_activities
from .bodies import find_bodies, find_own_places, find_persons, find_places, titled_governments
from .candidates import Candidate, select
from .context import Jurisdiction, jurisdiction_of
from .instruments import find_instruments
from .named import find_concepts, find_mechanisms, find_platforms
from .patterns import HAN, lazy, leading_verb
from .ner import find_names
from .quoted import find_quoted
from .resolve import entities_of, resolve
from .statistics import find_statistics

__all__ = ["find_entities", "candidates_of", "jurisdiction"]


def jurisdiction(document: Document) -> Jurisdiction:
    body = next((e.label for e in document.entities if e.key == document.reporting_body), None)
    return jurisdiction_of(document.report, body)


def candidates_of(text: str, ctx: Jurisdiction) -> list[Candidate]:
    """Every finder's candidates over ``text``, before overlaps are settled: the genre rules',
    then the persons, places and bodies the name model adds where no rule contradicts it."""
    instruments = find_instruments(text)
    rules = [
        *instruments,
        *activities_around(text, instruments),
        *find_bodies(text, ctx),
        *find_persons(text),
        *find_places(text),
        *find_own_places(text, ctx),
        *find_quoted(text),
        *find_activities(text),
        *find_mechanisms(text),
        *find_platforms(text),
        *find_concepts(text),
        *find_statistics(text),
    ]
    found = rules + find_names(text, rules)
    found += titled_governments(text, ctx, found)
    return [part for c in found if not _clause_named(c) for part in _joined_activities(_without_tense(c))] + _institutions_inside(found)


# A clause a finder ran into, no name: 蓝天保卫战是打好污染防治攻坚战, 非物质文化遗产法已列入…立法规划
_CLAUSE_WORDS = re.compile("(?<=[\u4e00-\u9fff])(?:是|已经?|已被|列入)(?=[\u4e00-\u9fff])")


def _clause_named(candidate: Candidate) -> bool:
    return candidate.cls in ("Program", "Plan", "Mechanism", "Platform") and not candidate.written \
        and _CLAUSE_WORDS.search(candidate.name) is not None and candidate.canonical is None


# 集中学习和视察, 访谈和问卷调查, 测评和评议: two ways of working joined, each an activity of its own
_WAYS = "学习|访谈|调研|视察|测评|评议|检查|询问|座谈|督查|走访"
_JOINED_ACTIVITY = re.compile(f"^(?P<left>[{HAN}]{{0,6}}?(?:{_WAYS}))(?:和|及|与)(?P<right>[{HAN}]{{2,8}})$")
_ACTIVITY_END = lazy(f"(?:{_WAYS}|调查)$")


def _joined_activities(candidate: Candidate) -> list[Candidate]:
    if candidate.cls not in ("SupervisionActivity", "Activity") or (joined := _JOINED_ACTIVITY.match(candidate.name)) is None \
            or not _ACTIVITY_END.search(joined.group("right")):
        return [candidate]
    left, right = joined.group("left"), joined.group("right")
    return [replace(candidate, end=candidate.begin + len(left), name=left, canonical=None, written=()),
            replace(candidate, begin=candidate.end - len(right), name=right, canonical=None, written=())]


def _without_tense(candidate: Candidate) -> Candidate:
    """开展了民主评议, 进行了新一轮执法检查: the verb's 了 is no part of the name a finder ran into."""
    if candidate.name.startswith(("了", "的")) and len(candidate.name) > 2 and candidate.cls not in ("Person", "Statistic"):
        # (…举办的元宵节特色活动: a relative clause's 的 neither)
        lead = candidate.name[0]
        canonical = candidate.canonical[1:] if candidate.canonical and candidate.canonical.startswith(lead) else candidate.canonical
        return replace(candidate, begin=candidate.begin + 1, name=candidate.name[1:], canonical=canonical)
    return candidate


_PROPER_INSTITUTION = re.compile("(?:大学|学院|公司|集团|医院|银行|研究院|研究所|中学|小学|报社|电视台|日报)$")


# 武汉大学法学院, 中国社会科学院法学研究所: a university, academy or institute named at the start of
# its school's or department's name is a body of the text too (the school partOf it).
_INSTITUTION = re.compile(f"[{HAN}]{{2,12}}?(?:大学|科学院|社会科学院|研究院|党校)(?=[{HAN}]{{2,}})")


def _institutions_inside(found: list[Candidate]) -> list[Candidate]:
    inside = []
    for candidate in found:
        if candidate.cls == "Organization" and (match := _INSTITUTION.match(candidate.name)):
            inside.append(Candidate(candidate.begin, candidate.begin + match.end(), "Organization", match.group(0),
                                    national=True, priority=candidate.priority))
    return inside


# Characters that follow a name as words of their own, never its third character
_NOT_NAME_ENDS = frozenset(word_list("entities.not_name_ends"))  # (主持, 出席, 同志, 一行, 代表…)
# What runs into a name from after it: 梅玉三等, 苏宁报道
_AFTER_NAME = re.compile("(?:等|报道|摄)$")


_LIST_ITEM_CUT = lazy(f"[、，,：:]?[{HAN}]{{3}}[、，,]")  # (the item between two marks of a list)


def _whole_names(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Persons by their whole names: a name cut short where the text names the person whole too
    (许其|亮 beside 许其亮, 黄胜|才立即…), and a name without a word run into it (梅玉三等, 苏宁报道)."""
    persons = [c for c in kept if c.cls == "Person"]
    whole = {c.name for c in persons}
    after: dict[str, set[str]] = {}  # a two-character name -> the characters after its mentions
    for c in persons:
        if len(c.name) == 2:  # (a verb after the name is no part of it: 于伟|主持)
            after.setdefault(c.name, set()).add("" if leading_verb(text[c.end : c.end + 6]) else text[c.end : c.end + 1])
    seen = Counter(c.name for c in persons)
    for name, chars in after.items():  # 黄胜|才反映…, 黄胜|才立即…, 黄胜|才说道: the name is 黄胜才
        char = next(iter(chars))
        if seen[name] >= 2 and len(chars) == 1 and re.fullmatch(f"[{HAN}]", char) and char not in _NOT_NAME_ENDS:
            whole.add(name + char)
    starts = {c.begin for c in kept}
    found = []
    for candidate in kept:
        if candidate.cls == "Person" and candidate.end not in starts:  # (never over another mention)
            if (run := _AFTER_NAME.search(candidate.name)) and run.start() >= 2:
                candidate = replace(candidate, end=candidate.begin + run.start(), name=candidate.name[: run.start()], canonical=None)
            longer = candidate.name + text[candidate.end : candidate.end + 1]
            if len(candidate.name) == 2 and longer in whole and longer != candidate.name:
                candidate = replace(candidate, end=candidate.end + 1, name=longer, canonical=None)
            elif len(candidate.name) == 2 and _LIST_ITEM_CUT.fullmatch(text, max(0, candidate.begin - 1), min(len(text), candidate.end + 2)) \
                    and text[candidate.end] not in _NOT_NAME_ENDS:
                # 、陈召|传、: an item of a list of names is the whole item (the model cut it after two)
                candidate = replace(candidate, end=candidate.end + 1, name=longer, canonical=None)
        found.append(candidate)
    return found


_LISTED_ITEM = re.compile(f"[{HAN}]{{2,3}}(?=、)")


def _listed_persons(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Names in a list of persons that no finder took (信长星、周红波、刘小涛担任…; 周红波、信长星、
    刘小涛): an item between two persons, or opening a list that goes on with two, is one too."""
    persons = {c.begin: c for c in kept if c.cls == "Person"}
    ends = {c.end for c in persons.values()}
    taken = [(c.begin, c.end) for c in kept]
    found = []
    for match in _LISTED_ITEM.finditer(text) if "、" in text else ():
        begin, end = match.span()
        following = persons.get(end + 1)  # (tested first: most items are followed by no person)
        if following is None or begin in persons or any(b < end and begin < e for b, e in taken):
            continue
        opens = begin == 0 or text[begin - 1] in "\n，。；：:,;（(“ "
        second = persons.get(following.end + 1) if text.startswith("、", following.end) else None
        if (begin - 1 in ends and text[begin - 1] == "、") or (opens and second is not None):
            found.append(Candidate(begin, end, "Person", match.group(0), national=True, priority=1))
    return kept + found if found else kept


def find_entities(document: Document) -> Document:
    """Mentions and entities of every class the graph contract names."""
    report = document.report
    ctx = jurisdiction(document)
    kept = _listed_persons(report.text, _whole_names(report.text, select(candidates_of(report.text, ctx))))
    resolved = resolve(kept, ctx)
    mentions: dict[tuple[int, int, str], Mention] = {(m.begin, m.end, m.entity or ""): m for m in document.mentions}
    texts = {id(r.candidate): report.text[r.candidate.begin : r.candidate.end] for r in resolved}
    entities = {e.key: e for e in entities_of(resolved, texts, ctx)}
    for result in resolved:
        candidate = result.candidate
        sentence = report.sentence_at(candidate.begin)
        if sentence is None or candidate.end > sentence.end:
            continue
        cls = entities[result.key].cls
        mentions.setdefault((candidate.begin, candidate.end, result.key), Mention(candidate.begin, candidate.end, sentence.index, cls, result.key))
    # a place written only inside an institution's proper name (武汉 in 武汉大学, 湖南 in 湖南华菱钢铁
    # 集团) is part of that name, not a place the report speaks of
    institutions = [(m.begin, m.end) for m in mentions.values() if m.cls == "Organization" and entities.get(m.entity or "")
                    and _PROPER_INSTITUTION.search(entities[m.entity or ""].label)]
    if institutions:
        within = {key: any(b <= m.begin and m.end <= e for b, e in institutions) for key, m in mentions.items() if m.cls == "Place"}
        standalone = {mentions[key].entity for key, inside in within.items() if not inside}
        for key in [key for key, inside in within.items() if inside and mentions[key].entity not in standalone]:
            entities.pop(mentions.pop(key).entity or "", None)
    for earlier in document.entities:
        later = entities.get(earlier.key)
        if later is None:
            entities[earlier.key] = earlier
        else:
            names = set(earlier.alt_labels) | set(later.alt_labels)
            names.discard(later.label)
            entities[earlier.key] = replace(later, alt_labels=tuple(sorted(names)))
    return replace(
        document,
        mentions=tuple(sorted(mentions.values(), key=lambda m: (m.begin, -m.end, m.cls, m.entity or ""))),
        entities=tuple(entities[key] for key in sorted(entities)),
    )
