"""Every export format: re-imports to the same graph, opens in its tool's parser, same bytes."""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import npcgraph
from npcgraph.cli import main
from npcgraph.export import export_files
from npcgraph.serialization import FORMATS, parse_formats, split_by_report
from npcgraph.namespaces import DCTERMS, ID, NIF, NPC, RDF, RDFS, SKOS, XSD
from npcgraph.rdf import report_iri, to_dataset
from npcgraph.serialization import load_dataset, load_graph, serialize

RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
QUAD_FORMATS = {"trig": "trig", "nq": "nquads"}


@pytest.fixture(scope="module")
def tiny_graph(tiny_corpus) -> Graph:
    return npcgraph.to_graph(tiny_corpus)


@pytest.fixture(scope="module")
def awkward_graph() -> Graph:
    """Literals and IRIs that tempt a hand-written serializer to get escaping wrong."""
    graph = Graph()
    node = ID["org/odd-0001"]
    report = ID["report/00ff"]
    graph.add((node, RDF.type, NPC.Organization))
    graph.add((node, RDFS.label, Literal('引号"和\\反斜杠', lang="zh")))
    graph.add((node, SKOS.altLabel, Literal("两行\n文字 \"\"\" 三引号", lang="zh")))
    graph.add((node, SKOS.altLabel, Literal("tab\there\rcarriage\x01control", lang="zh")))
    graph.add((node, RDFS.comment, Literal("English", lang="en-GB")))
    graph.add((node, NPC.value, Literal(Decimal("3.50"), datatype=XSD.decimal)))
    graph.add((node, NPC.position, Literal("007", datatype=XSD.integer)))
    graph.add((node, NPC.approximate, Literal(True)))
    graph.add((node, DCTERMS.date, Literal("2022-04", datatype=XSD.gYearMonth)))
    graph.add((node, RDFS.seeAlso, URIRef("http://example.org/路径?q=1&r=%20#frag")))
    graph.add((node, RDFS.seeAlso, URIRef("https://w3id.org/npcgraph/id/../escape")))
    graph.add((node, RDFS.seeAlso, URIRef("https://w3id.org/npcgraph/id/a:b/c")))
    graph.add((node, RDFS.seeAlso, NPC[""]))
    graph.add((node, RDFS.seeAlso, URIRef("http://www.w3.org/2001/XMLSchema#")))
    graph.add((node, RDF.predicate, RDF.type))
    graph.add((report, RDF.type, NPC.Report))
    graph.add((report, NIF.isString, Literal("第一行\n第二行\\结尾\"")))
    graph.add((URIRef(f"{report}#char=0,3"), NIF.anchorOf, Literal("第一行")))
    return graph


def _reparse(data: bytes, fmt: str) -> Graph:
    return Graph().parse(data=data, format=fmt)


@pytest.mark.parametrize("name", list(RDF_FORMATS))
def test_rdf_export_reimports_isomorphic(name, tiny_graph, seed_graph, awkward_graph):
    for graph in (tiny_graph, seed_graph, awkward_graph):
        data = export_files(graph, [name])[FORMATS[name].files[0]]
        assert isomorphic(_reparse(data, RDF_FORMATS[name]), graph)


@pytest.mark.parametrize("name", list(QUAD_FORMATS))
def test_quad_export_has_one_named_graph_per_report(name, tiny_corpus, tiny_graph, awkward_graph):
    dataset = to_dataset(tiny_corpus)
    data = export_files(tiny_graph, [name], dataset=dataset)[FORMATS[name].files[0]]
    back = Dataset()
    back.parse(data=data, format=QUAD_FORMATS[name])
    reports = {report_iri(d.report) for d in tiny_corpus.documents}
    named = {g.identifier for g in back.graphs() if len(g) and g.identifier != back.default_graph.identifier}
    assert named == reports
    for report in reports:
        assert isomorphic(back.graph(report), dataset.graph(report))
        assert (report, RDF.type, NPC.Report) in back.graph(report)
    union = Graph()
    union.addN((s, p, o, union) for s, p, o, _ in back.quads())
    assert isomorphic(union, tiny_graph)
    # A graph with no report keeps its triples in the default graph.
    data = export_files(awkward_graph, [name])[FORMATS[name].files[0]]
    back = Dataset()
    back.parse(data=data, format=QUAD_FORMATS[name])
    union = Graph()
    union.addN((s, p, o, union) for s, p, o, _ in back.quads())
    assert isomorphic(union, awkward_graph)


