"""``npcgraph build [INPUT...] [-o OUT]``: reports to graph.ttl and graph.html."""

from __future__ import annotations

import argparse
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
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.set_defaults(run=run)


def format_summary(counts: Counter[str], written: list[Path]) -> str:
    lines = ["Built the graph:"]
    width = max(map(len, counts), default=0)
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {name:<{width}}  {count:>6}")
    lines.append("Wrote:")
    lines.extend(f"  {path}" for path in written)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..api import build
    from ..outputs import write_files
    from ..rdf import to_graph
    from ..serialize import serialize
    from ..stats import class_counts
    from ..viewer import render

    corpus = build(args.inputs or None)
    graph = to_graph(corpus)
    files = {"graph.ttl": serialize(graph, "turtle"), "graph.html": render(graph).encode("utf-8")}
    written = write_files(args.output, files)
    if not args.quiet:
        print(format_summary(class_counts(graph), written), file=sys.stdout)
    return 0
