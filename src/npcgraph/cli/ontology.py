"""``npcgraph ontology [--markdown | --context]``: the classes and properties of the graphs."""

from __future__ import annotations

import argparse
import json
import sys

from ..exports.jsonld import build_context
from ..exports.ontology_doc import format_markdown, format_terms, ontology_terms
from ..validation import load_ontology

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ontology",
        description=(
            "List every class and property of ontology/npcgraph.ttl with its Chinese and English "
            "labels, its place in the hierarchy, domain and range, and comments."
        ),
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--markdown", action="store_true", help="print ontology/README.md (the same, as Markdown)")
    shown.add_argument("--context", action="store_true", help="print the JSON-LD context made from the ontology (ontology/context.jsonld)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ontology = load_ontology()
    if args.markdown:
        sys.stdout.write(format_markdown(ontology))
    elif args.context:
        sys.stdout.write(json.dumps(build_context(ontology), ensure_ascii=False, indent=2) + "\n")
    else:
        print(format_terms(ontology_terms(ontology)), file=sys.stdout)
    return 0
