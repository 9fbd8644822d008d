"""``npcgraph stats SOURCE [--format json] [--top N]``: what a graph holds."""

from __future__ import annotations

import argparse
import json
import sys

from ..stats import format_stats, graph_stats, stats_to_dict

__all__ = ["register", "run"]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        description=(
            "Counts by class and relation; the top entities by degree, betweenness and PageRank "
            "(networkx, over the entities and the relations between them); connected components; "
            "a summary per report."
        ),
        epilog="examples:\n  npcgraph stats out/\n  npcgraph stats out/graph.ttl --format json --top 20",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="SOURCE", help="graph file, build folder or oxigraph:DIR")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text", help="text (default) or json, for scripts")
    parser.add_argument("--top", type=_positive, default=10, metavar="N", help="how many entities to rank per measure (default: 10)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    stats = graph_stats(args.source, top=args.top)  # read by Oxigraph: a store as it is, a file parsed into one
    if args.format == "json":
        print(json.dumps(stats_to_dict(stats), ensure_ascii=False, indent=2), file=sys.stdout)
    else:
        print(format_stats(stats), file=sys.stdout)
    return 0
