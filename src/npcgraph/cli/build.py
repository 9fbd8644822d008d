"""``npcgraph build [INPUT...] [-o OUT]``: reports to graph.ttl and graph.html."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from ..api import build_folder
from ..errors import InputError
from ..namespaces import TEXT_CLASSES
from ..progress import ProgressBars

__all__ = ["register", "run", "format_summary"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        description=(
            "Read reports (.txt, .md, .html files or folders of them; default: the bundled "
            "Wuhan report) and write OUT/graph.ttl and OUT/graph.html."
        ),
    )
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="report files or folders (default: the bundled report)")
    parser.add_argument("-o", "--output", type=Path, default=Path("out"), metavar="OUT", help="output folder (default: out/)")
    parser.add_argument("-f", "--format", default="ttl", metavar="FORMATS", help="formats to write besides graph.ttl and graph.html, comma-separated: ttl,trig,nt,nq,jsonld,graphml,gexf,csv (see npcgraph export --help)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors (no progress bar)")
    parser.add_argument("-v", "--verbose", action="store_true", help="say whether the build updated the last one's outputs (a few reports changed) or built in full, and why")
    parser.add_argument("--store", metavar="oxigraph:DIR", help="also write the graph into a persistent Oxigraph store in DIR, for npcgraph query and serve")
    parser.add_argument("--strict", action="store_true", help="stop at the first file that cannot be read (default: build the others, list the files skipped and exit with status 2)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="extract reports in N processes (0: one per CPU; default: 1)")
    where.add_argument("--executor", metavar="URL", help="extract reports on the workers of the Dask scheduler at URL (tcp://HOST:PORT) instead of in local processes; this process writes the outputs, the same bytes as -j 1. Needs pip install 'npcgraph[cluster]' here and on the workers, which must run the same npcgraph (docs/scale.md)")
    parser.add_argument("--provenance", choices=("full", "facts"), default="full", help="full (default): every sentence and one phrase per mention, as the graph contract says; facts: only the sentences that state facts, with their statements, and no mention phrases (a much smaller graph)")
    parser.add_argument("--names", choices=("model", "rules"), default="model", help="model (default): the name model (LAC) proposes persons, places and bodies beside the genre rules; rules: the genre rules alone, without loading the model (2.5 to 3 times faster extraction; fewer persons, places and bodies found)")
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


def run(args: argparse.Namespace) -> int:
    built = build_folder(
        args.inputs,
        args.output,
        formats=args.format,
        store=args.store,
        provenance=args.provenance,
        names=args.names,
        cache=args.cache,
        use_cache=not args.no_cache,
        jobs=args.jobs,
        executor=args.executor,
        strict=args.strict,
        bars=ProgressBars(enabled=not args.quiet),
        freeze_gc=True,  # one short process: what it makes lives to its end
        explain=(lambda text: print(f"npcgraph: {text}", file=sys.stderr)) if args.verbose else None,
    )
    if not args.quiet:
        if built.kept:
            print("npcgraph: nothing changed since the last build: its outputs are kept", file=sys.stderr)
        for skipped, kept in built.duplicates:
            print(f"npcgraph: warning: skipped {skipped}: its text is the same as {kept}'s", file=sys.stderr)
        for path, encoding in built.encodings:
            print(f"npcgraph: note: read {path} as {encoding}", file=sys.stderr)
        print(format_summary(built.counts, list(built.written)), file=sys.stdout)
    if built.skipped:
        for path, error in built.skipped:
            print(f"npcgraph: skipped {path}: {error}", file=sys.stderr)
        raise InputError("E115", skipped=len(built.skipped), files=built.files)
    return 0
