"""One very large report file through ``npcgraph build``: time and peak memory by size.

    python benchmarks/bench_bigfile.py --sizes 1 5 20 50 --hostile 5 50
    python benchmarks/bench_bigfile.py --sizes 1 --store none        # build without --store

Each file is generated reports (``generate.py``, 400 reports, seed 3, the ``.txt`` ones with
their web-page chrome) written one after another into a single file of about SIZE MB, so
that it reads as one very long report: thousands of sections, hundreds of thousands of
sentences. The ``hostile`` variant is the same text with every line break removed: one line
of SIZE MB, no paragraph to cut at.

Each file is built in a fresh process, as a user would: ``npcgraph build FILE -o OUT
--no-cache -q --store oxigraph:OUT/store`` (``--store none``: without ``--store``, when the
build uses a temporary Oxigraph store in TMPDIR; no triple count then). Reported: wall and CPU seconds (the process and
its children), peak resident memory (``ru_maxrss`` of the largest process) and the triples
in graph.ttl's store. Files are generated once and kept under ``--work``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_report(size_mb: float, path: Path, *, hostile: bool = False) -> Path:
    """A single report file of about ``size_mb`` MB made of generated reports (see above)."""
    sys.path.insert(0, str(HERE))
    from generate import generate

    if path.exists():
        return path
    reports = path.parent / "generated-400"
    if not reports.exists():
        generate(400, reports, seed=3)
    texts = [p.read_bytes() for p in sorted(reports.rglob("*.txt"))]
    if hostile:
        texts = [text.replace(b"\r", b"").replace(b"\n", b"") for text in texts]
    target = int(size_mb * 1_000_000)
    partial = path.with_name(path.name + ".part")
    with open(partial, "wb") as stream:
        size, index = 0, 0
        while size < target:
            chunk = texts[index % len(texts)] + (b"" if hostile else b"\n")
            stream.write(chunk)
            size += len(chunk)
            index += 1
    partial.replace(path)
    return path


def measure(path: Path, out: Path, store: str) -> dict:
    """``npcgraph build`` of one file in a child process: wall, CPU, peak memory, triples."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "npcgraph", "build", str(path), "-o", str(out), "--no-cache", "-q"]
    if store == "oxigraph":
        command += ["--store", f"oxigraph:{out / 'store'}"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "file": path.name,
        "MB": round(path.stat().st_size / 1e6, 1),
        "wall s": round(wall, 1),
        "cpu s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak MB": round(usage.ru_maxrss / 1024),
    }
    if store == "oxigraph":
        import pyoxigraph

        result["triples"] = len(pyoxigraph.Store.read_only(str(out / "store")))
    result["graph.ttl MB"] = round((out / "graph.ttl").stat().st_size / 1e6, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", type=float, default=[1, 5], help="file sizes in MB")
    parser.add_argument("--hostile", nargs="*", type=float, default=[], help="sizes of one-line files (no line breaks)")
    parser.add_argument("--store", choices=("oxigraph", "none"), default="oxigraph")
    parser.add_argument("--work", type=Path, default=Path("/tmp/npcgraph-bench-bigfile"))
    parser.add_argument("--run", nargs=2, metavar=("FILE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(measure(Path(args.run[0]), Path(args.run[1]), args.store)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    cases = [(size, False) for size in args.sizes] + [(size, True) for size in args.hostile]
    print("| file | MB | wall s | CPU s | peak MB | triples | graph.ttl MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for size, hostile in cases:
        name = f"{'hostile' if hostile else 'big'}-{size:g}MB.txt"
        path = make_report(size, args.work / name, hostile=hostile)
        # A fresh process per file, so that the children's peak memory is this build's own.
        line = subprocess.run(
            [sys.executable, __file__, "--store", args.store, "--run", str(path), str(args.work / "out")],
            check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        row = json.loads(line)
        print(
            f"| {row['file']} | {row['MB']} | {row['wall s']} | {row['cpu s']} | {row['peak MB']:,} "
            f"| {row.get('triples', 0):,} | {row['graph.ttl MB']} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
