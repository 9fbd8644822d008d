"""The two engines that answer a query, each giving a :class:`~npcgraph.results.Result`.

    run_oxigraph   pyoxigraph's engine over a Store (Rust): every local graph
    run_endpoint   a SPARQL 1.1 Protocol endpoint over HTTP

Their differences are smoothed here: answers are rdflib terms; ``xsd:string`` literals are
plain literals on every engine; a syntax error is reported in rdflib's parser's words (loaded
only then), as one line with the position and the offending token. (Oxigraph stores integers of
the derived XSD types, such as the ``xsd:nonNegativeInteger`` offsets of NIF, as
``xsd:integer``; the canned queries cast offsets with ``xsd:integer()`` so that both stores
answer alike.) Rows come in the same order on both stores: Oxigraph's rows are sorted by
:mod:`npcgraph.ordering` with rdflib's order where they can be; ``SELECT *`` lists its
columns in the order the query names them.

Speed: answers are converted to rdflib terms once per term.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from . import ordering
from .errors import QueryError
from .namespaces import PREFIXES
from .oxterms import from_oxigraph, to_oxigraph
from .rdf import new_graph
from .results import Result

__all__ = ["prepare", "run_oxigraph", "run_endpoint", "syntax_error"]

_PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_TOKEN_AT = re.compile(r"<[^>\s]*>?|\"[^\"\n]*\"?|'[^'\n]*'?|[?$]?[^\W\d]\w*(?::[\w.-]*)?|\d[\d.]*|\S")


def _offending(text: str, loc: int) -> str:
    match = _TOKEN_AT.match(text, loc)
    return repr(match.group()) if match and loc < len(text) else "the end of the query"


def syntax_error(text: str, exc: Exception) -> QueryError:
    """One line: where the parser stopped, the token it found there and what it expected."""
    loc = int(getattr(exc, "loc", 0))
    line, column = int(getattr(exc, "lineno", 1)), int(getattr(exc, "col", 1))
    expected = str(getattr(exc, "msg", "")).removeprefix("Expected ").strip()
    if not expected or "Query" in expected:  # a grammar production: not worth quoting
        expected = "a well-formed query from there on"
    return QueryError("E301", line=line, column=column, token=_offending(text, loc), expected=expected)


def prepare(text: str) -> Any:
    """The query parsed and translated by rdflib, with the predeclared prefixes: called when
    Oxigraph or an endpoint refused it, for the error in rdflib's words."""
    from pyparsing import ParseException  # rdflib's parser: heavy, loaded only for an error
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        raise syntax_error(text, exc) from exc
    except RecursionError as exc:  # pyparsing recurses a dozen frames per bracket
        raise QueryError("E330") from exc
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes and the like
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        match = re.match(r"Unknown namespace prefix : (\S*)", message)
        if match:
            raise QueryError("E302", prefix=match.group(1), prefixes=", ".join(PREFIXES)) from exc
        raise QueryError("E319", reason=message) from exc


def _not_projected(name: str) -> QueryError:
    return QueryError("E303", name=name)


def _plain(term: Identifier | None) -> Identifier | None:
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def _graph(triples: Iterable[tuple[Identifier, Identifier, Identifier]]) -> Graph:
    graph = new_graph()
    for s, p, o in triples:
        graph.add((s, p, _plain(o)))
    return graph


# --- Oxigraph ----------------------------------------------------------------------------------


class _Stopped(Exception):
    """The caller gave up waiting (``--timeout``): the rows stop being read."""


def _solutions(answer: Any, stop: threading.Event | None) -> list[tuple[Identifier | None, ...]] | None:
    """Oxigraph's solutions as rows of rdflib terms, each distinct term converted once
    (answers repeat terms); None, at the next row, once ``stop`` is set."""
    converted: dict[Any, Identifier | None] = {}
    rows = []
    for solution in answer:
        if stop is not None and stop.is_set():
            return None
        row = []
        for value in solution:
            if value is None:
                row.append(None)
                continue
            found = converted.get(value)
            if found is None:
                found = converted[value] = from_oxigraph(value)
            row.append(found)
        rows.append(tuple(row))
    return rows


