"""graph.ttl's groups written straight from the documents as text.

A report's group is ``turtle_blocks(report_triples(document))``: :mod:`npcgraph.rdf` mints the
triples as rdflib terms and :mod:`npcgraph.exports.turtle` formats them again. Minting and
formatting those terms was a third of what an extraction worker spends on a report in a
corpus build (issue 18); this module formats the same triples' text directly (the same IRIs,
literals, order and layout: :func:`~npcgraph.exports.turtle.subject_block`), the same bytes
(tests/test_reportpiece.py compares the two on every test report). The report's own node, with
its metadata and dates, is still made through rdflib: it is one block. So are the blocks of the
evidence statements (:func:`statement_blocks`, in the worker) and the entities group
(:class:`EntityBlocks`, in the main process once the reports are extracted).

What it writes must follow ``rdf._report_triples``, ``rdf.statement_triples`` and
``rdf.entity_triples``: a change there is a change here (the tests fail until both agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from rdflib import Literal

from .exports.turtle import Terms, first_predicates, group_heading, quote, subject_block, turtle_blocks
from .ids import statement_key
from .model import Document, Entity
from .namespaces import ID, ITSRDF, NIF, NPC, PREFIXES, PROV, RDF, RDFS, SKOS, XSD
from .rdf import date_literal, report_iri, report_triples

__all__ = ["report_group", "statement_blocks", "EntityBlocks"]

_BASE = str(ID)
_KEY = re.compile(r"[0-9a-z]+\Z")  # a report key whose parts' IRIs are all written <report/K…>
# No other prefix may claim an IRI below the base (then the parts would be written prefixed).
_PLAIN_PARTS = not any(str(ns).startswith(_BASE) and str(ns) != _BASE for ns in PREFIXES.values())


def report_group(document: Document) -> bytes:
    """``turtle_blocks(report_triples(document))``, formatted without rdflib terms but for
    the report's own node (and through them whole for a report whose key is not plain)."""
    report = document.report
    key = report.key
    terms = Terms(turtle=True)
    node = terms.iri(str(report_iri(report)))
    if not (_PLAIN_PARTS and _KEY.match(key) and node == f"<report/{key}>"):
        return turtle_blocks(report_triples(document))
    bare = replace(document, report=replace(report, sections=(), paragraphs=(), sentences=()), mentions=())
    head = turtle_blocks(report_triples(bare)).decode("utf-8")  # the heading and the report's block

    predicate = terms.predicate
    A = predicate(str(RDF.type))
    LABEL, HEADING, KIND, LEAD, SPEAKER = (predicate(str(p)) for p in (RDFS.label, NPC.heading, NPC.paragraphKind, NPC.leadPhrase, NPC.speaker))
    PART_OF, POSITION, LEVEL, IN_SECTION, IN_PARAGRAPH = (predicate(str(p)) for p in (NPC.partOf, NPC.position, NPC.level, NPC.inSection, NPC.inParagraph))
    CONTEXT, BEGIN, END, ANCHOR, SENTENCE = (predicate(str(p)) for p in (NIF.referenceContext, NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.sentence))
    IDENT, CLASS = predicate(str(ITSRDF.taIdentRef)), predicate(str(ITSRDF.taClassRef))
    iri = terms.iri
    npc, base = str(NPC), _BASE
    npc_section, npc_paragraph, nif_paragraph, npc_sentence, nif_sentence, nif_phrase = (
        iri(str(c)) for c in (NPC.Section, NPC.Paragraph, NIF.Paragraph, NPC.Sentence, NIF.Sentence, NIF.Phrase)
    )
    integer = '"{}"^^' + iri(str(XSD.nonNegativeInteger))
    numbers: dict[int, str] = {}

    def number(value: int) -> str:
        text = numbers.get(value)
        if text is None:
            text = numbers[value] = integer.format(value)
        return text

    def zh(text: str) -> str:
        return quote(text) + "@zh"

    text = report.text
    section_node = f"<report/{key}/section/{{}}>".format
    paragraph_node = f"<report/{key}/paragraph/{{}}>".format
    char_node = f"<report/{key}#char={{}},{{}}>".format

    sections: dict[int, dict[str, list[str]]] = {}
    for section in report.sections:
        heading = text[section.heading[0]:section.heading[1]] if section.heading else None
        pairs = [
            (A, npc_section),
            (PART_OF, section_node(section.parent) if section.parent is not None else node),
            (POSITION, number(section.index)), (LEVEL, number(section.level)), (CONTEXT, node),
            (BEGIN, number(section.begin)), (END, number(section.end)), (LABEL, zh(heading or "引言")),
        ]
        if heading:
            pairs.append((HEADING, zh(heading)))
        _add(sections.setdefault(section.index, {}), pairs)

    paragraphs: dict[int, dict[str, list[str]]] = {}
    for paragraph in report.paragraphs:
        pairs = [
            (A, npc_paragraph), (A, nif_paragraph), (CONTEXT, node), (BEGIN, number(paragraph.begin)),
            (END, number(paragraph.end)), (IN_SECTION, section_node(paragraph.section)),
            (POSITION, number(paragraph.index)), (KIND, quote(paragraph.kind)),
        ]
        if paragraph.lead:
            pairs.append((LEAD, zh(text[paragraph.lead[0]:paragraph.lead[1]])))
        if paragraph.speaker:
            pairs.append((SPEAKER, zh(paragraph.speaker)))
        _add(paragraphs.setdefault(paragraph.index, {}), pairs)

    spans: dict[tuple[int, int], dict[str, list[str]]] = {}
    for sentence in report.sentences:
        begin, end = sentence.begin, sentence.end
        _add(spans.setdefault((begin, end), {}), (
            (A, npc_sentence), (A, nif_sentence), (CONTEXT, node), (BEGIN, number(begin)), (END, number(end)),
            (ANCHOR, quote(text[begin:end])), (IN_SECTION, section_node(sentence.section)),
            (IN_PARAGRAPH, paragraph_node(sentence.paragraph)),
        ))
    sentences = report.sentences
    for mention in document.mentions:
        if mention.entity is None:
            continue
        sentence = sentences[mention.sentence]
        begin, end = mention.begin, mention.end
        _add(spans.setdefault((begin, end), {}), (
            (A, nif_phrase), (CONTEXT, node), (SENTENCE, char_node(sentence.begin, sentence.end)),
            (BEGIN, number(begin)), (END, number(end)), (ANCHOR, quote(text[begin:end])),
            (IDENT, iri(base + mention.entity)), (CLASS, iri(npc + mention.cls)),
        ))

    block = _blocks(terms)
    parts = [head, "\n"]
    parts += [block(section_node(index), sections[index]) for index in sorted(sections)]
    parts += [block(paragraph_node(index), paragraphs[index]) for index in sorted(paragraphs)]
    parts += [block(char_node(*span), spans[span]) for span in sorted(spans, key=lambda span: (span[0], -span[1]))]
    return ("".join(parts).rstrip("\n") + "\n").encode("utf-8")


