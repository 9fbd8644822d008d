"""A rebuild whose outputs are already up to date writes nothing; any change rebuilds, and the
outputs are then a clean build's bytes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from npcgraph.cli import main
from npcgraph.uptodate import stamp_path

from test_corpus import REPORTS, load_generator  # tests/ is on sys.path (pytest rootdir conftest)


@pytest.fixture
def reports(tmp_path) -> Path:
    folder = tmp_path / "reports"
    load_generator().generate(4, folder, seed=3)
    shutil.copytree(REPORTS, folder / "cities")
    return folder


def _state(out: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir() if p.is_file()}


def _clean(reports: Path, tmp_path: Path, *extra: str) -> dict[str, bytes]:
    out = tmp_path / f"clean{len(list(tmp_path.glob('clean*')))}"
    assert main(["build", str(reports), "-o", str(out), "-q", "--no-cache", *extra]) == 0
    assert not (out / ".cache").exists()
    return {name: data for name, (_, data) in _state(out).items()}


def _build(reports: Path, out: Path, capsys, *extra: str) -> tuple[str, str]:
    capsys.readouterr()
    assert main(["build", str(reports), "-o", str(out), *extra]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_nothing_changed_nothing_redone(reports, tmp_path, capsys):
    out = tmp_path / "out"
    first_out, _ = _build(reports, out, capsys)
    before = _state(out)
    again_out, again_err = _build(reports, out, capsys)
    assert "nothing changed" in again_err
    assert again_out == first_out  # the same summary
    assert _state(out) == before  # not even rewritten
    assert {name: data for name, (_, data) in before.items()} == _clean(reports, tmp_path)


@pytest.mark.parametrize("change", ["edit-input", "remove-input", "add-input", "touch-output", "delete-output", "option", "code"])
def test_any_change_rebuilds_to_a_clean_builds_bytes(change, reports, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    _build(reports, out, capsys)
    extra: tuple[str, ...] = ()
    inputs = sorted(p for p in reports.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html"))
    if change == "edit-input":
        inputs[0].write_bytes(inputs[0].read_bytes().replace("。".encode(), "；".encode(), 1))
    elif change == "remove-input":
        inputs[-1].unlink()
    elif change == "add-input":
        shutil.copy(inputs[0], reports / "copy-of-a-report.txt")
        (reports / "copy-of-a-report.txt").write_text(inputs[0].read_text(encoding="utf-8") + "\n另起一段。\n", encoding="utf-8")
    elif change == "touch-output":
        os.utime(out / "graph.html", ns=(1, 1))
    elif change == "delete-output":
        (out / "graph.ttl").unlink()
    elif change == "option":
        extra = ("--provenance", "facts")
    elif change == "code":
        import npcgraph.uptodate as uptodate

        monkeypatch.setattr(uptodate, "_code", lambda: "other code")
    _, err = _build(reports, out, capsys, *extra)
    assert "nothing changed" not in err
    assert {name: data for name, (_, data) in _state(out).items()} == _clean(reports, tmp_path, *extra)
    _, err = _build(reports, out, capsys, *extra)
    assert "nothing changed" in err


def test_store_and_formats_are_outputs_too(reports, tmp_path, capsys):
    out, store = tmp_path / "out", tmp_path / "store"
    args = ("--store", f"oxigraph:{store}", "-f", "nt")
    _build(reports, out, capsys, *args)
    assert (out / "graph.nt").is_file()
    assert "nothing changed" in _build(reports, out, capsys, *args)[1]
    assert "nothing changed" not in _build(reports, out, capsys, "--store", f"oxigraph:{store}")[1]  # -f differs
    shutil.rmtree(store)
    assert "nothing changed" not in _build(reports, out, capsys, "--store", f"oxigraph:{store}")[1]
    assert (store / "CURRENT").is_file()


def test_no_cache_always_builds_and_leaves_no_stamp(reports, tmp_path, capsys):
    out = tmp_path / "out"
    _build(reports, out, capsys)
    stamp = stamp_path(out / ".cache", out)
    assert stamp.is_file() and sorted(p.name for p in out.iterdir()) == [".cache", "graph.html", "graph.ttl"]
    _, err = _build(reports, out, capsys, "--no-cache")
    assert "nothing changed" not in err and not stamp.exists()


def test_a_shared_cache_keeps_a_stamp_per_output_folder(reports, tmp_path, capsys):
    cache = tmp_path / "shared-cache"
    for out in ("a", "b", "a", "b"):
        _build(reports, tmp_path / out, capsys, "--cache", str(cache))
    assert "nothing changed" in _build(reports, tmp_path / "a", capsys, "--cache", str(cache))[1]
    assert "nothing changed" in _build(reports, tmp_path / "b", capsys, "--cache", str(cache))[1]
    assert stamp_path(cache, tmp_path / "a") != stamp_path(cache, tmp_path / "b")
