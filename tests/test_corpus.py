"""Corpus builds: folders of reports into one graph, merged across reports, the same however built.

The small corpus in ``tests/data/corpus/reports`` (see its README) names one national law in
three reports from three cities; generated corpora come from ``benchmarks/generate.py``.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

import npcgraph
from npcgraph.exports.turtle import write_turtle
from npcgraph import graphfile, pipeline
from npcgraph.graphfile import corpus_turtle, report_piece, turtle_parts, turtle_pieces
from npcgraph.ids import entity_key
from npcgraph.model import Corpus
from npcgraph.namespaces import ID, ITSRDF, NIF, NPC, PROV, RDF, SKOS
from npcgraph.pipeline import run_build
from npcgraph.progress import ProgressBars
from npcgraph.graphfile import turtle_and_store
from npcgraph.store import load_store, store_batches

TESTS = Path(__file__).parent
REPORTS = TESTS / "data" / "corpus" / "reports"
REPOSITORY = TESTS.parent

LAW = ID[entity_key("Law", "中华人民共和国传染病防治法")]


def load_generator():
    spec = importlib.util.spec_from_file_location("npcgraph_benchmarks_generate", REPOSITORY / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """Twelve synthetic reports in nested folders, all three file types."""
    folder = tmp_path_factory.mktemp("generated")
    load_generator().generate(12, folder, seed=7)
    return folder


@pytest.fixture(scope="module")
def corpus_graph() -> Graph:
    return npcgraph.to_graph(npcgraph.build([REPORTS]))


def npcgraph_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "npcgraph", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


# --------------------------------------------------------------------------- folders


def test_a_folder_gives_one_report_per_file_in_nested_folders_and_every_type():
    build = run_build([REPORTS])
    names = sorted(document.report.source_file for document in build.corpus.documents)
    assert names == ["nanping.md", "wuhan.txt", "yichang.html"]
    assert build.files == 3 and build.extracted == 3 and not build.duplicates


def test_the_same_law_in_three_reports_is_one_node_with_evidence_from_each(corpus_graph):
    reports = set(corpus_graph.subjects(RDF.type, NPC.Report))
    assert len(reports) == 3
    assert (LAW, RDF.type, NPC.Law) in corpus_graph
    mentioned_in = {corpus_graph.value(phrase, NIF.referenceContext) for phrase in corpus_graph.subjects(ITSRDF.taIdentRef, LAW)}
    assert mentioned_in == reports
    evidence_reports = set()
    for statement in corpus_graph.subjects(RDF.object, LAW):
        sentence = corpus_graph.value(statement, PROV.wasDerivedFrom)
        evidence_reports.add(corpus_graph.value(sentence, NIF.referenceContext))
    assert evidence_reports == reports
    assert len(list(corpus_graph.objects(LAW, SKOS.prefLabel))) == 1


def test_a_short_body_name_is_resolved_per_report(corpus_graph):
    """市人大常委会 in each report is that city's standing committee: three nodes, not one."""
    bodies = {}
    for phrase in corpus_graph.subjects(NIF.anchorOf, None):
        if str(corpus_graph.value(phrase, NIF.anchorOf)) == "市人大常委会":
            report = corpus_graph.value(phrase, NIF.referenceContext)
            bodies.setdefault(report, set()).add(corpus_graph.value(phrase, ITSRDF.taIdentRef))
    assert len(bodies) == 3
    assert all(len(found) == 1 for found in bodies.values())
    nodes = {node for found in bodies.values() for node in found}
    assert len(nodes) == 3
    for report, (node,) in bodies.items():
        assert (report, NPC.reportingBody, node) in corpus_graph


def test_duplicate_files_are_one_report(tmp_path):
    (tmp_path / "a").mkdir()
    text = (REPORTS / "hubei" / "wuhan.txt").read_bytes()
    (tmp_path / "a" / "wuhan.txt").write_bytes(text)
    (tmp_path / "a" / "wuhan-copy.txt").write_bytes(text.replace(b"\n", b"\r\n"))  # same normalized text
    build = run_build([tmp_path / "a"])
    assert len(build.corpus.documents) == 1
    assert build.duplicates == (("wuhan.txt", "wuhan-copy.txt"),)


# --------------------------------------------------------------------------- the same output however built


def test_input_order_and_jobs_do_not_change_the_corpus(generated):
    paths = sorted(p for p in generated.rglob("*") if p.is_file())
    serial = run_build(paths).corpus
    assert run_build(list(reversed(paths)), jobs=2).corpus == serial
    assert run_build([generated], jobs=3).corpus == serial


