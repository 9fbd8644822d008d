"""``npcgraph view SOURCE [-o FILE] [--focus NAME --depth N] [--class CLASS...]``: a graph file to a page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..outputs import write_files
from ..serialization import load_graph
from ..viewer import DEFAULT_LIMIT, render

__all__ = ["register", "run"]


def _natural(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "view",
        description=(
            "Read a graph file (.ttl, .nt, .nq, .trig, .jsonld, .rdf) and write one self-contained "
            "HTML page that draws its entities and the relations between them, with search, "
            "filters and the evidence sentences of each entity and fact. The page works offline."
        ),
    )
    parser.add_argument("source", type=Path, metavar="SOURCE", help="a graph file, e.g. out/graph.ttl")
    parser.add_argument("-o", "--output", type=Path, default=Path("view.html"), metavar="FILE", help="the page to write (default: view.html; - for standard output)")
    parser.add_argument("--focus", metavar="NAME", help="show only this entity (canonical name, alias or IRI) and its neighbours")
    parser.add_argument("--depth", type=_natural, default=1, metavar="N", help="with --focus: how many relations away to go (default: 1)")
    parser.add_argument("--class", dest="classes", action="extend", nargs="+", metavar="CLASS", help="show only entities of these classes (Regulation, 条例, Instrument, ...)")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help=f"draw at most N entities, the most connected (default: {DEFAULT_LIMIT})")
    parser.add_argument("--title", metavar="TEXT", help="the page title (default: the report's title)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    graph = load_graph(args.source)
    page = render(graph, title=args.title, focus=args.focus, depth=args.depth, classes=args.classes, limit=args.limit)
    if str(args.output) == "-":
        sys.stdout.write(page)
        return 0
    written = write_files(args.output.parent, {args.output.name: page.encode("utf-8")})
    print(f"Wrote {written[0]}", file=sys.stdout)
    return 0
