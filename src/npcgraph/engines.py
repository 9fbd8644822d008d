"""The three engines that answer a query, each giving a :class:`~npcgraph.results.Result`.

    run_memory     rdflib's SPARQL engine over a Graph (pure Python)
    run_oxigraph   pyoxigraph's engine over a Store (Rust)
    run_endpoint   a SPARQL 1.1 Protocol endpoint over HTTP

Their differences are smoothed here: answers are rdflib terms; ``xsd:string`` literals are
plain literals on every engine; syntax errors are reported by rdflib's parser on every local
engine, as one line with the position and the offending token. (Oxigraph stores integers of
the derived XSD types, such as the ``xsd:nonNegativeInteger`` offsets of NIF, as
``xsd:integer``; the canned queries cast offsets with ``xsd:integer()`` so that both stores
answer alike.) Rows come in the same order on both stores: Oxigraph's rows are sorted by
:mod:`npcgraph.ordering` with rdflib's order where they can be; ``SELECT *`` lists its
columns in the order the query names them.

Speed: on the memory store, :func:`optimise` orders triple patterns knowing what is bound,
binds the patterns after a sub-SELECT from its rows, and hash-joins two parts evaluated
apart (``_hash_join``); on Oxigraph, answers are converted to rdflib terms once per term.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.term import Identifier

from . import ordering
from .errors import QueryError
from .namespaces import PREFIXES
from .results import Result

__all__ = ["prepare", "optimise", "check_projection", "run_memory", "run_oxigraph", "run_endpoint", "syntax_error"]

_XSD_STRING = str(XSD.string)
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
        hint = "the query is not well-formed from there on"
    else:
        hint = f"expected {expected}"
    return QueryError("E301", f"SPARQL syntax error at line {line}, column {column}: unexpected {_offending(text, loc)}", hint)


def prepare(text: str) -> Any:
    """The query parsed and translated by rdflib, with the predeclared prefixes."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        raise syntax_error(text, exc) from exc
    except RecursionError as exc:  # pyparsing recurses a dozen frames per bracket
        raise QueryError("E315", "the query nests too deeply for rdflib's parser (about 20 levels of brackets)", "flatten the expression, or query an Oxigraph store (npcgraph build --store oxigraph:DIR)") from exc
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes and the like
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        match = re.match(r"Unknown namespace prefix : (\S*)", message)
        if match:
            raise QueryError("E302", f"unknown prefix {match.group(1)}: in the query", f"declare it with PREFIX {match.group(1)}: <IRI>, or use one of {', '.join(PREFIXES)}") from exc
        raise QueryError("E302", f"the query cannot be run: {message}", "check the query") from exc


def _variables_in(node: Any) -> set[Identifier]:
    """Every variable (and blank node) in an algebra subtree: those it may bind."""
    found: set[Identifier] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (Variable, BNode)):
            found.add(item)
        elif isinstance(item, dict):  # CompValue, and VALUES rows
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
    return found


def _order(triples: list[Any], known: set[Identifier]) -> list[Any]:
    """Greedy join order: next the pattern with the fewest unbound variables, preferring one
    that shares a bound variable, then the most connected one; ties keep the written order."""
    def variables(triple: Any) -> list[Identifier]:
        return [term for term in triple if isinstance(term, (Variable, BNode))]

    counts: dict[Identifier, int] = {}
    for triple in triples:
        for term in variables(triple):
            counts[term] = counts.get(term, 0) + 1
    bound, rest, ordered = set(known), list(triples), []
    while rest:
        def cost(item: tuple[int, Any]) -> tuple[int, int, int, int]:
            index, triple = item
            names = variables(triple)
            unbound = sum(1 for term in names if term not in bound)
            return (unbound, 0 if unbound < len(names) else 1, -sum(counts[t] for t in names), index)

        index, best = min(enumerate(rest), key=cost)
        ordered.append(best)
        bound.update(variables(best))
        del rest[index]
    return ordered


