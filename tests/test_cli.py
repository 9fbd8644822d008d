"""The command line: build end to end, help and version, and every user-error path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

import npcgraph as npcgraph_module
from npcgraph.cli import COMMANDS, make_parser


def npcgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "npcgraph", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_build_default_writes_outputs_and_says_where(tmp_path):
    result = npcgraph("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "out" / name).stat().st_size > 1000
        assert str(Path("out") / name) in result.stdout
    assert "sections" in result.stdout
    assert len(Graph().parse(tmp_path / "out" / "graph.ttl")) > 1000
    # No temporary file is left behind (the extraction cache, out/.cache, is meant to stay).
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_version():
    result = subprocess.run([sys.executable, "-m", "npcgraph", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("npcgraph ")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        make_parser().parse_args([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"npcgraph {command}" in out and len(out) > 100


def _assert_one_line_error(result: subprocess.CompletedProcess[str], code: str) -> None:
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("npcgraph: error: [" + code)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.txt", None, "E101"),
        ("empty.txt", b"", "E105"),
        ("blank.txt", b" \n\n\t \n", "E105"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "E103"),
        ("latin1.txt", "Rapport d'activité — été".encode("cp1252") + b"\x81\x30", "E104"),
        ("chrome.html", "<html><body><p>版权所有：某某网站</p></body></html>".encode(), "E105"),
    ],
)
def test_bad_inputs_give_one_line_and_no_output(name, content, code, tmp_path):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = npcgraph("build", name, "-o", "out", cwd=tmp_path)
    _assert_one_line_error(result, code)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_empty_folder(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "notes.pdf").write_bytes(b"%PDF")
    _assert_one_line_error(npcgraph("build", "reports", cwd=tmp_path), "E102")


def test_unwritable_output_leaves_nothing(tmp_path, seed_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    result = npcgraph("build", str(seed_path), "-o", "out/graphs", cwd=tmp_path)
    _assert_one_line_error(result, "E201")
    assert blocker.read_text().startswith("a file")


def test_failed_build_keeps_previous_outputs(tmp_path, seed_path):
    assert npcgraph("build", str(seed_path), "-o", "out", cwd=tmp_path).returncode == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert set(before) >= {"graph.ttl", "graph.html"}
    (tmp_path / "bad.txt").write_bytes(b"")
    assert npcgraph("build", "bad.txt", "-o", "out", cwd=tmp_path).returncode != 0
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert after == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path, seed_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        _assert_one_line_error(npcgraph("build", str(seed_path), "-o", "out", cwd=tmp_path), "E202")
    finally:
        out.chmod(0o755)


def test_build_without_store_leaves_nothing_in_tmpdir(tmp_path, seed_path):
    """No store is loaded without --store (nothing of the build reads it); with -f, other
    formats are written from a temporary store, removed at the end, also when the build fails."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    environment = {**os.environ, "TMPDIR": str(scratch)}
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "npcgraph", "build", *args], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=environment
    )
    for formats in ((), ("-f", "nt")):
        built = run(str(seed_path), "-o", "out", "--no-cache", *formats)
        assert built.returncode == 0, built.stderr
        assert "Regulation" in built.stdout and (tmp_path / "out" / "graph.html").stat().st_size > 1000
        assert not any(scratch.iterdir())
    assert (tmp_path / "out" / "graph.nt").stat().st_size > 1000
    # A build that fails after the store is loaded (its output folder is a file) removes it too.
    (tmp_path / "blocked").write_text("not a folder", encoding="utf-8")
    failed = run(str(seed_path), "-o", "blocked", "--no-cache", "-f", "nt")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1
    assert not any(scratch.iterdir())


def test_build_says_so_in_one_line_when_no_temporary_store_can_be_made(tmp_path, seed_path, monkeypatch, capsys):
    import tempfile

    from npcgraph.cli import main

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    assert main(["build", str(seed_path), "-o", str(tmp_path / "out"), "-q", "--no-cache", "-f", "nt"]) == 3
    error = capsys.readouterr().err
    assert error.startswith("npcgraph: error: [E205] cannot create a temporary store in ") and error.count("\n") == 1
    assert "--store oxigraph:DIR" in error
    assert not (tmp_path / "out").exists()


def test_a_temporary_store_left_by_a_killed_build_is_removed_by_the_next(tmp_path, monkeypatch):
    import tempfile

    from npcgraph.store import scratch_store

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f"npcgraph-build-{ended.stdout.strip()}-abc"
    alive = tmp_path / f"npcgraph-build-{os.getpid()}-def"
    other = tmp_path / "npcgraph-build-notapid"
    for folder in (orphan, alive, other):
        (folder / "store").mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with scratch_store() as location:
        assert location.parent.name.startswith(f"npcgraph-build-{os.getpid()}-")
        assert not orphan.exists() and alive.exists() and other.exists()
    assert not location.parent.exists()


def test_the_build_summary_counts_entities_apart_from_the_text_structure(tmp_path):
    """Issue 17: the closing summary gives the entity total and per-class counts, the text's
    structure (reports, sections, paragraphs, sentences) on a line of its own."""
    import re

    from npcgraph.exports.reports import entity_nodes
    from npcgraph.namespaces import TEXT_CLASSES

    result = npcgraph("build", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    graph = npcgraph_module.load_graph(tmp_path / "out" / "graph.ttl")
    total = len(entity_nodes(graph))
    assert re.match(rf"Built the graph of 1 report: {total} entities, \d+ relations between them, \d+ mentions\.$", lines[0]), lines[0]
    assert lines[1] == "Entities by class:"
    text_line = next(i for i, line in enumerate(lines) if line.startswith("Text: "))
    per_class = [line.split() for line in lines[2:text_line]]
    assert sum(int(count) for _, count in per_class) == total
    assert not {name for name, _ in per_class} & TEXT_CLASSES
    assert re.match(r"Text: 1 report, \d+ sections, \d+ paragraphs, \d+ sentences$", lines[text_line])
    assert lines[text_line + 1] == "Wrote:"
