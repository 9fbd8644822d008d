"""``npcgraph build --executor URL``: extraction on a Dask cluster (npcgraph.executor).

The tests start a local cluster of two worker processes (one thread each), as a user's
``dask scheduler`` and ``dask worker`` would be, and build the bundled report and three generated
ones on it: the outputs are the bytes of a ``-j 1`` build. The cluster's failures (an address
that is none, a scheduler that does not answer, no worker, workers that die, workers running
another npcgraph, Dask not installed) each end the build with one line.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import cloudpickle
import dask
import pytest
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from npcgraph import executor
from npcgraph.cache import Cache
from npcgraph.errors import InputError, StoreError
from npcgraph.graphfile import turtle_pieces
from npcgraph.pipeline import run_build
from npcgraph.resources import bundled_report

from test_corpus import load_generator  # tests/ is on sys.path (pytest rootdir conftest)

TIMEOUT = 300


def npcgraph_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "npcgraph", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
        env={**os.environ, **env},
    )


def one_error_line(result: subprocess.CompletedProcess[str], code: str) -> str:
    assert result.returncode == 5, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"npcgraph: error: [{code}] "), result.stderr
    return lines[0]


def free_port() -> int:
    """A loopback port that was free a moment ago: nothing listens there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread, and their scheduler, on the loopback."""
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0", host="127.0.0.1") as local:
        yield local


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[Path]:
    """The bundled report and three generated ones (one .txt with page chrome, .md, .html)."""
    folder = tmp_path_factory.mktemp("cluster-reports")
    load_generator().generate(3, folder, seed=3)
    return [bundled_report(), folder]


def test_a_build_on_a_cluster_writes_the_bytes_of_a_serial_build(cluster, reports, tmp_path):
    inputs = [str(path) for path in reports]
    serial = npcgraph_cli("build", *inputs, "-o", "serial", "-j", "1", "--no-cache", "-q", cwd=tmp_path)
    assert serial.returncode == 0, serial.stderr
    on_cluster = npcgraph_cli("build", *inputs, "-o", "cluster", "--executor", cluster.scheduler_address, cwd=tmp_path)
    assert on_cluster.returncode == 0, on_cluster.stderr
    assert "Built the graph of 4 reports" in on_cluster.stdout
    assert on_cluster.stderr == ""  # no log of Dask's, no warning
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "cluster" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes(), name


def test_the_main_process_keeps_the_cache_of_what_the_workers_extracted(cluster, reports, tmp_path):
    cache = Cache(tmp_path / "cache")
    built = run_build(reports, executor=cluster.scheduler_address, cache=cache, rendering=turtle_pieces())
    assert (built.files, built.extracted, built.reused) == (4, 4, 0)
    again = run_build(reports, jobs=1, cache=cache, rendering=turtle_pieces())  # no cluster
    assert (again.extracted, again.reused) == (0, 4)
    assert again.corpus == built.corpus and again.outputs == built.outputs
    serial = run_build(reports, jobs=1, rendering=turtle_pieces())
    assert built.corpus == serial.corpus and built.outputs == serial.outputs


def test_a_file_that_cannot_be_read_is_reported_as_in_a_local_build(cluster, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    paths = [empty, bundled_report()]
    remote = run_build(paths, executor=cluster.scheduler_address, strict=False)
    local = run_build(paths, strict=False)
    assert [(path, str(error)) for path, error in remote.skipped] == [(path, str(error)) for path, error in local.skipped]
    assert str(remote.skipped[0][1]).startswith(f"[E105] {empty} holds no text")
    assert remote.corpus == local.corpus
    with pytest.raises(InputError, match="E105"):
        run_build(paths, executor=cluster.scheduler_address, strict=True)


def test_workers_running_another_npcgraph_stop_the_build(cluster, reports, monkeypatch):
    monkeypatch.setattr(executor, "installed", lambda: "0.0.0/another/version")
    with pytest.raises(StoreError) as raised:
        run_build(reports, executor=cluster.scheduler_address)
    assert raised.value.code == "E424" and "they run npcgraph" in str(raised.value)


def test_an_address_that_is_none_or_does_not_answer_is_one_line(tmp_path):
    bad = npcgraph_cli("build", "--executor", "http://127.0.0.1:8786", "-o", "out", cwd=tmp_path)
    assert "not a Dask scheduler address" in one_error_line(bad, "E421")
    silent = npcgraph_cli(
        "build", "--executor", f"tcp://127.0.0.1:{free_port()}", "-o", "out", "--no-cache", cwd=tmp_path,
        DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s",
    )
    assert "cannot reach the Dask scheduler" in one_error_line(silent, "E422")
    assert not (tmp_path / "out").exists()


def test_executor_and_jobs_are_exclusive(tmp_path):
    both = npcgraph_cli("build", "-j", "2", "--executor", "tcp://127.0.0.1:8786", cwd=tmp_path)
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_a_cluster_without_workers_stops_the_build(reports):
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), LocalCluster(n_workers=0, dashboard_address=":0", host="127.0.0.1") as empty:
        with pytest.raises(StoreError) as raised:
            run_build(reports, executor=empty.scheduler_address)
    assert raised.value.code == "E423"


class _DieOnExtraction(WorkerPlugin):
    """Ends the worker process as it starts extracting a report (a worker killed, out of memory)."""

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and str(key).startswith("npcgraph-"):
            os._exit(1)


def test_workers_that_die_give_one_line_and_a_failed_build(reports, tmp_path):
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the plugin, for the workers
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=":0", host="127.0.0.1",
    ) as dying:
        with Client(dying) as client:
            client.register_plugin(_DieOnExtraction())
        result = npcgraph_cli("build", *map(str, reports), "-o", "out", "--executor", dying.scheduler_address, cwd=tmp_path)
    line = one_error_line(result, "E425")
    assert "died while extracting" in line and "(1 tries)" in line
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_without_dask_the_option_says_what_to_install(monkeypatch, reports):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    with pytest.raises(StoreError) as raised:
        run_build(reports, executor="tcp://127.0.0.1:8786")
    assert raised.value.code == "E420" and "npcgraph[cluster]" in str(raised.value)


class _SettledLate:
    """A cluster's future whose result may not be asked for: its client is closed."""

    status = "finished"
    released = False

    def result(self, timeout=None):  # noqa: ANN001, ANN201
        raise AssertionError("result() asked of a task settled after shutdown")

    def release(self) -> None:
        self.released = True


def test_a_task_settled_after_shutdown_is_not_asked_for_its_result():
    """A done callback that runs after the client closed (the build stopped early) must not wait
    for the closed client's loop: that held the interpreter at exit, in ThreadPoolExecutor's join."""
    cluster = executor.ClusterExecutor.__new__(executor.ClusterExecutor)  # no client: only its bookkeeping
    cluster._lock = threading.Lock()
    cluster._stop = threading.Event()
    cluster._stop.set()
    outer: cf.Future = cf.Future()
    inner = _SettledLate()
    cluster._tasks = {outer: inner}
    cluster._settle(inner, outer)
    assert isinstance(outer.exception(timeout=1), cf.CancelledError) and inner.released