def test_turtle_from_pieces_is_byte_identical_to_the_whole_graph(generated, seed_corpus, tiny_corpus):
    for corpus in (run_build([generated]).corpus, seed_corpus, tiny_corpus, Corpus()):
        whole = npcgraph.serialize(npcgraph.to_graph(corpus), "turtle")
        assert corpus_turtle(corpus) == whole == write_turtle(npcgraph.to_graph(corpus))
        pieces = {document.report.key: report_piece(document) for document in corpus.documents}
        assert b"".join(turtle_parts(corpus, pieces)) == whole


def test_a_long_report_formatted_a_window_at_a_time_gives_the_same_piece(generated, seed_document):
    documents = [seed_document, *run_build([generated]).corpus.documents[:4]]
    for document in documents:
        whole = report_piece(document)
        for window in (50, 700, 2500):
            assert report_piece(document, window=window) == whole


def test_pieces_made_by_workers_give_the_same_bytes(generated):
    build = run_build([generated], jobs=2, rendering=turtle_pieces())
    assert set(build.outputs) == {document.report.key for document in build.corpus.documents}
    assert corpus_turtle(build.corpus, build.outputs) == corpus_turtle(build.corpus)
    # the workers' statement blocks merged with statements made here (a piece made elsewhere
    # holds none), and in stretches of any length, are the same statements group
    keys = sorted(build.outputs)
    mixed = {key: output.partition(b"\0")[0] if index % 2 else output for index, (key, output) in enumerate(sorted(build.outputs.items()))}
    assert any(b"\0" in output for output in mixed.values()) and not all(b"\0" in output for output in mixed.values())
    assert corpus_turtle(build.corpus, mixed) == corpus_turtle(build.corpus)
    blocks = [block for key in keys for block in build.outputs[key].split(b"\0")[1:-1]]
    assert len(blocks) > 7
    assert b"\n".join(graphfile._merged_stretches(list(blocks), stretch=7)) == b"\n".join(graphfile._merged_stretches(list(blocks)))


def test_store_batches_load_the_same_graph(generated, tmp_path):
    import pyoxigraph

    corpus = run_build([generated]).corpus
    parts = turtle_parts(corpus)
    batches = list(store_batches(parts, batch_bytes=200_000))
    assert len(batches) > 3
    count = load_store(parts, tmp_path / "store")
    store = pyoxigraph.Store.read_only(str(tmp_path / "store"))
    assert count == len(store) == len(npcgraph.to_graph(corpus))
    # loaded in a thread while the parts are made: the same parts, the same store
    made, again = turtle_and_store(corpus, None, tmp_path / "again")
    assert b"".join(made) == b"".join(parts) and again == count
    loaded = Graph().parse(data=store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()), format="nt")
    assert isomorphic(loaded, _as_oxigraph_stores_it(npcgraph.to_graph(corpus)))


def _as_oxigraph_stores_it(graph: Graph) -> Graph:
    """Oxigraph keeps xsd:nonNegativeInteger literals as xsd:integer (oxigraph/oxigraph#1413):
    the same numbers, another datatype IRI. Everything else must come back unchanged."""
    from npcgraph.namespaces import XSD  # not at module level: pytest probes module attributes

    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.nonNegativeInteger:
            o = Literal(str(o), datatype=XSD.integer)
        out.add((s, p, o))
    return out


def test_cli_builds_a_folder_the_same_serially_in_parallel_and_with_a_store(generated, tmp_path):
    serial = npcgraph_cli("build", str(generated), "-o", "serial", "--no-cache", "-q", cwd=tmp_path)
    assert serial.returncode == 0, serial.stderr
    assert serial.stdout == "" and serial.stderr == ""  # --quiet: not even a progress bar
    parallel = npcgraph_cli("build", str(generated), "-o", "parallel", "-j", "2", "--store", "oxigraph:store", cwd=tmp_path)
    assert parallel.returncode == 0, parallel.stderr
    assert "12 reports" in parallel.stdout and "store" in parallel.stdout
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()
    answer = npcgraph_cli("query", "oxigraph:store", "SELECT (COUNT(?r) AS ?n) WHERE { ?r a npc:Report }", "-f", "csv", cwd=tmp_path)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.split() == ["n", "12"]


def test_cli_rejects_a_bad_jobs_count(tmp_path):
    result = npcgraph_cli("build", "-j", "-2", cwd=tmp_path)
    assert result.returncode == 2 and "number of processes" in result.stderr


