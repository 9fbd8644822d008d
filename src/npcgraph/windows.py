"""Very long reports extracted a window of text at a time, with offsets into the whole report.

Extraction holds, for the text it reads, every finder's candidates and every sentence's
cues; a 50 MB report read at once needs gigabytes. A report longer than ``WINDOW``
characters is therefore cut into windows of about ``WINDOW`` characters, at paragraph starts
(at sentence starts inside a paragraph longer than a window: a page with no line breaks), and
each window is extracted as a report of its own, carrying what the extractor needs to know
from outside it:

- the report's metadata (title, byline, reporting body) and key, so that entity keys and
  evidence are the whole report's;
- the report's place (its jurisdiction, which resolves 市人大常委会), inferred once from the
  whole text and carried on each window's Report (``Report.place``);
- the headings of the sections open where the window starts, and an interview's last
  question, written before the window's text, so that plan sections (2023年工作安排) and
  answers about plans are known; what is found in them belongs to an earlier window and is
  dropped;
- for relations, every entity of the whole report (organs find their parent bodies among
  them, meetings the body holding them): entities are found in every window first, then
  relations in every window.

Offsets found in a window are moved back into the whole report's text, so that
``report.text[begin:end]`` is each mention's and sentence's anchor. The result equals a whole
run except where a name's resolution depends on text in another window: 《条例》 for the
instrument named last, 供水条例 for 《武汉市供水条例》 named elsewhere, or an entity whose mentions
disagree on its class (each window's majority is kept, the first window's wins).

    report ── window_bounds ──┬─ window 1: prefix + text[a1:b1] ─ metadata, entities ─┐
                              ├─ window 2 ...                                        ├─ all entities
                              └─ ...                                                 ┘      │
                                 each window again: relations with all entities ◄───────────┘
                                 ──► mentions, entities, relations of the whole report
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .extract import STAGES, Stage
from .extract.context import infer_place
from .model import Document, Entity, Evidence, Mention, Paragraph, Relation, Report, Section, Sentence

__all__ = ["WINDOW", "window_bounds", "extract_windowed"]

WINDOW = 500_000  # characters of report text extracted at a time


def window_bounds(report: Report, window: int = WINDOW) -> list[tuple[int, int]]:
    """``(begin, end)`` of each window: consecutive, covering the text, each ending where a
    paragraph starts (or a sentence, inside a paragraph longer than ``window``)."""
    begins = _Begins.of(report)
    cuts = sorted(
        {p.begin for p in report.paragraphs}
        | {s.begin for p in report.paragraphs if p.end - p.begin > window for s in _sentences_of(report, begins, p)}
    )
    bounds = []
    begin, length = 0, len(report.text)
    while begin < length:
        if length - begin <= window:
            end = length
        else:
            at = bisect_right(cuts, begin + window) - 1
            if cuts and at >= 0 and cuts[at] > begin:
                end = cuts[at]
            else:  # no cut within a window: the next one
                later = bisect_right(cuts, begin)
                end = cuts[later] if later < len(cuts) else length
        bounds.append((begin, end))
        begin = end
    return bounds


@dataclass(frozen=True, slots=True)
class _Begins:
    """The begin offsets of a report's paragraphs and sentences, for bisection."""

    paragraphs: list[int]
    sentences: list[int]

    @staticmethod
    def of(report: Report) -> _Begins:
        return _Begins([p.begin for p in report.paragraphs], [s.begin for s in report.sentences])


def _sentences_of(report: Report, begins: _Begins, paragraph: Paragraph) -> tuple[Sentence, ...]:
    return report.sentences[bisect_left(begins.sentences, paragraph.begin):bisect_left(begins.sentences, paragraph.end)]


@dataclass(slots=True)
class _Window:
    """One window as a report of its own: ``prefix`` characters of context, then the text."""

    report: Report  # offsets into the window's own text
    begin: int  # where the window starts in the whole text
    prefix: int  # characters of context before the window's text
    first_sentence: int  # the whole report's index of the window's first sentence
    prefix_sentences: int  # sentences of the context

    def mention(self, mention: Mention) -> Mention | None:
        """A mention of the window's report in the whole report; None in the context."""
        if mention.begin < self.prefix:
            return None
        shift = self.begin - self.prefix
        return replace(
            mention,
            begin=mention.begin + shift,
            end=mention.end + shift,
            sentence=mention.sentence - self.prefix_sentences + self.first_sentence,
        )

    def evidence(self, evidence: Evidence) -> Evidence | None:
        if evidence.begin < self.prefix:
            return None
        shift = self.begin - self.prefix
        return replace(evidence, begin=evidence.begin + shift, end=evidence.end + shift)


