"""``graph.ttl`` for a corpus of any size, written report by report.

Turtle is written by :func:`npcgraph.exports.turtle.write_turtle`, which lays a graph out in
groups: the entities, then each report (its text, structure and mentions), then the evidence
statements, then anything else. Making an rdflib Graph of a large corpus first costs gigabytes
and minutes, and so does formatting millions of triples at once; but a report's group holds
only triples whose subject is the report or one of its parts, made from that one document.
So each group is formatted on its own, straight from the triple generators of :mod:`npcgraph.rdf`,
and the pieces are joined. The bytes are those of ``write_turtle(to_graph(corpus))`` (a test
checks it); a piece depends on its document only, so pieces can be made in worker processes.

    header                       the @base and @prefix lines
    + entities                   corpus_entity_triples + relations' plain triples
    + report A, report B, ...    report_triples(document), in report-key order
    + statements, others         relations' rdf:Statement triples

The same parts load an Oxigraph store in batches (:func:`load_store`), without an rdflib graph.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

from .cache import files_fingerprint
from .model import Corpus, Document
from .namespaces import ID
from .pipeline import Rendering
from .rdf import Triple, corpus_entity_triples, relation_triples, report_triples

__all__ = ["report_piece", "turtle_pieces", "turtle_parts", "corpus_turtle", "store_batches", "load_store"]

_ID = str(ID)
_REPORT = _ID + "report/"
_STATEMENT = _ID + "stmt/"
_BATCH = 16_000_000  # bytes of Turtle per bulk load into Oxigraph


def _write(triples: Iterable[Triple]) -> bytes:
    from .exports.turtle import write_turtle

    return write_turtle(triples)


@cache
def _header() -> bytes:
    return _write(())


def _piece(triples: Iterable[Triple]) -> bytes:
    """One group's subject blocks as ``write_turtle`` lays them out, without the header."""
    text = _write(triples)
    header = _header()
    return text[len(header) + 1:] if len(text) > len(header) else b""


def report_piece(document: Document) -> bytes:
    """The report's group of graph.ttl: its own triples, formatted."""
    return _piece(report_triples(document))


#: What a report's piece depends on besides its document.
_WRITER_FILES = ("rdf.py", "namespaces.py", "ids.py", "model.py", "graphfile.py", "exports")


def turtle_pieces() -> Rendering:
    """The pipeline's rendering that makes each report's piece in the worker that extracted it."""
    return Rendering(report_piece, "ttl-" + files_fingerprint(_WRITER_FILES, ("rdflib",)))


def turtle_parts(corpus: Corpus, pieces: Mapping[str, bytes] | None = None) -> list[bytes]:
    """The corpus as Turtle in parts whose concatenation is :func:`corpus_turtle`.

    The first part is the header; each later part starts with a newline and holds one
    group (the entities, one report, the statements, the rest), so parts can be written to a
    file one by one or loaded into a store in batches (each batch behind the header).
    ``pieces`` maps report keys to :func:`report_piece` results made earlier (in a worker or
    taken from a cache); the others are made here.
    """
    pieces = pieces or {}
    entities: list[Triple] = list(corpus_entity_triples(corpus))
    statements: list[Triple] = []
    others: list[Triple] = []
    # Relations whose subject is a report or a part of one belong in that report's group.
    in_reports: dict[str, list[Triple]] = {}
    for document in corpus.documents:
        for triple in relation_triples(document):
            subject = str(triple[0])
            if subject.startswith(_STATEMENT):
                statements.append(triple)
            elif subject.startswith(_REPORT):
                key = subject[len(_REPORT):].split("/")[0].split("#")[0]
                in_reports.setdefault(key, []).append(triple)
            elif subject.startswith(_ID):
                entities.append(triple)
            else:
                others.append(triple)
    groups = [_piece(entities)]
    del entities
    for document in sorted(corpus.documents, key=lambda document: document.report.key):
        key = document.report.key
        if key in in_reports:
            groups.append(_piece([*report_triples(document), *in_reports.pop(key)]))
        else:
            groups.append(pieces.get(key) or report_piece(document))
    for triples in in_reports.values():  # parts of reports not in the corpus: left where they sort
        others.extend(triples)
    groups.append(_piece(statements))
    groups.append(_piece(others))
    return [_header(), *(b"\n" + group for group in groups if group)]


def corpus_turtle(corpus: Corpus, pieces: Mapping[str, bytes] | None = None) -> bytes:
    """The corpus as Turtle, byte-identical to ``write_turtle(to_graph(corpus))``."""
    return b"".join(turtle_parts(corpus, pieces))


def store_batches(parts: list[bytes], batch_bytes: int = _BATCH) -> Iterator[bytes]:
    """Turtle documents of about ``batch_bytes`` each whose union is the graph of ``parts``.

    Oxigraph's bulk loader holds a whole input in memory several times over; loading a large
    graph in batches keeps memory bounded and takes no longer.
    """
    header, batch, size = parts[0], [], 0
    for part in parts[1:]:
        batch.append(part)
        size += len(part)
        if size >= batch_bytes:
            yield b"".join([header, *batch])
            batch, size = [], 0
    if batch:
        yield b"".join([header, *batch])


def load_store(parts: list[bytes], location: Path) -> int:
    """Replace the Oxigraph store at ``location`` by one holding the graph of ``parts``
    (from :func:`turtle_parts`); the number of triples.

    The same contract as :func:`npcgraph.store.write_store` (which copies a graph, a file or
    another store): the store is loaded beside ``location`` and renamed into place, so a failed
    or interrupted load leaves the previous store as it was, and a folder that is not an
    Oxigraph store is never replaced. Loading is batched (:func:`store_batches`).
    """
    import pyoxigraph

    from .errors import OutputError
    from .store import is_oxigraph_store

    location = Path(location)
    if location.exists() and not is_oxigraph_store(location) and (not location.is_dir() or any(location.iterdir())):
        raise OutputError("E203", f"{location} exists and is not an Oxigraph store", "choose an empty or new folder for --store oxigraph:DIR")
    try:
        location.parent.mkdir(parents=True, exist_ok=True)
        for stale in location.parent.glob(f".{glob.escape(location.name)}.*.tmp*"):  # from a killed build
            shutil.rmtree(stale, ignore_errors=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{location.name}.", suffix=".tmp", dir=location.parent))
    except OSError as exc:
        raise OutputError("E201", f"cannot create a store beside {location}: {exc.strerror}", "choose another folder") from exc
    previous = location.parent / f"{temporary.name}.old"
    try:
        store = pyoxigraph.Store(str(temporary / "store"))
        for batch in store_batches(parts):
            store.bulk_load(batch, pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        count = len(store)
        del store  # closes the database before it is moved
        if location.exists():
            os.replace(location, previous)
        os.replace(temporary / "store", location)
    except OSError as exc:
        raise OutputError("E204", f"cannot write the Oxigraph store at {location}: {exc}", "check the folder's permissions and free space") from exc
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.rmtree(previous, ignore_errors=True)
    return count
