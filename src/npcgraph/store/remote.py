"""Stores over HTTP: SPARQL 1.1 Protocol queries and Graph Store Protocol uploads.

    http_post_query(url, q, accept, timeout)  a query POSTed to an endpoint: media type, body
    push(x, URL)                              upload over the SPARQL 1.1 Graph Store HTTP Protocol
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, StoreError
from .open import is_url, ntriples, open_source

__all__ = ["http_post_query", "read_before", "push", "PushResult"]


def _http_error(exc: urllib.error.HTTPError) -> str:
    try:
        body = exc.read().decode("utf-8", "replace").strip()
    except OSError:
        body = ""
    first = body.splitlines()[0][:300] if body else ""
    return f"HTTP {exc.code} {exc.reason}" + (f": {first}" if first else "")


def http_post_query(url: str, query: str, accept: str, timeout: float | None) -> tuple[str, bytes]:
    """POST a query (SPARQL 1.1 Protocol, form-encoded); the response's media type and body.

    Raises StoreError when the endpoint cannot be reached and ``urllib.error.HTTPError`` when
    it answers with an error (the caller decides whether that is the query's fault).
    """
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
    )
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type()
            return media_type, read_before(response, deadline)
    except urllib.error.HTTPError:
        raise
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise
        raise StoreError("E403", url=url, reason=reason) from exc


def read_before(response: Any, deadline: float | None) -> bytes:
    """The whole body, or TimeoutError once ``deadline`` passes (the socket's own timeout only
    bounds each read, so a server that sends a byte now and then would hold the client)."""
    if deadline is None:
        return bytes(response.read())
    chunks = []
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("the endpoint's answer did not arrive in time")
        chunk = response.read1(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


@dataclass(frozen=True)
class PushResult:
    url: str  # where the triples went, with ?graph= or ?default
    triples: int
    status: int


def push(source: Any, endpoint: str, *, graph: str | None = None, replace: bool = False, timeout: float = 300) -> PushResult:
    """Upload ``source`` into a store over the SPARQL 1.1 Graph Store HTTP Protocol.

    ``endpoint`` is the store's Graph Store endpoint (Oxigraph ``http://host:7878/store``,
    Fuseki ``http://host:3030/DATASET/data``, GraphDB
    ``http://host:7200/repositories/REPO/rdf-graphs/service``). The triples go into the named
    graph ``graph`` or the default graph; they are added (HTTP POST) unless ``replace`` is
    set (HTTP PUT, which replaces that graph's content).
    """
    if not is_url(endpoint):
        raise InputError("E110", endpoint=endpoint)
    if graph is not None and not urllib.parse.urlsplit(graph).scheme:
        raise InputError("E111", graph=graph)
    data = ntriples(open_source(source))
    triples = data.count(b"\n")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    request = urllib.request.Request(
        url, data=data, method="PUT" if replace else "POST", headers={"Content-Type": "application/n-triples"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return PushResult(url, triples, response.status)
    except urllib.error.HTTPError as exc:
        raise StoreError("E404", url=endpoint, reason=_http_error(exc)) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise StoreError("E403", url=endpoint, reason=getattr(exc, "reason", exc)) from exc
