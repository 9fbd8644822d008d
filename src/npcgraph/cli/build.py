"""``npcgraph build [INPUT...] [-o OUT]``: reports to graph.ttl and graph.html."""

from __future__ import annotations

import argparse
import gc
import sys
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from ..cache import Cache
from ..errors import InputError
from ..export import export_files
from ..graphfile import turtle_and_store, turtle_pieces
from ..outputs import build_lock, commit, recover, stage_files
from ..pipeline import run_build
from ..progress import ProgressBars
from ..provenance import with_provenance
from ..rdf import to_dataset
from ..resources import bundled_report
from ..serialization import FORMATS, parse_formats
from ..stats import TEXT_CLASSES, class_counts
from ..store import OXIGRAPH_PREFIX, check_location, open_graph, open_source, parse_store_spec, scratch_store
from ..uptodate import fingerprint, forget, record, up_to_date
from ..viewer import render

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
    parser.add_argument("--strict", action="store_true", help="stop at the first file that cannot be read (default: build the others, list the files skipped and exit with status 2)")
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
            strict=args.strict,
        )
    if not args.quiet:
        for skipped, kept in result.duplicates:
            print(f"npcgraph: warning: skipped {skipped}: its text is the same as {kept}'s", file=sys.stderr)
        for path, encoding in result.encodings:
            print(f"npcgraph: note: read {path} as {encoding}", file=sys.stderr)
    return result


def format_summary(counts: Counter[str], written: list[Path]) -> str:
    """What the build found, entities apart from the text's structure, and the files written.

    ``counts`` is :func:`npcgraph.stats.class_counts`: instances per ``npc:`` class (each entity
    has one class, so their sum is the number of entities), ``(mentions)`` and ``(relations)``.
    """
    entities = {name: n for name, n in counts.items() if not name.startswith("(") and name not in TEXT_CLASSES}
    structure = [(name, counts.get(name, 0)) for name in ("Report", "Section", "Paragraph", "Sentence")]
    total = sum(entities.values())
    reports = counts.get("Report", 0)
    lines = [
        f"Built the graph of {reports} report{'s' if reports != 1 else ''}: {total} entities, "
        f"{counts.get('(relations)', 0)} relations between them, {counts.get('(mentions)', 0)} mentions."
    ]
    if entities:
        lines.append("Entities by class:")
        width = max(map(len, entities))
        for name, count in sorted(entities.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {name:<{width}}  {count:>6}")
    lines.append("Text: " + ", ".join(f"{count} {name.lower()}{'s' if count != 1 else ''}" for name, count in structure))
    lines.append("Wrote:")
    lines.extend(f"  {path}" for path in written)
    return "\n".join(lines)


def _up_to_date(args: argparse.Namespace) -> tuple[dict | None, bool]:
    """The build's fingerprint (None without a cache: --no-cache always builds) and whether
    OUT already holds its outputs (:mod:`npcgraph.uptodate`); then the last summary is shown."""
    cache = args.cache or args.output / ".cache"
    if args.no_cache:
        forget(cache, args.output)
        return None, False

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
    formats = [name for name in parse_formats(args.format) if name != "ttl"]  # fail before the work
    store = parse_store_spec(args.store) if args.store else None
    if store is not None:
        check_location(store)
    made = not args.output.exists()
    try:
        with build_lock(args.output), ExitStack() as scratch:
            recover(args.output)  # a build killed while moving its outputs into place
            stamp, done = _up_to_date(args)  # after recover: a half-moved build is never up to date
            if done:
                return 0
            # Without --store the graph goes to a temporary store in TMPDIR, removed at the end:
            # the viewer and the summary read it with SPARQL, and memory stays bounded.
            location = store if store is not None else scratch.enter_context(scratch_store())
            # no reference kept here: _write_outputs lets the documents go once the store holds them
            held = [_read_corpus(args)]
            skipped, files = held[0].skipped, held[0].files
            written, counts = _write_outputs(args, held.pop(), location, formats, staged=store is not None)
    except BaseException:
        if made and args.output.is_dir() and not any(args.output.iterdir()):
            args.output.rmdir()  # a build that failed leaves no empty folder behind
        raise
    if store is not None:
        written.append(store)
    if stamp is not None and not skipped:  # a build that skipped files is never up to date

        record(args.cache or args.output / ".cache", args.output, stamp, written, counts)
    if not args.quiet:
        print(format_summary(counts, written), file=sys.stdout)
    if skipped:
        for path, error in skipped:
            print(f"npcgraph: skipped {path}: {error}", file=sys.stderr)
        raise InputError("E115", f"{len(skipped)} of {files} files could not be read and were skipped (listed above); the graph holds the others", "fix or remove them, or pass --strict to stop at the first")
    return 0


def _write_outputs(args: argparse.Namespace, result, location: Path, formats: list[str], staged: bool) -> tuple[list[Path], Counter[str]]:
    """graph.ttl and the Oxigraph store at ``location`` (loaded together), then graph.html and
    the other formats read from the store; the files written and the class counts.

    With ``staged`` (a --store build) the store is loaded beside its location and moved into
    place with the files, in one commit: a build killed before it leaves the previous store
    and files, never a new store beside old files."""
    corpus = with_provenance(result.corpus, args.provenance)
    # A build is one short process and what it makes from here lives to its end: the cyclic
    # collector's passes over millions of objects would cost 40% of the time to build a graph.
    gc.freeze()
    gc.disable()
    # graph.ttl is joined from per-report pieces made by the extraction workers; the same
    # pieces load the store and every later step reads the graph from there, not from memory.
    with ProgressBars(enabled=not args.quiet).step("Loading the store", unit="B") as bar:
        parts, loaded = turtle_and_store(corpus, result.outputs, location, progress=bar.update, stage=staged)
    try:
        # the pyoxigraph Store itself: the viewer and the counts read it with SPARQL, and rdflib's
        # SPARQL engine and oxrdflib (a third of a small build's start-up) are loaded only for -f
        graph = open_source(f"{OXIGRAPH_PREFIX}{loaded.path if staged else location}").store
        datasets = any(FORMATS[name].kind == "dataset" for name in formats)  # these need the documents
        if not datasets:
            corpus = result = None  # the store and graph.ttl's file hold it all: let the documents go
        files = {"graph.ttl": parts, "graph.html": render(graph).encode("utf-8")}
        if formats:
            named = to_dataset(corpus) if datasets else None
            files.update(export_files(open_graph(graph), formats, dataset=named))
        counts = class_counts(graph)
        moves = stage_files(args.output, files)
        commit(args.output, moves + (loaded.moves if staged else []))
    finally:
        if staged:
            loaded.discard()
    return [target for _, target in moves], counts
