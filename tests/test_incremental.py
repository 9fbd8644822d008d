"""Incremental builds: the extraction cache redoes only what changed, and gives a clean build's bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

import npcgraph
from npcgraph.cache import Cache, code_fingerprint, entry_key
from npcgraph.graphfile import corpus_turtle, turtle_pieces
from npcgraph.namespaces import ID, NPC, RDF
from npcgraph.pipeline import run_build

from test_corpus import REPORTS, load_generator  # tests/ is on sys.path (pytest rootdir conftest)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pristine")
    load_generator().generate(8, folder, seed=11)
    shutil.copytree(REPORTS, folder / "cities")
    return folder


@pytest.fixture
def reports(pristine, tmp_path) -> Path:
    """A fresh copy of the corpus that a test may change."""
    return Path(shutil.copytree(pristine, tmp_path / "reports"))


def clean_turtle(folder: Path) -> bytes:
    return corpus_turtle(run_build([folder]).corpus)


def cached_build(folder: Path, cache_folder: Path, jobs: int = 1):
    build = run_build([folder], jobs=jobs, cache=Cache(cache_folder), prune_cache=True, rendering=turtle_pieces())
    return build, corpus_turtle(build.corpus, build.outputs)


def test_an_unchanged_rebuild_extracts_nothing(reports, tmp_path):
    first, turtle = cached_build(reports, tmp_path / "cache")
    assert first.extracted == first.files == 11
    again, same = cached_build(reports, tmp_path / "cache", jobs=2)
    assert (again.extracted, again.reused) == (0, 11)
    assert again.corpus == first.corpus and same == turtle == clean_turtle(reports)


def test_changing_one_report_redoes_only_that_report(reports, tmp_path):
    cached_build(reports, tmp_path / "cache")
    changed = reports / "cities" / "hubei" / "wuhan.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "修订《武汉市物业管理条例》。\n", encoding="utf-8")
    build, turtle = cached_build(reports, tmp_path / "cache")
    assert (build.extracted, build.reused) == (1, 10)
    assert turtle == clean_turtle(reports)
    assert "武汉市物业管理条例".encode() in turtle


def test_removing_a_report_removes_what_only_it_supported(reports, tmp_path):
    _, before = cached_build(reports, tmp_path / "cache")
    removed = reports / "cities" / "hubei" / "wuhan.txt"
    document = npcgraph.build([removed]).documents[0]
    others = npcgraph.build([p for p in reports.rglob("*") if p.is_file() and p != removed])
    still_supported = {entity.key for other in others.documents for entity in other.entities}
    only_its = {entity.key for entity in document.entities} - still_supported
    shared = {entity.key for entity in document.entities} & still_supported
    assert only_its and shared  # the test means something: 武汉市养老服务促进条例 vs the national law

    removed.unlink()
    build, after = cached_build(reports, tmp_path / "cache")
    assert (build.extracted, build.reused) == (0, 10)
    assert after == clean_turtle(reports) and after != before
    graph = Graph().parse(data=after, format="turtle")
    subjects = {str(s) for s in graph.subjects()}
    objects = {str(o) for o in graph.objects()}
    report = str(ID[f"report/{document.report.key}"])
    assert not any(iri.startswith(report) for iri in subjects | objects)
    for key in only_its:
        assert str(ID[key]) not in subjects | objects
    for key in shared:
        assert str(ID[key]) in subjects
    # the cache keeps only the entries of the files still there
    entries = list((tmp_path / "cache" / code_fingerprint()).glob("*.pickle"))
    assert len(entries) == 10


def test_a_renamed_file_is_a_new_entry_but_the_same_report(reports, tmp_path):
    cached_build(reports, tmp_path / "cache")
    source = reports / "cities" / "hubei" / "wuhan.txt"
    source.rename(source.with_name("wuhan-2021.txt"))
    build, turtle = cached_build(reports, tmp_path / "cache")
    assert (build.extracted, build.reused) == (1, 10)  # the name is in the graph: npc:sourceFile
    assert turtle == clean_turtle(reports)
    assert b'"wuhan-2021.txt"' in turtle


def test_entries_of_other_code_are_not_used(reports, tmp_path):
    cache_folder = tmp_path / "cache"
    cached_build(reports, cache_folder)
    other = Cache(cache_folder, fingerprint="0" * 16)
    build = run_build([reports], cache=other, prune_cache=True)
    assert build.extracted == 11
    assert [p.name for p in cache_folder.iterdir()] == ["0" * 16]  # the other code's folder is pruned


def test_the_fingerprint_follows_extraction_code_and_lexicons_but_not_output_code(tmp_path):
    package = Path(npcgraph.__file__).parent
    copy = Path(shutil.copytree(package, tmp_path / "npcgraph", ignore=shutil.ignore_patterns("__pycache__")))
    base = code_fingerprint(copy)
    assert base == code_fingerprint.__wrapped__(copy)  # stable
    (copy / "viewer" / "page.py").write_text("# output side only\n", encoding="utf-8")
    (copy / "rdf.py").write_text("# output side only\n", encoding="utf-8")
    assert code_fingerprint.__wrapped__(copy) == base
    lexicon = next((copy / "lexicon").glob("*.tsv"))
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "新词\n", encoding="utf-8")
    changed = code_fingerprint.__wrapped__(copy)
    assert changed != base
    (copy / "extract" / "new_stage.py").write_text("# a module added later counts too\n", encoding="utf-8")
    assert code_fingerprint.__wrapped__(copy) not in (base, changed)


def test_a_damaged_entry_is_a_miss_not_a_failure(reports, tmp_path):
    cache_folder = tmp_path / "cache"
    cached_build(reports, cache_folder)
    for entry in (cache_folder / code_fingerprint()).glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:50])
    for piece in (cache_folder / code_fingerprint()).glob("*.ttl-*"):
        piece.unlink()
    build, turtle = cached_build(reports, cache_folder)
    assert build.extracted == 11 and turtle == clean_turtle(reports)


def test_entry_keys_depend_on_name_and_bytes():
    assert entry_key("a.txt", b"x") == entry_key("a.txt", b"x")
    assert len({entry_key("a.txt", b"x"), entry_key("b.txt", b"x"), entry_key("a.txt", b"y")}) == 3


def test_cli_default_cache_lives_in_the_output_folder_and_no_cache_writes_none(reports, tmp_path):
    def build(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "npcgraph", "build", str(reports), "-q", *extra],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,
        )

    assert build("-o", "out").returncode == 0
    assert len(list((tmp_path / "out" / ".cache" / code_fingerprint()).glob("*.pickle"))) == 11
    first = (tmp_path / "out" / "graph.ttl").read_bytes()
    (reports / "cities" / "hubei" / "yichang.html").unlink()
    assert build("-o", "out").returncode == 0
    assert len(list((tmp_path / "out" / ".cache" / code_fingerprint()).glob("*.pickle"))) == 10
    assert build("-o", "clean", "--no-cache").returncode == 0
    assert not (tmp_path / "clean" / ".cache").exists()
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes() != first
    assert build("-o", "shared", "--cache", "shared-cache").returncode == 0
    assert not (tmp_path / "shared" / ".cache").exists() and (tmp_path / "shared-cache").is_dir()
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(graph.subjects(RDF.type, NPC.Report))) == 10


def test_pruning_a_read_only_cache_never_fails_the_build(tmp_path, monkeypatch):
    """Issue 17, defect 7: a read-only output folder holding a stale .cache gave a traceback."""
    from pathlib import Path

    cache = Cache(tmp_path / "cache", fingerprint="1" * 16)
    cache.put_output("stale", "v1", b"x")
    (tmp_path / "cache" / ("2" * 16)).mkdir()  # another code version's folder

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    monkeypatch.setattr("shutil.rmtree", lambda path, ignore_errors=False: None)
    assert cache.prune(keep=set()) == 0
    assert (tmp_path / "cache" / ("1" * 16) / "stale.v1").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_with_a_stale_cache_is_one_clear_error(tmp_path, seed_path):
    import subprocess
    import sys

    out = tmp_path / "out"
    stale = out / ".cache" / ("0" * 16)
    stale.mkdir(parents=True)
    (stale / "old.pickle").write_bytes(b"old")
    for path in (stale, out / ".cache", out):
        path.chmod(0o555)
    try:
        result = subprocess.run([sys.executable, "-m", "npcgraph", "build", str(seed_path), "-o", str(out), "-q"], capture_output=True, text=True, timeout=300)
    finally:
        for path in (out, out / ".cache", stale):
            path.chmod(0o755)
    assert result.returncode == 3 and result.stderr.startswith("npcgraph: error: [E20"), result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


# --- incremental builds: the outputs patched, to a clean build's bytes (npcgraph.incremental) ---


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    """One extraction cache for the builds below: each report's text is extracted once."""
    return tmp_path_factory.mktemp("shared-cache")


