"""The seed's graph: contract shapes of reports, sections and sentences; determinism."""

from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph
from rdflib import Graph, URIRef

import npcgraph
from npcgraph.namespaces import NIF, NPC, RDF

OFFSETS = """
SELECT ?node ?begin ?end ?anchor (SUBSTR(?text, ?begin + 1, ?end - ?begin) AS ?cut) WHERE {
  ?node nif:referenceContext ?report ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor .
  ?report nif:isString ?text .
}"""


def test_seed_graph_parses_with_an_independent_parser(seed_graph):
    data = npcgraph.serialize(seed_graph, "turtle")
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(seed_graph)
    reparsed = Graph().parse(data=data, format="turtle")
    assert len(reparsed) == len(seed_graph)


def test_seed_has_introduction_and_four_sections(seed_graph):
    reports = list(seed_graph.subjects(RDF.type, NPC.Report))
    assert len(reports) == 1
    sections = list(seed_graph.subjects(RDF.type, NPC.Section))
    assert len(sections) == 5
    top = [s for s in sections if seed_graph.value(s, NPC.partOf) == reports[0]]
    assert len(top) == 5
    headings = {str(seed_graph.value(s, NPC.heading)) for s in sections if seed_graph.value(s, NPC.heading)}
    assert "坚持党的全面领导,牢牢把握践行全过程人民民主的根本保证" in headings
    assert len(headings) == 4


def test_report_metadata(seed_graph):
    report = next(seed_graph.subjects(RDF.type, NPC.Report))
    assert (report, RDF.type, NIF.Context) in seed_graph
    assert str(seed_graph.value(report, NPC.sourceFile)) == "wuhan-2022-04-whole-process-democracy.txt"
    assert str(seed_graph.value(report, NPC.issue)) == "2022年第4期"
    text = str(seed_graph.value(report, NIF.isString))
    assert text.startswith("践行全过程人民民主理念")
    creator = seed_graph.value(report, URIRef("http://purl.org/dc/terms/creator"))
    assert creator is not None and str(creator).startswith("https://w3id.org/npcgraph/id/person/")
    body = seed_graph.value(report, NPC.reportingBody)
    assert body is not None and str(body).startswith("https://w3id.org/npcgraph/id/org/")


def test_every_anchor_is_its_substring(seed_graph):
    rows = list(seed_graph.query(OFFSETS, initNs={"nif": NIF}))
    sentences = set(seed_graph.subjects(RDF.type, NIF.Sentence))
    assert sentences <= {row.node for row in rows}
    assert len(sentences) > 90
    for row in rows:
        assert str(row.anchor) == str(row.cut), row.node


def test_iris_are_ascii_and_no_machine_path(seed_graph, seed_path):
    data = npcgraph.serialize(seed_graph, "turtle").decode("utf-8")
    for triple in seed_graph:
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii(), term
    assert str(seed_path.parent) not in data
    assert os.getcwd() not in data
    assert "/home/" not in data and "/tmp/" not in data and "/work/" not in data


def test_turtle_is_byte_identical_across_processes(seed_path, tmp_path):
    script = (
        "import sys, npcgraph;"
        "sys.stdout.buffer.write(npcgraph.serialize(npcgraph.to_graph(npcgraph.build([sys.argv[1]]))))"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(seed_path)], env=env, capture_output=True, check=True, cwd=tmp_path
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert len(next(iter(outputs))) > 10_000
