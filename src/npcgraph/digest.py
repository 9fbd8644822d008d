"""A report's digest: what the viewer, the build's summary and an incremental build read of it.

The worker that extracts a report also makes its digest (a :class:`~npcgraph.pipeline.Rendering`,
cached beside its Turtle piece): plain tuples and strings, a few kilobytes, quick to load, where
the :class:`~npcgraph.model.Document` of the same report is hundreds of frozen objects (loading
the 1,000 documents of a corpus from the cache takes 15 s, their digests under one).

    digest_rendering(provenance) -> Rendering       made in the worker, at the graph's provenance
    load_digest(bytes) -> Digest                    its fields, as the graph has them:
        key, source_file, encoding, label           the report (label: its title or file name)
        links                                       (dcterms:creator, dcterms:publisher, npc:reportingBody) entity keys
        sections, paragraphs                        how many
        text                                        the report's text
        nodes                                       (begin, end) of every sentence the graph keeps
        mentions                                    (entity, begin, end, sentence begin, sentence end), each phrase once
        entities, relations                         as tuples: entity_of / relation_of make the model's objects
    merged_entities(digests)                        each entity once, merged as graph.ttl merges it
    class_counts(digests)                           npcgraph.stats.class_counts of the graph, without the graph

Everything here is a function of the documents the graph is made from, after
:mod:`~npcgraph.provenance` (``facts`` keeps no mentions and only the stated sentences).
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from .cache import files_fingerprint
from .model import Document, Entity, Evidence, Relation
from .namespaces import TEXT_CLASSES, TEXT_PROPERTIES, NPC
from .pipeline import Rendering
from .provenance import check_provenance, facts_only

__all__ = [
    "Digest", "digest_of", "digest_rendering", "load_digest", "entity_of", "relation_of",
    "merged_entities", "class_counts",
]

_FORMAT = 1
_NPC = str(NPC)


class Digest(NamedTuple):
    key: str
    source_file: str
    encoding: str | None
    label: str
    links: tuple[str | None, str | None, str | None]  # author, publisher, reporting body
    sections: int
    paragraphs: int
    text: str
    nodes: tuple[tuple[int, int], ...]  # the sentences the graph keeps, in text order
    mentions: tuple[tuple[str, int, int, int, int], ...]
    # (key, cls, label, alt_labels, value, approximate, unit, effective_date, date, term, session)
    entities: tuple[tuple, ...]
    # (subject, predicate, object, post, ((report, begin, end, date, event, votes), ...))
    relations: tuple[tuple, ...]


def digest_of(document: Document) -> Digest:
    """The digest of a document, as the graph shows it (apply the provenance first)."""
    report = document.report
    sentences = report.sentences
    seen: set[tuple[str, int, int]] = set()
    mentions = []
    for mention in document.mentions:
        if mention.entity is None or (mention.entity, mention.begin, mention.end) in seen:
            continue
        seen.add((mention.entity, mention.begin, mention.end))
        sentence = sentences[mention.sentence]
        mentions.append((mention.entity, mention.begin, mention.end, sentence.begin, sentence.end))
    entities = tuple(
        (e.key, e.cls, e.label, tuple(e.alt_labels), None if e.value is None else str(e.value), e.approximate,
         e.unit, e.effective_date, e.date, e.term, e.session)
        for e in document.entities
    )
    relations = tuple(
        (r.subject, r.predicate, r.object, r.post,
         tuple((v.report, v.begin, v.end, v.date, v.event, v.votes) for v in r.evidence))
        for r in document.relations
    )
    return Digest(
        report.key, report.source_file, report.metadata.encoding, report.metadata.title or report.source_file,
        (document.author, document.publisher, document.reporting_body),
        len(report.sections), len(report.paragraphs), report.text,
        tuple((s.begin, s.end) for s in sentences), tuple(mentions), entities, relations,
    )


def _digest_bytes(document: Document) -> bytes:
    return pickle.dumps((_FORMAT, tuple(digest_of(document))), protocol=pickle.HIGHEST_PROTOCOL)


def _digest_bytes_facts(document: Document) -> bytes:
    return _digest_bytes(facts_only(document))


def digest_rendering(provenance: str = "full") -> Rendering:
    """The rendering that makes each report's digest in its worker, at ``provenance``."""
    make = _digest_bytes if check_provenance(provenance) == "full" else _digest_bytes_facts
    version = "digest-" + ("" if provenance == "full" else provenance + "-")
    return Rendering(make, version + files_fingerprint(("digest.py", "model.py", "provenance.py")))


