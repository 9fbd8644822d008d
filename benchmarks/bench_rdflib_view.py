"""Time how rdflib's writers get a store's graph: copied into an rdflib Graph in memory
(:func:`npcgraph.oxterms.rdflib_graph`, what ``npcgraph build -f ...`` and ``npcgraph export
oxigraph:DIR`` do) against oxrdflib's Graph over the store (what they did before issue 16),
and check that every export format's bytes are the same both ways.

    python benchmarks/bench_rdflib_view.py oxigraph:out/store          # needs: pip install oxrdflib
    python benchmarks/bench_rdflib_view.py oxigraph:out/store --formats ttl,nt
    /usr/bin/time -v python benchmarks/bench_rdflib_view.py oxigraph:out/store --only copy   # peak memory of one way

Each way is timed twice in one process, alternately (the first pass also pays for loading the
writers); CPU seconds of this process. Without oxrdflib only the copy is timed.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

from rdflib import Graph

from npcgraph.export import export_files
from npcgraph.oxterms import rdflib_graph
from npcgraph.rdf import new_graph
from npcgraph.serialization import parse_formats
from npcgraph.store import as_store


def _over_oxrdflib(store: object) -> Graph:
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    graph = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in new_graph().namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _timed(label: str, make: Callable[[], Graph], formats: list[str]) -> dict[str, bytes]:
    gc.collect()
    start = time.process_time()
    graph = make()
    made = time.process_time()
    files = export_files(graph, formats)
    done = time.process_time()
    print(f"{label:9} graph {made - start:6.2f} s   writers {done - made:6.2f} s   total {done - start:6.2f} s CPU", flush=True)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="oxigraph:DIR, or anything npcgraph query reads")
    parser.add_argument("--formats", default="ttl,trig,nt,nq,jsonld,graphml,gexf,csv", help="export formats (default: all)")
    parser.add_argument("--only", choices=("copy", "oxrdflib"), help="time one way, once (for its peak memory)")
    args = parser.parse_args()
    store = as_store(args.source)
    formats = parse_formats(args.formats)
    print(f"{len(store):,} triples; formats: {', '.join(formats)}")
    try:
        import oxrdflib  # noqa: F401
    except ImportError:
        oxrdflib = None
    if args.only:
        _timed(args.only, (lambda: rdflib_graph(store)) if args.only == "copy" else (lambda: _over_oxrdflib(store)), formats)
        return
    outputs = []
    for _ in range(2):
        if oxrdflib is not None:
            outputs.append(_timed("oxrdflib", lambda: _over_oxrdflib(store), formats))
        outputs.append(_timed("copy", lambda: rdflib_graph(store), formats))
    if oxrdflib is None:
        print("oxrdflib is not installed: only the copy was timed")
    else:
        print("every file the same both ways:", all(files == outputs[0] for files in outputs))


if __name__ == "__main__":
    main()
