"""``npcgraph validate SOURCE``: check a graph against the contract's SHACL shapes."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from ..errors import ValidationError
from ..export import read_source
from ..validation import format_results, validate

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        description=(
            "Run the shapes of ontology/shapes.ttl over a graph with pyshacl (the ontology as the "
            "ontology graph, so subclasses count) and print every result: the focus node, the "
            "property and value, and what is wrong. Exits 6 when there is any violation."
        ),
        epilog="examples:\n  npcgraph validate out/\n  npcgraph validate out/graph.ttl --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="SOURCE", help="graph file, build folder or oxigraph:DIR")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    graph, _ = read_source(args.source)
    report = validate(graph)
    if args.format == "json":
        data = {"conforms": report.conforms, "results": [asdict(r) for r in report.results]}
        print(json.dumps(data, ensure_ascii=False, indent=2), file=sys.stdout)
    else:
        print(format_results(report, graph), file=sys.stdout)
    if not report.conforms:
        count = len(report.violations)
        raise ValidationError("E501", count=count, violations="violation" if count == 1 else "violations")
    return 0
