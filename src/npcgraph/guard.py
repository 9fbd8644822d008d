"""What a query must not do before any parser sees it.

    check_query(text, federation=False)   raises QueryError for a query no engine should run

SPARQL parsers recurse once per nesting level: Oxigraph's overflows its stack (the process
dies: a segfault in ``npcgraph query``, the whole server under ``npcgraph serve``) at about
5,000 nested brackets, rdflib's raises RecursionError much earlier. No real query nests more
than a few dozen levels, so anything deeper than :data:`MAX_NESTING` is refused with E315,
counted on the tokens (brackets inside strings, IRIs and comments do not count).

``SERVICE`` makes the engine fetch a URL of the query author's choice: on a server that is
a request forgery for any client (E313), unless federation was asked for.
"""

from __future__ import annotations

from .errors import QueryError
from .lexer import tokens

__all__ = ["MAX_NESTING", "MAX_QUERY_CHARS", "check_query", "nesting_depth", "uses_service"]

#: Brackets ( [ { nested deeper than this are refused (measured: Oxigraph's server threads
#: survive 1,000 levels and die at 5,000; the bundled queries nest at most 4).
MAX_NESTING = 100
#: A query longer than this is refused by ``npcgraph serve`` (1 MB of text).
MAX_QUERY_CHARS = 1_000_000

_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


def nesting_depth(text: str) -> int:
    """The deepest nesting of ( [ { in the query, outside strings, IRIs and comments."""
    depth = deepest = 0
    for token in tokens(text):
        if token.kind != "other":
            continue
        if token.value in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif token.value in _CLOSE:
            depth = max(depth - 1, 0)
    return deepest


def uses_service(text: str) -> bool:
    """Whether the query holds a SERVICE clause (a request to another endpoint)."""
    return any(token.kind == "word" and token.value.upper() == "SERVICE" for token in tokens(text))


def check_query(text: str, *, federation: bool = False) -> None:
    """Refuse a query that would crash a parser or make the engine fetch a URL."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError("E329", limit=MAX_QUERY_CHARS)
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise QueryError("E315", depth=depth, limit=MAX_NESTING)
    if not federation and uses_service(text):
        raise QueryError("E328")
