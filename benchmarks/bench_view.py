"""The viewer's and the summary's share of a build: graph.html and the class counts, read
from an Oxigraph store that ``npcgraph build --store`` made.

    npcgraph build bench-work/corpus-1000 -o out -j 2 --store oxigraph:out/store
    python benchmarks/bench_view.py out/store
    python benchmarks/bench_view.py out/store --digests out/.cache
    /usr/bin/time -f "%e s wall %U+%S s CPU %M KB" python benchmarks/bench_view.py out/store

Prints the seconds of each and a hash of the page and of the counts, so that two versions of
npcgraph run on the same store can be compared side by side (the page must be the same
bytes). With ``--digests CACHE`` (the build's cache folder), the same page and counts are then
made as ``npcgraph build`` makes them now, from the reports' digests that the build cached
(``npcgraph.digest``; their loading counted), in the same process, and the hashes compared.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="the folder of an Oxigraph store (npcgraph build --store oxigraph:DIR)")
    parser.add_argument("--digests", metavar="CACHE", help="also from the digests in this cache folder (OUT/.cache of the build that made the store)")
    parser.add_argument("--provenance", default="full", choices=["full", "facts"], help="the build's --provenance (which digests to read)")
    args = parser.parse_args(argv)

    from npcgraph.stats import class_counts
    from npcgraph.store import OXIGRAPH_PREFIX, open_source
    from npcgraph.viewer import render

    store = open_source(f"{OXIGRAPH_PREFIX}{args.store}").store
    started, cpu = time.perf_counter(), time.process_time()
    page = render(store)
    drawn, drawn_cpu = time.perf_counter(), time.process_time()
    counts = class_counts(store)
    counted, counted_cpu = time.perf_counter(), time.process_time()
    page_hash = hashlib.sha256(page.encode("utf-8")).hexdigest()[:16]
    counts_hash = hashlib.sha256(repr(sorted(counts.items())).encode("utf-8")).hexdigest()[:16]
    print(
        f"from the store: graph.html {drawn - started:.1f} s ({drawn_cpu - cpu:.1f} s CPU), summary {counted - drawn:.1f} s "
        f"({counted_cpu - drawn_cpu:.1f} s CPU), page {page_hash}, counts {counts_hash}"
    )
    if args.digests:
        return _from_digests(args.digests, args.provenance, page_hash, counts_hash)
    return 0


def _from_digests(folder: str, provenance: str, page_hash: str, counts_hash: str) -> int:
    """The page and counts from the digests a build cached, as npcgraph build makes them."""
    import gc
    import zlib
    from pathlib import Path

    from npcgraph.cache import Cache
    from npcgraph.digest import class_counts, digest_rendering, load_digest, merged_entities
    from npcgraph.viewer import render_digests

    version = digest_rendering(provenance).version
    entries = sorted(Cache(Path(folder)).folder.glob(f"*.{version}"))
    gc.collect()
    gc.disable()  # as npcgraph build runs it
    started, cpu = time.perf_counter(), time.process_time()
    digests = sorted((load_digest(zlib.decompress(path.read_bytes())) for path in entries), key=lambda digest: digest.key)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    merged = merged_entities(digests)
    page = render_digests(digests, merged=merged)
    drawn, drawn_cpu = time.perf_counter(), time.process_time()
    counts = class_counts(digests, merged)
    counted, counted_cpu = time.perf_counter(), time.process_time()
    same = (hashlib.sha256(page.encode("utf-8")).hexdigest()[:16], hashlib.sha256(repr(sorted(counts.items())).encode("utf-8")).hexdigest()[:16]) == (page_hash, counts_hash)
    print(
        f"from {len(digests)} digests: loading {loaded - started:.1f} s ({loaded_cpu - cpu:.1f} s CPU), graph.html "
        f"{drawn - loaded:.1f} s ({drawn_cpu - loaded_cpu:.1f} s CPU), summary {counted - drawn:.1f} s "
        f"({counted_cpu - drawn_cpu:.1f} s CPU); the same page and counts: {same}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
