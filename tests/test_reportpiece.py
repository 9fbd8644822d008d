"""A report's group of graph.ttl written straight to text (npcgraph.reportpiece) is the same
bytes as its triples minted through rdflib and formatted by the Turtle writer."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

import npcgraph
from npcgraph.exports.turtle import subject_blocks, subject_order, turtle_blocks
from npcgraph.model import Corpus, Evidence, Mention, Paragraph, Section
from npcgraph.namespaces import ID
from npcgraph.rdf import corpus_entities, entity_iri, entity_triples, fact_triple, report_triples, statement_triples
from npcgraph.reportpiece import EntityBlocks, report_group, statement_blocks

DATA = Path(__file__).parent / "data"


def _generic(document) -> bytes:  # noqa: ANN001 - a Document
    return turtle_blocks(report_triples(document))


@pytest.fixture(scope="module")
def documents():
    paths = sorted(DATA.glob("*/report.txt"))
    assert len(paths) >= 10
    return npcgraph.build(paths, names="rules").documents


def test_every_test_report_gives_the_writers_bytes(documents, seed_document, tiny_corpus):
    for document in (*documents, seed_document, *tiny_corpus.documents):
        assert report_group(document) == _generic(document), document.report.source_file


def _generic_statements(document) -> list[str]:  # noqa: ANN001 - a Document
    return subject_blocks(t for r in document.relations for e in r.evidence for t in statement_triples(r, e))


def test_every_test_reports_statements_give_the_writers_blocks(documents, seed_document, tiny_corpus):
    for document in (*documents, seed_document, *tiny_corpus.documents):
        assert statement_blocks(document) == _generic_statements(document), document.report.source_file


def test_statements_with_every_detail_and_twice_stated_give_the_writers_blocks(seed_document):
    """A post, dates of each precision and one that is no date, a meeting, votes with one
    count missing, and one fact and sentence stated by two relations (one statement: merged)."""
    key = seed_document.report.key
    relation = seed_document.relations[0]
    details = (
        Evidence(key, 0, 10, date="2021", event=relation.object, votes=(50, 0, None)),
        Evidence(key, 10, 20, date="2021-03"),
        Evidence(key, 20, 30, date="2021-03-05", votes=(1, 2, 3)),
        Evidence(key, 30, 40, date="三月"),
    )
    extra = (
        replace(relation, evidence=details, post='主任"甲"'),
        replace(relation, evidence=details[:1], post="副主任"),
    )
    document = replace(seed_document, relations=(*seed_document.relations, *extra))
    blocks = statement_blocks(document)
    assert blocks == _generic_statements(document)
    assert any("npc:votesFor 50" in block and "npc:post" in block for block in blocks)
    assert statement_blocks(replace(seed_document, relations=())) == []


def test_spans_named_twice_are_one_block_as_the_writer_merges_them(seed_document):
    """A mention over a whole sentence shares the sentence's IRI; two mentions of one span
    share theirs (their objects merged, sorted, each once); a mention without an entity is
    not written."""
    report = seed_document.report
    sentence = report.sentences[3]
    first = seed_document.mentions[0]
    extra = (
        Mention(sentence.begin, sentence.end, 3, "Organization", "org/a-whole-sentence"),
        replace(first, cls="Place", entity="place/another-reading"),
        replace(first),  # the same mention again: written once
        Mention(sentence.begin, sentence.begin + 2, 3, "Person", None),
    )
    document = replace(seed_document, mentions=(*seed_document.mentions, *extra))
    piece = report_group(document)
    assert piece == _generic(document)
    text = piece.decode("utf-8")
    assert f"<report/{report.key}#char={sentence.begin},{sentence.end}> a npc:Sentence , nif:Phrase , nif:Sentence ;" in text
    assert "<org/a-whole-sentence>" in text and "<place/another-reading>" in text


def test_odd_text_structure_and_keys_give_the_writers_bytes(seed_document):
    """Quotes, backslashes, control characters and line breaks in the text; a section whose
    heading is empty, nested sections, a paragraph with a lead phrase and a speaker; sections
    and paragraphs out of order; a report key that is not plain (written through rdflib)."""
    report = seed_document.report
    text = 'a "quoted" \\ back\x01slash\nnext line' + report.text[35:]
    sections = (
        Section(2, 10, 40, level=2, heading=(10, 12), parent=0),
        Section(0, 0, len(text), heading=(0, 0)),
        *report.sections[1:],
    )
    paragraphs = (
        Paragraph(report.paragraphs[0].index, 0, 30, 0, kind="answer", lead=(2, 8), speaker='记者"甲"'),
        *reversed(report.paragraphs[1:]),
    )
    odd = replace(seed_document, report=replace(report, text=text, sections=sections, paragraphs=paragraphs))
    assert report_group(odd) == _generic(odd)
    for key in ("ABC123", "a-b", "0f/x"):
        renamed = replace(odd, report=replace(odd.report, key=key))
        assert report_group(renamed) == _generic(renamed), key


def _entity_group(corpus, dated: bool = False) -> tuple[list[str], bytes, bytes]:  # noqa: ANN001 - a Corpus
    """(the subjects, EntityBlocks' stretch of them, turtle_blocks of their triples)."""
    entities = corpus_entities(corpus)
    if dated:  # every detail an entity can have, on a few of them
        for key in sorted(entities)[:3]:
            entity, alt_labels = entities[key]
            entities[key] = (replace(
                entity, cls="Concept", value=Decimal("12.50"), approximate=True, unit="件", effective_date="2021-03-05",
                date="二〇二一年", term=14, session=2,
            ), alt_labels | {"别名", entity.label})
    plain: dict[str, list] = {}
    for document in corpus.documents:
        for relation in document.relations:
            triple = fact_triple(relation)
            plain.setdefault(str(triple[0]), []).append(triple)
    subjects = sorted({str(entity_iri(key)) for key in entities} | set(plain), key=lambda s: (subject_order(s, s), s))
    generic = turtle_blocks(
        t for s in subjects for t in (*(entity_triples(*entities[s[len(str(ID)):]]) if s[len(str(ID)):] in entities else ()), *plain.get(s, ()))
    )
    return subjects, EntityBlocks(entities, plain).stretch(subjects), generic


def test_the_entities_group_gives_the_writers_bytes(documents, seed_corpus, tiny_corpus):
    for corpus in (Corpus(documents=tuple(documents)), seed_corpus, tiny_corpus):
        subjects, written, generic = _entity_group(corpus)
        assert subjects and written == generic
    subjects, written, generic = _entity_group(tiny_corpus, dated=True)
    assert written == generic
    assert b"skos:Concept" in written and b"npc:sessionNumber 2" in written and b"\xe5\x88\xab\xe5\x90\x8d" in written
    assert EntityBlocks({}, {}).stretch([]) == b""
