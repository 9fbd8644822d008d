"""What the viewer sees of a graph: entities, relations between them, evidence
(:func:`npcgraph.viewer.storeview.read_store` reads it from the Oxigraph store that holds the graph).

Entities are the IRIs typed with an ``npc:`` class that is not part of the text's structure
(Report, Section, Paragraph, Sentence), plus the untyped ends of ``npc:`` relations (a
CONSTRUCT result may carry the relation without the types). NIF plumbing (reports, sentences,
phrases, statements) is read only as evidence: each mention (``nif:Phrase`` whose
``itsrdf:taIdentRef`` is the entity) points at its sentence, each fact's ``rdf:Statement`` at the
sentences it was derived from. Any of these triples may be missing; the view keeps what there is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..namespaces import ID, NPC

__all__ = ["GraphView", "EntityView", "EdgeView", "SentenceView", "ReportView"]

_NPC = str(NPC)
_PLUMBING_PREFIXES = (_NPC, str(ID["report/"]), str(ID["stmt/"]))
_CHAR_FRAGMENT = re.compile(r"#char=(\d+),(\d+)$")


@dataclass(slots=True)
class SentenceView:
    iri: str
    text: str
    report: str | None
    begin: int  # in the report, for ordering; -1 when unknown
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # (begin, end, entity) in the sentence


@dataclass(slots=True)
class EntityView:
    iri: str
    label: str
    cls: str | None  # most specific npc: class, None when untyped
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    sentences: set[str] = field(default_factory=set)
    reports: set[str] = field(default_factory=set)


@dataclass(slots=True)
class EdgeView:
    subject: str
    predicate: str  # local name of the npc: property
    object: str
    evidence: set[tuple[str, str | None]] = field(default_factory=set)  # (sentence, post)
    dates: dict[str, str] = field(default_factory=dict)  # sentence -> the act's date there (npc:date)


@dataclass(slots=True)
class ReportView:
    iri: str
    label: str


@dataclass(slots=True)
class GraphView:
    entities: dict[str, EntityView]
    edges: dict[tuple[str, str, str], EdgeView]
    sentences: dict[str, SentenceView]
    reports: dict[str, ReportView]
    has_mentions: bool


def pick_label(names: Iterable[tuple[str, str]]) -> str | None:
    """Of (text, language) pairs, the name to show: Chinese, then untagged, then any language;
    the smallest of those for determinism."""
    names = list(names)
    for wanted in ("zh", "", None):
        found = sorted(text for text, language in names if wanted is None or language.lower().split("-")[0] == wanted)
        if found:
            return found[0]
    return None


def statistic_label(value: str | None, unit: str, approximate: str, counted: str) -> str:
    """325个代表小组: the number, its measure word and what it counts."""
    if value is None:
        return counted
    try:
        number = format(Decimal(value).normalize(), "f")
    except InvalidOperation:
        number = value
    return f"{'约' if approximate.lower() == 'true' else ''}{number}{unit}{counted}"


def sentence_view(key: str, report: str | None, begin: int | None, end: int | None, anchor: str | None,
                  report_text: Callable[[str], str | None]) -> SentenceView | None:
    """The sentence's text and report (its anchor, else its span of the report's text);
    None when there is no text for it."""
    if begin is None and (match := _CHAR_FRAGMENT.search(key)):
        begin, end = int(match[1]), int(match[2])
    text = anchor
    if text is None and report and begin is not None and end is not None:
        whole = report_text(report)
        text = whole[begin:end] if whole and end <= len(whole) else None
    return SentenceView(key, text, report, -1 if begin is None else begin) if text else None


def mark(entity: EntityView, sentence: SentenceView, begin: int | None, end: int | None, anchor: str) -> None:
    """Record a mention of ``entity`` in ``sentence``: where it is, by offsets or by its text."""
    entity.sentences.add(sentence.iri)
    span: tuple[int, int] | None = None
    if begin is not None and end is not None and sentence.begin >= 0:
        span = (begin - sentence.begin, end - sentence.begin)
        if not (0 <= span[0] < span[1] <= len(sentence.text)) or (anchor and sentence.text[span[0]:span[1]] != anchor):
            span = None
    if span is None and anchor and (at := sentence.text.find(anchor)) >= 0:
        span = (at, at + len(anchor))
    if span is not None:
        sentence.marks.append((span[0], span[1], entity.iri))


def add_date(edge: EdgeView, sentence: str, date: str) -> None:
    """The act's date in ``sentence`` (the earliest, should two statements give two)."""
    known = edge.dates.get(sentence)
    edge.dates[sentence] = date if known is None else min(known, date)


def add_edge_reports(entities: dict[str, EntityView], edges: dict[tuple[str, str, str], EdgeView], sentences: dict[str, SentenceView | None]) -> None:
    """An entity appears in the reports of the sentences stating its relations."""
    for edge in edges.values():
        reports = {sentences[iri].report for iri, _ in edge.evidence}  # type: ignore[union-attr]
        for end in (edge.subject, edge.object):
            entities[end].reports.update(r for r in reports if r)