def optimise(node: Any, known: set[Identifier]) -> None:
    """Reorder, in place, the triple patterns of every basic graph pattern of a prepared query
    knowing which variables are already bound when it runs: by parameters, by VALUES or the
    left side of a join rdflib evaluates lazily, by the required part of an OPTIONAL, by the
    pattern a FILTER (NOT) EXISTS tests. rdflib orders each pattern on its own at parse time,
    which can start an OPTIONAL from a scan of every sentence; the answers do not change."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, (list, tuple)):
        for item in node:
            optimise(item, known)
        return
    if not isinstance(node, CompValue):
        return
    if node.name == "BGP":
        node["triples"] = _order(list(node.triples), known)
        return
    if node.name in ("Join", "LeftJoin"):
        optimise(node.p1, known)
        if node.name == "Join" and isinstance(node.p2, CompValue) and node.p2.name == "BGP":
            # triple patterns after a sub-SELECT or VALUES: rdflib would pair every row of one
            # side with every row of the other; binding the patterns from each row of the first
            # side is the same join
            node["lazy"] = True
        elif node.name == "Join" and dict.get(node, "lazy") is not True:
            node["hashed"] = True  # both sides evaluated apart: joined on a hash (_hash_join)
        lazy = node.name == "LeftJoin" or bool(node.get("lazy"))
        optimise(node.p2, known | _variables_in(node.p1) if lazy else known)
        if node.get("expr") is not None:
            optimise(node.expr, known | _variables_in(node.p1) | _variables_in(node.p2))
        return
    if node.name == "Filter":
        optimise(node.p, known)
        optimise(node.expr, known | _variables_in(node.p))
        return
    for value in node.values():
        if isinstance(value, (CompValue, list, tuple)):
            optimise(value, known)


def _always_bound(rows: list[Any]) -> set[Identifier]:
    """The variables every one of ``rows`` binds."""
    if not rows:
        return set()
    common = set(rows[0])
    for row in rows[1:]:
        common.intersection_update(row)
        if not common:
            break
    return common


def _hash_join(ctx: Any, part: Any) -> Any:
    """rdflib evaluates a join of two parts it cannot bind one from the other (two sub-SELECTs)
    by comparing every row of one with every row of the other; the joins :func:`optimise`
    marks ``hashed`` are joined here on the variables both sides always bind, then checked
    for compatibility as rdflib does. Registered in rdflib's ``CUSTOM_EVALS``; every other
    part is left to rdflib."""
    if part.name != "Join" or dict.get(part, "hashed") is not True:  # CompValue.get(k) is k when missing
        raise NotImplementedError
    from rdflib.plugins.sparql.evaluate import evalPart

    left, right = list(evalPart(ctx, part.p1)), list(evalPart(ctx, part.p2))
    keys = sorted(_always_bound(left) & _always_bound(right))
    buckets: dict[tuple[Identifier, ...], list[Any]] = {}
    for row in right:
        buckets.setdefault(tuple(row[k] for k in keys), []).append(row)
    return (
        row.merge(other)
        for row in left
        for other in buckets.get(tuple(row[k] for k in keys), ())
        if row.compatible(other)
    )


def _register_hash_join() -> None:
    from rdflib.plugins.sparql import CUSTOM_EVALS

    CUSTOM_EVALS.setdefault("npcgraph_hash_join", _hash_join)


_register_hash_join()


def check_projection(prepared: Any, bindings: Mapping[str, Any]) -> None:
    """A SELECT query's parameters must be projected (as Oxigraph requires; kept alike here)."""
    algebra = prepared.algebra
    if algebra.name != "SelectQuery":
        return
    projected = {str(v) for v in algebra.get("PV") or ()}
    for name in bindings:
        if name not in projected:
            raise _not_projected(name)


def _not_projected(name: str) -> QueryError:
    return QueryError("E303", f"the parameter ?{name} is not one of the query's SELECT variables", f"add ?{name} to the SELECT clause: parameters are substituted into the query and stay in its results")


def _plain(term: Identifier | None) -> Identifier | None:
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def _graph(triples: Iterable[tuple[Identifier, Identifier, Identifier]]) -> Graph:
    from .rdf import new_graph

    graph = new_graph()
    for s, p, o in triples:
        graph.add((s, p, _plain(o)))
    return graph