def load_digest(data: bytes) -> Digest:
    """A digest from its bytes (ValueError when they are not one of this version's)."""
    try:
        version, fields = pickle.loads(data)
    except Exception as exc:  # a truncated or foreign entry
        raise ValueError("not a digest") from exc
    if version != _FORMAT:
        raise ValueError("a digest of another version")
    return Digest(*fields)


def entity_of(fields: tuple) -> Entity:
    key, cls, label, alt_labels, value, approximate, unit, effective, date, term, session = fields
    return Entity(key, cls, label, alt_labels, None if value is None else Decimal(value), approximate, unit, effective, date, term, session)


def relation_of(fields: tuple) -> Relation:
    subject, predicate, obj, post, evidence = fields
    return Relation(subject, predicate, obj, tuple(Evidence(*item) for item in evidence), post)


_DATED = slice(7, 11)  # effective_date, date, term, session


def merged_entities(digests: Iterable[Digest], keys: set[str] | None = None) -> dict[str, tuple[tuple, set[str]]]:
    """Each entity (of ``keys``, or all) once: the fields of the first report's (in the
    order given: the corpus's, by report key), with the dates, 届 and 次 it lacks taken from
    later ones, and its alt labels over every report (:func:`npcgraph.rdf.corpus_entities`)."""
    merged: dict[str, tuple[tuple, set[str]]] = {}
    for digest in digests:
        for fields in digest.entities:
            key = fields[0]
            if keys is not None and key not in keys:
                continue
            found = merged.get(key)
            if found is None:
                merged[key] = (fields, set(fields[3]))
                continue
            first, alt_labels = found
            alt_labels.update(fields[3])
            if any(a is None and b is not None for a, b in zip(first[_DATED], fields[_DATED])):
                dated = tuple(b if a is None else a for a, b in zip(first[_DATED], fields[_DATED]))
                merged[key] = (first[:7] + dated, alt_labels)
    return merged


def class_counts(digests: Sequence[Digest], merged: Mapping[str, tuple[tuple, set[str]]] | None = None) -> Counter[str]:
    """What :func:`npcgraph.stats.class_counts` counts in the graph of these digests (in
    corpus order): instances per ``npc:`` class, ``(mentions)`` and ``(relations)``.
    ``merged``: their :func:`merged_entities`, when already made."""
    counts: Counter[str] = Counter()
    entities = merged_entities(digests) if merged is None else merged
    for fields, _ in entities.values():
        counts[fields[1]] += 1
    counts["Report"] += len(digests)
    phrases = 0
    typed = {key for key, (fields, _) in entities.items() if fields[1] not in TEXT_CLASSES}
    relations: set[tuple[str, str, str]] = set()
    for digest in digests:
        counts["Section"] += digest.sections
        counts["Paragraph"] += digest.paragraphs
        counts["Sentence"] += len(set(digest.nodes))
        phrases += len({(begin, end) for _, begin, end, _, _ in digest.mentions})
        for subject, predicate, obj, _, _ in digest.relations:
            if subject in typed and obj in typed and _NPC + predicate not in TEXT_PROPERTIES:
                relations.add((subject, predicate, obj))
    counts = Counter({name: count for name, count in counts.items() if count})
    counts["(mentions)"] = phrases
    counts["(relations)"] = len(relations)
    return counts
