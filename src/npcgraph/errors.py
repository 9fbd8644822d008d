"""The exceptions npcgraph raises.

Every error a user can cause is an :class:`NpcgraphError`; the command line prints its
``str()`` (one line: code, what went wrong, what to do) and exits with its ``exit_code``.
Errors from the libraries underneath are wrapped at the boundary and chained
(``raise InputError(...) from exc``).

    NpcgraphError            base class, never raised directly
    ├── InputError           a report or graph file that cannot be read (E1xx)
    ├── OutputError          an output that cannot be written (E2xx)
    ├── QueryError           a SPARQL query that cannot be parsed or run (E3xx)
    ├── StoreError           a store or endpoint that cannot be opened or reached (E4xx)
    └── ValidationError      a graph that breaks the contract (E5xx)
"""

from __future__ import annotations

__all__ = [
    "NpcgraphError",
    "InputError",
    "OutputError",
    "QueryError",
    "StoreError",
    "ValidationError",
]


class NpcgraphError(Exception):
    """Base class: a user-facing error with a code and a hint on how to fix it."""

    exit_code = 1

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        self.code = code
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split())  # always one line


class InputError(NpcgraphError):
    """An input file or folder that is missing, empty, binary or undecodable."""

    exit_code = 2


class OutputError(NpcgraphError):
    """An output path that cannot be created or written."""

    exit_code = 3


class QueryError(NpcgraphError):
    """A SPARQL query that is malformed, not allowed, or timed out."""

    exit_code = 4


class StoreError(NpcgraphError):
    """A store folder or SPARQL endpoint that cannot be opened or reached."""

    exit_code = 5


class ValidationError(NpcgraphError):
    """A graph that breaks the graph contract."""

    exit_code = 6
