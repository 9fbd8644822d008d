"""Very large reports: capped sentences, windowed extraction, graph.ttl in stretches.

Windowing is tested on reports just over a window made small (a few thousand characters),
so that the fast tests exercise what a 50 MB report goes through: the windowed result must
equal a whole run (mentions, entities, relations, and so graph.ttl byte for byte), offsets
must cut out their anchors from the whole report's text, and the result must not depend on
anything but the input. The 50 MB build itself is the opt-in test in test_hardening.py.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from npcgraph import graphfile
from npcgraph.errors import OutputError
from npcgraph.graphfile import corpus_turtle, report_piece, turtle_file
from npcgraph.ingest import RawText
from npcgraph.model import Corpus, Document, Metadata, Report
from npcgraph.pipeline import extract, read_report
from npcgraph.graphfile import turtle_and_store
from npcgraph.structure import MAX_SENTENCE, split_sentences, structure
from npcgraph.windows import extract_windowed, window_bounds
from test_corpus import load_generator  # tests/ is on sys.path (pytest rootdir conftest)

REPOSITORY = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def long_report(tmp_path_factory) -> Report:
    """Six generated .txt reports (web-page chrome and all) in one file: ~25,000 characters."""
    folder = tmp_path_factory.mktemp("generated")
    load_generator().generate(14, folder, seed=5)
    texts = [p.read_bytes() for p in sorted(folder.rglob("*.txt"))][:6]
    assert len(texts) == 6
    path = folder / "long.txt"
    path.write_bytes(b"\n".join(texts))
    return read_report(path)


def _hostile(report: Report) -> Report:
    """The same text on one line: no paragraph to cut at."""
    return structure(RawText(report.source_file, report.text.replace("\n", ""), report.metadata))


def _facts(document: Document) -> tuple:
    return (
        document.mentions,
        tuple((e.key, e.cls, e.label, e.alt_labels, e.value, e.approximate, e.unit) for e in document.entities),
        document.relations,
        (document.author, document.publisher, document.reporting_body),
    )


def _offsets_hold(document: Document) -> None:
    text = document.report.text
    for mention in document.mentions:
        sentence = document.report.sentences[mention.sentence]
        assert sentence.begin <= mention.begin < mention.end <= sentence.end
        assert text[mention.begin:mention.end].strip()
    for relation in document.relations:
        for evidence in relation.evidence:
            assert document.report.sentence_at(evidence.begin).end == evidence.end


# --------------------------------------------------------------------------- capped sentences


def test_a_run_on_sentence_is_cut_after_commas_below_the_cap():
    clause = "加强和改进人大工作，"
    text = "前言。" + clause * 400 + "《" + "长" * 1500 + "》" + "完" + "。"
    spans = split_sentences(text, 0, len(text))
    assert all(end - begin <= MAX_SENTENCE for begin, end in spans)
    assert spans[0] == (0, 3)
    assert [text[e - 1] for _, e in spans[1:4]] == ["，", "，", "，"]  # cut after a comma while there is one
    assert "".join(text[b:e] for b, e in spans) == text  # nothing lost, nothing doubled
    assert [b for b, _ in spans[1:]] == [e for _, e in spans[:-1]]


def test_short_sentences_are_not_touched():
    text = "制定《武汉市供水条例》，修订《武汉市物业管理条例》。开展执法检查。"
    assert split_sentences(text, 0, len(text)) == [(0, 26), (26, 33)]


# --------------------------------------------------------------------------- windows


@pytest.mark.parametrize("window", [2_000, 5_000, 11_000])
def test_window_bounds_cover_the_text_and_cut_at_paragraph_starts(long_report, window):
    bounds = window_bounds(long_report, window)
    assert len(bounds) >= len(long_report.text) // window
    assert bounds[0][0] == 0 and bounds[-1][1] == len(long_report.text)
    assert all(end == later for (_, end), (later, _) in zip(bounds, bounds[1:]))
    starts = {p.begin for p in long_report.paragraphs}
    assert all(begin in starts for begin, _ in bounds[1:])
    assert all(end - begin <= window for begin, end in bounds)


def test_one_line_is_cut_at_sentence_starts(long_report):
    report = _hostile(long_report)
    assert len(report.paragraphs) == 1
    bounds = window_bounds(report, 3_000)
    assert len(bounds) > 5
    starts = {s.begin for s in report.sentences}
    assert all(begin in starts for begin, _ in bounds[1:])


@pytest.mark.parametrize("window", [1_500, 4_000, 9_000])
def test_windowed_extraction_equals_a_whole_run(long_report, window):
    whole = extract(long_report)
    windowed = extract_windowed(long_report, window)
    assert len(window_bounds(long_report, window)) > 2
    assert windowed.report is long_report
    assert _facts(windowed) == _facts(whole)
    _offsets_hold(windowed)
    assert corpus_turtle(Corpus((windowed,))) == corpus_turtle(Corpus((whole,)))


def test_windowed_extraction_of_one_line_equals_a_whole_run(long_report):
    report = _hostile(long_report)
    whole, windowed = extract(report), extract_windowed(report, 4_000)
    assert _facts(windowed) == _facts(whole)
    _offsets_hold(windowed)


def test_windows_run_every_stage_by_name_in_the_stages_order():
    """A stage added to extract.STAGES must say how windows.py runs it (else KeyError), and the
    three ways keep the stages' order: windows alone, windows knowing every entity, the whole."""
    from npcgraph.extract import STAGES
    from npcgraph.windows import HOW_STAGES_RUN

    assert [stage.__name__ for stage in STAGES] == list(HOW_STAGES_RUN)
    ways = [HOW_STAGES_RUN[stage.__name__] for stage in STAGES]
    assert ways == sorted(ways, key=["window", "across", "whole"].index)


