"""The exceptions npcgraph raises.

Every error a user can cause is an :class:`NpcgraphError`; the command line prints its
``str()`` (one line: code, what went wrong, what to do) and exits with its ``exit_code``.
Errors from the libraries underneath are wrapped at the boundary and chained
(``raise InputError(...) from exc``). :data:`CATALOGUE` says what each code means; the message
of each error says what went wrong in this case.

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
    "CATALOGUE",
]

#: Every error code npcgraph raises and what it means; the reference lists them all
#: (docs/building.md, "Error codes"), and a test checks that every code raised is here and there.
CATALOGUE: dict[str, str] = {
    # E1xx: inputs
    "E101": "a file or folder that does not exist or cannot be read",
    "E102": "an input folder that holds no report",
    "E103": "a binary file given as a report",
    "E104": "a report whose bytes decode in no encoding npcgraph reads",
    "E105": "a report that holds no text",
    "E106": "a graph file that is not readable in its format",
    "E107": "an unknown store (not oxigraph:DIR)",
    "E108": "a source that cannot be read whole or queried (an endpoint, or an object of another kind)",
    "E109": "a folder that is neither an Oxigraph store nor a build output folder",
    "E110": "an endpoint that is not an http(s) URL",
    "E111": "a graph name that is not an absolute IRI",
    "E112": "a query file that does not exist",
    "E113": "a query file that cannot be read as UTF-8",
    "E114": "a command given too few or conflicting sources",
    "E115": "files skipped by a build (listed), the graph holding the others",
    "E116": "an unknown provenance level",
    "E120": "an unknown export format, or none",
    "E121": "a graph file whose format its suffix does not tell",
    "E122": "a graph that the SHACL validator cannot check",
    "E130": "a viewer focus that names no entity",
    "E131": "a viewer class filter that names no class",
    "E132": "a negative focus depth",
    "E133": "a node limit under 1",
    "E150": "a gold file that does not exist or cannot be read",
    "E151": "a gold relation line without its three fields",
    "E152": "a gold relation with an unknown predicate",
    "E153": "a gold entity line without its two or three fields",
    "E154": "a gold entity with an unknown class",
    "E155": "a gold file with no entities",
    # E2xx: outputs
    "E201": "an output folder that cannot be created or locked",
    "E202": "an output folder that cannot be written",
    "E203": "a --store folder that exists and is not an Oxigraph store",
    "E204": "an Oxigraph store that cannot be written",
    "E205": "a temporary store that cannot be created in TMPDIR",
    "E206": "an output folder another build is writing",
    "E210": "the viewer's vis-network script missing",
    "E211": "several files asked for on standard output",
    # E3xx: queries
    "E301": "a SPARQL syntax error",
    "E302": "an unknown prefix, or a query that cannot be run",
    "E303": "a parameter that is not one of the query's SELECT variables",
    "E304": "a query that failed while it ran",
    "E305": "an output format the query's answer has not",
    "E306": "a query that did not finish within its time limit",
    "E307": "an entity name that names no entity, or several",
    "E308": "a canned query's bad '# param:' or '# range:' line",
    "E309": "no canned query of that name",
    "E310": "SPARQL Update, which npcgraph never runs",
    "E311": "a parameter value that is no SPARQL term",
    "E312": "a timeout that is not a positive number of seconds",
    "E313": "SERVICE, not run on local graphs nor by the endpoint unless allowed",
    "E314": "a --param that is not NAME=VALUE",
    "E315": "a query nested too deeply or too long for a parser",
    "E316": "a year parameter that is not a year, or a range that ends before it starts",
    # E4xx: stores and endpoints
    "E401": "no Oxigraph store at the folder given",
    "E402": "an Oxigraph store that cannot be opened",
    "E403": "an endpoint that cannot be reached",
    "E404": "an upload the Graph Store endpoint refused",
    "E410": "the Oxigraph server not installed",
    "E411": "the Oxigraph server cannot listen on its address",
    "E412": "the Oxigraph server did not answer in time",
    "E413": "the Oxigraph server stopped while serving",
    # E5xx: the graph contract
    "E501": "a graph that breaks the graph contract (SHACL violations)",
}


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
