"""How much of the text behind the facts a graph keeps: ``full`` (the default) or ``facts``.

    full    the graph contract: the report's text and structure, every sentence, one
            ``nif:Phrase`` per mention (eight triples each: most of graph.ttl), the entities,
            the relations and one ``rdf:Statement`` per sentence that states each fact
    facts   the same without the mentions' phrases, and with only the sentences that state
            a fact (those the statements' ``prov:wasDerivedFrom`` point to); the report's
            text, sections and paragraphs stay, so every kept offset still means what it did

A graph of ``facts`` is a subgraph of the ``full`` one (tests/test_provenance.py): the same
IRIs, offsets and statements, fewer triples. What it cannot answer is what is read from
the mentions' phrases: where an entity is named (the viewer's mention counts and the evidence
panel's mention sentences, the summary's ``(mentions)``) and the canned queries that join
mentions (``mentions``, ``programs-by-section``, ``shared-instruments``, ``statistics``, and
``supervision``'s pairing of an activity with its target); ``reports`` counts the sentences
and mentions kept. ``evidence``, ``acts-of-body``, ``instruments`` and ``members`` give the
same rows (tested).

Both are plain functions of the data model, applied to the documents before they are made
into triples, never to what the extraction cache holds.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import InputError
from .model import Corpus, Document

__all__ = ["PROVENANCE", "DEFAULT_PROVENANCE", "check_provenance", "facts_only", "with_provenance"]

#: The levels, the default first.
PROVENANCE = ("full", "facts")
DEFAULT_PROVENANCE = "full"


def check_provenance(level: str) -> str:
    if level not in PROVENANCE:
        raise InputError("E116", level=level, choices=", ".join(PROVENANCE))
    return level


def facts_only(document: Document) -> Document:
    """The document without its mentions, and with only the sentences that state a fact."""
    report = document.report
    stated = {
        (evidence.begin, evidence.end)
        for relation in document.relations
        for evidence in relation.evidence
        if evidence.report == report.key
    }
    sentences = tuple(sentence for sentence in report.sentences if (sentence.begin, sentence.end) in stated)
    return replace(document, report=replace(report, sentences=sentences), mentions=())


def with_provenance(corpus: Corpus, level: str) -> Corpus:
    """The corpus as a graph of provenance ``level`` shows it (the same corpus for ``full``)."""
    if check_provenance(level) == "full":
        return corpus
    return Corpus(tuple(facts_only(document) for document in corpus.documents))
