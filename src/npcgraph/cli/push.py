"""``npcgraph push SOURCE --endpoint URL [--graph IRI]``: upload a graph into a triple store."""

from __future__ import annotations

import argparse

from ..store import push

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "push",
        description=(
            "Upload SOURCE (a graph file, the folder npcgraph build wrote, or an Oxigraph store) "
            "into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol: Oxigraph, Apache "
            "Jena Fuseki, GraphDB and others. The triples are added to the graph (HTTP POST); "
            "--replace replaces the graph's content (HTTP PUT)."
        ),
        epilog=(
            "Graph Store endpoints: Oxigraph http://HOST:7878/store, Fuseki "
            "http://HOST:3030/DATASET/data, GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service\n"
            "example: npcgraph push out/ --endpoint http://127.0.0.1:7878/store --graph https://example.org/wuhan"
        ),
    )
    parser.add_argument("source", metavar="SOURCE", help="graph file, build folder or oxigraph:DIR")
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the store's Graph Store Protocol endpoint")
    parser.add_argument("--graph", metavar="IRI", help="the named graph to write (default: the default graph)")
    parser.add_argument("--replace", action="store_true", help="replace the graph's content instead of adding to it")
    parser.add_argument("--timeout", type=float, default=300, metavar="SECONDS", help="give up after this many seconds (default: 300)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = push(args.source, args.endpoint, graph=args.graph, replace=args.replace, timeout=args.timeout)
    if not args.quiet:
        where = f"the graph <{args.graph}>" if args.graph else "the default graph"
        if args.replace:
            print(f"Replaced {where} of {args.endpoint} with {result.triples} triples (HTTP {result.status})")
        else:
            print(f"Added {result.triples} triples to {where} of {args.endpoint} (HTTP {result.status})")
    return 0