def statement_blocks(document: Document) -> list[str]:
    """The subject blocks of the document's evidence statements in graph.ttl's order, as
    ``subject_blocks`` writes those of ``rdf.statement_triples`` (without the heading)."""
    terms = Terms(turtle=True)
    predicate, iri = terms.predicate, terms.iri
    A, SUBJECT, PREDICATE, OBJECT = (predicate(str(p)) for p in (RDF.type, RDF.subject, RDF.predicate, RDF.object))
    DERIVED, POST, DATE, EVENT = (predicate(str(p)) for p in (PROV.wasDerivedFrom, NPC.post, NPC.date, NPC.atEvent))
    VOTES = tuple(predicate(str(p)) for p in (NPC.votesFor, NPC.votesAgainst, NPC.abstentions))
    statement, base, npc, integer = iri(str(RDF.Statement)), _BASE, str(NPC), XSD.integer
    dates: dict[str, str] = {}
    subjects: dict[str, dict[str, list[str]]] = {}
    for relation in document.relations:
        subject, obj = iri(base + relation.subject), iri(base + relation.object)
        said = iri(npc + relation.predicate)
        for evidence in relation.evidence:
            key = statement_key(relation.subject, relation.predicate, relation.object, evidence.report, evidence.begin, evidence.end)
            pairs = [
                (A, statement), (SUBJECT, subject), (PREDICATE, said), (OBJECT, obj),
                (DERIVED, iri(f"{base}report/{evidence.report}#char={evidence.begin},{evidence.end}")),
            ]
            if relation.post:
                pairs.append((POST, quote(relation.post) + "@zh"))
            if evidence.date:
                date = dates.get(evidence.date)
                if date is None:
                    date = dates[evidence.date] = terms.literal(date_literal(evidence.date))
                pairs.append((DATE, date))
            if evidence.event:
                pairs.append((EVENT, iri(base + evidence.event)))
            if evidence.votes:
                for said_votes, count in zip(VOTES, evidence.votes):
                    if count is not None:
                        pairs.append((said_votes, terms.literal(Literal(count, datatype=integer))))
            _add(subjects.setdefault(f"stmt/{key}", {}), pairs)
    block = _blocks(terms)
    return [block(iri(base + path), subjects[path]) for path in sorted(subjects)]


