"""The order of answers: rows sorted as rdflib sorts them, and the columns of ``SELECT *``.

    split_order(text) -> (text without ORDER BY, keys) | None    what can be sorted afterwards
    sort_rows(variables, rows, keys) -> rows                        ORDER BY, in Python
    canonical(rows) -> rows                                         ties: the same on every store
    star_columns(text, variables) -> variables                      SELECT *: in the query's order

Why sort in Python: Oxigraph's ORDER BY on a persistent (RocksDB) store reads each term's
string from disk at every comparison, n log n reads; the rows it returns are decoded once
anyway. When every ORDER BY key is a projected variable (``?x``, ``ASC(?x)``, ``DESC(?x)``) and
nothing follows (no LIMIT or OFFSET), the query runs without its ORDER BY and the rows are
sorted here with the ordering of rdflib's engine (:func:`rdflib.plugins.sparql.evaluate.evalOrderBy`:
one stable sort per key, last key first; unbound first, then blank nodes, IRIs, literals;
literals by :meth:`rdflib.Literal.__gt__`, numbers by value, strings by code point, plain
strings before language-tagged ones, tags compared as strings), so that both stores give
the same rows in the same order. Columns that hold one kind of term are sorted on a plain
Python key that orders exactly as rdflib's comparisons do; any other column is sorted with
rdflib's own key.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .lexer import Token, tokens

__all__ = ["OrderKey", "split_order", "sort_rows", "canonical", "star_columns"]


class OrderKey(NamedTuple):
    variable: str
    descending: bool = False


def _top_level(found: list[Token]) -> list[int]:
    """The brace depth before each token."""
    depths, depth = [], 0
    for token in found:
        if token.kind == "other" and token.value == "}":
            depth -= 1
        depths.append(depth)
        if token.kind == "other" and token.value == "{":
            depth += 1
    return depths


def split_order(text: str) -> tuple[str, tuple[OrderKey, ...]] | None:
    """``text`` without its final ORDER BY clause and that clause's keys, when the query is a
    SELECT whose ORDER BY keys are all plain variables and nothing follows them; else None."""
    found = tokens(text)
    if not any(token.kind == "word" and token.value.upper() == "SELECT" for token in found):
        return None
    depths = _top_level(found)
    start = next(
        (
            i for i in range(len(found) - 2, -1, -1)
            if depths[i] == 0 and found[i].value.upper() == "ORDER" and found[i + 1].value.upper() == "BY"
        ),
        None,
    )
    if start is None:
        return None
    keys: list[OrderKey] = []
    i = start + 2
    while i < len(found):
        token = found[i]
        if token.kind == "var":
            keys.append(OrderKey(token.value[1:]))
            i += 1
            continue
        direction = token.value.upper()
        if (
            direction in ("ASC", "DESC")
            and i + 3 < len(found)
            and found[i + 1].value == "("
            and found[i + 2].kind == "var"
            and found[i + 3].value == ")"
        ):
            keys.append(OrderKey(found[i + 2].value[1:], direction == "DESC"))
            i += 4
            continue
        return None  # an expression, LIMIT, OFFSET, VALUES: leave the query as it is
    if not keys:
        return None
    projected = _projected(found, depths)
    if projected is not None and not all(key.variable in projected for key in keys):
        return None  # Oxigraph sorts on what it does not return
    return text[: found[start].start] + text[found[-1].end :], tuple(keys)


def _projected(found: list[Token], depths: list[int]) -> set[str] | None:
    """The variables the outermost SELECT clause returns; None for ``SELECT *``."""
    select = next((i for i, token in enumerate(found) if depths[i] == 0 and token.value.upper() == "SELECT"), None)
    if select is None:
        return set()
    names: set[str] = set()
    parens = 0
    for i in range(select + 1, len(found)):
        token = found[i]
        if token.value == "{" or (parens == 0 and token.value.upper() in ("WHERE", "FROM")):
            break
        if token.value == "*" and parens == 0:
            return None
        if token.value == "(":
            parens += 1
        elif token.value == ")":
            parens -= 1
        elif token.kind == "var" and (parens == 0 or found[i - 1].value.upper() == "AS"):
            names.add(token.value[1:])
    return names


# --- sorting -----------------------------------------------------------------------------------


def _rdflib_key(name: str) -> Callable[[Any], Any]:
    """rdflib's own sort key for one ORDER BY variable (an unbound one is the Variable)."""
    from rdflib import Variable
    from rdflib.plugins.sparql.evalutils import _val

    unbound = Variable(name)
    return lambda term: _val(unbound if term is None else term)


