"""SHACL validation: good graphs conform; each kind of breakage is reported where it is."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef

import npcgraph
from npcgraph.cli import main
from npcgraph.namespaces import ID, ITSRDF, NIF, NPC, PROV, RDF, RDFS, SKOS, XSD
from npcgraph.serialization import serialize
from npcgraph.validation import format_results, validate

BODY = ID["org/wu-han-shi-ren-da-chang-wei-hui-47337c00"]
PERSON = ID["person/hu-li-shan-27b26719"]
WATER = ID["instrument/wu-han-shi-gong-shui-tiao-li-725a5d6f"]


@pytest.fixture(scope="module")
def tiny_graph(tiny_corpus) -> Graph:
    return npcgraph.to_graph(tiny_corpus)


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy.addN((s, p, o, copy) for s, p, o in graph)
    return copy


def _one(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def test_the_seed_graph_conforms(seed_graph):
    started = time.perf_counter()
    report = validate(seed_graph)
    elapsed = time.perf_counter() - started
    assert report.conforms, format_results(report, seed_graph)
    assert elapsed < 60, f"validation took {elapsed:.1f} s"


def test_the_tiny_graph_conforms(tiny_graph):
    report = validate(tiny_graph)
    assert report.conforms and report.results == ()


def test_validation_leaves_the_graph_alone(tiny_graph):
    before = len(tiny_graph)
    validate(tiny_graph)
    assert len(tiny_graph) == before


# Each breakage: what to change, then (focus, path, words of the message) that must be reported.
def _second_label(g: Graph) -> tuple:
    g.add((BODY, RDFS.label, Literal("武汉市人大", lang="zh")))
    return BODY, RDFS.label, "exactly one rdfs:label"


def _english_label(g: Graph) -> tuple:
    g.remove((PERSON, RDFS.label, None))
    g.add((PERSON, RDFS.label, Literal("Hu Lishan", lang="en")))
    return PERSON, RDFS.label, "in @zh"


def _pref_label_differs(g: Graph) -> tuple:
    g.remove((WATER, SKOS.prefLabel, None))
    g.add((WATER, SKOS.prefLabel, Literal("供水条例", lang="zh")))
    return WATER, SKOS.prefLabel, "skos:prefLabel is its rdfs:label"


def _relation_without_evidence(g: Graph) -> tuple:
    g.add((BODY, NPC.repealed, WATER))
    return BODY, NPC.repealed, "no rdf:Statement"


def _wrong_range(g: Graph) -> tuple:
    activity = _one(g, NPC.SupervisionActivity)
    g.add((BODY, NPC.enacted, activity))
    return BODY, NPC.enacted, "points at an instrument"


def _wrong_domain(g: Graph) -> tuple:
    statistic = _one(g, NPC.Statistic)
    g.add((statistic, NPC.issued, WATER))
    return statistic, None, "subject of npc:issued is an organization or person"


def _offsets_outside_the_text(g: Graph) -> tuple:
    sentence = _one(g, NPC.Sentence)
    g.remove((sentence, NIF.endIndex, None))
    g.add((sentence, NIF.endIndex, Literal(9999, datatype=XSD.nonNegativeInteger)))
    report = g.value(sentence, NIF.referenceContext)
    return report, NIF.anchorOf, "offsets"


def _anchor_is_not_the_substring(g: Graph) -> tuple:
    phrase = _one(g, NIF.Phrase)
    g.remove((phrase, NIF.anchorOf, None))
    g.add((phrase, NIF.anchorOf, Literal("别的文字")))
    report = g.value(phrase, NIF.referenceContext)
    return report, NIF.anchorOf, "do not cut out its nif:anchorOf"


def _begin_after_end(g: Graph) -> tuple:
    phrase = _one(g, NIF.Phrase)
    end = int(g.value(phrase, NIF.endIndex))
    g.remove((phrase, NIF.beginIndex, None))
    g.add((phrase, NIF.beginIndex, Literal(end + 1, datatype=XSD.nonNegativeInteger)))
    return phrase, NIF.beginIndex, "not after nif:endIndex"


def _value_not_decimal(g: Graph) -> tuple:
    statistic = _one(g, NPC.Statistic)
    g.remove((statistic, NPC.value, None))
    g.add((statistic, NPC.value, Literal("325")))
    return statistic, NPC.value, "xsd:decimal"


def _statement_of_an_unasserted_triple(g: Graph) -> tuple:
    statement = next(s for s in g.subjects(RDF.predicate, NPC.memberOf))
    g.remove((PERSON, NPC.memberOf, BODY))
    return statement, None, "not asserted"


def _evidence_is_not_a_sentence(g: Graph) -> tuple:
    statement = next(s for s in g.subjects(RDF.predicate, NPC.memberOf))
    g.remove((statement, PROV.wasDerivedFrom, None))
    g.add((statement, PROV.wasDerivedFrom, ID["report/nowhere"]))
    return statement, PROV.wasDerivedFrom, "derived from one or more sentences"


def _machine_path(g: Graph) -> tuple:
    report = _one(g, NPC.Report)
    g.remove((report, NPC.sourceFile, None))
    g.add((report, NPC.sourceFile, Literal("/home/someone/reports/a.txt")))
    return report, NPC.sourceFile, "without any folder"


def _mention_names_nothing(g: Graph) -> tuple:
    phrase = _one(g, NIF.Phrase)
    g.remove((phrase, ITSRDF.taIdentRef, None))
    return phrase, ITSRDF.taIdentRef, "names exactly one entity"


def _non_ascii_iri(g: Graph) -> tuple:
    odd = URIRef(str(ID) + "org/武汉")
    g.add((odd, RDF.type, NPC.Organization))
    g.add((odd, RDFS.label, Literal("武汉", lang="zh")))
    g.add((odd, SKOS.prefLabel, Literal("武汉", lang="zh")))
    return odd, None, "ASCII"


BREAKAGES: list[Callable[[Graph], tuple]] = [
    _second_label, _english_label, _pref_label_differs, _relation_without_evidence, _wrong_range,
    _wrong_domain, _offsets_outside_the_text, _anchor_is_not_the_substring, _begin_after_end,
    _value_not_decimal, _statement_of_an_unasserted_triple, _evidence_is_not_a_sentence,
    _machine_path, _mention_names_nothing, _non_ascii_iri,
]


def _words(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum() or c == "@")


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__.strip("_"))
def test_each_breakage_is_reported_where_it_is(tiny_graph, breakage):
    broken = _copy(tiny_graph)
    focus, path, words = breakage(broken)
    report = validate(broken)
    assert not report.conforms
    matching = [
        r for r in report.violations
        if r.focus == focus.n3() and (path is None or r.path == path.n3()) and _words(words) in _words(r.message)
    ]
    assert matching, format_results(report, broken)


def test_all_breakages_at_once_are_each_reported(tiny_graph):
    broken = _copy(tiny_graph)
    expected = [breakage(broken) for breakage in (_second_label, _relation_without_evidence, _value_not_decimal, _machine_path)]
    report = validate(broken)
    foci = {r.focus for r in report.violations}
    assert {focus.n3() for focus, _, _ in expected} <= foci


def test_results_print_readably(tiny_graph):
    broken = _copy(tiny_graph)
    _relation_without_evidence(broken)
    text = format_results(validate(broken), broken)
    assert "Violation: org/wu-han-shi-ren-da-chang-wei-hui-47337c00 (武汉市人大常委会)  npc:repealed = instrument/" in text
    assert "(武汉市供水条例)" in text and "1 violation" in text


def test_validate_command(tmp_path, tiny_graph, capsys):
    good = tmp_path / "good.ttl"
    good.write_bytes(serialize(tiny_graph, "turtle"))
    assert main(["validate", str(good)]) == 0
    assert "no violations" in capsys.readouterr().out

    broken = _copy(tiny_graph)
    _relation_without_evidence(broken)
    _value_not_decimal(broken)
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(serialize(broken, "turtle"))
    assert main(["validate", str(bad)]) == 6
    captured = capsys.readouterr()
    assert "npc:repealed" in captured.out and "npc:value" in captured.out
    assert captured.err.strip() == "npcgraph: error: [E501] 2 violations of the graph contract (see the list above)"

    assert main(["validate", str(bad), "--format", "json"]) == 6
    data = json.loads(capsys.readouterr().out)
    assert data["conforms"] is False and len(data["results"]) == 2
    assert {r["path"] for r in data["results"]} == {NPC.repealed.n3(), NPC.value.n3()}
