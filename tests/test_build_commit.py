"""A build's outputs move into place together, and one build at a time writes a folder (issue 17,
defects 3 and 4)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from npcgraph.errors import OutputError
from npcgraph.outputs import JOURNAL, build_lock, commit, recover, stage_files
from npcgraph.store import load_store, stage_store

from test_corpus import load_generator  # tests/ is on sys.path (pytest rootdir conftest)
from test_hardening import _build, _kill_when, _outputs, _store_size

TRIPLE = b"<urn:a> <urn:b> <urn:c> .\n"
TWO = TRIPLE + b"<urn:a> <urn:b> <urn:d> .\n"


def test_a_build_killed_after_loading_its_store_leaves_the_previous_store_and_files(tmp_path):
    reports = tmp_path / "reports"
    load_generator().generate(40, reports, seed=11)
    output, store = tmp_path / "out", tmp_path / "store"
    first = _build(reports, output, "--store", f"oxigraph:{store}", "--no-cache")
    assert first.wait(timeout=600) == 0, first.stderr.read()
    previous, previous_store = _outputs(output), _store_size(store)
    for path in sorted(reports.rglob("*.txt"))[:10]:
        path.unlink()
    # The store is loaded and the files are being written: the old build moved its store into
    # place before this point, so the store was new and graph.ttl/graph.html old.
    build = _build(reports, output, "--store", f"oxigraph:{store}", "--no-cache")
    assert _kill_when(build, lambda: any(output.glob(".graph.*.tmp")))
    assert _outputs(output) == previous
    assert _store_size(store) == previous_store
    again = _build(reports, output, "--store", f"oxigraph:{store}", "--no-cache")
    assert again.wait(timeout=600) == 0, again.stderr.read()
    assert _outputs(output) != previous and _store_size(store) != previous_store
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store.")]
    assert sorted(p.name for p in output.iterdir()) == ["graph.html", "graph.ttl"]


def test_a_commit_killed_half_way_is_finished_by_the_next_build(tmp_path):
    output, location = tmp_path / "out", tmp_path / "store"
    output.mkdir()
    (output / "graph.ttl").write_bytes(b"old")
    (output / "graph.html").write_bytes(b"old")
    load_store([TRIPLE], location)
    moves = stage_files(output, {"graph.ttl": b"new", "graph.html": b"new"})
    staged = stage_store([TWO], location)
    everything = moves + staged.moves
    # what commit() does, killed after the journal and the first move
    commit_journal = output / JOURNAL
    import json
    import os

    commit_journal.write_text(json.dumps([[str(a), str(b)] for a, b in everything]), encoding="utf-8")
    os.replace(*everything[0])
    assert recover(output)
    assert (output / "graph.ttl").read_bytes() == (output / "graph.html").read_bytes() == b"new"
    assert _store_size(location) == 2
    assert not commit_journal.exists() and not recover(output)


def test_commit_moves_files_and_store_together(tmp_path):
    output, location = tmp_path / "out", tmp_path / "store"
    load_store([TRIPLE], location)
    staged = stage_store([TWO], location)
    assert _store_size(location) == 1  # staged, not yet in place
    commit(output, stage_files(output, {"graph.ttl": b"x"}) + staged.moves)
    staged.discard()
    assert _store_size(location) == 2 and (output / "graph.ttl").read_bytes() == b"x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "store"]


def test_a_second_build_into_the_same_folder_is_told_so(tmp_path, seed_path):
    output = tmp_path / "out"
    with build_lock(output):
        result = subprocess.run(
            [sys.executable, "-m", "npcgraph", "build", str(seed_path), "-o", str(output), "-q", "--store", f"oxigraph:{tmp_path / 'store'}"],
            capture_output=True, text=True, timeout=300,
        )
        with pytest.raises(OutputError) as held:
            with build_lock(output):
                pass
        assert held.value.code == "E206"
    assert result.returncode == 3
    assert result.stderr == f"npcgraph: error: [E206] another build is writing {output} (wait for it to finish, or choose another folder with -o)\n"
    assert not (tmp_path / "store").exists()
    with build_lock(output):  # released, and the lock file removed
        pass
    assert list(output.iterdir()) == []


def test_two_builds_at_once_one_writes_the_other_is_refused(tmp_path, seed_path):
    output = tmp_path / "out"
    command = [sys.executable, "-m", "npcgraph", "build", str(seed_path), "-o", str(output), "-q", "--no-cache"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert _wait_for(lambda: (output / ".npcgraph-lock").exists() or first.poll() is not None)
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    if second.returncode != 0:  # it ran while the first held the lock
        assert "[E206] another build is writing" in second.stderr and len(second.stderr.splitlines()) == 1
    assert sorted(p.name for p in output.iterdir()) == ["graph.html", "graph.ttl"]


def _wait_for(condition, timeout: float = 120) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False
