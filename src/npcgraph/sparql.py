"""SPARQL over any source: canned queries, parameters, errors and time limits.

    query(source, q, **params) -> Rows | bool | Graph    the Python API
    execute(source, q, params, timeout=None) -> Result   what the command line formats
    canned_queries() -> {name: CannedQuery}              the .rq files in npcgraph/queries/
    load_query(spec) -> CannedQuery                      a SPARQL string, a .rq file or a canned name

A source is anything :func:`npcgraph.store.open_source` opens: a graph file, a build folder, an
Oxigraph store (``oxigraph:DIR``), an endpoint URL, an rdflib Graph; every one but the endpoint
is answered by Oxigraph (a file or a Graph in a store in memory). The prefixes of
:data:`npcgraph.namespaces.PREFIXES` (npc, id, rdf, rdfs, xsd, skos, nif, itsrdf, prov, dcterms,
org, eli, schema) are declared for every query.

Parameters are bound, never pasted into the query text: Oxigraph's ``substitutions``
(SEP-0007), and on a remote endpoint a trailing ``VALUES`` clause built from the terms. A
parameter of a SELECT query must be one of its projected variables.

A binding is a join after the query's FILTERs on every engine, so it cannot bound a range. A
canned query declares its ranges instead (``# range: date from to``: the year of ``?date``
between the ``year`` parameters ``from`` and ``to``); :func:`execute` keeps the rows whose
year lies in the range, after any engine answered, the remote endpoint's included.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Literal, URIRef
from rdflib.term import Identifier
from rdflib.util import from_n3

from . import lexer
from .engines import run_endpoint, run_oxigraph
from .errors import InputError, QueryError
from .guard import check_query, uses_service
from .namespaces import ID, NPC, PREFIXES, RDFS, SKOS
from .rdf import new_graph
from .resources import queries_dir
from .results import Result
from .store import EndpointSource, OxigraphSource, Source, http_post_query, open_source

__all__ = ["query", "execute", "with_names", "CannedQuery", "Param", "YearRange", "canned_queries", "load_query", "parse_value", "query_form"]

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEADER = re.compile(r"^#\s*(title|description|param|range)\s*:\s*(.*)$")
_PARAM_KINDS = ("entity", "iri", "class", "literal", "integer", "year")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Param:
    """A parameter a stored query documents: ``# param: NAME KIND description``.

    KIND says how a plain value is read: ``entity`` (an IRI, or a name matched against the
    entities' @zh labels), ``class`` (``Regulation`` -> npc:Regulation), ``iri``, ``literal``,
    ``integer``, ``year`` (four digits: a bound of a :class:`YearRange`, never bound in the
    query).
    """

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class YearRange:
    """``# range: VARIABLE FROM TO``: rows whose ``?VARIABLE`` starts with a year from the
    ``FROM`` parameter's to the ``TO`` parameter's, both included, either left out (a date as
    npcgraph writes it, xsd:date, xsd:gYearMonth or xsd:gYear, starts with its year)."""

    variable: str
    start: str
    end: str

    def keeps(self, term: Any, start: int | None, end: int | None) -> bool:
        year = str(term)[:4] if term is not None else ""
        if not _YEAR.match(year):
            return False
        return (start is None or int(year) >= start) and (end is None or int(year) <= end)


@dataclass(frozen=True)
class CannedQuery:
    """A named, documented SPARQL query (a ``.rq`` file), or an ad-hoc one."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    path: Path | None = None
    ranges: tuple[YearRange, ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _parse_rq(name: str, text: str, path: Path | None = None) -> CannedQuery:
    fields: dict[str, list[str]] = {"title": [], "description": []}
    params: list[Param] = []
    ranges: list[YearRange] = []
    key: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _HEADER.match(stripped)
        if match:
            key, value = match.groups()
            if key == "param":
                parts = value.split(None, 2)
                if len(parts) < 2 or parts[1] not in _PARAM_KINDS:
                    raise QueryError("E308", where=path or name, line=value, kinds=", ".join(_PARAM_KINDS))
                params.append(Param(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
            elif key == "range":
                ranges.append(_parse_range(value, params, path or name))
            else:
                fields[key].append(value.strip())
        elif key in ("title", "description") and stripped.lstrip("#").strip():
            fields[key].append(stripped.lstrip("#").strip())  # a continuation line
    return CannedQuery(
        name=name,
        text=text,
        title=" ".join(fields["title"]),
        description=" ".join(fields["description"]),
        params=tuple(params),
        path=path,
        ranges=tuple(ranges),
    )


def _parse_range(value: str, params: list[Param], where: Path | str) -> YearRange:
    """``# range: VARIABLE FROM TO``, after the ``year`` parameters it names."""
    parts = value.split()
    kinds = {p.name: p.kind for p in params}
    if len(parts) != 3 or any(kinds.get(bound) != "year" for bound in parts[1:]):
        raise QueryError("E325", where=where, line=value)
    return YearRange(parts[0].lstrip("?"), parts[1], parts[2])


@cache
def canned_queries() -> dict[str, CannedQuery]:
    """The stored queries, by name (file name without ``.rq``); names starting with ``_``
    are used internally and not listed."""
    found = {}
    for path in sorted(queries_dir().glob("*.rq")):
        found[path.stem] = _parse_rq(path.stem, path.read_text(encoding="utf-8"), path)
    return found


def load_query(spec: str | CannedQuery) -> CannedQuery:
    """A canned query's name, a ``.rq`` file, or SPARQL text."""
    if isinstance(spec, CannedQuery):
        return spec
    stripped = spec.strip()
    if stripped.endswith((".rq", ".sparql")) and "\n" not in stripped:
        path = Path(stripped)
        if not path.is_file():
            raise InputError("E112", path=path)
        try:
            return _parse_rq(path.stem, path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError("E113", path=path, reason=exc) from exc
    if _NAME.match(stripped):
        known = canned_queries()
        if stripped in known:
            return known[stripped]
        names = ", ".join(n for n in known if not n.startswith("_"))
        raise QueryError("E309", name=stripped, names=names)
    return _parse_rq("query", spec)


# --- query forms, updates and variables ---------------------------------------------------------

_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(token.kind, token.value) for token in lexer.tokens(text)]


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK; a QueryError for SPARQL Update or anything else."""
    tokens = _tokens(text)
    i = 0
    while i < len(tokens) and tokens[i][1].upper() in ("PREFIX", "BASE"):
        i += 3 if tokens[i][1].upper() == "PREFIX" else 2
    first = tokens[i][1].upper() if i < len(tokens) else ""
    if first in _UPDATES:
        raise QueryError("E310", operation=first)
    if first not in _FORMS:
        return "SELECT"  # let the parser report what is wrong, with its position
    return first


def _variables(text: str) -> set[str]:
    return {value[1:] for kind, value in _tokens(text) if kind == "var"}


# --- parameters ------------------------------------------------------------------------------

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_PNAME = re.compile(r"^([A-Za-z][\w-]*):([^\s<>\"]*)$")


@dataclass(frozen=True)
class _Name:
    """An entity parameter given by name, to be matched against labels."""

    text: str


def parse_value(value: Any, kind: str | None = None) -> Any:
    """A parameter value as an rdflib term (or a name to look up, for ``entity`` parameters).

    ``<IRI>``, ``http(s)://…`` and ``npc:Regulation`` (a predeclared prefix) are IRIs;
    ``"…"@zh`` and ``"…"^^xsd:…`` are literals as written; numbers are xsd:integer or
    xsd:decimal; ``true``/``false`` xsd:boolean. Any other text is a name: for an ``entity``
    parameter the entity whose preferred or alternative label it is, for a ``class`` parameter
    a class of the ontology (``Regulation``), otherwise a literal tagged ``@zh`` when it holds
    Chinese characters (as every label of the graph is) and a plain string when not.
    """
    if isinstance(value, Identifier):
        return value
    if isinstance(value, bool) or isinstance(value, (int, Decimal, float)):
        return Literal(value)
    if not isinstance(value, str):
        raise QueryError("E311", kind=type(value).__name__)
    text = value.strip()
    if text.startswith("<") and text.endswith(">") and not re.search(r"\s", text):
        return URIRef(text[1:-1])
    if re.match(r"^(https?|urn|mailto):\S+$", text):
        return URIRef(text)
    if text.startswith(('"', "'")):
        return _n3_literal(text)
    match = _PNAME.match(text)
    if match and match.group(1) in PREFIXES:
        return URIRef(str(PREFIXES[match.group(1)]) + match.group(2))
    if kind == "class" and re.match(r"^[A-Z]\w*$", text):
        return NPC[text]
    if kind != "entity":
        if _INTEGER.match(text):
            return Literal(int(text))
        if _DECIMAL.match(text):
            return Literal(Decimal(text))
        if text in ("true", "false"):
            return Literal(text == "true")
    if kind == "entity" and text:
        return _Name(text)
    return Literal(text, lang="zh") if _CJK.search(text) else Literal(text)


def _n3_literal(text: str) -> Any:
    try:
        term = from_n3(text, nsm=new_graph().namespace_manager)
    except Exception as exc:  # rdflib raises several types for bad N3
        raise QueryError("E327", text=text) from exc
    if not isinstance(term, Literal):
        raise QueryError("E327", text=text)
    return term


def parse_year(name: str, value: Any) -> int:
    """A ``year`` parameter's value (``2021``, ``"2021"``) as a number; a QueryError otherwise."""
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not _YEAR.match(text):
        raise QueryError("E316", name=name, value=value)
    return int(text)


def _years(q: CannedQuery, params: Mapping[str, Any]) -> dict[str, int]:
    """The ``year`` parameters given, checked (each a year, no range ending before it starts)."""
    years = {name.lstrip("?$"): raw for name, raw in params.items() if (p := q.param(name.lstrip("?$"))) and p.kind == "year"}
    parsed = {name: parse_year(name, raw) for name, raw in years.items()}
    for span in q.ranges:
        start, end = parsed.get(span.start), parsed.get(span.end)
        if start is not None and end is not None and start > end:
            raise QueryError("E331", start=span.start, first=start, end=span.end, last=end)
    return parsed


def _in_ranges(result: Result, q: CannedQuery, years: Mapping[str, int]) -> Result:
    """``result`` with the rows whose year lies in each of the query's ranges given a bound."""
    spans = [span for span in q.ranges if span.start in years or span.end in years]
    if not spans or result.kind != "SELECT":
        return result
    missing = [span.variable for span in spans if span.variable not in result.variables]
    if missing:
        raise QueryError("E326", where=q.name, variable=missing[0])
    columns = [(result.variables.index(span.variable), span) for span in spans]
    rows = tuple(
        row for row in result.rows
        if all(span.keeps(row[i], years.get(span.start), years.get(span.end)) for i, span in columns)
    )
    return replace(result, rows=rows)


def _bind(source: Source, q: CannedQuery, params: Mapping[str, Any], timeout: float | None) -> dict[str, Any]:
    """Parameter names to terms; entity names resolved to the one entity they name. A
    ``year`` parameter is no binding: :func:`_in_ranges` applies it to the answer."""
    variables = _variables(q.text)
    bindings: dict[str, Any] = {}
    for name, raw in params.items():
        name = name.lstrip("?$")
        declared = q.param(name)
        if declared and declared.kind == "year":
            continue
        if name not in variables:
            raise QueryError("E332", name=name, params=", ".join(p.name for p in q.params) or "none")
        term = parse_value(raw, declared.kind if declared else None)
        bindings[name] = _resolve(source, term, name, timeout) if isinstance(term, _Name) else term
    return bindings


def _resolve(source: Source, name: _Name, variable: str, timeout: float | None) -> Any:
    label = Literal(name.text, lang="zh") if _CJK.search(name.text) else Literal(name.text)
    result = _run(source, canned_queries()["_entities-named"].text, "SELECT", {"name": label}, timeout)
    found = sorted({row[0] for row in result.rows if row[0] is not None})
    if not found:
        raise QueryError("E307", name=name.text, variable=variable)
    if len(found) > 1:
        labels = {row[0]: row[2] for row in result.rows}
        choices = "; ".join(f"{labels.get(iri, '')} <{iri}>" for iri in found[:5])
        raise QueryError("E324", name=name.text, count=len(found), choices=choices, variable=variable)
    return found[0]


# --- running ---------------------------------------------------------------------------------

T = TypeVar("T")


def _timed_out(seconds: float) -> QueryError:
    return QueryError("E306", limit=f"{seconds:g} s")


def _within(seconds: float | None, work: Callable[[], T], stop: threading.Event) -> T:
    """``work()``, stopped after ``seconds`` by waiting on a worker thread, told to stop
    through ``stop`` (Oxigraph evaluates in Rust, out of the reach of signals: the worker
    stops at the next row Oxigraph gives)."""
    if seconds is None:
        return work()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="npcgraph-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if stop is not None:
            stop.set()
        raise _timed_out(seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _run(source: Source, text: str, form: str, bindings: Mapping[str, Any], timeout: float | None) -> Result:
    if isinstance(source, OxigraphSource):
        stop = threading.Event()
        return _within(timeout, lambda: run_oxigraph(source.store, text, form, bindings, stop), stop)
    assert isinstance(source, EndpointSource)
    return run_endpoint(source.url, text, form, bindings, timeout, http_post_query)


def execute(source: Any, q: str | CannedQuery, params: Mapping[str, Any] | None = None, *, timeout: float | None = None) -> Result:
    """Run a query (SPARQL text, a ``.rq`` file or a canned query's name) on ``source``."""
    if timeout is not None and timeout <= 0:
        raise QueryError("E312", timeout=timeout)
    stored = load_query(q)
    check_query(stored.text, federation=True)  # too deep a query crashes the parser itself
    form = query_form(stored.text)
    opened = open_source(source)  # every graph is read by Oxigraph
    if not isinstance(opened, EndpointSource) and uses_service(stored.text):
        raise QueryError("E313")
    years = _years(stored, params or {})
    bindings = _bind(opened, stored, params or {}, timeout)
    return _in_ranges(_run(opened, stored.text, form, bindings, timeout), stored, years)


#: A graph result with more unnamed nodes than this is drawn as it is (one query per node).
_MAX_NAMED = 2000


def with_names(source: Any, result: Result, *, timeout: float | None = None) -> Result:
    """A CONSTRUCT or DESCRIBE result with the labels and classes its entities have in
    ``source`` (the canned query ``_node-names``, once per entity that has no label in the
    result), so that the viewer draws names: ``CONSTRUCT WHERE { ?b npc:enacted ?i }`` holds
    the relations alone."""
    if not result.is_graph or result.graph is None:
        return result
    graph = result.graph
    nodes = sorted(
        {node for node in (*graph.subjects(), *graph.objects()) if isinstance(node, URIRef) and str(node).startswith(str(ID))}
        - set(graph.subjects(RDFS.label)) - set(graph.subjects(SKOS.prefLabel))
    )
    if not nodes or len(nodes) > _MAX_NAMED:
        return result
    opened = open_source(source)
    names = canned_queries()["_node-names"]
    for node in nodes:
        for triple in _run(opened, names.text, "CONSTRUCT", {"node": node}, timeout).graph or ():
            graph.add(triple)
    return result


def query(source: Any, q: str | CannedQuery, /, *, timeout: float | None = None, params: Mapping[str, Any] | None = None, **bindings: Any) -> Any:
    """Ask ``source`` a SPARQL query; rows for SELECT, a bool for ASK, a Graph otherwise.

        >>> rows = npcgraph.query("out/graph.ttl", "acts-of-body", body="武汉市人大常委会")
        >>> [(row.actLabel, row.thingLabel) for row in rows]

    ``q`` is SPARQL text, a ``.rq`` file or a canned query's name; keyword arguments (or
    ``params``) bind variables: rdflib terms as they are, strings read as ``--param`` values
    (see :func:`parse_value`). Rows are tuples of rdflib terms, readable by variable name.
    """
    merged = {**(params or {}), **bindings}
    return execute(source, q, merged, timeout=timeout).value()
