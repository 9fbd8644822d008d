"""Where graphs live and how queries reach them: one package, from the bottom up.

    open      open_source(x) -> a Source (a file, folder, store, endpoint URL or Graph),
              open_graph(x) -> an rdflib Graph, load_memory_store(path)
    select    SELECT queries on a pyoxigraph Store as rows of plain values (Lit, Blank)
    load      write_store(g, DIR), a store loaded from Turtle parts in batches (or a checkpoint of one
              patched: stage_patch), moved into place
    remote    http_post_query(url, q, ...) and push(x, URL): stores over HTTP
    server    OxigraphServer, GuardedEndpoint (``npcgraph serve``), serving(x), scratch_store()
"""

from __future__ import annotations

from .load import StagedStore, check_location, load_store, remove_stale, stage_patch, stage_store, store_batches, write_store
from .open import (
    OXIGRAPH_PREFIX,
    EndpointSource,
    OxigraphSource,
    Source,
    as_store,
    is_oxigraph_store,
    load_memory_store,
    ntriples,
    open_graph,
    open_source,
    parse_store_spec,
)
from .remote import PushResult, http_post_query, push, read_before
from .select import Blank, Lit, literal_int, read_query, select
from .server import DEFAULT_TIMEOUT_S, GuardedEndpoint, HttpAddress, OxigraphServer, free_port, oxigraph_binary, scratch_store, serving

__all__ = [
    "OxigraphSource", "EndpointSource", "Source", "OXIGRAPH_PREFIX", "open_source", "open_graph",
    "parse_store_spec", "is_oxigraph_store", "load_memory_store", "as_store", "ntriples",
    "Lit", "Blank", "read_query", "select", "literal_int",
    "write_store", "store_batches", "check_location", "load_store", "stage_store", "stage_patch", "StagedStore", "remove_stale",
    "http_post_query", "read_before", "push", "PushResult",
    "oxigraph_binary", "free_port", "HttpAddress", "OxigraphServer", "scratch_store", "DEFAULT_TIMEOUT_S", "GuardedEndpoint", "serving",
]
