"""SPARQL results, whatever store answered them, and their text formats.

A :class:`Result` holds rdflib terms, so an Oxigraph store (on disk or in memory) and a remote
endpoint give the same objects. The ``format_*`` functions turn a result into text; only the
command line prints it.

    table   aligned columns; East Asian wide characters count two columns
    csv     SPARQL 1.1 Query Results CSV (header of names, plain values, CRLF)
    tsv     SPARQL 1.1 Query Results TSV (header of ?names, terms in Turtle syntax)
    json    SPARQL 1.1 Query Results JSON
    turtle  (CONSTRUCT, DESCRIBE) the graph in Turtle; ``nt`` in sorted N-Triples
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from .controls import escape_rdf, visible
from .errors import QueryError
from .namespaces import PREFIXES
from .serialization import serialize
from .viewer import render

__all__ = [
    "Result",
    "Row",
    "Rows",
    "TABLE_FORMATS",
    "GRAPH_FORMATS",
    "display_width",
    "format_result",
    "format_table",
    "format_csv",
    "format_tsv",
    "format_json",
    "compact_iri",
]

#: Formats for SELECT and ASK results, and for CONSTRUCT and DESCRIBE graphs.
TABLE_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("turtle", "nt", "html")

Term = Identifier | None


class Row(tuple):
    """One solution: a tuple of terms (None where unbound), also readable by variable name.

    >>> row.label, row["label"], row.asdict()
    """

    __slots__ = ()
    variables: tuple[str, ...] = ()  # set on the per-result subclass that Rows makes

    def __getattr__(self, name: str) -> Term:
        try:
            return self[self.variables.index(name)]
        except ValueError:
            raise AttributeError(f"no variable ?{name} in this result (it has {', '.join(self.variables)})") from None

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return self.__getattr__(key)
        return super().__getitem__(key)

    def asdict(self) -> dict[str, Term]:
        return dict(zip(self.variables, self))


class Rows(list):
    """The rows of a SELECT result, with the names of its variables in ``variables``."""

    def __init__(self, rows: Sequence[Sequence[Term]], variables: Sequence[str]) -> None:
        row_type = type("Row", (Row,), {"__slots__": (), "variables": tuple(variables)})
        super().__init__(row_type(values) for values in rows)
        self.variables = tuple(variables)


@dataclass(frozen=True)
class Result:
    """What a query answered: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, compare=False)

    @property
    def is_graph(self) -> bool:
        return self.kind in ("CONSTRUCT", "DESCRIBE")

    def value(self) -> Rows | bool | Graph:
        """The Python API's answer: Rows, a bool, or an rdflib Graph."""
        if self.kind == "ASK":
            return bool(self.boolean)
        if self.is_graph:
            assert self.graph is not None
            return self.graph
        return Rows(self.rows, self.variables)


# --- display of terms ----------------------------------------------------------------------

_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def compact_iri(iri: str) -> str:
    """``npc:Regulation`` for a known namespace (longest match), else the IRI in ``<>``."""
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _display(term: Term) -> str:
    """A term as a table cell: compact IRIs, literals without quotes, tags or types."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term)
    return visible(text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"))


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters (汉字, ，) count 2,
    combining marks 0, everything else 1 (ambiguous-width characters such as “ count 1)."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int) -> str:
    if limit <= 0 or display_width(text) <= limit:
        return text
    out, width = [], 0
    for char in text:
        w = display_width(char)
        if width + w > limit - 1:
            break
        out.append(char)
        width += w
    return "".join(out) + "…"


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {
    _XSD + name
    for name in (
        "integer decimal double float int long short byte nonNegativeInteger positiveInteger "
        "nonPositiveInteger negativeInteger unsignedInt unsignedLong unsignedShort unsignedByte"
    ).split()
}


def _is_number(term: Term) -> bool:
    return isinstance(term, Literal) and str(term.datatype) in _NUMERIC


# --- formats -------------------------------------------------------------------------------


def format_table(result: Result, max_width: int = 0) -> str:
    """Aligned columns, numbers right-aligned, ``(N rows)`` at the end; ASK prints true/false."""
    if result.kind == "ASK":
        return "true\n" if result.boolean else "false\n"
    header = list(result.variables)
    cells = [[_truncate(_display(term), max_width) for term in row] for row in result.rows]
    numeric = [
        bool(result.rows) and all(row[i] is None or _is_number(row[i]) for row in result.rows)
        for i in range(len(header))
    ]
    widths = [
        max([display_width(name)] + [display_width(row[i]) for row in cells]) for i, name in enumerate(header)
    ]

    def line(values: Sequence[str], align: Sequence[bool]) -> str:
        return "  ".join(_pad(v, w, r) for v, w, r in zip(values, widths, align)).rstrip()

    lines = [line(header, [False] * len(header)), "  ".join("-" * w for w in widths)]
    lines.extend(line(row, numeric) for row in cells)
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return visible(str(term))


def format_csv(result: Result) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        writer.writerows([_csv_value(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def format_tsv(result: Result) -> str:
    if result.kind == "ASK":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines.extend("\t".join("" if term is None else escape_rdf(term.n3().encode("utf-8")).decode("utf-8") for term in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None:
        value["datatype"] = str(term.datatype)
    return value


def format_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/)."""
    document: dict[str, Any]
    if result.kind == "ASK":
        document = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _graph_text(graph: Graph, fmt: str, title: str | None) -> str:
    if fmt == "html":
        return render(graph, title=title)
    return serialize(graph, "nt" if fmt == "nt" else "turtle").decode("utf-8")


def format_result(result: Result, fmt: str | None = None, *, max_width: int = 0, title: str | None = None) -> str:
    """The result as text in ``fmt`` (default: table for SELECT/ASK, Turtle for graphs)."""
    if result.is_graph:
        fmt = fmt or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise QueryError("E305", kind=result.kind, answer="a graph", format=fmt, choices=" or ".join(GRAPH_FORMATS))
        assert result.graph is not None
        return _graph_text(result.graph, fmt, title)
    fmt = fmt or "table"
    formatters = {"table": lambda r: format_table(r, max_width), "csv": format_csv, "tsv": format_tsv, "json": format_json}
    if fmt not in formatters:
        raise QueryError("E305", kind=result.kind, answer="rows", format=fmt, choices=", ".join(TABLE_FORMATS))
    return formatters[fmt](result)
