"""``npcgraph export SOURCE --format FORMATS [-o OUT]``: a graph in other formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import OutputError
from ..export import export_files, read_source
from ..outputs import write_files
from ..serialization import FORMATS, parse_formats

__all__ = ["register", "run"]

_EPILOG = """\
formats (comma-separated, e.g. --format trig,graphml,csv):
  ttl      graph.ttl       Turtle, every triple, entities first (the default)
  trig     graph.trig      TriG, one named graph per report (replace or retract a report in a store)
  nt       graph.nt        N-Triples, sorted lines
  nq       graph.nq        N-Quads, one named graph per report
  jsonld   graph.jsonld    JSON-LD with the context of ontology/context.jsonld (embedded)
  graphml  graph.graphml   the entity graph for Gephi, Cytoscape, yEd, networkx
  gexf     graph.gexf      the entity graph in GEXF (Gephi)
  csv      nodes.csv and edges.csv: entities and relations, with mention and evidence counts

SOURCE is a graph file (.ttl, .nt, .trig, .nq, .jsonld), the folder `npcgraph build` wrote, or an
Oxigraph store (oxigraph:DIR). Without -o, one single-file format goes to standard output.

examples:
  npcgraph export out/ --format graphml,gexf,csv -o exports/
  npcgraph export out/graph.ttl --format nq > graph.nq
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        description="Write a graph in other formats; the same graph always gives the same bytes.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="SOURCE", help="graph file, build folder or oxigraph:DIR")
    parser.add_argument("-f", "--format", default="ttl", metavar="FORMATS", help="comma-separated formats (default: ttl); see below")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="folder to write the files into (default: standard output, for one format)")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not list the files written")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    formats = parse_formats(args.format)
    if args.output is None and (len(formats) > 1 or len(FORMATS[formats[0]].files) > 1):
        raise OutputError("E211", formats=",".join(formats))
    graph, dataset = read_source(args.source)
    files = export_files(graph, formats, dataset=dataset)
    if args.output is None:
        sys.stdout.buffer.write(next(iter(files.values())))
        sys.stdout.flush()
        return 0

    written = write_files(args.output, files)
    if not args.quiet:
        print("Wrote:\n" + "\n".join(f"  {path}" for path in written), file=sys.stdout)
    return 0
