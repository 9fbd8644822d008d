"""``npcgraph query SOURCE QUERY``: SPARQL over a graph file, a store or an endpoint."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError, QueryError
from ..outputs import write_files
from ..results import display_width, format_result
from ..sparql import canned_queries, execute, load_query, with_names

__all__ = ["register", "run", "format_list"]

_FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt", "html")

_EPILOG = """\
SOURCE is a graph file (graph.ttl, .nt, .jsonld ...), the folder `npcgraph build` wrote, an
Oxigraph store (oxigraph:DIR, or the store's folder), or an endpoint URL (or --endpoint URL).
QUERY is SPARQL text, a .rq file, or the name of a canned query (see --list). The prefixes
npc id rdf rdfs xsd skos nif itsrdf prov dcterms org eli schema are declared.

--param NAME=VALUE binds ?NAME (never pasted into the text): <IRI>, http://..., npc:Regulation
are IRIs; "text"@zh and "1"^^xsd:integer literals as written; 12 and 1.5 numbers; other text is
a name: for an entity parameter of a canned query (see --show) the entity whose label or alias
it is (武汉市人大常委会), otherwise a literal, tagged @zh when it holds Chinese characters.

examples:
  npcgraph query --list
  npcgraph query out/ acts-of-body --param body=武汉市人大常委会
  npcgraph query oxigraph:out/store instruments --param class=Regulation --format csv
  npcgraph query out/ timeline --param from=2021 --param to=2025
  npcgraph query out/graph.ttl 'SELECT ?l WHERE { ?x a npc:Regulation ; rdfs:label ?l }'
  npcgraph query out/ 'CONSTRUCT WHERE { ?b npc:enacted ?i }' --format html -o enacted.html
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE; never an update) and print its answer.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", nargs="?", metavar="SOURCE", help="graph file, build folder, oxigraph:DIR or endpoint URL")
    parser.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, a .rq file or a canned query's name")
    parser.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint (then give only QUERY)")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE", help="bind a variable (repeatable)")
    parser.add_argument("-f", "--format", choices=_FORMATS, metavar="FORMAT", help="table (default), csv, tsv or json for SELECT/ASK; turtle (default), nt or html for CONSTRUCT/DESCRIBE")
    parser.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="give up after this many seconds")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the answer to FILE instead of standard output")
    parser.add_argument("--max-width", type=int, default=0, metavar="N", help="cut table cells wider than N columns (default: no limit)")
    parser.add_argument("--list", action="store_true", help="list the canned queries and exit")
    parser.add_argument("--show", metavar="NAME", help="print a canned query (its documentation and SPARQL) and exit")
    parser.set_defaults(run=run)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def format_list() -> str:
    """The canned queries: name, parameters and title, aligned."""
    rows = [("NAME", "PARAMETERS", "TITLE")]
    rows += [
        (name, ", ".join(p.name for p in q.params) or "-", q.title)
        for name, q in canned_queries().items()
        if not name.startswith("_")
    ]
    widths = [max(display_width(row[i]) for row in rows) for i in range(2)]
    lines = []
    for name, params, title in rows:
        lines.append(f"{name}{' ' * (widths[0] - display_width(name))}  {params}{' ' * (widths[1] - display_width(params))}  {title}")
    return "\n".join(lines) + "\n"


def _params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError("E314", pair=pair)
        params[name.strip()] = value
    return params


def run(args: argparse.Namespace) -> int:
    if args.list:
        sys.stdout.write(format_list())
        return 0
    if args.show:
        sys.stdout.write(load_query(args.show).text)
        return 0
    source, text = args.source, args.query
    if args.endpoint:
        if text is not None:
            raise InputError("E125")
        source, text = args.endpoint, source
    if source is None or text is None:
        raise InputError("E114")

    result = execute(source, text, _params(args.param), timeout=args.timeout)
    if args.format == "html":
        result = with_names(source, result, timeout=args.timeout)  # names to draw, not IRIs
    output = format_result(result, args.format, max_width=args.max_width, title=f"npcgraph query: {Path(str(source)).name}")
    if args.output:
        written = write_files(args.output.parent, {args.output.name: output.encode("utf-8")})
        print(f"Wrote {written[0]}", file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0