def test_splitting_a_graph_by_report_matches_the_build(tiny_corpus, tiny_graph, seed_corpus, seed_graph):
    for corpus, graph in ((tiny_corpus, tiny_graph), (seed_corpus, seed_graph)):
        built, split = to_dataset(corpus), split_by_report(graph)
        for document in corpus.documents:
            name = report_iri(document.report)
            assert isomorphic(split.graph(name), built.graph(name)), name
        assert len(split.default_graph) == 0


@pytest.mark.parametrize("fmt, parser", [("ttl", "TURTLE"), ("nt", "N_TRIPLES"), ("jsonld", "JSON_LD"), ("trig", "TRIG"), ("nq", "N_QUADS")])
def test_an_independent_parser_reads_every_rdf_export(fmt, parser, seed_graph, awkward_graph):
    import pyoxigraph

    for graph in (seed_graph, awkward_graph):
        data = export_files(graph, [fmt])[FORMATS[fmt].files[0]]
        quads = set(pyoxigraph.parse(data, format=getattr(pyoxigraph.RdfFormat, parser)))
        assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(graph)


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_is_deterministic_whatever_the_insertion_order(name, tiny_corpus, tiny_graph):
    triples = list(tiny_graph)
    random.Random(7).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    first = export_files(tiny_graph, [name])
    assert export_files(shuffled, [name]) == first
    assert export_files(tiny_graph, [name]) == first


def test_turtle_is_readable(tiny_graph):
    text = serialize(tiny_graph, "turtle").decode("utf-8")
    for prefix in ("npc", "nif", "rdfs", "skos", "prov", "xsd", "itsrdf", "dcterms"):
        assert f"@prefix {prefix}: <" in text
    assert text.startswith("@base <https://w3id.org/npcgraph/id/> .")
    entities, reports, evidence = (text.index(h) for h in ("# Entities", "# Report ", "# Evidence"))
    assert entities < reports < evidence
    # Each entity's block holds its labels and relations; sentences come in text order.
    assert '<org/wu-han-shi-ren-da-chang-wei-hui-47337c00> a npc:Organization ;\n    rdfs:label "武汉市人大常委会"@zh ;' in text
    sentence_offsets = [int(b) for b in __import__("re").findall(r"^<report/5029753d59734ea0#char=(\d+),\d+> a npc:Sentence", text, flags=8)]
    assert sentence_offsets == sorted(sentence_offsets) and len(sentence_offsets) == 5


def test_graphml_and_gexf_open_in_networkx(tiny_graph):
    files = export_files(tiny_graph, ["graphml", "gexf"])
    for network in (nx.read_graphml(io.BytesIO(files["graph.graphml"])), nx.read_gexf(io.BytesIO(files["graph.gexf"]))):
        assert network.is_directed() and network.number_of_nodes() == 6 and network.number_of_edges() == 5
        body = network.nodes[str(ID["org/wu-han-shi-ren-da-chang-wei-hui-47337c00"])]
        assert body["class"] == "Organization" and body["label"] == "武汉市人大常委会"
        assert body["altLabels"] == "市人大常委会" and int(body["mentions"]) == 3
        predicates = sorted(data["predicate"] for _, _, data in network.edges(data=True))
        assert predicates == ["conducted", "enacted", "inspected", "memberOf", "revised"]
        assert all(int(data["evidence"]) == 1 for _, _, data in network.edges(data=True))
    assert b"lastmodifieddate" not in files["graph.gexf"]


def test_csv_tables_hold_entities_and_relations_with_evidence(tiny_graph):
    files = export_files(tiny_graph, ["csv"])
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"].decode("utf-8"))))
    edges = list(csv.DictReader(io.StringIO(files["edges.csv"].decode("utf-8"))))
    assert len(nodes) == 6 and len(edges) == 5
    by_label = {row["label"]: row for row in nodes}
    assert by_label["武汉市供水条例"]["class"] == "Regulation" and by_label["武汉市供水条例"]["mentions"] == "2"
    assert by_label["代表小组"]["degree"] == "0"
    node_ids = {row["id"] for row in nodes}
    assert all(row["source"] in node_ids and row["target"] in node_ids and row["evidence"] == "1" for row in edges)