def _fast_key(terms: Sequence[Any]) -> Callable[[Any], Any] | None:
    """A plain key ordering ``terms`` (and None, unbound, first) exactly as rdflib's
    comparisons do, when they are all of one kind; None when they are not."""
    from rdflib import Literal, URIRef
    from rdflib.term import _NUMERIC_LITERAL_TYPES

    bound = [term for term in terms if term is not None]
    if all(type(term) is URIRef for term in bound):
        return lambda term: (False, "") if term is None else (True, str(term))
    if not all(type(term) is Literal for term in bound):
        return None
    if all(term.datatype is None for term in bound):
        # strings: by code point; without a language tag first, then by tag, then by text
        return lambda term: (False, False, "", "") if term is None else (True, term.language is not None, term.language or "", str(term))
    if all(term.datatype in _NUMERIC_LITERAL_TYPES and not term.ill_typed and term.value is not None for term in bound):
        values = [term.value for term in bound]
        if any(isinstance(value, float) and math.isnan(value) for value in values):
            return None
        return lambda term: (False, 0) if term is None else (True, term.value)
    return None


def _row_key(row: tuple[Any, ...]) -> tuple[tuple[str, ...], ...]:
    """A total order of rows: each term by its kind, text, language and datatype."""
    return tuple(
        ("",) if term is None else (type(term).__name__, str(term), getattr(term, "language", None) or "", str(getattr(term, "datatype", None) or ""))
        for term in row
    )


def canonical(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``rows`` in an order of their terms alone: a store in memory and one on disk hand the
    same rows over in different orders, and rows that ORDER BY keys do not tell apart must
    come out alike whichever store answered."""
    return sorted(rows, key=_row_key)


def sort_rows(variables: Sequence[str], rows: Sequence[tuple[Any, ...]], keys: Sequence[OrderKey]) -> list[tuple[Any, ...]]:
    """``rows`` (tuples of rdflib terms, None for unbound) in the order rdflib's engine gives
    for ``ORDER BY keys``; every key must be one of ``variables``. Rows the keys do not tell
    apart keep their order (:func:`canonical` makes it the same whichever store answered)."""
    ordered = list(rows)
    for name, descending in reversed(keys):
        column = [row[variables.index(name)] for row in ordered]
        key = _fast_key(column) or _rdflib_key(name)
        values = [key(term) for term in column]
        positions = sorted(range(len(ordered)), key=values.__getitem__, reverse=descending)  # stable, as rdflib's
        ordered = [ordered[i] for i in positions]
    return ordered


# --- SELECT * ------------------------------------------------------------------------------------


def star_columns(text: str, variables: Sequence[str]) -> tuple[str, ...]:
    """For ``SELECT *`` (the outermost SELECT), ``variables`` in the order they first appear
    in the query; other queries keep the order of their SELECT clause."""
    found = tokens(text)
    depths = _top_level(found)
    select = next((i for i, token in enumerate(found) if token.kind == "word" and token.value.upper() == "SELECT" and depths[i] == 0), None)
    if select is None:
        return tuple(variables)
    after = select + 1
    if after < len(found) and found[after].value.upper() in ("DISTINCT", "REDUCED"):
        after += 1
    if after >= len(found) or found[after].value != "*":
        return tuple(variables)
    first: dict[str, int] = {}
    for i, token in enumerate(found):
        if token.kind == "var":
            first.setdefault(token.value[1:], i)
    return tuple(sorted(variables, key=lambda name: first.get(name, len(found))))