class EntityBlocks:
    """The entities group of graph.ttl, a stretch of subjects at a time, as text: what
    ``turtle_blocks`` writes of those subjects' ``rdf.entity_triples`` and ``plain`` triples
    (the relations asserted plainly, rdflib terms, by subject)."""

    def __init__(self, entities: dict[str, tuple[Entity, set[str]]], plain: dict[str, list[tuple]]) -> None:
        self.entities = {_BASE + key: value for key, value in entities.items()}
        self.plain = plain
        self.terms = terms = Terms(turtle=True)
        self.block = _blocks(terms)
        predicate = terms.predicate
        self.said = {name: predicate(str(p)) for name, p in (
            ("a", RDF.type), ("label", RDFS.label), ("pref", SKOS.prefLabel), ("alt", SKOS.altLabel), ("value", NPC.value),
            ("approximate", NPC.approximate), ("unit", NPC.unit), ("effective", NPC.effectiveDate), ("date", NPC.date),
            ("term", NPC["term"]), ("session", NPC.sessionNumber),
        )}
        self.concept = terms.iri(str(SKOS.Concept))
        self.typed: dict[tuple[object, ...], str] = {}  # (kind, value's text, datatype) -> the literal written

    def _literal(self, kind: object, value: object, datatype: object = None) -> str:
        """A typed literal's text, made through rdflib once per value (a statistic's number,
        approximate, term, session; a date, ``kind`` "date"): thousands of entities share them."""
        key = (kind, str(value), datatype)
        text = self.typed.get(key)
        if text is None:
            made = date_literal(value) if kind == "date" else Literal(value) if datatype is None else Literal(value, datatype=datatype)
            text = self.typed[key] = self.terms.literal(made)
        return text

    def stretch(self, subjects: list[str]) -> bytes:
        """The group's piece of these subjects (IRIs, in graph.ttl's order), its heading first."""
        terms, said, block = self.terms, self.said, self.block
        iri, predicate, term, typed = terms.iri, terms.predicate, terms.term, self._literal
        npc, decimal, integer = str(NPC), XSD.decimal, XSD.integer
        parts = []
        for subject in subjects:
            predicates: dict[str, list[str]] = {}
            found = self.entities.get(subject)
            if found is not None:
                entity, alt_labels = found
                label = quote(entity.label) + "@zh"
                pairs = [(said["a"], iri(npc + entity.cls))]
                if entity.cls == "Concept":
                    pairs.append((said["a"], self.concept))
                pairs += [(said["label"], label), (said["pref"], label)]
                pairs += [(said["alt"], quote(alt) + "@zh") for alt in sorted(set(alt_labels) - {entity.label})]
                if entity.value is not None:
                    pairs.append((said["value"], typed(type(entity.value), entity.value, decimal)))
                    pairs.append((said["approximate"], typed(bool, entity.approximate)))
                if entity.unit:
                    pairs.append((said["unit"], quote(entity.unit) + "@zh"))
                if entity.effective_date:
                    pairs.append((said["effective"], typed("date", entity.effective_date)))
                if entity.date:
                    pairs.append((said["date"], typed("date", entity.date)))
                if entity.term is not None:
                    pairs.append((said["term"], typed(type(entity.term), entity.term, integer)))
                if entity.session is not None:
                    pairs.append((said["session"], typed(type(entity.session), entity.session, integer)))
                _add(predicates, pairs)
            _add(predicates, ((predicate(p), term(o)) for _, p, o in self.plain.get(subject, ())))
            if predicates:
                parts.append(block(iri(subject), predicates))
        if not parts:
            return b""
        return (f"# {group_heading(0, '')}\n" + "".join(parts).rstrip("\n") + "\n").encode("utf-8")  # (group 0: the entities)


def _blocks(terms: Terms) -> Callable[[str, dict[str, list[str]]], str]:
    """A subject's block as ``subject_block`` writes it, the order of its predicates sorted
    once for each set of predicates."""
    first = first_predicates(terms)
    orders: dict[tuple[str, ...], list[str]] = {}

    def block(rendered: str, predicates: dict[str, list[str]]) -> str:
        shape = tuple(predicates)
        order = orders.get(shape)
        if order is None:
            order = orders[shape] = sorted(shape, key=lambda p: (first.get(p, len(first)), p))
        return subject_block(rendered, predicates, order)

    return block


def _add(predicates: dict[str, list[str]], pairs: Iterable[tuple[str, str]]) -> None:
    for predicate, obj in pairs:
        objects = predicates.get(predicate)
        if objects is None:
            predicates[predicate] = [obj]
        else:
            objects.append(obj)
