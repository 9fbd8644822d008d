"""A rebuild after one report changed, was added or was removed: the whole ``npcgraph build``.

    python benchmarks/generate.py 1000 bench-work/corpus-1000
    python benchmarks/bench_rebuild.py bench-work/corpus-1000 --jobs 2 --store

Copies the corpus (the copy is changed, never the original), builds it once with the cache
(not timed), then times, each ``--repeat`` times, the build after one of these changes to the
copy, as a whole process (``npcgraph build COPY -o OUT -q -v``, ``--store oxigraph:OUT/store``
with ``--store``):

- changed: a sentence naming a regulation no other report names and a national law that many
  name appended to one report;
- added: a new report (the changed report's text under another name, and a sentence of its own);
- removed: that new report deleted again.

Prints wall and CPU seconds (the process and its workers) of each, and which way the build
went (``-v``: "updated the last build" or "building in full: why"). ``--check`` then builds
the copy without the cache into another folder and compares graph.ttl and graph.html byte for
byte (and, with ``--store``, the stores' triples).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(corpus: Path, out: Path, jobs: int, store: bool, *extra: str) -> tuple[float, float, str]:
    command = [sys.executable, "-m", "npcgraph", "build", str(corpus), "-o", str(out), "-q", "-v", "-j", str(jobs), *extra]
    if store:
        command += ["--store", f"oxigraph:{out / 'store'}"]
    cpu, started = _children_cpu(), time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if finished.returncode != 0:
        sys.exit(f"bench_rebuild: the build failed:\n{finished.stderr}")
    said = [line for line in finished.stderr.splitlines() if line.startswith("npcgraph: ")]
    return wall, cpu, said[-1][len("npcgraph: "):] if said else ""


def _quads(store: Path) -> list[str]:
    import pyoxigraph

    return sorted(str(quad) for quad in pyoxigraph.Store.read_only(str(store)).quads_for_pattern(None, None, None))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of reports (benchmarks/generate.py N DIR)")
    parser.add_argument("--work", type=Path, default=Path("bench-work/rebuild"), help="the copy and the outputs (default: bench-work/rebuild)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--store", action="store_true", help="build with --store oxigraph:OUT/store")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="compare the outputs with a build without the cache")
    args = parser.parse_args(argv)
    copy, out = args.work / "corpus", args.work / "out"
    shutil.rmtree(args.work, ignore_errors=True)
    shutil.copytree(args.corpus, copy)
    wall, cpu, said = _build(copy, out, args.jobs, args.store)
    print(f"first build (not timed as a rebuild): {wall:.1f} s wall, {cpu:.1f} s CPU")
    changed = sorted(copy.rglob("*.txt"))[0]
    print("| rebuild after | wall s | CPU s | the build |")
    print("|---|---:|---:|---|")
    for run in range(args.repeat):
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text + f"\n审议《测试市第{run}号城市绿化条例》，执法检查传染病防治法。\n", encoding="utf-8")
        print(f"| one report changed | {' | '.join(_row(copy, out, args))} |", flush=True)
        added = changed.with_name(f"added-{run}.txt")
        added.write_text(text + f"\n会议听取了第{run}个专题报告。\n", encoding="utf-8")
        print(f"| one report added | {' | '.join(_row(copy, out, args))} |", flush=True)
        added.unlink()
        print(f"| one report removed | {' | '.join(_row(copy, out, args))} |", flush=True)
    if args.check:
        clean = args.work / "clean"
        _build(copy, clean, args.jobs, args.store, "--no-cache")
        same = all((out / name).read_bytes() == (clean / name).read_bytes() for name in ("graph.ttl", "graph.html"))
        if args.store:
            same = same and _quads(out / "store") == _quads(clean / "store")
        print(f"outputs the same as a build without the cache: {same}")
        return 0 if same else 1
    return 0


def _row(copy: Path, out: Path, args: argparse.Namespace) -> list[str]:
    wall, cpu, said = _build(copy, out, args.jobs, args.store)
    return [f"{wall:.1f}", f"{cpu:.1f}", said]


if __name__ == "__main__":
    sys.exit(main())