def run_memory(graph: Graph, prepared: Any, form: str, bindings: Mapping[str, Any], text: str = "") -> Result:
    """rdflib's answer to ``prepared`` (``text`` is its SPARQL, for the columns of SELECT *)."""
    optimise(prepared.algebra, {Variable(name) for name in bindings})
    try:
        answer = graph.query(prepared, initBindings=dict(bindings))
        if answer.type == "ASK":
            return Result("ASK", boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            return Result(answer.type, graph=_graph(answer.graph or ()))
        variables = tuple(str(v) for v in answer.vars or ())
        rows = tuple(tuple(_plain(term) for term in row) for row in answer)
    except QueryError:
        raise
    except Exception as exc:  # evaluation errors from rdflib (unsupported features and the like)
        raise QueryError("E304", f"the query failed: {str(exc).strip()[:300] or type(exc).__name__}", "check the query") from exc
    return _select(text, variables, rows)


# --- Oxigraph ----------------------------------------------------------------------------------


def _plain_iri(value: str) -> URIRef:
    """``URIRef(value)`` without its validity check: Oxigraph holds only valid IRIs."""
    return str.__new__(URIRef, value)


def _plain_string(text: str, language: str | None) -> Literal:
    """``Literal(text, lang=language)``, made as its constructor makes it (a string literal's
    value is its text) without re-validating what Oxigraph has validated."""
    literal = str.__new__(Literal, text)
    literal._language = language
    literal._datatype = None
    literal._value = text
    literal._ill_typed = None
    return literal


def _same_as_constructed() -> bool:
    """Whether the shortcuts above make the same terms as rdflib's constructors (checked once:
    rdflib may change how a Literal is made)."""
    try:
        pairs = [
            (_plain_iri("https://w3id.org/npcgraph/id/x"), URIRef("https://w3id.org/npcgraph/id/x")),
            (_plain_string("武汉", "zh"), Literal("武汉", lang="zh")),
            (_plain_string("plain", None), Literal("plain")),
        ]
    except (AttributeError, TypeError):
        return False
    return all(
        type(fast) is type(made) and fast == made and hash(fast) == hash(made)
        and getattr(fast, "value", None) == getattr(made, "value", None)
        and getattr(fast, "language", None) == getattr(made, "language", None)
        and getattr(fast, "datatype", None) == getattr(made, "datatype", None)
        and getattr(fast, "ill_typed", None) == getattr(made, "ill_typed", None)
        for fast, made in pairs
    )


_SHORTCUTS = _same_as_constructed()


def _from_ox(term: Any) -> Identifier | None:
    import pyoxigraph as ox

    if term is None:
        return None
    kind = type(term)
    if kind is ox.NamedNode:
        return _plain_iri(term.value) if _SHORTCUTS else URIRef(term.value)
    if kind is ox.Literal:
        language = term.language
        if language:
            return _plain_string(term.value, language) if _SHORTCUTS else Literal(term.value, lang=language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return _plain_string(term.value, None) if _SHORTCUTS else Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if kind is ox.BlankNode:
        return BNode(term.value)
    raise QueryError("E304", f"the answer holds a term npcgraph cannot represent: {term}", "avoid RDF-star triple terms in results")


def _to_ox(term: Identifier) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


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
                found = converted[value] = _from_ox(value)
            row.append(found)
        rows.append(tuple(row))
    return rows


def run_oxigraph(store: Any, text: str, form: str, bindings: Mapping[str, Any], stop: threading.Event | None = None) -> Result:
    """Oxigraph's answer; a SELECT whose ORDER BY keys are projected variables is run without
    its ORDER BY and its rows sorted in Python (:mod:`npcgraph.ordering`: the same order as
    rdflib's, without Oxigraph reading each term from disk at every comparison)."""
    import pyoxigraph as ox

    substitutions = {ox.Variable(name): _to_ox(term) for name, term in bindings.items()}
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
                    found = converted[value] = _from_ox(value)
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
        prepare(text)  # rdflib's parser reports the error in the same words as on the memory store
        raise QueryError("E301", f"SPARQL syntax error: {str(exc).splitlines()[0][:300]}", "check the query there") from exc
    except RuntimeError as exc:
        match = re.search(r"variable \?(\S+) in its SELECT projection", str(exc))
        if match:
            raise _not_projected(match.group(1)) from exc
        raise QueryError("E304", f"the query failed: {str(exc).strip()[:300]}", "check the query") from exc
    except OSError as exc:
        raise QueryError("E304", f"the store could not answer: {exc}", "check the store folder") from exc
    if order is not None:
        rows = ordering.sort_rows(variables, rows, order[1])
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
            raise QueryError("E301", f"the endpoint rejected the query: {message}", "check the query's syntax") from exc
        raise QueryError("E304", f"the endpoint {url} answered HTTP {exc.code}: {message}", "check the endpoint URL") from exc
    except (TimeoutError, OSError) as exc:
        waited = f"within {timeout:g} s" if timeout else "in time"
        raise QueryError("E306", f"the endpoint did not answer {waited}", "raise --timeout or make the query more selective") from exc
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        try:
            graph.parse(data=body, format=_GRAPH_PARSERS.get(media_type, "turtle"))
        except Exception as exc:  # rdflib raises several types for bad input
            raise QueryError("E304", f"the endpoint's {media_type} answer cannot be read: {exc}", "check the endpoint") from exc
        return Result(form, graph=_graph(graph))
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QueryError("E304", f"the endpoint's answer is not SPARQL JSON results ({media_type})", "check that the URL is a SPARQL query endpoint") from exc
    if "boolean" in document:
        return Result("ASK", boolean=bool(document["boolean"]))
    variables = tuple(document.get("head", {}).get("vars", ()))
    rows = tuple(
        tuple(_json_term(binding[name]) if name in binding else None for name in variables)
        for binding in document.get("results", {}).get("bindings", ())
    )
    return _select(text, variables, rows)
