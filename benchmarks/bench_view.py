"""The viewer's and the summary's share of a build: graph.html and the class counts, read
from an Oxigraph store that ``npcgraph build --store`` made.

    npcgraph build bench-work/corpus-1000 -o out -j 2 --store oxigraph:out/store
    python benchmarks/bench_view.py out/store
    /usr/bin/time -f "%e s wall %U+%S s CPU %M KB" python benchmarks/bench_view.py out/store

Prints the seconds of each (as ``npcgraph build`` runs them after the store is loaded) and a
hash of the page and of the counts, so that two versions of npcgraph run on the same store
can be compared side by side (the page must be the same bytes).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="the folder of an Oxigraph store (npcgraph build --store oxigraph:DIR)")
    args = parser.parse_args(argv)

    from npcgraph.stats import class_counts
    from npcgraph.store import OXIGRAPH_PREFIX, open_source
    from npcgraph.viewer import render

    store = open_source(f"{OXIGRAPH_PREFIX}{args.store}").store
    started = time.perf_counter()
    page = render(store)
    drawn = time.perf_counter()
    counts = class_counts(store)
    counted = time.perf_counter()
    page_hash = hashlib.sha256(page.encode("utf-8")).hexdigest()[:16]
    counts_hash = hashlib.sha256(repr(sorted(counts.items())).encode("utf-8")).hexdigest()[:16]
    print(f"graph.html {drawn - started:.1f} s, summary {counted - drawn:.1f} s, page {page_hash}, counts {counts_hash}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
