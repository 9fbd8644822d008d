"""SELECT queries on a pyoxigraph Store, answered as plain Python values.

The viewer and the statistics read a large graph from an Oxigraph store with a few SPARQL
queries (``.rq`` files loaded by name) instead of millions of rdflib triple lookups. Their
answers come back as rows of plain values, cheap to make and to compare:

    IRI            str  (the IRI itself)
    literal        Lit(value, language, datatype)  (language "" when there is none)
    blank node     Blank(id)
    unbound        None

The prefixes of :data:`npcgraph.namespaces.PREFIXES` are declared for every query.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph

from ..namespaces import PREFIXES

__all__ = ["Lit", "Blank", "read_query", "select", "literal_int"]

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(
    _XSD + name for name in (
        "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
        "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
)
_FLOAT_TYPES = frozenset({_XSD + "double", _XSD + "float"})


class Lit(NamedTuple):
    """A literal: its lexical value, language tag ("" for none) and datatype IRI."""

    value: str
    language: str
    datatype: str


class Blank(NamedTuple):
    id: str


_LITERAL_MEMO = 50_000  # literals one query's converter remembers, at most


def _converter() -> Any:
    named, literal, blank = pyoxigraph.NamedNode, pyoxigraph.Literal, pyoxigraph.BlankNode
    # The same literal (a class label, a small offset) recurs often; the offsets and anchors of
    # a large graph mostly do not, so the memo is emptied when full: its memory stays bounded.
    literals: dict[Any, Lit] = {}

    def value(term: Any) -> Any:
        kind = type(term)
        if kind is named:
            return term.value
        if kind is literal:
            found = literals.get(term)
            if found is None:
                if len(literals) >= _LITERAL_MEMO:
                    literals.clear()
                found = literals[term] = Lit(term.value, term.language or "", term.datatype.value)
            return found
        if kind is blank:
            return Blank(term.value)
        return None if term is None else str(term)

    return value


@cache
def read_query(folder: Path, name: str) -> str:
    """The text of ``folder/name.rq``."""
    return (folder / f"{name}.rq").read_text(encoding="utf-8")


def select(store: Any, text: str, substitutions: Mapping[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
    """The rows of a SELECT query on ``store``, one tuple of plain values per solution,
    in the order of the query's projected variables; ``substitutions`` binds variables (by
    name) to pyoxigraph terms."""
    convert = _converter()
    bound = {pyoxigraph.Variable(name): term for name, term in (substitutions or {}).items()}
    solutions = store.query(text, prefixes=_PREFIXES, substitutions=bound)
    width = len(solutions.variables)
    columns = range(width)
    for solution in solutions:
        yield tuple(convert(solution[i]) for i in columns)


def literal_int(value: Any) -> int | None:
    """A literal's number as an int (as rdflib's ``int(literal.toPython())``), else None."""
    if not isinstance(value, Lit):
        return None
    try:
        if value.datatype in _INTEGER_TYPES:
            return int(value.value)
        if value.datatype == _XSD + "decimal":
            return int(Decimal(value.value))
        if value.datatype in _FLOAT_TYPES:
            return int(float(value.value))
        return int(value.value)
    except (ValueError, InvalidOperation, OverflowError):
        return None
