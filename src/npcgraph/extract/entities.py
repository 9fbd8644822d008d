"""The entity stage: every finder over the report's text, overlaps settled, names resolved.

``find_entities(document)`` adds one :class:`~npcgraph.model.Mention` per kept span (with the
entity's key) and one :class:`~npcgraph.model.Entity` per real-world thing, merged with the
ones the metadata stage already made (the author, the reporting body, the publisher).

Nested mentions are kept where they name something of their own: the law inside
``传染病防治法执法检查``, the counted body inside ``325个代表小组`` (see
``statistics.counted_entities``), the place inside ``《武汉市供水条例》``.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, Mention
from .activities import activities_around, find_activities
from .bodies import find_bodies, find_own_places, find_persons, find_places
from .candidates import Candidate, select
from .context import Jurisdiction, jurisdiction_of
from .instruments import find_instruments
from .named import find_concepts, find_mechanisms, find_platforms
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
    return rules + find_names(text, rules)


def find_entities(document: Document) -> Document:
    """Mentions and entities of every class the graph contract names."""
    report = document.report
    ctx = jurisdiction(document)
    kept = select(candidates_of(report.text, ctx))
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
