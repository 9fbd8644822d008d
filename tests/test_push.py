"""``npcgraph push``: upload over the SPARQL 1.1 Graph Store HTTP Protocol into a real Oxigraph
server, started on a free loopback port for these tests and stopped after them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, N3, SPARQLWrapper

import npcgraph
from npcgraph.errors import InputError, StoreError
from npcgraph.store import OxigraphServer, free_port, push, write_store

pytestmark = pytest.mark.server

HANDMADE = Path(__file__).parent / "data" / "query" / "handmade.ttl"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
NAMED = "https://example.org/npcgraph/handmade"


@pytest.fixture()
def server(tmp_path):
    """``oxigraph serve --location TMP --bind 127.0.0.1:FREEPORT``, read-write."""
    with OxigraphServer(tmp_path / "db", port=free_port(), read_only=False) as running:
        yield running


@pytest.fixture(scope="module")
def handmade() -> Graph:
    return npcgraph.load_graph(HANDMADE)


def as_stored(graph: Graph) -> Graph:
    """The graph as a store gives it back: integers of derived XSD types as xsd:integer."""
    derived = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long}
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, Literal(str(int(o)), datatype=XSD.integer) if isinstance(o, Literal) and o.datatype in derived else o))
    return out


def fetch(server: OxigraphServer, graph: str | None) -> Graph:
    client = SPARQLWrapper(server.query_url)
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    client.setQuery(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
    client.setReturnFormat(N3)
    return Graph().parse(data=client.queryAndConvert(), format="turtle")


def count(server: OxigraphServer, graph: str | None) -> int:
    client = SPARQLWrapper(server.query_url)
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    client.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    client.setReturnFormat(JSON)
    return int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def test_push_into_a_named_graph(server, handmade):
    result = push(HANDMADE, server.store_url, graph=NAMED)
    assert result.triples == len(handmade) and result.status in (200, 201, 204)
    assert isomorphic(fetch(server, NAMED), as_stored(handmade))
    assert count(server, None) == 0  # nothing in the default graph


def test_push_adds_and_replace_replaces(server, handmade, seed_graph):
    push(handmade, server.store_url, graph=NAMED)
    push(handmade, server.store_url, graph=NAMED)  # the same triples again: a set, no duplicates
    assert count(server, NAMED) == len(handmade)
    push(seed_graph, server.store_url, graph=NAMED, replace=True)
    assert isomorphic(fetch(server, NAMED), as_stored(seed_graph))


def test_push_from_the_command_line_and_from_a_store(server, handmade, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "npcgraph", "push", str(HANDMADE), "--endpoint", server.store_url],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"Added {len(handmade)} triples" in result.stdout and "default graph" in result.stdout
    assert count(server, None) == len(handmade)
    write_store(handmade, tmp_path / "store")
    push(f"oxigraph:{tmp_path / 'store'}", server.store_url, graph=NAMED)
    assert isomorphic(fetch(server, NAMED), as_stored(handmade))


def test_a_pushed_graph_answers_canned_queries(server, handmade):
    push(handmade, server.store_url)
    for name in ("instruments", "supervision", "members"):
        assert npcgraph.query(server.query_url, name) == npcgraph.query(handmade, name), name


def test_push_errors_are_clear(handmade, tmp_path):
    nobody = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(StoreError, match="cannot reach"):
        push(handmade, nobody)
    with pytest.raises(InputError, match="absolute IRI"):
        push(handmade, nobody, graph="not an iri")
    with pytest.raises(InputError, match="http"):
        push(handmade, "ftp://example.org/store")
    location = tmp_path / "ro"
    write_store(handmade, location)
    with OxigraphServer(location, port=0, read_only=True) as read_only:
        with pytest.raises(StoreError, match="refused the upload"):
            push(handmade, read_only.store_url)
    result = subprocess.run(
        [sys.executable, "-m", "npcgraph", "push", str(HANDMADE), "--endpoint", nobody],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == StoreError.exit_code
    assert result.stderr.startswith("npcgraph: error: [E403]") and len(result.stderr.strip().splitlines()) == 1
