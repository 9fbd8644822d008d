"""Which entities a page shows: a class filter, a focus neighbourhood, a size limit.

Applied in that order: ``classes`` keeps the entities of those classes (and their subclasses);
``focus`` keeps the entities within ``depth`` relations of the named ones (and the named ones
whatever their class); above ``limit`` the most connected entities are kept and the page says
so.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from .defaults import DEFAULT_LIMIT
from .graphview import GraphView
from .vocabulary import Vocabulary

__all__ = ["Selection", "select", "find_entities"]


@dataclass(frozen=True, slots=True)
class Selection:
    entities: tuple[str, ...]  # IRIs, sorted
    total: int  # entities that matched the class and focus filters, before the limit
    focus: tuple[str, ...] = ()


def _adjacency(view: GraphView, allowed: set[str]) -> dict[str, set[str]]:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for subject, _, obj in view.edges:
        if subject in allowed and obj in allowed and subject != obj:
            neighbours[subject].add(obj)
            neighbours[obj].add(subject)
    return neighbours


def find_entities(view: GraphView, name: str) -> list[str]:
    """The entities ``name`` designates: an IRI, a canonical name, an alias, or a part of one."""
    name = name.strip()
    if name in view.entities:
        return [name]
    by_iri = [iri for iri in view.entities if iri.endswith("/" + name)]  # an entity key: org/…
    exact = [iri for iri, e in view.entities.items() if e.label == name]
    alias = [iri for iri, e in view.entities.items() if name in e.aliases]
    partial = [
        iri for iri, e in view.entities.items()
        if name and (name in e.label or any(name in alt for alt in e.aliases))
    ]
    for found in (by_iri, exact, alias, partial):
        if found:
            return sorted(found)
    return []


def _class_filter(view: GraphView, vocab: Vocabulary, classes: Iterable[str]) -> set[str]:
    present = {e.cls for e in view.entities.values() if e.cls}
    known = present | set(vocab.zh) | set(vocab.parents)
    by_name = {name.lower(): name for name in known}
    by_name.update({vocab.zh[name].lower(): name for name in known if name in vocab.zh})
    by_name.update({vocab.en[name].lower(): name for name in known if name in vocab.en})
    wanted: set[str] = set()
    for requested in classes:
        cls = by_name.get(requested.strip().lower())
        if cls is None:
            choices = ", ".join(sorted(present)) or "none"
            raise InputError("E131", name=requested, choices=choices)
        wanted |= vocab.subclasses(cls)
    return wanted


def _neighbourhood(start: Iterable[str], neighbours: dict[str, set[str]], depth: int) -> set[str]:
    seen = set(start)
    frontier = deque((node, 0) for node in sorted(seen))
    while frontier:
        node, distance = frontier.popleft()
        if distance >= depth:
            continue
        for other in sorted(neighbours.get(node, ())):
            if other not in seen:
                seen.add(other)
                frontier.append((other, distance + 1))
    return seen


def select(
    view: GraphView,
    vocab: Vocabulary,
    *,
    focus: str | None = None,
    depth: int = 1,
    classes: Sequence[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Selection:
    if depth < 0:
        raise InputError("E132", depth=depth)
    if limit < 1:
        raise InputError("E133", limit=limit)
    chosen = set(view.entities)
    focused: list[str] = []
    if focus is not None:
        focused = find_entities(view, focus)
        if not focused:
            raise InputError("E130", focus=focus)
    if classes:
        wanted = _class_filter(view, vocab, classes)
        chosen = {iri for iri in chosen if view.entities[iri].cls in wanted} | set(focused)
    if focused:
        chosen = _neighbourhood(focused, _adjacency(view, chosen), depth)
    total = len(chosen)
    if total > limit:
        degree = _adjacency(view, chosen)
        ranked = sorted(
            chosen,
            key=lambda iri: (iri not in focused, -len(degree.get(iri, ())), -view.entities[iri].mentions, iri),
        )
        chosen = set(ranked[:limit])
    return Selection(tuple(sorted(chosen)), total, tuple(focused))