def _window(report: Report, begins: _Begins, begin: int, end: int) -> _Window:
    """The window ``[begin, end)`` of ``report`` with its context (see the module docstring)."""
    first_paragraph = max(bisect_right(begins.paragraphs, begin) - 1, 0)
    last_paragraph = bisect_left(begins.paragraphs, end)  # exclusive
    first_sentence = bisect_left(begins.sentences, begin)
    last_sentence = bisect_left(begins.sentences, end)

    # The sections open where the window starts, outermost first, and their heading lines.
    open_sections: list[int] = []
    if report.paragraphs:
        index: int | None = report.paragraphs[first_paragraph].section
        while index is not None:
            if report.sections[index].begin < begin:
                open_sections.append(index)
            index = report.sections[index].parent
        open_sections.reverse()
    context: list[int] = []  # paragraphs written before the window's text
    for index in open_sections:
        section = report.sections[index]
        if section.heading is not None:
            at = bisect_right(begins.paragraphs, section.begin) - 1
            if at >= 0 and report.paragraphs[at].kind == "heading":
                context.append(at)
    if report.paragraphs and report.paragraphs[first_paragraph].kind == "answer":
        question = next(
            (p.index for p in reversed(report.paragraphs[:first_paragraph]) if p.kind in ("question", "heading")), None
        )
        if question is not None and report.paragraphs[question].kind == "question":
            context.append(question)
    context = sorted(set(context))

    pieces: list[str] = []
    where: dict[int, int] = {}  # context paragraph -> its offset in the window's text
    size = 0
    for index in context:
        paragraph = report.paragraphs[index]
        where[index] = size
        pieces.append(report.text[paragraph.begin:paragraph.end] + "\n")
        size += paragraph.end - paragraph.begin + 1
    prefix = size
    pieces.append(report.text[begin:end])

    def at(offset: int, paragraph: int | None = None) -> int:
        """A whole-text offset in the window's text (in the context paragraph given)."""
        if paragraph is not None and paragraph in where:
            return where[paragraph] + offset - report.paragraphs[paragraph].begin
        return prefix + min(max(offset, begin), end) - begin

    # Sections: the open ones, then those starting in the window, renumbered.
    kept = open_sections + [
        s.index for s in report.sections if begin <= s.begin < end and s.index not in open_sections
    ]
    number = {index: n for n, index in enumerate(kept)}
    heading_paragraph = {index: p for p in context for index in open_sections if report.sections[index].begin == report.paragraphs[p].begin}
    sections = []
    for index in kept:
        section = report.sections[index]
        heading_in = heading_paragraph.get(index)
        if section.begin < begin:
            start = where[heading_in] if heading_in is not None else 0
        else:
            start = at(section.begin)
        heading = None
        if section.heading is not None:
            heading = (at(section.heading[0], heading_in), at(section.heading[1], heading_in))
        sections.append(
            Section(
                number[index], start, max(at(section.end), start), section.level, heading,
                number.get(section.parent) if section.parent is not None else None,
            )
        )

    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    new_paragraph: dict[int, int] = {}

    def add_paragraph(paragraph: Paragraph, in_context: bool) -> None:
        new_paragraph[paragraph.index] = len(paragraphs)
        owner = paragraph.index if in_context else None
        lead = paragraph.lead
        if lead is not None and not in_context and not (begin <= lead[0] and lead[1] <= end):
            lead = None
        paragraphs.append(
            Paragraph(
                len(paragraphs), at(paragraph.begin, owner), at(paragraph.end, owner),
                number.get(paragraph.section, 0), paragraph.kind,
                (at(lead[0], owner), at(lead[1], owner)) if lead else None, paragraph.speaker,
            )
        )

    for index in context:
        paragraph = report.paragraphs[index]
        add_paragraph(paragraph, True)
        for sentence in _sentences_of(report, begins, paragraph):
            sentences.append(
                Sentence(len(sentences), at(sentence.begin, index), at(sentence.end, index), new_paragraph[index], number.get(sentence.section, 0))
            )
    prefix_sentences = len(sentences)
    for paragraph in report.paragraphs[first_paragraph:last_paragraph]:
        if paragraph.end > begin or paragraph.begin >= begin:
            add_paragraph(paragraph, False)
    for sentence in report.sentences[first_sentence:last_sentence]:
        sentences.append(
            Sentence(len(sentences), at(sentence.begin), at(sentence.end), new_paragraph[sentence.paragraph], number.get(sentence.section, 0))
        )
    window_report = replace(
        report, text="".join(pieces), sections=tuple(sections), paragraphs=tuple(paragraphs), sentences=tuple(sentences)
    )
    return _Window(window_report, begin, prefix, first_sentence, prefix_sentences)


