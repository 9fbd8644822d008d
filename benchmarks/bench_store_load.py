"""The store's bulk load alone: a built graph.ttl loaded into a new Oxigraph store as
``npcgraph build --store`` loads it, one bulk load at a time or several at once.

    npcgraph build bench-work/corpus-1000 -o out -q --no-cache -j 2 --store oxigraph:out/store
    python benchmarks/bench_store_load.py out/graph.ttl --loads 1 2 1 2

The file is cut after its header into stretches of about 200 KB at subject blocks (a report's
piece is of that size) and handed to ``npcgraph.store.load.bulk_load`` with each ``--loads``
in turn (1: batches of 16 MB one at a time, as while a build extracts; 2: two batches of 8 MB at
once, as once its extraction is done), then the store is optimized as a build's is. Prints,
for each, the wall and CPU seconds (every thread of this process: the loads' own, Oxigraph's
and RocksDB's) of the load and of the optimization, the triples, and how much this process's
peak memory (the file's bytes held included; it only grows: for memory, one value a process).
Alternate the values (1 2 1 2) on a shared machine, and compare CPU.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def stretches(data: bytes, size: int = 200_000) -> list[bytes]:
    """graph.ttl after its header, cut at blank lines (between subject blocks) about every
    ``size`` bytes; each stretch starts with a newline, as a build's parts do."""
    body = data[data.index(b"\n\n") + 1:]
    found, at = [], 0
    while at < len(body):
        cut = body.find(b"\n\n", at + size)
        cut = len(body) if cut < 0 else cut + 1
        found.append(body[at:cut])
        at = cut
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a graph.ttl written by npcgraph build")
    parser.add_argument("--loads", type=int, nargs="+", default=[1, 2], help="bulk loads at once, one run each (default: 1 2)")
    args = parser.parse_args(argv)

    import pyoxigraph

    from npcgraph.store.load import bulk_load

    parts = stretches(args.graph.read_bytes())
    print(f"{args.graph}: {sum(map(len, parts)) / 1e6:.1f} MB in {len(parts)} stretches")
    for loads in args.loads:
        folder = Path(tempfile.mkdtemp(prefix="bench-store-load-"))
        try:
            started, cpu = time.perf_counter(), _cpu()
            store = pyoxigraph.Store(str(folder / "store"))
            bulk_load(store, parts, loads=loads)
            store.flush()
            loaded, loaded_cpu = time.perf_counter(), _cpu()
            store.optimize()
            done, done_cpu = time.perf_counter(), _cpu()
            print(
                f"loads {loads}: load {loaded - started:.1f} s wall, {loaded_cpu - cpu:.1f} s CPU; "
                f"optimize {done - loaded:.1f} s wall, {done_cpu - loaded_cpu:.1f} s CPU; "
                f"{len(store):,} triples; peak {_peak_mb()} MB",
                flush=True,
            )
            del store
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
