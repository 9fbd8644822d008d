"""A build with ``--jobs N`` local processes against one on a local Dask cluster of N workers.

    python benchmarks/bench_cluster.py                          # 1,000 reports, 2 workers, model on and off
    python benchmarks/bench_cluster.py --sizes 100 --model on   # a quick look
    python benchmarks/bench_cluster.py --profiler 100           # Dask's worker profiler on and off

For each corpus size, name model (on: the build as it is; off: the genre rules alone, the
statistical name stage replaced by one that finds nothing, in every worker) and way to extract
(``jobs``: ``run_build(jobs=N)``, the local process pool of ``-j N``; ``cluster``:
``run_build(executor=ADDRESS)``, what ``--executor ADDRESS`` does, on a cluster on this machine:
``dask scheduler`` and ``dask worker --nworkers N --nthreads 1`` in processes of their own, as on
a real cluster), one fresh process builds
the corpus as ``bench_build.py`` does (no cache; extraction, graph.ttl and a temporary store,
graph.html, the summary's counts). The cluster is started before the clock starts, as a user's
``dask scheduler`` and ``dask worker`` run before the build; its workers import npcgraph and load
the model on their first report, inside the clock, as ``-j N``'s fresh processes do.

Reported besides bench_build.py's steps: KB of report files extracted per second of wall clock
and per worker (the corpus's bytes / extract seconds / N), KB per CPU second of a worker (the
figure a worker on a core of its own would reach), and the main process's CPU seconds during
extraction (sending the files, receiving and unpickling the documents: the serial part that
bounds how many workers one build can feed), with everything after extraction (graph.ttl, the
store, the page, the counts), which the main process does alone whatever the executor.
The workers' CPU is read from each worker (cluster) or from the finished pool's processes (jobs).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_build import _corpus, finish, fresh, measure  # noqa: E402  (this folder, put on the path above)


def _no_model() -> None:
    """The genre rules alone in this process: the name stage's one call finds no name."""
    from npcgraph.extract import entities

    entities.find_names = lambda text, rules: []


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def cluster(workers: int, work: Path) -> Iterator[str]:
    """``dask scheduler`` and ``dask worker --nworkers N --nthreads 1`` as their own processes, as
    on a real cluster (the scheduler's CPU is not the build's): the scheduler's address."""
    from distributed import Client

    address_file = work / "scheduler.json"
    address_file.unlink(missing_ok=True)
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)], **quiet)]
    try:
        while not address_file.exists():
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        processes.append(subprocess.Popen([*dask, "worker", address, "--nworkers", str(workers), "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"], **quiet))
        with Client(address) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=60)


def run(corpus: Path, mode: str, workers: int, model: bool, work: Path) -> dict:
    """One configuration in this process (``--run``)."""
    if not model:
        _no_model()  # before -j forks its workers, which inherit it
    if mode == "jobs":
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        row = measure(corpus, "none", workers, work)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    else:
        from distributed import Client

        with cluster(workers, work) as address, Client(address) as client:
            before = client.run(_cpu_self)
            if not model:
                client.run(_no_model)
            row = measure(corpus, "none", workers, work, executor=address)
            after = client.run(_cpu_self)
        worker_cpu = sum(after[name] - before[name] for name in after)
    kb = row["megabytes"] * 1000
    row.update(
        mode=f"{mode} {workers}", model="on" if model else "off", workers=workers,
        kb_s_per_worker=round(kb / row["extract_s"] / workers, 1),
        kb_per_worker_cpu_s=round(kb / worker_cpu, 1) if worker_cpu else None,
        worker_cpu_s=round(worker_cpu, 1),
        after_extract_s=round(row["total_s"] - row["extract_s"], 2),
    )
    return row


def profiler_pairs(corpus: Path, workers: int, work: Path, pairs: int = 2) -> list[str]:
    """Workers' CPU a report with Dask's sampling profiler on and off, alternately: extraction
    alone, the name model off, after a warm-up pass (imports and first tasks) on each cluster."""

    from distributed import Client

    from npcgraph.graphfile import turtle_pieces
    from npcgraph.pipeline import run_build

    lines = []
    for profile in ["True", "False"] * pairs:
        os.environ["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = profile  # read by the workers started next
        with cluster(workers, work) as address, Client(address) as client:
            client.run(_no_model)
            reports = len(run_build([corpus], executor=address, rendering=turtle_pieces()).corpus.documents)
            before = client.run(_cpu_self)
            run_build([corpus], executor=address, rendering=turtle_pieces())
            after = client.run(_cpu_self)
        cpu = sum(after[name] - before[name] for name in after)
        lines.append(f"profiler {'on' if profile == 'True' else 'off'}: workers' CPU {cpu:.1f} s, {cpu / reports * 1000:.0f} ms a report")
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def _table(rows: list[dict]) -> str:
    columns = [
        ("reports", "reports"), ("megabytes", "MB"), ("model", "name model"), ("mode", "extraction"),
        ("extract_s", "extract s"), ("kb_s_per_worker", "KB/s per worker"), ("kb_per_worker_cpu_s", "KB per worker CPU s"),
        ("extract_main_cpu_s", "main CPU s while extracting"), ("after_extract_s", "graph.ttl, store, page, counts s"),
        ("total_s", "whole s"), ("worker_cpu_s", "workers' CPU s"), ("triples", "triples"),
    ]
    lines = ["| " + " | ".join(title for _, title in columns) + " |", "|" + "---:|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(f"{row.get(key, '')}" for key, _ in columns) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], metavar="N")
    parser.add_argument("--workers", type=int, default=2, help="-j N and the cluster's worker processes (default 2)")
    parser.add_argument("--model", nargs="+", default=["on", "off"], choices=["on", "off"], help="the name model on, off or both (default both)")
    parser.add_argument("--modes", nargs="+", default=["jobs", "cluster"], choices=["jobs", "cluster"])
    parser.add_argument("--work", type=Path, default=Path("bench-work"), help="corpora and outputs (default: ./bench-work)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--profiler", type=int, metavar="N", help="instead: Dask's worker profiler on and off, alternately, extracting N reports without the model")
    parser.add_argument("--run", nargs=4, metavar=("CORPUS", "MODE", "MODEL", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    work = args.work.resolve()
    if args.run:
        corpus, mode, model, workers = args.run
        print(json.dumps(run(Path(corpus), mode, int(workers), model == "on", work)))
        return 0

    if args.profiler:
        print("\n".join(profiler_pairs(_corpus(args.profiler, work), args.workers, work)))
        return 0
    rows = []
    started = time.time()
    for size in args.sizes:
        corpus = _corpus(size, work)
        for model in args.model:
            for mode in args.modes:  # side by side: the same corpus and model, one way after the other
                command = [sys.executable, __file__, "--run", str(corpus), mode, model, str(args.workers), "--work", str(work)]
                row = fresh(command)
                if row is None:
                    return 1
                rows.append(row)
    return finish(rows, f"{args.workers} workers; {time.time() - started:.0f} s in all", _table(rows), args.json)


if __name__ == "__main__":
    sys.exit(main())
