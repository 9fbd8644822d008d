"""Stores: rdflib's memory store and a persistent Oxigraph store answer alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.compare import isomorphic

import npcgraph
from npcgraph.errors import InputError, OutputError, StoreError
from npcgraph.graphfile import turtle_parts
from npcgraph.sparql import canned_queries, execute
from npcgraph.store import (
    OxigraphSource,
    is_oxigraph_store,
    open_graph,
    open_source,
    parse_store_spec,
    write_store,
)
from npcgraph.store import load as storeload

HANDMADE = Path(__file__).parent / "data" / "query" / "handmade.ttl"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PUBLIC = [name for name in canned_queries() if not name.startswith("_")]


@pytest.fixture(scope="module")
def handmade() -> Graph:
    return npcgraph.load_graph(HANDMADE)


@pytest.fixture(scope="module")
def handmade_store(handmade, tmp_path_factory) -> Path:
    location = tmp_path_factory.mktemp("stores") / "handmade"
    write_store(handmade, location)
    return location


@pytest.fixture(scope="module")
def seed_store(seed_graph, tmp_path_factory) -> Path:
    location = tmp_path_factory.mktemp("stores") / "seed"
    write_store(seed_graph, location)
    return location


def integers_as_xsd_integer(graph: Graph) -> Graph:
    """The graph as Oxigraph keeps it: integers of derived types are xsd:integer."""
    derived = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long, XSD.short}
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in derived:
            o = Literal(str(int(o)), datatype=XSD.integer)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("name", PUBLIC)
def test_both_stores_give_identical_answers_on_the_handmade_graph(handmade, handmade_store, name):
    in_memory = execute(handmade, name)
    in_oxigraph = execute(f"oxigraph:{handmade_store}", name)
    assert in_memory.rows, f"{name} answers nothing on the hand-made graph"
    assert in_memory == in_oxigraph  # same variables, same rows, same order, same terms


@pytest.mark.parametrize("name", PUBLIC)
def test_both_stores_give_identical_answers_on_the_seed(seed_graph, seed_store, name):
    assert execute(seed_graph, name) == execute(seed_store, name)


@pytest.mark.parametrize(
    "name, params",
    [
        ("acts-of-body", {"body": "武汉市人大常委会"}),
        ("instruments", {"class": "Regulation"}),
        ("mentions", {"class": "npc:Statistic"}),
        ("evidence", {"predicate": "npc:enacted", "object": "武汉市供水条例"}),
        ("supervision", {"body": "武汉市人民代表大会常务委员会"}),
        ("members", {"body": "南平市人大常委会"}),
        ("programs-by-section", {"class": "Mechanism"}),
    ],
)
def test_both_stores_bind_parameters_alike(handmade, handmade_store, name, params):
    in_memory = execute(handmade, name, params)
    assert in_memory.rows and in_memory == execute(handmade_store, name, params)


def test_the_store_holds_the_graph(handmade, handmade_store):
    assert is_oxigraph_store(handmade_store)
    through_rdflib = open_graph(f"oxigraph:{handmade_store}")  # the store's triples in an rdflib Graph
    assert len(through_rdflib) == len(handmade)
    assert isomorphic(through_rdflib, integers_as_xsd_integer(handmade))
    assert not any(isinstance(o, Literal) and o.datatype == XSD.string for o in through_rdflib.objects())  # plain, as rdflib reads them


def test_write_store_replaces_a_store_whole(handmade, tmp_path, seed_graph):
    location = tmp_path / "store"
    assert write_store(seed_graph, location) == len(seed_graph)
    assert write_store(handmade, location) == len(handmade)
    opened = open_source(location)
    assert isinstance(opened, OxigraphSource) and len(opened.store) == len(handmade)
    assert [p.name for p in tmp_path.iterdir()] == ["store"]  # nothing temporary left behind


def test_write_store_never_replaces_other_folders(handmade, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="not an Oxigraph store"):
        write_store(handmade, tmp_path / "notes")
    assert (tmp_path / "notes" / "todo.txt").read_text(encoding="utf-8") == "keep me"


def test_sources_open_by_what_they_are(handmade, handmade_store, tmp_path):
    assert isinstance(open_source(HANDMADE), OxigraphSource)  # a file: read by Oxigraph into memory
    assert isinstance(open_source(handmade), OxigraphSource)  # a Graph: its triples loaded into one
    assert isinstance(open_source(str(handmade_store)), OxigraphSource)
    assert isinstance(open_source(pyoxigraph.Store()), OxigraphSource)
    assert isinstance(open_source(open_graph(handmade_store)), OxigraphSource)  # a store's graph copied out and back
    build = tmp_path / "out"
    build.mkdir()
    (build / "graph.ttl").write_bytes(HANDMADE.read_bytes())
    assert isinstance(open_source(build), OxigraphSource) and open_source(build).name == "graph.ttl"
    with pytest.raises(StoreError, match="no Oxigraph store"):
        open_source(f"oxigraph:{tmp_path / 'missing'}")
    with pytest.raises(InputError, match="unknown store"):
        parse_store_spec("sqlite:x")


def test_build_writes_a_store_that_query_reads(tmp_path, seed_graph):
    out = tmp_path / "out"
    store = tmp_path / "store"
    command = [sys.executable, "-m", "npcgraph", "build", "-o", str(out), "--store", f"oxigraph:{store}", "-q", "--no-cache"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert is_oxigraph_store(store)
    from_file = execute(out / "graph.ttl", "instruments")
    assert from_file == execute(f"oxigraph:{store}", "instruments") == execute(out, "instruments")
    assert from_file == execute(seed_graph, "instruments")


@pytest.mark.parametrize(
    "text",
    [
        # two sub-SELECTs: the memory store joins them on a hash of the variables both bind
        """SELECT ?entity ?label ?mentions WHERE {
             { SELECT ?entity (COUNT(?m) AS ?mentions) WHERE { ?m itsrdf:taIdentRef ?entity } GROUP BY ?entity }
             { SELECT ?entity ?label WHERE { ?entity rdfs:label ?label } }
           } ORDER BY ?entity ?label""",
        # a shared variable that one side leaves unbound in some rows: joined by compatibility
        """SELECT ?entity ?alt ?label WHERE {
             { SELECT ?entity ?alt WHERE { ?entity skos:prefLabel ?p OPTIONAL { ?entity skos:altLabel ?alt } } }
             { SELECT ?entity ?alt ?label WHERE { ?entity rdfs:label ?label OPTIONAL { ?entity skos:altLabel ?alt } } }
           } ORDER BY ?entity ?alt ?label""",
        # triple patterns after a sub-SELECT: bound from each of its rows
        """SELECT ?entity ?n ?class WHERE {
             { SELECT ?entity (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?entity } GROUP BY ?entity }
             ?entity a ?class .
           } ORDER BY ?entity ?class""",
    ],
)
def test_both_stores_join_sub_selects_alike(handmade, handmade_store, text):
    in_memory = execute(handmade, text)
    assert len(in_memory.rows) > 3 and in_memory == execute(handmade_store, text)


def test_bulk_loads_at_once_hold_what_loads_in_turn_hold(seed_corpus, tmp_path, monkeypatch):
    """Two or three bulk loads at once, or a load widened half-way (as a build's store once
    extraction is done), give the store the same triples as one load at a time, whatever order
    the batches end in; progress counts each batch once, in order; a batch that fails stops the
    load with its error."""
    parts = turtle_parts(seed_corpus)
    stretches = [b"\n" + block for part in parts[1:] for block in part.split(b"\n\n") if block.strip()]
    monkeypatch.setattr(storeload, "_BATCH", 40_000)  # many small batches
    taken = []

    def widening() -> int:  # one load at a time for the first half of the stretches, then two
        return 1 if len(taken) < len(stretches) // 2 else 2

    def counted(items):
        for item in items:
            taken.append(item)
            yield item

    whole = pyoxigraph.Store()
    whole.load(b"".join(parts), pyoxigraph.RdfFormat.TURTLE)
    expected = sorted(map(str, whole))
    for loads in (1, 2, 3, widening):
        store = pyoxigraph.Store(str(tmp_path / f"loads-{loads if isinstance(loads, int) else 'widening'}"))
        seen: list[int] = []
        storeload.bulk_load(store, counted(stretches), seen.append, loads=loads)
        assert len(seen) > 4 and seen == sorted(seen) and seen[-1] > sum(map(len, stretches))
        assert sorted(map(str, store)) == expected, loads
    broken = [*stretches[:30], b"\n<a> <b> .\n", *stretches[30:]]
    with pytest.raises(SyntaxError):
        storeload.bulk_load(pyoxigraph.Store(str(tmp_path / "broken")), iter(broken), loads=2)