def test_a_window_carries_the_place_of_its_report_and_no_global_does(long_report):
    from npcgraph.extract import context
    from npcgraph.extract.context import infer_place

    assert not hasattr(context, "_KNOWN")
    place = infer_place(long_report)
    assert place is not None
    elsewhere = replace(long_report, text="某某会议召开。", metadata=replace(long_report.metadata, jurisdiction=None, title=None, author_post=None))
    assert infer_place(replace(elsewhere, place=(place,))) == place
    assert infer_place(replace(elsewhere, place=(None,))) is None



@pytest.mark.parametrize("name", [
    "ningbo-interview/interview.txt", "interview-yichang/report.txt", "zhejiang-provincial/report.txt",
    # an official's résumé: facts of the whole report
    "real/dev/b-shandong-2017-sc-resignation/report.txt",
])
def test_context_carried_into_windows_interviews_and_plan_sections(name):
    """Tiny windows, so that answers and plan sections continue across window starts."""
    report = read_report(REPOSITORY / "tests" / "data" / name)
    assert _facts(extract_windowed(report, 250)) == _facts(extract(report))


def test_windowed_extraction_is_deterministic(long_report):
    first = extract_windowed(long_report, 3_000)
    again = extract_windowed(replace(long_report), 3_000)
    assert _facts(first) == _facts(again)


def test_the_pipeline_windows_reports_longer_than_a_window(long_report, monkeypatch):
    import npcgraph.pipeline as pipeline

    whole = extract(long_report)
    calls = []
    monkeypatch.setattr(pipeline, "WINDOW", 10_000)
    monkeypatch.setattr(pipeline, "extract_windowed", lambda report: calls.append(report) or extract_windowed(report, 10_000))
    assert _facts(pipeline.extract(long_report)) == _facts(whole)
    assert calls == [long_report]


# --------------------------------------------------------------------------- graph.ttl in stretches


def test_a_long_reports_piece_in_stretches_is_the_same_bytes(long_report):
    document = extract(long_report)
    whole = report_piece(document, window=10 ** 9)
    assert report_piece(document, window=3_000, stretch=7) == whole
    assert report_piece(document, window=50_000, stretch=1) == whole


def test_graph_ttl_through_a_temporary_file_is_the_same_bytes(long_report, tiny_corpus, monkeypatch):
    corpus = Corpus((extract(long_report), *tiny_corpus.documents))
    expected = corpus_turtle(corpus)
    monkeypatch.setattr(graphfile, "_STRETCH", 13)  # entities and statements in many stretches
    monkeypatch.setattr(graphfile, "_LONG", 1_000)  # the long report made in the main process
    spool = turtle_file(corpus, {long_report.key: graphfile.turtle_pieces().make(corpus.documents[0])})
    assert graphfile.turtle_pieces().make(corpus.documents[0]) == b""
    assert b"".join(spool) == expected
    assert b"".join(spool) == expected  # read again
    assert spool.size == len(expected)
    spool.close()


