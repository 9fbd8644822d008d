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

from conftest import served

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
    with served(HANDMADE) as (url, process):
        yield url, process, before


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
    # (its own store, named by its process: a run beside it, another suite's serve, may hold one of its own)
    left = {name for name in set(os.listdir(tempfile.gettempdir())) - before if name.startswith(f"npcgraph-serve-{process.pid}-")}
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


# --- hostile requests (issue 17: defects 1 and 2) ----------------------------------------------

DEEP = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"


def post_raw(url: str, text: str, timeout: float = 60) -> tuple[int, str]:
    import urllib.error
    import urllib.parse
    import urllib.request

    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": text}).encode(), headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_a_deep_query_is_refused_and_the_endpoint_survives(served_file):
    url, process, _ = served_file
    status, body = post_raw(url, DEEP)
    assert status == 400 and "[E315]" in body, (status, body)
    assert process.poll() is None, "npcgraph serve died on a deep query"
    assert select(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]["value"] != "0"
    status, body = post_raw(url, "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 50 + "1" + ")" * 50 + ") } LIMIT 1")
    assert status == 200, body  # a reasonably nested query still runs


def test_service_is_refused_and_nothing_is_fetched(served_file):
    import threading

    url, process, _ = served_file
    contacted = threading.Event()
    with socket.socket() as listener:  # stands for the internal service a client would reach
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"

        def watch() -> None:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                contacted.set()
                conn.close()
                return

        watcher = threading.Thread(target=watch)
        watcher.start()
        status, body = post_raw(url, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        watcher.join()
    assert status == 400 and "[E328]" in body, (status, body)
    assert not contacted.is_set(), "the endpoint fetched a URL a client named"
    assert process.poll() is None


def test_updates_and_the_graph_store_are_refused(served_file):
    url, _, _ = served_file
    import urllib.error
    import urllib.request

    for path in ("/update", "/store"):
        request = urllib.request.Request(url.replace("/query", path), data=b"<urn:a> <urn:b> <urn:c> .", headers={"Content-Type": "application/n-triples"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code in (403, 404)


def test_queries_have_a_default_time_limit_and_federation_is_opt_in():
    from npcgraph.cli import make_parser
    from npcgraph.store import DEFAULT_TIMEOUT_S, GuardedEndpoint

    args = make_parser().parse_args(["serve", "x.ttl"])
    assert args.federation is False
    endpoint = GuardedEndpoint(Path("store"), timeout_s=args.timeout)
    assert endpoint.timeout_s == DEFAULT_TIMEOUT_S > 0
    assert not endpoint.federation


def test_a_cartesian_query_stops_at_the_timeout(tmp_path):
    import pyoxigraph as ox

    location = tmp_path / "store"
    store = ox.Store(str(location))
    store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i))) for i in range(400))
    store.flush()
    del store
    with serving(f"oxigraph:{location}", port=0, timeout_s=1) as server:
        started = time.monotonic()
        status, body = post_raw(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }", timeout=60)
        assert time.monotonic() - started < 10
        assert status == 503 and "[E306]" in body, (status, body)
        assert server.restarts == 1  # the child that would not stop was replaced: no core held
        status, _ = post_raw(server.query_url, "ASK { ?s ?p ?o }")
        assert status == 200


def test_binding_beyond_loopback_warns():
    from npcgraph.cli.serve import _is_loopback

    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.5")


def test_query_refuses_a_deep_query_on_a_store_without_crashing(tmp_path):
    location = tmp_path / "store"
    write_store(npcgraph.load_graph(HANDMADE), location)
    deep = tmp_path / "deep.rq"
    deep.write_text(DEEP, encoding="utf-8")
    for source in (f"oxigraph:{location}", str(HANDMADE)):
        result = subprocess.run([sys.executable, "-m", "npcgraph", "query", source, str(deep)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 4, (result.returncode, result.stderr[-500:])
        assert result.stderr.startswith("npcgraph: error: [E315]") and len(result.stderr.strip().splitlines()) == 1
