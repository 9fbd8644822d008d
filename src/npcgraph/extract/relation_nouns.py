"""Relations that names state by themselves: what a statistic counts, who holds a post in a body,
which body an organ belongs to.

- ``counts``: 10个基层立法联系点 counts 基层立法联系点 — the names inside the number's phrase, or
  next to it (1068个代表工作室、联络站; 专题讲座35场) when they fit the statistic's label;
- ``memberOf``: <body><post><person> (武汉市人大常委会主任 胡立山), the post kept;
- ``partOf``: an organ named inside its body's name at its start, or whose canonical name is the
  body's plus an organ word (武汉市人民代表大会常务委员会党组 → 武汉市人民代表大会常务委员会),
  the nearest such body where several are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..model import Entity, Mention
from .relation_cues import SentenceView, post_pattern
from .statistics import counts_head, statistic_unit

__all__ = ["Fact", "class_of", "counted", "memberships", "organs"]

Fact = tuple[str, str, str, str | None]  # subject, predicate, object, post


def class_of(mention: Mention, entities: Mapping[str, Entity]) -> str:
    """The class of the entity a mention names (the mention's own class if it is unknown)."""
    entity = entities.get(mention.entity or "")
    return entity.cls if entity else mention.cls


_OCCASIONS = frozenset("次场期届轮")


def counted(view: SentenceView, entities: Mapping[str, Entity]) -> dict[Mention, tuple[str, ...]]:
    """Each statistic's mention in the sentence -> the entities it counts."""
    found: dict[Mention, tuple[str, ...]] = {}
    for statistic in (m for m in view.mentions if class_of(m, entities) == "Statistic"):
        label = entities[statistic.entity].label if statistic.entity in entities else ""
        nested = [m for m in view.nested(statistic) if class_of(m, entities) != "Statistic"]
        things = [m for m in nested if counts_head(view.text, statistic, m)]
        if not things and not nested:
            after = view.linked_run(statistic.end, view.end, reach=0)
            before = [m for m in view.mentions if m.end == statistic.begin]
            things = [
                m for m in after + before if class_of(m, entities) != "Statistic" and _fits(view, m, entities, label)
            ]
        if not things and label:
            things = [
                m for m in view.mentions if class_of(m, entities) != "Statistic" and label in _names(view, m, entities)
            ]
        if statistic_unit(view.text, statistic) in _OCCASIONS:  # 召开主任会议73次: meetings, not the organ
            things = [m for m in things if class_of(m, entities) != "Organization"]
        keys = tuple(dict.fromkeys(m.entity for m in things if m.entity))
        if keys:
            found[statistic] = keys
    return found


def _names(view: SentenceView, mention: Mention, entities: Mapping[str, Entity]) -> set[str]:
    entity = entities.get(mention.entity or "")
    names = {view.span(mention.begin, mention.end)}
    return names | {entity.label, *entity.alt_labels} if entity else names


def _fits(view: SentenceView, mention: Mention, entities: Mapping[str, Entity], label: str) -> bool:
    """Whether a name next to a number is what the number counts (its label holds the name)."""
    return bool(label) and any(name and (name in label or label in name) for name in _names(view, mention, entities))


def memberships(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """<body><post><person>: 武汉市人大常委会主任 胡立山, 市人大常委会党组书记、主任XX."""
    for person in (m for m in view.mentions if class_of(m, entities) == "Person"):
        bodies = [m for m in view.mentions if m.end <= person.begin and class_of(m, entities) == "Organization"]
        if not bodies:
            continue
        body = max(bodies, key=lambda m: (m.end, m.end - m.begin))
        match = post_pattern().fullmatch(view.text, body.end, person.begin)
        if match and person.entity and body.entity:
            yield (person.entity, "memberOf", body.entity, match.group(1))


def organs(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """An organ of a body → partOf the body (see the module's docstring)."""
    bodies = [m for m in view.mentions if class_of(m, entities) == "Organization" and m.entity]
    for organ in bodies:
        for parent in bodies:
            if parent.entity != organ.entity and parent.begin == organ.begin and parent.end < organ.end:
                yield (organ.entity or "", "partOf", parent.entity or "", None)
        label = entities[organ.entity].label if organ.entity in entities else ""
        parents = [
            (len(entity.label), key)
            for key, entity in entities.items()
            if entity.cls == "Organization" and len(entity.label) < len(label) and label.startswith(entity.label)
        ]
        if parents:
            yield (organ.entity or "", "partOf", max(parents)[1], None)