def _raised_within(seconds: float, function, *args) -> BaseException | None:
    """What ``function(*args)`` raised, run in a thread that must end within ``seconds``."""
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            function(*args)
        except BaseException as exc:  # noqa: BLE001 - kept for the assertion
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), f"{function.__name__} hung"
    return outcome[0] if outcome else None


def test_a_failing_store_load_neither_hangs_nor_half_writes(long_report, tmp_path, monkeypatch):
    """The hand-off to the loader is bounded: when the loader fails, formatting must not wait
    for it forever."""
    corpus = Corpus((extract(long_report),))
    monkeypatch.setattr(graphfile, "_STRETCH", 3)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    assert isinstance(_raised_within(120, turtle_and_store, corpus, None, tmp_path / "notes"), OutputError)
    assert (tmp_path / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_store_failing_after_the_last_stretch_neither_hangs_nor_hides_the_error(long_report, tmp_path, monkeypatch):
    """The loader fails once it has taken every stretch (as when the finished store cannot be
    moved into place): nothing more will come, so it must not wait to drop further stretches."""
    from npcgraph.store import load as storeload

    corpus = Corpus((extract(long_report),))
    monkeypatch.setattr(graphfile, "_STRETCH", 3)

    def load_then_fail(parts, location, progress=None, loads=1):
        for _ in parts:
            pass
        raise OutputError("E204", location=tmp_path, reason="no space left")

    monkeypatch.setattr(storeload, "load_store", load_then_fail)
    assert isinstance(_raised_within(120, turtle_and_store, corpus, None, tmp_path / "store"), OutputError)


def test_a_store_loaded_in_stretches_holds_the_graph(long_report, tmp_path, monkeypatch):
    import pyoxigraph
    from rdflib import Graph

    corpus = Corpus((extract(long_report),))
    monkeypatch.setattr(graphfile, "_STRETCH", 50)
    spool, count = turtle_and_store(corpus, None, tmp_path / "store")
    assert b"".join(spool) == corpus_turtle(corpus)
    assert count == len(pyoxigraph.Store.read_only(str(tmp_path / "store")))
    assert count == len(Graph().parse(data=corpus_turtle(corpus), format="turtle"))


_WUHAN = Metadata(title="武汉市人大常委会工作报告", reporting_body="武汉市人大常委会", jurisdiction="武汉市")


def _plans_and_answers(kind: str) -> Report:
    """Deeds, then plans that run on past many window starts: a plan section or answers to a
    question about plans (their sentences state no deeds)."""
    if kind == "section":
        lines = ["一、2022年工作回顾", "制定《武汉市供水条例》，修订《武汉市河道管理条例》。", "二、2023年工作安排"]
        lines += [f"制定《武汉市第{n}号管理条例》，开展执法检查。" for n in range(1, 30)]
    else:
        lines = ["问：今年做了哪些工作？", "答：制定《武汉市供水条例》，修订《武汉市河道管理条例》。", "问：下一步有什么打算？"]
        lines += [f"答：制定《武汉市第{n}号管理条例》，开展执法检查。" for n in range(1, 30)]
    return structure(RawText("plans.txt", "\n".join(lines), _WUHAN))


@pytest.mark.parametrize("kind", ["section", "interview"])
def test_plans_continue_across_windows(kind):
    report = _plans_and_answers(kind)
    whole = extract(report)
    enacted = {r.object for r in whole.relations if r.predicate == "enacted"}
    assert len(enacted) == 1  # the deed, not the 29 plans
    assert _facts(extract_windowed(report, 120)) == _facts(whole)


def test_metadata_is_no_window_matter():
    """A report whose place only its text names (no byline): the place is the whole report's."""
    lines = ["武汉市人大常委会开展执法检查。"] * 40 + ["市人大常委会制定《供水条例》。"] * 40
    raw = RawText("x.txt", "\n".join(lines), Metadata())
    report = structure(raw)
    assert _facts(extract_windowed(report, 300)) == _facts(extract(report))