def folder_build(reports: Path, out: Path, cache: Path, *, store: bool = True, provenance: str = "full", formats: str = "ttl"):
    said: list[str] = []
    built = npcgraph.build_folder(
        [reports], out, cache=cache, store=f"oxigraph:{out / 'store'}" if store else None, provenance=provenance,
        formats=formats, explain=said.append,
    )
    return built, said


def quads(store: Path) -> list[str]:
    import pyoxigraph

    return sorted(str(quad) for quad in pyoxigraph.Store.read_only(str(store)).quads_for_pattern(None, None, None))


def assert_as_clean(reports: Path, out: Path, cache: Path, built, tmp_path: Path, *, store: bool = True, provenance: str = "full") -> None:
    """The outputs in ``out`` are a full build's (into a new folder: no earlier build to patch)."""
    clean = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    reference, said = folder_build(reports, clean, cache, store=store, provenance=provenance)
    assert said == ["building in full: no earlier build whose outputs are untouched (or one was changed since)"]
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert built.counts == reference.counts
    if store:
        assert quads(out / "store") == quads(clean / "store")


def test_reports_changed_removed_and_added_are_patched_to_a_clean_builds_bytes(reports, tmp_path, shared_cache):
    out = tmp_path / "out"
    folder_build(reports, out, shared_cache)
    changed = reports / "cities" / "hubei" / "wuhan.txt"
    # a regulation only this report names now, and a law that other reports name too
    changed.write_text(changed.read_text(encoding="utf-8") + "\n审议《武汉市城市绿化条例》，执法检查传染病防治法。\n", encoding="utf-8")
    before = (out / "graph.ttl").read_bytes()
    built, said = folder_build(reports, out, shared_cache)
    assert said == ["updated the last build: 1 files extracted, 1 gone or changed"]
    turtle = (out / "graph.ttl").read_bytes()
    assert turtle != before and "武汉市城市绿化条例".encode() in turtle
    assert_as_clean(reports, out, shared_cache, built, tmp_path)
    # that report gone (the entities only it named with it), another one added
    changed.unlink()
    load_generator().generate(1, reports / "added", seed=99)
    built, said = folder_build(reports, out, shared_cache)
    assert said == ["updated the last build: 1 files extracted, 1 gone or changed"]
    assert "武汉市城市绿化条例".encode() not in (out / "graph.ttl").read_bytes()
    assert_as_clean(reports, out, shared_cache, built, tmp_path)


