"""``npcgraph build [INPUT...] [-o OUT]``: reports to graph.ttl and graph.html."""

from __future__ import annotations

import argparse
import gc
import sys
from collections import Counter
from pathlib import Path

__all__ = ["register", "run", "format_summary"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the knowledge graph of one or more reports",
        description=(
            "Read reports (.txt, .md, .html files or folders of them; default: the bundled "
            "Wuhan report) and write OUT/graph.ttl and OUT/graph.html."
        ),
    )
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="report files or folders (default: the bundled report)")
    parser.add_argument("-o", "--output", type=Path, default=Path("out"), metavar="OUT", help="output folder (default: out/)")
    parser.add_argument("-f", "--format", default="ttl", metavar="FORMATS", help="formats to write besides graph.ttl and graph.html, comma-separated: ttl,trig,nt,nq,jsonld,graphml,gexf,csv (see npcgraph export --help)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors (no progress bar)")
    parser.add_argument("--store", metavar="oxigraph:DIR", help="also write the graph into a persistent Oxigraph store in DIR, for npcgraph query and serve")
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="extract reports in N processes (0: one per CPU; default: 1)")
    parser.add_argument("--provenance", choices=("full", "facts"), default="full", help="full (default): every sentence and one phrase per mention, as the graph contract says; facts: only the sentences that state facts, with their statements, and no mention phrases (a much smaller graph)")
    caching = parser.add_mutually_exclusive_group()
    caching.add_argument("--cache", type=Path, metavar="DIR", help="keep extracted reports in DIR and reuse them (default: OUT/.cache, pruned to the last build's reports)")
    caching.add_argument("--no-cache", action="store_true", help="extract every report again and keep nothing")
    parser.set_defaults(run=run)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes (0 or more), got {text!r}")
    return value


def _read_corpus(args: argparse.Namespace):
    """Extract the inputs (in parallel, from the cache where possible), with a progress bar."""
    from ..cache import Cache
    from ..graphfile import turtle_pieces
    from ..pipeline import run_build
    from ..progress import ProgressBars
    from ..resources import bundled_report

    cache = None if args.no_cache else Cache(args.cache or args.output / ".cache")
    bars = ProgressBars(enabled=not args.quiet)
    with bars.step("Extracting", unit="report") as bar:
        result = run_build(
            args.inputs or [bundled_report()],
            jobs=args.jobs,
            cache=cache,
            progress=lambda name, done, total: bar.update(done, total),
            prune_cache=args.cache is None,
            rendering=turtle_pieces(args.provenance),
        )
    if not args.quiet:
        for skipped, kept in result.duplicates:
            print(f"npcgraph: warning: skipped {skipped}: its text is the same as {kept}'s", file=sys.stderr)
    return result


def format_summary(counts: Counter[str], written: list[Path]) -> str:
    lines = ["Built the graph:"]
    width = max(map(len, counts), default=0)
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {name:<{width}}  {count:>6}")
    lines.append("Wrote:")
    lines.extend(f"  {path}" for path in written)
    return "\n".join(lines)


def _up_to_date(args: argparse.Namespace) -> tuple[dict | None, bool]:
    """The build's fingerprint (None without a cache: --no-cache always builds) and whether
    OUT already holds its outputs (:mod:`npcgraph.uptodate`); then the last summary is shown."""
    from ..uptodate import fingerprint, forget, up_to_date

    cache = args.cache or args.output / ".cache"
    if args.no_cache:
        forget(cache, args.output)
        return None, False
    from ..resources import bundled_report

    options = {"format": args.format, "store": args.store and Path(args.store.partition(":")[2]).resolve(),
               "provenance": args.provenance, "cache": cache.resolve()}
    stamp = fingerprint(args.inputs or [bundled_report()], options)
    kept = up_to_date(cache, args.output, stamp)
    if kept is None:
        forget(cache, args.output)
        return stamp, False
    if not args.quiet:
        print("npcgraph: nothing changed since the last build: its outputs are kept", file=sys.stderr)
        print(format_summary(Counter(kept.counts), list(kept.written)), file=sys.stdout)
    return stamp, True


def run(args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    stamp, done = _up_to_date(args)
    if done:
        return 0

    from ..exports import parse_formats
    from ..store import parse_store_spec, scratch_store
    from ..storeload import check_location

    formats = [name for name in parse_formats(args.format) if name != "ttl"]  # fail before the work
    store = parse_store_spec(args.store) if args.store else None
    if store is not None:
        check_location(store)
    with ExitStack() as scratch:
        # Without --store the graph goes to a temporary store in TMPDIR, removed at the end:
        # the viewer and the summary read it with SPARQL, and memory stays bounded.
        location = store if store is not None else scratch.enter_context(scratch_store())
        # no reference kept here: _write_outputs lets the documents go once the store holds them
        written, counts = _write_outputs(args, _read_corpus(args), location, formats)
    if store is not None:
        written.append(store)
    if stamp is not None:
        from ..uptodate import record

        record(args.cache or args.output / ".cache", args.output, stamp, written, counts)
    if not args.quiet:
        print(format_summary(counts, written), file=sys.stdout)
    return 0


def _write_outputs(args: argparse.Namespace, result, location: Path, formats: list[str]) -> tuple[list[Path], Counter[str]]:
    """graph.ttl and the Oxigraph store at ``location`` (loaded together), then graph.html and
    the other formats read from the store; the files written and the class counts."""
    from ..exports import FORMATS, export_files
    from ..outputs import write_files
    from ..progress import ProgressBars
    from ..provenance import with_provenance
    from ..rdf import to_dataset
    from ..stats import class_counts
    from ..store import OXIGRAPH_PREFIX, open_graph, open_source
    from ..storeload import turtle_and_store
    from ..viewer import render

    corpus = with_provenance(result.corpus, args.provenance)
    # A build is one short process and what it makes from here lives to its end: the cyclic
    # collector's passes over millions of objects would cost 40% of the time to build a graph.
    gc.freeze()
    gc.disable()
    # graph.ttl is joined from per-report pieces made by the extraction workers; the same
    # pieces load the store and every later step reads the graph from there, not from memory.
    with ProgressBars(enabled=not args.quiet).step("Loading the store", unit="B") as bar:
        parts, _ = turtle_and_store(corpus, result.outputs, location, progress=bar.update)
    # the pyoxigraph Store itself: the viewer and the counts read it with SPARQL, and rdflib's
    # SPARQL engine and oxrdflib (a third of a small build's start-up) are loaded only for -f
    graph = open_source(f"{OXIGRAPH_PREFIX}{location}").store
    datasets = any(FORMATS[name].kind == "dataset" for name in formats)  # these need the documents
    if not datasets:
        corpus = result = None  # the store and graph.ttl's file hold it all: let the documents go
    files = {"graph.ttl": parts, "graph.html": render(graph).encode("utf-8")}
    if formats:
        named = to_dataset(corpus) if datasets else None
        files.update(export_files(open_graph(graph), formats, dataset=named))
    written = write_files(args.output, files)
    return written, class_counts(graph)
