"""``npcgraph serve``: a read-only SPARQL endpoint (Oxigraph's server), queried by a real client."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

import npcgraph
from npcgraph.namespaces import PREFIXES
from npcgraph.sparql import canned_queries, execute
from npcgraph.store import serving, write_store

pytestmark = pytest.mark.server

HANDMADE = Path(__file__).parent / "data" / "query" / "handmade.ttl"
PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def select(url: str, text: str) -> list[dict]:
    client = SPARQLWrapper(url)
    client.setQuery(PROLOGUE + text)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()["results"]["bindings"]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture()
def served_file():
    """``npcgraph serve handmade.ttl --port 0`` running; yields its query URL and process."""
    before = set(os.listdir(tempfile.gettempdir()))
    process = subprocess.Popen(
        [sys.executable, "-m", "npcgraph", "serve", str(HANDMADE), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line + process.stderr.read()
        yield line.split()[2], process, before
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def test_a_real_client_queries_the_served_graph(served_file):
    url, _, _ = served_file
    rows = select(url, "SELECT ?label WHERE { ?body npc:enacted ?i . ?i rdfs:label ?label } ORDER BY ?label")
    assert [row["label"]["value"] for row in rows] == ["南平市河长制条例", "武汉市供水条例", "武汉市养老服务促进条例"]
    assert rows[0]["label"]["xml:lang"] == "zh"
    members = select(url, canned_queries()["members"].text)
    assert {(r["memberLabel"]["value"], r.get("post", {}).get("value")) for r in members} >= {("张明", "主任"), ("李华", "副主任")}


def test_the_endpoint_answers_canned_queries_as_the_file_does(served_file):
    url, _, _ = served_file
    graph = npcgraph.load_graph(HANDMADE)
    for name in ("acts-of-body", "statistics", "shared-instruments"):
        assert execute(url, name) == execute(graph, name), name
    params = {"body": "南平市人大常委会"}
    assert execute(url, "members", params) == execute(graph, "members", params)


def test_the_endpoint_is_read_only(served_file):
    url, _, _ = served_file
    client = SPARQLWrapper(url.replace("/query", "/update"))
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises((SPARQLWrapperException, OSError)):
        client.query()
    assert select(url, "SELECT * WHERE { <urn:a> ?p ?o }") == []


def test_stopping_the_server_cleans_up(served_file):
    url, process, before = served_file
    port = int(url.split(":")[2].split("/")[0])
    assert listening(port)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while listening(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not listening(port), "the Oxigraph server outlived npcgraph serve"
    left = {name for name in set(os.listdir(tempfile.gettempdir())) - before if name.startswith("npcgraph-serve-")}
    assert not left, f"temporary stores left behind: {left}"


def test_a_store_folder_is_served_in_place(tmp_path):
    location = tmp_path / "store"
    write_store(npcgraph.load_graph(HANDMADE), location)
    with serving(f"oxigraph:{location}", port=0) as server:
        assert server.location == location
        rows = select(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(rows[0]["n"]["value"]) == len(npcgraph.load_graph(HANDMADE))


def test_a_taken_port_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "npcgraph", "serve", str(HANDMADE), "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )
    assert result.returncode != 0
    assert result.stderr.startswith("npcgraph: error: [E41") and len(result.stderr.strip().splitlines()) == 1