def test_without_a_store_and_with_facts_provenance(reports, tmp_path, shared_cache):
    out = tmp_path / "out"
    folder_build(reports, out, shared_cache, store=False, provenance="facts")
    changed = next(reports.rglob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n市人大常委会审议通过《某某市物业管理条例》。\n", encoding="utf-8")
    built, said = folder_build(reports, out, shared_cache, store=False, provenance="facts")
    assert said[0].startswith("updated the last build")
    assert_as_clean(reports, out, shared_cache, built, tmp_path, store=False, provenance="facts")


def test_an_interrupted_incremental_build_leaves_the_previous_outputs(reports, tmp_path, shared_cache, monkeypatch):
    out = tmp_path / "out"
    folder_build(reports, out, shared_cache)
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}
    stored = quads(out / "store")
    changed = reports / "cities" / "hubei" / "wuhan.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n修订《武汉市物业管理条例》。\n", encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("npcgraph.incremental.commit", killed)
    with pytest.raises(KeyboardInterrupt):
        folder_build(reports, out, shared_cache)
    monkeypatch.undo()
    assert {name: (out / name).read_bytes() for name in before} == before
    assert quads(out / "store") == stored
    built, said = folder_build(reports, out, shared_cache)  # no stamp left: in full
    assert said == ["building in full: no earlier build whose outputs are untouched (or one was changed since)"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")] and not list(out.glob(".store.*"))  # cleaned up
    # the store touched since the last build: not the store its stamp knows
    changed.write_text(changed.read_text(encoding="utf-8") + "\n修订《武汉市物业管理条例》。\n", encoding="utf-8")
    (out / "store" / "CURRENT").touch()
    built, said = folder_build(reports, out, shared_cache)
    assert said == ["building in full: no earlier build whose outputs are untouched (or one was changed since)"]
    # what else a plan refuses, asked without building
    from npcgraph.incremental import Unsafe, plan
    from npcgraph.uptodate import fingerprint, previous

    cache = shared_cache
    last = previous(cache, out)
    options = {"format": "ttl", "store": (out / "store").resolve(), "provenance": "full", "names": "model", "cache": cache.resolve()}
    files: dict[Path, str] = {}
    changed.write_text(changed.read_text(encoding="utf-8") + "\n又一句。\n", encoding="utf-8")
    stamp = fingerprint([reports], options, files)
    assert plan(cache, out, stamp, last, files, []).changed == [changed]
    with pytest.raises(Unsafe, match="other formats"):
        plan(cache, out, stamp, last, files, ["nt"])
    with pytest.raises(Unsafe, match="the code or the options changed"):
        plan(cache, out, fingerprint([reports], {**options, "provenance": "facts"}), last, files, [])
    for path in list(reports.rglob("*.txt"))[:3]:
        path.write_text(path.read_text(encoding="utf-8") + "\n又一句。\n", encoding="utf-8")
    files = {}
    stamp = fingerprint([reports], options, files)
    with pytest.raises(Unsafe, match="more than 20% of the reports"):
        plan(cache, out, stamp, last, files, [])


def test_a_very_long_changed_report_is_built_in_full(reports, tmp_path, shared_cache, monkeypatch):
    out = tmp_path / "out"
    folder_build(reports, out, shared_cache, store=False)
    changed = reports / "cities" / "hubei" / "wuhan.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n修订《武汉市物业管理条例》。\n", encoding="utf-8")
    monkeypatch.setattr("npcgraph.incremental.WINDOW", 100)  # every report is "very long" now
    built, said = folder_build(reports, out, shared_cache, store=False)
    assert said == ["building in full: a very long report changed (a full build writes it a stretch at a time)"]
