"""The exceptions npcgraph raises.

Every error a user can cause is an :class:`NpcgraphError`; the command line prints its
``str()`` (one line: code, what went wrong, what to do) and exits with its ``exit_code``.
Errors from the libraries underneath are wrapped at the boundary and chained
(``raise InputError(...) from exc``). :data:`ENTRIES` holds each code's meaning and its one message and hint, templates
that the raise site fills in with the case's fields (``InputError("E101", path=path)``).

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
    "ENTRIES",
]

#: Every error code npcgraph raises: what it means (the reference lists them all, docs/building.md,
#: "Error codes"), the one message it prints and the hint that follows it, each a template whose
#: ``{fields}`` the raise site passes by name: ``InputError("E101", path=path)``. A test checks that
#: every code raised is here and documented, and that each raise site passes its template's fields.
ENTRIES: dict[str, tuple[str, str, str]] = {
    # E1xx: inputs
    "E101": ("a file or folder that does not exist", "no such file or folder: {path}", "check the path"),
    "E102": ("an input folder that holds no report", "folder {path} holds no report files", "expected files ending in {suffixes} (hidden files, README, LICENSE and the like are skipped)"),
    "E103": ("a binary file given as a report", "{name} is a binary file, not a report", "give a .txt, .md or .html file"),
    "E104": ("a report whose bytes decode in no encoding npcgraph reads", "{name} is not in UTF-8, UTF-16, GB18030/GBK or Big5", "re-save the file as UTF-8"),
    "E105": ("a report that holds no text (once its page chrome is removed)", "{path} holds no text", "give a report with text in it"),
    "E106": ("a graph file that is not readable in its format", "{name} is not a readable {format} graph: {reason}", "check the file's format"),
    "E107": ("an unknown store (not oxigraph:DIR)", "unknown store {spec!r}", "write oxigraph:DIR, e.g. --store oxigraph:out/store"),
    "E108": ("a source of a kind npcgraph cannot query", "cannot query a {kind}", "give a graph file, a store folder, an endpoint URL or an rdflib Graph"),
    "E109": ("a folder that is neither an Oxigraph store nor a build output folder", "{path} is neither an Oxigraph store nor a build output folder (no {graph_file})", "give a graph file, oxigraph:DIR or the folder npcgraph build wrote"),
    "E110": ("an endpoint that is not an http(s) URL", "not an http(s) URL: {endpoint!r}", "give the store's Graph Store endpoint, e.g. http://127.0.0.1:7878/store"),
    "E111": ("a graph name that is not an absolute IRI", "the graph name {graph!r} is not an absolute IRI", "write a full IRI such as https://example.org/graph/wuhan"),
    "E112": ("a query file that does not exist", "no such query file: {path}", "give a .rq file, SPARQL text or a name from: npcgraph query --list"),
    "E113": ("a query file that cannot be read as UTF-8", "cannot read the query file {path}: {reason}", "save it as UTF-8 text"),
    "E114": ("a query command given no source or no query", "give a SOURCE and a QUERY", "e.g. npcgraph query out/ instruments; see npcgraph query --help"),
    "E115": ("files skipped by a build (listed), the graph holding the others", "{skipped} of {files} files could not be read and were skipped (listed above); the graph holds the others", "fix or remove them, or pass --strict to stop at the first"),
    "E116": ("an unknown provenance level", "unknown provenance {level!r}", "choose one of: {choices}"),
    "E117": ("a file that exists and cannot be read", "cannot read {path}: {reason}", "check the path and its permissions"),
    "E118": ("a report whose bytes after its byte-order mark do not decode", "{name}: bytes after the {encoding} byte-order mark do not decode", "re-save the file as UTF-8"),
    "E119": ("a report whose bytes break the encoding they look like", "{name}: its bytes do not decode as {encoding}, the encoding they look like", "re-save the file as UTF-8"),
    "E120": ("an unknown export format", "unknown export format {format!r}", "choose from {choices}"),
    "E121": ("a graph file whose format its suffix does not tell", "cannot tell the RDF format of {name}", "give a .ttl, .nt, .trig, .nq or .jsonld file (as written by npcgraph build)"),
    "E122": ("a graph that the SHACL validator cannot check", "the graph cannot be checked: {reason}", "check that it is an RDF graph written by npcgraph"),
    "E124": ("an endpoint given where the whole graph must be read", "cannot read the whole graph of the endpoint {url}", "give a graph file or a store folder, or query the endpoint with CONSTRUCT"),
    "E125": ("a query command given both a source and an endpoint", "give either SOURCE or --endpoint, not both", "npcgraph query --endpoint URL QUERY"),
    "E126": ("no export format given", "no export format given", "choose from {choices}"),
    "E129": ("an unknown source of names", "unknown source of names {names!r}", "choose one of: {choices}"),
    "E130": ("a viewer focus that names no entity", "no entity named {focus!r} in the graph", "give a canonical name, an alias or an IRI shown in the viewer"),
    "E131": ("a viewer class filter that names no class", "unknown class {name!r}", "classes in this graph: {choices}"),
    "E132": ("a negative focus depth", "focus depth must be 0 or more, not {depth}", "use --depth 1 for direct neighbours"),
    "E133": ("a node limit under 1", "node limit must be at least 1, not {limit}", "use --limit 2000"),
    "E150": ("a gold file that does not exist", "no such gold file: {path}", "check the path given to --gold"),
    "E151": ("a gold relation line without its three fields", "{name} line {number}: expected 3 tab-separated fields, found {found}", "write: subject label<TAB>predicate<TAB>object label"),
    "E152": ("a gold relation with an unknown predicate", "{name} line {number}: unknown predicate {predicate!r}", "use one of {choices}"),
    "E153": ("a gold entity line without its two or three fields", "{name} line {number}: expected 2 or 3 tab-separated fields, found {found}", "write: class<TAB>label<TAB>alternative|labels"),
    "E154": ("a gold entity with an unknown class", "{name} line {number}: unknown class {cls!r}", "use one of {choices}"),
    "E155": ("a gold file with no entities", "{name} holds no gold entities", "write one entity per row"),
    "E156": ("a gold file that cannot be read as UTF-8", "cannot read gold file {name}: {reason}", "give a UTF-8 TSV file"),
    # E2xx: outputs
    "E201": ("a folder that cannot be created", "cannot create the folder {folder}: {reason}", "choose another folder (-o OUT, --store oxigraph:DIR)"),
    "E202": ("an output folder that cannot be written", "cannot write to {folder}: {reason}", "check the folder's permissions and free space"),
    "E203": ("a --store folder that exists and is not an Oxigraph store", "{location} exists and is not an Oxigraph store", "choose an empty or new folder for --store oxigraph:DIR"),
    "E204": ("an Oxigraph store that cannot be written", "cannot write the Oxigraph store at {location}: {reason}", "check the folder's permissions and free space"),
    "E205": ("a temporary store that cannot be created in TMPDIR", "cannot create a temporary store in {folder}: {reason}", "set TMPDIR to a writable folder with free space, or give --store oxigraph:DIR"),
    "E206": ("an output folder another build is writing", "another build is writing {folder}", "wait for it to finish, or choose another folder with -o"),
    "E207": ("an output path that is not a folder", "output path {folder} is not a folder", "choose another folder with -o"),
    "E208": ("an output folder that cannot be locked", "cannot lock the output folder {folder}: {reason}", "check the folder's permissions"),
    "E209": ("new outputs that cannot be moved into their folder", "cannot move the new outputs into {folder}: {reason}", "check the folder's permissions; the next build finishes the move"),
    "E210": ("pyvis, which holds the viewer's vis-network script, not installed", "pyvis is not installed", "install pyvis>=0.3.2"),
    "E211": ("several files asked for on standard output", "--format {formats} writes several files", "give a folder with -o OUT"),
    "E212": ("the viewer's vis-network script missing from pyvis", "pyvis at {folder} has no vis-network.min.js", "reinstall pyvis>=0.3.2"),
    # E3xx: queries
    "E301": ("a SPARQL syntax error, placed by rdflib's parser", "SPARQL syntax error at line {line}, column {column}: unexpected {token}", "expected {expected}"),
    "E302": ("an unknown prefix", "unknown prefix {prefix}: in the query", "declare it with PREFIX {prefix}: <IRI>, or use one of {prefixes}"),
    "E303": ("a parameter that is not one of the query's SELECT variables", "the parameter ?{name} is not one of the query's SELECT variables", "add ?{name} to the SELECT clause: parameters are substituted into the query and stay in its results"),
    "E304": ("a query that failed while it ran", "the query failed: {reason}", "check the query"),
    "E305": ("an output format the query's answer has not", "a {kind} query gives {answer}, which has no {format} format", "use --format {choices}"),
    "E306": ("a query that did not finish within its time limit", "the query did not finish within {limit}", "make it more selective (LIMIT, fewer joins), or raise --timeout"),
    "E307": ("an entity name that names no entity", "no entity is named {name!r} (for ?{variable})", "give its IRI, or find its name with the canned query 'mentions'"),
    "E308": ("a canned query's bad '# param:' line", "{where}: bad '# param:' line {line!r}", "write '# param: NAME KIND description' with KIND one of {kinds}"),
    "E309": ("no canned query of that name", "no canned query named {name!r}", "the canned queries are: {names}"),
    "E310": ("SPARQL Update, which npcgraph never runs", "SPARQL Update ({operation}) is not allowed here: query only reads", "to change a store, use its own update endpoint; to add a graph to a store, use npcgraph push"),
    "E311": ("a value of a type that is no SPARQL term", "cannot bind a {kind} as a SPARQL term", "pass a string, a number or an rdflib term"),
    "E312": ("a timeout that is not a positive number of seconds", "the timeout must be a positive number of seconds, not {timeout:g}", "give e.g. --timeout 30"),
    "E313": ("SERVICE, not run on local graphs", "SERVICE (a query to a remote endpoint) is not run on local graphs", "query that endpoint itself with --endpoint URL"),
    "E314": ("a --param that is not NAME=VALUE", "--param {pair!r} is not NAME=VALUE", "write e.g. --param body=武汉市人大常委会"),
    "E315": ("a query nested too deeply for a parser", "the query nests brackets {depth} levels deep, more than {limit}", "flatten the expression (a parser would run out of stack on it)"),
    "E316": ("a year parameter that is not a year", "{name}={value} is not a year", "write four digits, e.g. --param {name}=2021"),
    "E317": ("a SPARQL syntax error, as Oxigraph words it", "SPARQL syntax error: {reason}", "check the query there"),
    "E318": ("a query an endpoint rejected as malformed", "the endpoint rejected the query: {reason}", "check the query's syntax"),
    "E319": ("a query rdflib's parser cannot translate", "the query cannot be run: {reason}", "check the query"),
    "E320": ("an answer holding a term npcgraph cannot represent", "the answer holds a term npcgraph cannot represent: {term}", "avoid RDF-star triple terms in results"),
    "E321": ("a store that failed while answering", "the store could not answer: {reason}", "check the store folder"),
    "E322": ("an endpoint that answered with an HTTP error", "the endpoint {url} answered HTTP {status}: {reason}", "check the endpoint URL"),
    "E323": ("an endpoint's answer that is not SPARQL results", "the endpoint's {media_type} answer cannot be read: {reason}", "check that the URL is a SPARQL query endpoint"),
    "E324": ("an entity name that names several entities", "{name!r} names {count} entities: {choices}", "pass one IRI as ?{variable}"),
    "E325": ("a canned query's bad '# range:' line", "{where}: bad '# range:' line {line!r}", "write '# range: VARIABLE FROM TO' after '# param: FROM year' and '# param: TO year'"),
    "E326": ("a canned query whose range's variable is not in its answer", "{where}: the range's variable ?{variable} is not in the answer", "select the variable a '# range:' line names"),
    "E327": ("a parameter value that is no SPARQL literal", "cannot read the literal {text}", 'write it as "text"@zh or "12"^^xsd:integer'),
    "E328": ("SERVICE, not run by the endpoint unless allowed", "SERVICE (a query to a remote endpoint) is not run here", "query that endpoint itself; a server run with npcgraph serve --federation allows SERVICE"),
    "E329": ("a query too long for a parser", "the query is longer than {limit:,} characters", "send a shorter query; bind long lists of values from a file on your side"),
    "E330": ("a query nested too deeply for rdflib's parser", "the query nests too deeply for rdflib's parser (about 20 levels of brackets)", "flatten the expression, or query an Oxigraph store (npcgraph build --store oxigraph:DIR)"),
    "E331": ("a year range that ends before it starts", "{start}={first} is after {end}={last}", "give {start} a year before {end}, or the same year"),
    "E332": ("a parameter the query has no variable for", "the query has no variable ?{name} to bind", "its parameters are: {params}"),
    # E4xx: stores and endpoints
    "E401": ("no Oxigraph store at the folder given", "no Oxigraph store at {path}", "make one with: npcgraph build --store oxigraph:DIR"),
    "E402": ("an Oxigraph store that cannot be opened", "cannot open the Oxigraph store at {path}: {reason}", "check the folder's permissions"),
    "E403": ("an endpoint that cannot be reached", "cannot reach {url}: {reason}", "check the URL and that the server is running"),
    "E404": ("an upload the Graph Store endpoint refused", "{url} refused the upload: {reason}", "check that the URL is the store's Graph Store endpoint and that it accepts writes"),
    "E410": ("the Oxigraph server not installed", "the Oxigraph server is not installed", "install it with: python -m pip install oxigraph"),
    "E411": ("the Oxigraph server cannot listen on its address", "cannot listen on {host}:{port}: {reason}", "choose another --port (0 picks a free one)"),
    "E412": ("the Oxigraph server did not answer in time", "the Oxigraph server did not answer on {host}:{port} within {seconds:.0f} s", "try again, or choose another --port"),
    "E413": ("the Oxigraph server stopped while serving", "the Oxigraph server stopped (exit status {status}): {reason}", "see the message"),
    "E414": ("the Oxigraph server that stopped as it started", "the Oxigraph server did not start on {host}:{port}: {reason}", "choose another --port, or check the store folder"),
    "E415": ("a query that stopped the endpoint's Oxigraph server", "the query stopped the store's server, which has been started again", "make the query more selective"),
    "E420": ("--executor given without Dask's distributed installed", "--executor needs Dask's distributed, which is not installed", "install it with: python -m pip install 'npcgraph[cluster]'"),
    "E421": ("an --executor that is not a Dask scheduler address", "not a Dask scheduler address: {url!r}", "write tcp://HOST:PORT, e.g. --executor tcp://127.0.0.1:8786"),
    "E422": ("a Dask scheduler that cannot be reached", "cannot reach the Dask scheduler at {url}: {reason}", "check the address and that dask scheduler runs there"),
    "E423": ("a Dask cluster without a worker", "the Dask cluster at {url} has had no worker for {seconds:.0f} s", "start workers: dask worker {url} --nthreads 1"),
    "E424": ("Dask workers that do not run the same npcgraph as the build", "the Dask workers at {url} do not run this npcgraph: {reason}", "install the same npcgraph, from the same wheel or checkout, with the same libraries, on every worker"),
    "E425": ("a report whose Dask workers kept dying", "the Dask workers at {url} died while extracting {task} ({tries} tries)", "check the workers' memory and logs"),
    "E426": ("a Dask scheduler lost during a build", "lost the Dask scheduler at {url}: {reason}", "check the scheduler and its logs, and build again"),
    # E5xx: the graph contract
    "E501": ("a graph that breaks the graph contract (SHACL violations)", "{count} {violations} of the graph contract", "see the list above"),
}

#: What each code means: the reference's table (docs/building.md, "Error codes").
CATALOGUE: dict[str, str] = {code: meaning for code, (meaning, _message, _hint) in ENTRIES.items()}

class NpcgraphError(Exception):
    """Base class: a user-facing error with a code and a hint on how to fix it."""

    exit_code = 1

    def __init__(self, code: str, /, **fields: object) -> None:
        if not isinstance(self, _FAMILIES[code[:2]]):
            raise TypeError(f"{code} is raised as {_FAMILIES[code[:2]].__name__}, not {type(self).__name__}")
        _meaning, message, hint = ENTRIES[code]
        self.code = code
        self.fields = fields
        self.message = message.format(**fields)
        self.hint = hint.format(**fields)
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


#: The kind of error each family of codes is raised as (E1xx InputError, ...).
_FAMILIES: dict[str, type[NpcgraphError]] = {"E1": InputError, "E2": OutputError, "E3": QueryError, "E4": StoreError, "E5": ValidationError}