def test_network_exports_of_a_graph_without_entities(awkward_graph):
    structure_only = Graph()
    structure_only.add((ID["report/00ff"], RDF.type, NPC.Report))
    files = export_files(structure_only, ["graphml", "gexf", "csv"])
    assert nx.read_graphml(io.BytesIO(files["graph.graphml"])).number_of_nodes() == 0
    assert files["edges.csv"] == b"source,predicate,target,evidence\n"


def test_parse_formats():
    assert parse_formats("ttl,trig, NQ,turtle") == ["ttl", "trig", "nq"]
    assert parse_formats(["csv", "gexf,json-ld"]) == ["csv", "gexf", "jsonld"]
    for bad in ("pdf", "", ","):
        with pytest.raises(npcgraph.InputError):
            parse_formats(bad)


def test_export_command_writes_each_format(tmp_path, tiny_graph, capsys):
    source = tmp_path / "graph.ttl"
    source.write_bytes(serialize(tiny_graph, "turtle"))
    out = tmp_path / "exports"
    assert main(["export", str(source), "--format", ",".join(FORMATS), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f for spec in FORMATS.values() for f in spec.files)
    assert isomorphic(load_graph(out / "graph.nt"), tiny_graph)
    assert isomorphic(load_graph(out / "graph.jsonld"), tiny_graph)
    # A TriG source keeps its named graphs.
    assert main(["export", str(out / "graph.trig"), "--format", "nq", "-o", str(tmp_path / "again")]) == 0
    again = load_dataset(tmp_path / "again" / "graph.nq")
    assert {g.identifier for g in again.graphs() if len(g)} == {g.identifier for g in load_dataset(out / "graph.trig").graphs() if len(g)}
    capsys.readouterr()
    # One format without -o goes to standard output.
    assert main(["export", str(source), "--format", "nt"]) == 0
    assert isomorphic(Graph().parse(data=capsys.readouterr().out, format="nt"), tiny_graph)


@pytest.mark.parametrize(
    "argv, code, fragment",
    [
        (["--format", "pdf"], 2, "unknown export format 'pdf'"),
        (["--format", "ttl,csv"], 3, "give a folder with -o OUT"),
        (["--format", "csv"], 3, "give a folder with -o OUT"),
    ],
)
def test_export_command_errors(tmp_path, tiny_graph, capsys, argv, code, fragment):
    source = tmp_path / "graph.ttl"
    source.write_bytes(serialize(tiny_graph, "turtle"))
    assert main(["export", str(source), *argv]) == code
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_export_of_a_missing_or_unreadable_source(tmp_path, capsys):
    assert main(["export", str(tmp_path / "missing.ttl"), "--format", "nt"]) == 2
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    assert main(["export", str(bad), "--format", "nt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("npcgraph: error: [E1") for line in err)


def test_build_writes_the_formats_asked_for(seed_path, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(seed_path), "-o", str(out), "-q", "--no-cache", "--format", "trig,graphml,csv"]) == 0
    for name in ("graph.ttl", "graph.html", "graph.trig", "graph.graphml", "nodes.csv", "edges.csv"):
        assert (out / name).is_file(), name
    graph = load_graph(out / "graph.ttl")
    union = Graph()
    union.addN((s, p, o, union) for s, p, o, _ in load_dataset(out / "graph.trig").quads())
    assert isomorphic(union, graph)


@pytest.mark.parametrize("name", ["ttl", "nt", "jsonld", "trig", "nq"])
def test_any_text_round_trips(name):
    """Hypothesis: whatever characters a report holds, every RDF export reads back the same."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(texts, texts, st.sampled_from([None, "zh", "en"]))
    def round_trip(text: str, other: str, language: str | None) -> None:
        graph = Graph()
        node = ID["report/0a1b"]
        graph.add((node, RDF.type, NPC.Report))
        graph.add((node, NIF.isString, Literal(text)))
        graph.add((node, RDFS.label, Literal(other, lang=language)))
        data = export_files(graph, [name])[FORMATS[name].files[0]]
        fmt = {**RDF_FORMATS, **QUAD_FORMATS}[name]
        if name in QUAD_FORMATS:
            back = Dataset()
            back.parse(data=data, format=fmt)
            union = Graph()
            union.addN((s, p, o, union) for s, p, o, _ in back.quads())
        else:
            union = _reparse(data, fmt)
        assert isomorphic(union, graph)

    round_trip()