def test_the_first_bad_file_in_order_is_reported_whatever_the_jobs(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for index in range(6):
        (folder / f"{index}.txt").write_bytes((REPORTS / "hubei" / "wuhan.txt").read_bytes() + f"第{index}份。".encode())
    (folder / "2-empty.txt").write_bytes(b"")
    (folder / "4-binary.txt").write_bytes(b"\x00\x01" * 100)
    for jobs in ("1", "2"):
        result = npcgraph_cli("build", str(folder), "-o", "out", "-j", jobs, "--strict", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.startswith(f"npcgraph: error: [E105] {folder / '2-empty.txt'} holds no text"), result.stderr
        assert "Traceback" not in result.stderr
        # without --strict the others are built and every bad file is listed, in order
        result = npcgraph_cli("build", str(folder), "-o", "out", "-j", jobs, cwd=tmp_path)
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert [line.split(":")[1].strip() for line in lines[:2]] == [f"skipped {folder / '2-empty.txt'}", f"skipped {folder / '4-binary.txt'}"]
        assert lines[2].startswith("npcgraph: error: [E115] 2 of 8 files") and len(lines) == 3
        assert "Traceback" not in result.stderr


def test_report_iris_of_the_graph_are_its_reports(corpus_graph):
    keys = {document.report.key for document in npcgraph.build([REPORTS]).documents}
    assert {str(node) for node in corpus_graph.subjects(RDF.type, NPC.Report)} == {str(ID[f"report/{k}"]) for k in keys}
    assert all(isinstance(node, URIRef) for node in corpus_graph.subjects(RDF.type, NPC.Report))


# --------------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _show(bars: ProgressBars, seconds: float) -> None:
    with bars.step("Extracting", unit="report") as bar:
        bar.update(1, 10)
        time.sleep(seconds)
        bar.update(2, 10)


def test_a_progress_bar_appears_only_on_a_terminal_and_after_a_second():
    slow, fast, quiet, piped = _Terminal(), _Terminal(), _Terminal(), io.StringIO()
    _show(ProgressBars(stream=slow), 1.3)
    assert "Extracting" in slow.getvalue() and "2/10" in slow.getvalue()
    _show(ProgressBars(stream=fast), 0)
    _show(ProgressBars(enabled=False, stream=quiet), 1.3)  # --quiet
    _show(ProgressBars(stream=piped), 1.3)  # stderr is a file or a pipe
    assert fast.getvalue() == quiet.getvalue() == piped.getvalue() == ""


def test_a_bug_on_one_file_names_the_file(monkeypatch, tmp_path):
    import npcgraph.pipeline as pipeline

    def broken(document):
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "STAGES", (broken,))
    with pytest.raises(RuntimeError, match=r"failed on \S*hubei/wuhan\.txt: ValueError: boom"):
        run_build([REPORTS / "hubei" / "wuhan.txt"])


def _triples(location: Path) -> set[str]:
    import pyoxigraph

    return {str(quad.triple) for quad in pyoxigraph.Store.read_only(str(location))}


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_store_loaded_while_extracting_holds_graph_ttl(tmp_path, jobs):
    """A --store build hands each report's piece to the store as it is extracted
    (graphfile.EarlyLoad), then only what the pieces lack: the store holds graph.ttl's triples.
    Two files of one text (their pieces name other files) make it load afresh, to the same end."""
    import shutil

    import pyoxigraph

    from npcgraph.api import build_folder

    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    for duplicated in (False, True):
        if duplicated:
            shutil.copy(folder / "hubei" / "wuhan.txt", folder / "hubei" / "wuhan-again.txt")
        out = tmp_path / f"out-{duplicated}"
        built = build_folder([folder], out, store=f"oxigraph:{out / 'store'}", use_cache=False, jobs=jobs, names="rules")
        assert len(built.duplicates) == duplicated
        graph = pyoxigraph.Store()
        graph.load((out / "graph.ttl").read_bytes(), pyoxigraph.RdfFormat.TURTLE)
        assert _triples(out / "store") == {str(quad.triple) for quad in graph} and len(graph) > 500
        assert not list(out.glob(".store.*"))


def test_a_build_failing_while_its_store_loads_leaves_no_store(tmp_path):
    from npcgraph.api import build_folder
    from npcgraph.errors import InputError

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes((REPORTS / "hubei" / "wuhan.txt").read_bytes())
    (folder / "b.txt").write_bytes(b"")  # no text: a strict build stops here, after a.txt's piece went to the store
    with pytest.raises(InputError):
        build_folder([folder], tmp_path / "out", store=f"oxigraph:{tmp_path / 'store'}", use_cache=False, names="rules")
    assert not (tmp_path / "store").exists() and not list(tmp_path.glob(".store.*"))


def test_a_folder_that_is_not_a_store_is_never_replaced(tmp_path):
    from npcgraph.errors import OutputError

    corpus = npcgraph.build([REPORTS])
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="E203"):
        turtle_and_store(corpus, None, tmp_path / "notes")
    assert (tmp_path / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine"
    result = npcgraph_cli("build", str(REPORTS), "-o", "out", "--store", f"oxigraph:{tmp_path / 'notes'}", cwd=tmp_path)
    assert result.returncode == 3 and result.stderr.startswith("npcgraph: error: [E203]")
    assert not (tmp_path / "out").exists()  # refused before any work


def test_work_done_while_the_store_finishes_loading(tmp_path, tiny_corpus):
    """turtle_and_store's ``meanwhile`` (npcgraph build draws graph.html there) runs once
    graph.ttl is made, before the store is ready; when it fails, no store is left."""
    made = []
    parts, count = turtle_and_store(tiny_corpus, None, tmp_path / "store", meanwhile=lambda: made.append("drawn"))
    assert made == ["drawn"] and b"".join(parts) == corpus_turtle(tiny_corpus)
    assert count == len(_triples(tmp_path / "store"))

    def fail() -> None:
        raise RuntimeError("the page could not be drawn")

    with pytest.raises(RuntimeError, match="could not be drawn"):
        turtle_and_store(tiny_corpus, None, tmp_path / "failed", meanwhile=fail)
    assert not (tmp_path / "failed").exists() and not list(tmp_path.glob(".failed.*"))


def test_documents_pickle_field_by_field(generated):
    """model.py pickles each class as its constructor and its fields' values in order (half
    the time of the slotted dataclasses' own way, for documents sent between processes and
    cached): every field of every class comes back, and so does an extracted corpus."""
    import pickle
    from dataclasses import fields
    from decimal import Decimal

    from npcgraph import model

    corpus = run_build([generated], names="rules").corpus
    assert pickle.loads(pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)) == corpus
    metadata = model.Metadata(*(f"m{index}" for index in range(len(fields(model.Metadata)))))
    section = model.Section(1, 2, 3, 4, (5, 6), 7)
    paragraph = model.Paragraph(1, 2, 3, 4, "answer", (5, 6), "答")
    sentence = model.Sentence(1, 2, 3, 4, 5)
    report = model.Report("k", "f.txt", "文本", "sha", metadata, (section,), (paragraph,), (sentence,), ("place",))
    mention = model.Mention(1, 2, 3, "Person", "person/x")
    entity = model.Entity("statistic/x", "Statistic", "代表", ("代表们",), Decimal("1.50"), True, "名", "2025", "2025-01", 14, 3)
    evidence = model.Evidence("k", 1, 2, "2025-01-02", "meeting/y", (1, None, 3))
    relation = model.Relation("a", "memberOf", "b", (evidence,), "主任")
    document = model.Document(report, (mention,), (entity,), (relation,), "person/x", "org/p", "org/r")
    for item in (metadata, section, paragraph, sentence, report, mention, entity, evidence, relation, document, model.Corpus((document,))):
        again = pickle.loads(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(again) is type(item)
        assert [getattr(again, f.name) for f in fields(item)] == [getattr(item, f.name) for f in fields(item)]


def test_graph_html_drawn_in_a_process_of_its_own(tmp_path, generated, monkeypatch):
    """From ``api._DRAW_APART`` reports on, graph.html and the counts are drawn in a forked
    process beside graph.ttl and the store: the same bytes and counts as drawn in the build's
    own process. A drawing that fails there fails the build with its error, leaving no store."""
    import os

    from npcgraph import api
    from npcgraph.api import build_folder

    built = {}
    for apart in (10**9, 1):
        monkeypatch.setattr(api, "_DRAW_APART", apart)
        out = tmp_path / f"out-{apart}"
        built[apart] = build_folder([generated], out, store=f"oxigraph:{out / 'store'}", use_cache=False, names="rules", jobs=2)
    assert built[1].counts == built[10**9].counts
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "out-1" / name).read_bytes() == (tmp_path / f"out-{10**9}" / name).read_bytes()

    def fail(*args, **kwargs):
        raise ValueError(f"no page in process {os.getpid()}")

    monkeypatch.setattr(api, "render_digests", fail)
    with pytest.raises(ValueError, match="no page in process") as raised:
        build_folder([generated], tmp_path / "failed", store=f"oxigraph:{tmp_path / 'store'}", use_cache=False, names="rules")
    assert f"process {os.getpid()}" not in str(raised.value)  # drawn apart
    assert not (tmp_path / "store").exists() and not list(tmp_path.glob(".store.*"))


def test_the_collector_is_paused_while_reports_are_extracted_in_this_process(tmp_path, monkeypatch):
    """At -j 1 the documents are extracted in this process and kept to the end of the build: the
    cyclic collector is paused meanwhile (its passes walked them all), and resumes after."""
    seen: list[bool] = []
    work = pipeline._work

    def watched(*task):
        seen.append(gc.isenabled())
        return work(*task)

    monkeypatch.setattr(pipeline, "_work", watched)
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"{name}市人大常委会2023年工作报告\n\n一年来，{name}市人大常委会制定了《{name}市物业管理条例》。\n", encoding="utf-8")
    assert gc.isenabled()
    run_build([tmp_path / "a.txt", tmp_path / "b.txt"], jobs=1, names="rules")
    assert seen == [False, False] and gc.isenabled()