def _windows(report: Report, window: int) -> Iterator[_Window]:
    begins = _Begins.of(report)
    for begin, end in window_bounds(report, window):
        yield _window(report, begins, begin, end)


def _merge_entity(earlier: Entity, later: Entity) -> Entity:
    names = set(earlier.alt_labels) | set(later.alt_labels) | {later.label}
    names.discard(earlier.label)
    return replace(earlier, alt_labels=tuple(sorted(names)))


#: How each stage of :data:`npcgraph.extract.STAGES` runs here, by name: on each window alone,
#: on each window knowing every entity of the report, or once on the whole report after them.
HOW_STAGES_RUN = {
    "metadata_entities": "window",
    "find_entities": "window",
    "extract_relations": "across",
    "document_facts": "whole",
    "extract_acts": "whole",
}


def _stages(how: str) -> tuple[Stage, ...]:
    """The stages that run ``how``, in their order (a stage windows.py does not know is an error)."""
    return tuple(stage for stage in STAGES if HOW_STAGES_RUN[stage.__name__] == how)


def _run(stages: tuple[Stage, ...], document: Document) -> Document:
    for stage in stages:
        document = stage(document)
    return document


def extract_windowed(report: Report, window: int = WINDOW) -> Document:
    """Every extraction stage over ``report``, a window of ``window`` characters at a time
    (see the module docstring); offsets are the whole report's."""
    carrier = replace(report, place=(infer_place(report),))  # every window knows the report's place
    # 1. Entities, window by window; the window's mentions kept for its relations.
    entities: dict[str, Entity] = {}
    found: list[tuple[Mention, ...]] = []
    metadata_relations: list[tuple[Relation, ...]] = []
    first: Document | None = None
    for part in _windows(carrier, window):
        document = _run(_stages("window"), Document(report=part.report))
        first = first or document
        found.append(document.mentions)
        metadata_relations.append(document.relations)
        for entity in document.entities:
            earlier = entities.get(entity.key)
            entities[entity.key] = entity if earlier is None else _merge_entity(earlier, entity)
    assert first is not None
    every_entity = tuple(entities[key] for key in sorted(entities))

    # 2. Relations, window by window, knowing every entity of the report.
    mentions: list[Mention] = []
    evidence: dict[tuple[str, str, str, str | None], set[Evidence]] = {}
    for number, part in enumerate(_windows(carrier, window)):
        window_mentions, relations = found[number], metadata_relations[number]
        found[number] = metadata_relations[number] = ()  # moved below: not held twice
        document = _run(
            _stages("across"),
            Document(
                report=part.report, mentions=window_mentions, entities=every_entity, relations=relations,
                author=first.author, publisher=first.publisher, reporting_body=first.reporting_body,
            ),
        )
        mentions.extend(m for m in map(part.mention, window_mentions) if m is not None)
        for relation in document.relations:
            moved = {e for e in map(part.evidence, relation.evidence) if e is not None}
            if moved:
                evidence.setdefault((relation.subject, relation.predicate, relation.object, relation.post), set()).update(moved)
    mentions.sort(key=lambda m: (m.begin, -m.end, m.cls, m.entity or ""))
    # the facts of the whole report, then time, meetings and votes read it at once (a date
    # anchors 同日 windows later), as the stages do after a whole run
    return _run(_stages("whole"), Document(
        report=report,
        mentions=tuple(mentions),
        entities=every_entity,
        relations=tuple(
            Relation(subject, predicate, obj, tuple(sorted(found_in)), post)
            for (subject, predicate, obj, post), found_in in sorted(
                evidence.items(), key=lambda item: (item[0][0], item[0][1], item[0][2], item[0][3] or "")
            )
        ),
        author=first.author,
        publisher=first.publisher,
        reporting_body=first.reporting_body,
    ))
