"""``npcgraph eval --gold FILE [--gold FILE ...] INPUT_OR_GRAPH``: precision, recall and F1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..api import build
from ..evaluation.entities import format_entity_scores, named_entities, score_entities
from ..evaluation.gold import is_entity_file, read_gold_entities
from ..evaluation.relations import format_relation_scores, read_gold_relations, score_relations
from ..serialization import load_graph

__all__ = ["register", "run"]

_GRAPH_SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".json", ".rdf", ".xml", ".n3", ".owl")

_EPILOG = """\
Gold files are tab-separated (see tests/data/README.md): entity rows `class<TAB>label<TAB>alt|labels`
and relation rows `subject label<TAB>predicate<TAB>object label`, one kind per file. An
extracted entity matches a gold one when the class families agree (every instrument form is
Instrument) and a label or alternative label of each is the same name.

examples:
  npcgraph eval --gold tests/data/seed/gold-entities.tsv data/wuhan-2022-04-whole-process-democracy.txt
  npcgraph eval --gold tests/data/seed/gold-entities.tsv --gold tests/data/seed/gold-relations.tsv out/graph.ttl
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        description="Build the input (report files or folders) or read a graph file, and print precision, recall and F1 per class and per relation.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT_OR_GRAPH", help="report files or folders, or one graph file (graph.ttl, .nt, .jsonld ...)")
    parser.add_argument("-g", "--gold", action="append", type=Path, required=True, metavar="FILE", help="a gold entity or relation file (repeatable)")
    parser.add_argument("--details", action="store_true", help="also list the gold items missed and the extracted items no gold item matches")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    entity_gold = []
    relation_files = []
    for path in args.gold:
        if is_entity_file(path):
            entity_gold.extend(read_gold_entities(path))
        else:
            relation_files.append(path)
    source = _source(args.inputs)
    out = []
    if entity_gold:
        out.append(format_entity_scores(score_entities(named_entities(source), entity_gold), details=args.details))
    if relation_files:
        gold = [row for path in relation_files for row in read_gold_relations(path)]
        out.append(format_relation_scores(score_relations(source, gold), details=args.details))
    print("\n\n".join(out), file=sys.stdout)
    return 0


def _source(inputs: list[Path]):  # noqa: ANN202 - a Corpus or an rdflib Graph
    if len(inputs) == 1 and inputs[0].is_file() and inputs[0].suffix.lower() in _GRAPH_SUFFIXES:
        return load_graph(inputs[0])
    if len(inputs) == 1 and inputs[0].is_dir() and (inputs[0] / "graph.ttl").is_file():
        return load_graph(inputs[0] / "graph.ttl")

    return build(inputs)