def run_oxigraph(store: Any, text: str, form: str, bindings: Mapping[str, Any], stop: threading.Event | None = None) -> Result:
    """Oxigraph's answer; a SELECT whose ORDER BY keys are projected variables is run without
    its ORDER BY and its rows sorted in Python (:mod:`npcgraph.ordering`: the same order as
    rdflib's, without Oxigraph reading each term from disk at every comparison)."""
    substitutions = {ox.Variable(name): to_oxigraph(term) for name, term in bindings.items()}
    order = ordering.split_order(text) if form == "SELECT" else None
    try:
        answer = None
        if order is not None:
            answer = store.query(order[0], prefixes=_PREFIX_IRIS, substitutions=substitutions)
            names = [v.value for v in answer.variables]
            if not all(key.variable in names for key in order[1]):
                answer, order = None, None  # a key that is not projected: Oxigraph sorts
        if answer is None:
            answer = store.query(text, prefixes=_PREFIX_IRIS, substitutions=substitutions)
        if isinstance(answer, ox.QueryBoolean):
            return Result("ASK", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            converted: dict[Any, Identifier | None] = {}

            def term(value: Any) -> Identifier | None:
                found = converted.get(value)
                if found is None:
                    found = converted[value] = from_oxigraph(value)
                return found

            triples = ((term(t.subject), term(t.predicate), term(t.object)) for t in answer)
            return Result("DESCRIBE" if form == "DESCRIBE" else "CONSTRUCT", graph=_graph(triples))  # type: ignore[arg-type]
        variables = tuple(v.value for v in answer.variables)
        found = _solutions(answer, stop)
        if found is None:
            del answer  # Oxigraph's iterator must be dropped in the thread that made it
            raise _Stopped
        rows = found
    except _Stopped:
        raise
    except SyntaxError as exc:
        prepare(text)  # rdflib's parser reports the error, with its line, column and token
        raise QueryError("E317", reason=str(exc).splitlines()[0][:300]) from exc
    except RuntimeError as exc:
        match = re.search(r"variable \?(\S+) in its SELECT projection", str(exc))
        if match:
            raise _not_projected(match.group(1)) from exc
        raise QueryError("E304", reason=str(exc).strip()[:300]) from exc
    except OSError as exc:
        raise QueryError("E321", reason=exc) from exc
    if order is not None:
        rows = ordering.sort_rows(variables, ordering.canonical(rows), order[1])
    return _select(text, variables, rows)


def _select(text: str, variables: tuple[str, ...], rows: Iterable[tuple[Identifier | None, ...]]) -> Result:
    """A SELECT answer; the columns of ``SELECT *`` in the order the query names them."""
    columns = ordering.star_columns(text, variables)
    if columns != variables:
        where = [variables.index(name) for name in columns]
        rows = (tuple(row[i] for i in where) for row in rows)
    return Result("SELECT", columns, tuple(rows))


# --- a remote endpoint -------------------------------------------------------------------------

_ACCEPT_ROWS = "application/sparql-results+json"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_GRAPH_PARSERS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle", "application/rdf+xml": "xml"}


def _values_clause(bindings: Mapping[str, Any]) -> str:
    """``VALUES (?a ?b) { (<iri> "name"@zh) }``: the bindings as terms in SPARQL syntax (each
    term written by rdflib's ``n3()``, which escapes it)."""
    if not bindings:
        return ""
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


def _json_term(value: dict[str, str]) -> Identifier:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != str(XSD.string):
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


def run_endpoint(url: str, text: str, form: str, bindings: Mapping[str, Any], timeout: float | None, post: Callable[..., tuple[str, bytes]]) -> Result:
    prologue = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in _PREFIX_IRIS.items())
    accept = _ACCEPT_GRAPH if form in ("CONSTRUCT", "DESCRIBE") else _ACCEPT_ROWS
    try:
        media_type, body = post(url, prologue + text + _values_clause(bindings), accept, timeout)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        message = detail[0][:300] if detail else exc.reason
        if exc.code in (400, 422):
            prepare(text)  # a syntax error is reported with its position in the text as given
            raise QueryError("E318", reason=message) from exc
        raise QueryError("E322", url=url, status=exc.code, reason=message) from exc
    except (TimeoutError, OSError) as exc:
        raise QueryError("E306", limit=f"{timeout:g} s" if timeout else "the time allowed") from exc
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        try:
            graph.parse(data=body, format=_GRAPH_PARSERS.get(media_type, "turtle"))
        except Exception as exc:  # rdflib raises several types for bad input
            raise QueryError("E323", media_type=media_type, reason=exc) from exc
        return Result(form, graph=_graph(graph))
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QueryError("E323", media_type=media_type, reason=exc) from exc
    if "boolean" in document:
        return Result("ASK", boolean=bool(document["boolean"]))
    variables = tuple(document.get("head", {}).get("vars", ()))
    rows = tuple(
        tuple(_json_term(binding[name]) if name in binding else None for name in variables)
        for binding in document.get("results", {}).get("bindings", ())
    )
    return _select(text, variables, rows)
