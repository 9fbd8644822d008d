"""``graph.ttl`` for a corpus of any size, written report by report.

Turtle is written by :mod:`npcgraph.exports.turtle` (``write_turtle`` is its header and its
blocks; this module composes the same header and blocks, report by report), which lays a graph out in
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

The same parts load an Oxigraph store while they are made (:func:`turtle_and_store`, with
:mod:`npcgraph.store.load`), without an rdflib graph: ``npcgraph build`` hands the report pieces
made by the extraction workers to Oxigraph's bulk loader in a thread (it releases the GIL) while
the main thread formats the entities and statements.
"""

from __future__ import annotations

import queue
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .cache import files_fingerprint
from .exports.turtle import group_heading, subject_blocks, subject_order, turtle_blocks, turtle_header
from .model import Corpus, Document, Evidence, Mention, Relation
from .namespaces import ID
from .pipeline import Rendering
from .provenance import check_provenance, facts_only
from .rdf import (
    Triple,
    corpus_entities,
    entity_iri,
    fact_triple,
    report_iri,
    report_triples,
    statement_iri,
    statement_triples,
)
from .reportpiece import EntityBlocks, report_group, statement_blocks
from .store import load as store_load

__all__ = [
    "report_piece", "report_stretches", "turtle_pieces", "turtle_parts", "turtle_file", "TurtleFile", "corpus_turtle", "header",
    "turtle_and_store", "StoreLoader", "EarlyLoad",
]

_ID = str(ID)
_REPORT = _ID + "report/"
_STATEMENT = _ID + "stmt/"
_WINDOW = 100_000  # characters of a report formatted at a time
_STRETCH = 20_000  # subjects of a group formatted at a time


#: The @base and @prefix lines every part of graph.ttl is read after.
header = turtle_header
#: One group's subject blocks as ``write_turtle`` lays them out, without the header.
_piece = turtle_blocks


def report_piece(document: Document, window: int = _WINDOW, stretch: int = _STRETCH) -> bytes:
    """The report's group of graph.ttl: its own triples, formatted (:func:`report_stretches`
    joined)."""
    return b"\n".join(report_stretches(document, window, stretch))


def report_stretches(document: Document, window: int = _WINDOW, stretch: int = _STRETCH) -> Iterator[bytes]:
    """The report's group of graph.ttl in stretches that, joined with newlines, are its piece.

    A report of up to ``window`` characters is one stretch. A longer one is formatted a part
    at a time, so that formatting holds one part's triples, not a whole 50 MB report's: its
    group lays out the report node, the sections and the paragraphs (``stretch`` at a time),
    then the sentences and mentions in text order, and each window's sentences and mentions
    are the next stretch of that order.
    """
    if len(document.report.text) <= window:
        yield report_group(document)  # the same bytes as _piece(report_triples(document))
        return
    report = document.report
    node = str(report_iri(report))
    bare = replace(document, report=replace(report, sections=(), paragraphs=(), sentences=()), mentions=())
    first = _piece(report_triples(bare))
    heading = first[: first.index(b"\n") + 1]  # "# Report K: ...", once per group
    yield first
    for name in ("sections", "paragraphs"):
        items = getattr(report, name)
        for start in range(0, len(items), stretch):
            view = replace(bare, report=replace(bare.report, **{name: items[start:start + stretch]}))
            piece = _piece(triple for triple in report_triples(view) if str(triple[0]) != node)
            if piece:
                assert piece.startswith(heading)
                yield piece[len(heading):]
    for view in _windows(document, window):
        piece = _piece(view)
        if piece:
            assert piece.startswith(heading)
            yield piece[len(heading):]


def _windows(document: Document, window: int) -> Iterator[Iterator[Triple]]:
    """For each window of the text, the triples of the sentences and mentions that begin in it."""
    report = document.report
    sentences: dict[int, list[int]] = {}
    mentions: dict[int, list[Mention]] = {}
    for index, sentence in enumerate(report.sentences):
        sentences.setdefault(sentence.begin // window, []).append(index)
    for mention in document.mentions:
        mentions.setdefault(mention.begin // window, []).append(mention)
    for number in sorted(set(sentences) | set(mentions)):
        # The window's sentences, and those its mentions point into (their triples are dropped).
        wanted = sorted({*sentences.get(number, ()), *(m.sentence for m in mentions.get(number, ()))})
        position = {index: at for at, index in enumerate(wanted)}
        view = replace(
            document,
            report=replace(report, sentences=tuple(report.sentences[i] for i in wanted), sections=(), paragraphs=()),
            mentions=tuple(replace(m, sentence=position[m.sentence]) for m in mentions.get(number, ())),
        )
        yield (triple for triple in report_triples(view) if _window_of(triple[0], window) == number)


def _window_of(subject: object, window: int) -> int | None:
    text = str(subject)
    at = text.find("#char=")
    return int(text[at + 6:text.index(",", at)]) // window if at >= 0 else None


#: What a report's piece depends on besides its document.
_WRITER_FILES = ("rdf.py", "reportpiece.py", "namespaces.py", "ids.py", "model.py", "graphfile.py", "provenance.py", "exports")
#: Reports longer than this are formatted in the main process, a stretch at a time, straight
#: into graph.ttl's temporary file: never whole, nor sent between processes or cached.
_LONG = 500_000


# A worker's output: the report's piece, then, each after a NUL (never written raw in Turtle),
# the subject blocks of the document's evidence statements, which the main process merges in
# order into the statements group instead of formatting them itself.
_NUL = b"\0"


def _worker_piece(document: Document) -> bytes:
    if len(document.report.text) > _LONG:
        return b""
    return _NUL.join([report_piece(document), *_statement_blocks(document)]) + _NUL


def _statement_blocks(document: Document) -> list[bytes]:
    """The subject blocks of the document's evidence statements, in graph.ttl's order."""
    return [block.encode("utf-8") for block in statement_blocks(document)]  # subject_blocks of their triples


def _split_output(output: bytes | None) -> tuple[bytes | None, list[bytes] | None]:
    """A worker's output as (the report's piece, its statement blocks); None for what it has not
    (a piece made elsewhere, by :func:`report_piece`, holds no statements)."""
    if not output:
        return None, None
    piece, marked, rest = output.partition(_NUL)
    return piece, rest.split(_NUL)[:-1] if marked else None


def _worker_piece_facts(document: Document) -> bytes:
    return _worker_piece(facts_only(document))


def turtle_pieces(provenance: str = "full") -> Rendering:
    """The pipeline's rendering that makes each report's piece in the worker that extracted it
    (an empty piece for a very long report, made later: see ``_LONG``), at the given
    :mod:`~npcgraph.provenance` (the pieces of a corpus made ``with_provenance`` the same)."""
    make = _worker_piece if check_provenance(provenance) == "full" else _worker_piece_facts
    version = "ttl-" + ("" if provenance == "full" else provenance + "-")
    return Rendering(make, version + files_fingerprint(_WRITER_FILES, ("rdflib",)))


_HEADER, _ENTITIES, _STATEMENTS, _OTHERS = "header", "entities", "statements", "others"
_STATEMENTS_HEADING = f"# {group_heading(2, '')}\n".encode("utf-8")  # as turtle_blocks heads the group (2: the statements)


def _stretches(corpus: Corpus, pieces: Mapping[str, bytes], loaded: Collection[str] = ()) -> Iterator[tuple[object, bytes, bool]]:
    """(group, stretch, new) for every stretch of graph.ttl but the header, reports first (they
    are ready), then the entities and the statements, formatted ``_STRETCH`` subjects at a time.
    Each stretch starts with a newline and holds whole subject blocks; a group's stretches,
    in the order given, are its part of graph.ttl.

    ``loaded`` names the reports whose pieces (the report's and its statements' blocks) a store
    holds already (:class:`EarlyLoad`): ``new`` is false for a stretch of theirs alone. When
    every statement block the workers made is among them, the statements made here are given
    first, for the store only (group None), and the statements group is not new."""
    plain: dict[str, list[Triple]] = {}  # relations' own triples, by subject, of the entities' group
    in_reports: dict[str, list[Triple]] = {}  # relations about a report or a part of one
    statements: dict[str, list[tuple[Relation, Evidence]]] = {}
    others: list[Triple] = []
    split = {key: _split_output(output) for key, output in pieces.items()}
    blocks: list[bytes] = []  # the statements' subject blocks the workers made
    blocks_loaded = True  # every one of them is in the store already
    for document in corpus.documents:
        made = split.get(document.report.key, (None, None))[1]
        if made is not None:
            blocks += made
            blocks_loaded = blocks_loaded and document.report.key in loaded
        for relation in document.relations:
            triple = fact_triple(relation)
            subject = str(triple[0])
            if subject.startswith(_REPORT):
                in_reports.setdefault(subject[len(_REPORT):].split("/")[0].split("#")[0], []).append(triple)
            elif subject.startswith(_ID):
                plain.setdefault(subject, []).append(triple)
            else:
                others.append(triple)
            if made is not None:
                continue  # its statements are among the blocks
            for evidence in relation.evidence:
                statements.setdefault(str(statement_iri(relation, evidence)), []).append((relation, evidence))
    documents = sorted(corpus.documents, key=lambda document: document.report.key)
    keys = {document.report.key for document in documents}
    for key in list(in_reports):
        if key not in keys:  # parts of reports not in the corpus: left where they sort
            others.extend(in_reports.pop(key))
    for document in documents:
        key = document.report.key
        if key in in_reports:  # that report's group holds them: made with them
            yield ("report", key), b"\n" + _piece([*report_triples(document), *in_reports[key]]), True
        elif piece := split.get(key, (None, None))[0]:  # made earlier; empty for a very long report
            yield ("report", key), b"\n" + piece, key not in loaded
        else:
            for stretch in report_stretches(document):
                yield ("report", key), b"\n" + stretch, True

    entities = corpus_entities(corpus)
    entity_subjects = {str(entity_iri(key)): key for key in entities}
    # what _piece gives of their entity_triples and plain triples, written as text
    entity_group = EntityBlocks(entities, plain).stretch

    def statement_group(subjects: list[str]) -> Iterator[Triple]:
        for subject in subjects:
            yield from plain.get(subject, ())
            for relation, evidence in statements.get(subject, ()):
                yield from statement_triples(relation, evidence)

    entity_keys = set(entity_subjects) | {s for s in plain if not s.startswith(_STATEMENT)}
    statement_keys = set(statements) | {s for s in plain if s.startswith(_STATEMENT)}
    for stretch in _group_stretches(entity_keys, entity_group):
        yield _ENTITIES, b"\n" + stretch, True
    blocks_loaded = blocks_loaded and bool(blocks)
    if statement_keys:  # some made here: merged with the workers' blocks, as blocks too
        here = [block.encode("utf-8") for block in subject_blocks(statement_group(sorted(statement_keys)))]
        if blocks_loaded:  # the store lacks only these
            yield None, b"\n" + b"".join(here), True
        blocks += here
    for stretch in _merged_stretches(blocks):
        yield _STATEMENTS, b"\n" + stretch, not blocks_loaded
    if others:
        yield _OTHERS, b"\n" + _piece(others), True


def _group_stretches(subjects: Iterable[str], make: Callable[[list[str]], bytes], stretch: int = 0) -> Iterator[bytes]:
    """One group's subject blocks in stretches of ``stretch`` subjects (IRIs in the id
    namespace), ``make(subjects)`` formatting those subjects' piece (``_piece`` of their
    triples); joined with newlines, they are the group's piece."""
    stretch = stretch or _STRETCH
    ordered = [subject for _, subject in sorted((subject_order(s, s), s) for s in subjects)]
    heading = b""
    for start in range(0, len(ordered), stretch):
        piece = make(ordered[start:start + stretch])
        if not piece:
            continue
        if heading and piece.startswith(heading):
            piece = piece[len(heading):]
        else:
            heading = piece[: piece.index(b"\n") + 1]
        yield piece


def _merged_stretches(blocks: list[bytes], stretch: int = 0) -> Iterator[bytes]:
    """The statements group's stretches from its subjects' blocks made apart (each subject's
    block once), as :func:`_group_stretches` makes them from the triples: in subject order,
    ``stretch`` blocks at a time, the group's heading before the first."""
    stretch = stretch or _STRETCH
    blocks.sort(key=lambda block: block[: block.index(b" ")])  # by subject: <stmt/KEY>, one length
    for start in range(0, len(blocks), stretch):
        text = b"".join(blocks[start:start + stretch])
        yield (_STATEMENTS_HEADING if start == 0 else b"") + text.rstrip(b"\n") + b"\n"


def _order(corpus: Corpus) -> list[object]:
    keys = sorted({document.report.key for document in corpus.documents})
    return [_HEADER, _ENTITIES, *(("report", key) for key in keys), _STATEMENTS, _OTHERS]


def turtle_parts(
    corpus: Corpus, pieces: Mapping[str, bytes] | None = None, on_part: Callable[[bytes], object] | None = None
) -> list[bytes]:
    """The corpus as Turtle in parts whose concatenation is :func:`corpus_turtle`.

    The first part is the header; each later part starts with a newline and holds one
    group (the entities, one report, the statements, the rest), so parts can be written to a
    file one by one or loaded into a store in batches (each behind the header). ``pieces``
    maps report keys to :func:`report_piece` results made earlier (in a worker or taken from a
    cache); the others are made here. ``on_part`` is called with each stretch of a part as
    soon as it is made, reports first (they are ready), so that a store can load them while
    the entities and statements are being formatted; what it is given, taken together, is
    the graph (not necessarily the same bytes as the file). :func:`turtle_file` writes the
    same bytes to a temporary file instead of holding them.
    """
    groups: dict[object, list[bytes]] = {}
    for group, stretch, _ in _stretches(corpus, pieces or {}):
        if group is None:
            continue
        groups.setdefault(group, []).append(stretch)
        if on_part:
            on_part(stretch)
    groups[_HEADER] = [header()]
    return [b"".join(groups[group]) for group in _order(corpus) if group in groups]


class TurtleFile:
    """graph.ttl held in a temporary file: stretches are written in the order they are made,
    and iterating reads them back in the file's order, a few megabytes at a time.
    The file is deleted when this object is closed or collected."""

    _READ = 8 << 20

    def __init__(self, directory: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(prefix="npcgraph-graph-", suffix=".ttl", dir=directory)
        self._segments: dict[object, list[tuple[int, int]]] = {}
        self._size = 0
        self.order: list[object] = []

    def write(self, group: object, data: bytes) -> None:
        self._file.seek(self._size)
        self._file.write(data)
        self._segments.setdefault(group, []).append((self._size, len(data)))
        self._size += len(data)

    @property
    def size(self) -> int:
        return self._size

    def groups(self) -> list[tuple[object, int]]:
        """(group, bytes) of each group in the file's order: ``"header"``, ``"entities"``,
        ``("report", key)`` for each report, ``"statements"``, ``"others"`` (those written)."""
        return [(group, sum(length for _, length in self._segments[group])) for group in self.order if group in self._segments]

    def __iter__(self) -> Iterator[bytes]:
        self._file.flush()
        for group in self.order:
            for offset, length in self._segments.get(group, ()):
                self._file.seek(offset)
                while length > 0:
                    block = self._file.read(min(length, self._READ))
                    if not block:
                        raise OSError(f"graph.ttl's temporary file ended early at {offset}")
                    length -= len(block)
                    yield block

    def close(self) -> None:
        self._file.close()


def turtle_file(
    corpus: Corpus,
    pieces: Mapping[str, bytes] | None = None,
    on_part: Callable[[bytes], object] | None = None,
    directory: Path | None = None,
    loaded: Collection[str] = (),
) -> TurtleFile:
    """:func:`turtle_parts` written to a :class:`TurtleFile` (in ``directory``, or the system's
    temporary folder) as it is made: iterating it gives :func:`corpus_turtle`'s bytes, while
    memory holds one stretch at a time, whatever the corpus's size. ``on_part`` is given what a
    store that holds the pieces of the reports ``loaded`` lacks (see :func:`_stretches`)."""
    spool = TurtleFile(directory)
    try:
        spool.write(_HEADER, header())
        for group, stretch, new in _stretches(corpus, pieces or {}, loaded):
            if group is not None:
                spool.write(group, stretch)
            if on_part and new:
                on_part(stretch)
    except BaseException:
        spool.close()
        raise
    spool.order = _order(corpus)
    return spool


def corpus_turtle(corpus: Corpus, pieces: Mapping[str, bytes] | None = None) -> bytes:
    """The corpus as Turtle, byte-identical to ``write_turtle(to_graph(corpus))``."""
    return b"".join(turtle_parts(corpus, pieces))


# --- graph.ttl and a store at once -------------------------------------------------------------

_WAITING = 8  # stretches of graph.ttl made and not yet taken by the loader, at most
_DONE, _ABANDON = object(), object()


class _Abandoned(Exception):
    """The parts stopped coming (the caller failed): the store must not replace the old one."""


class StoreLoader:
    """The Oxigraph store at ``location`` loaded in a thread (Oxigraph's bulk loader releases
    the GIL) from the Turtle stretches given to :meth:`put`, each read after graph.ttl's
    header, in any order; with ``stage``, staged beside its location
    (:class:`~npcgraph.store.load.StagedStore`), else moved into place. :meth:`finish` waits
    for the store; :meth:`abandon` drops it (nothing is left of it)."""

    def __init__(self, location: Path, stage: bool = False, progress: Callable[[int], object] | None = None) -> None:
        self.progress = progress  # given the bytes loaded so far; may be set later
        self._handoff: queue.Queue = queue.Queue()
        self._room = threading.Semaphore(_WAITING)  # for the stretches put with ``wait``
        self._outcome: dict[str, object] = {}
        self._taken_last = threading.Event()  # the loader has taken _DONE or _ABANDON: nothing more comes
        self.location, self._stage = location, stage
        self._ended = False
        self._loads = 1  # bulk loads at once (widen)
        self._thread = threading.Thread(target=self._load, args=(location,), name="npcgraph-store-load", daemon=True)
        self._thread.start()

    def _take(self) -> Any:
        part, waited = self._handoff.get()
        if waited:
            self._room.release()
        if part is _DONE or part is _ABANDON:
            self._taken_last.set()
        return part

    def _parts(self) -> Iterator[bytes]:
        while True:
            part = self._take()
            if part is _DONE:
                return
            if part is _ABANDON:
                raise _Abandoned
            yield part

    def _load(self, location: Path) -> None:
        try:
            load = store_load.stage_store if self._stage else store_load.load_store
            self._outcome["count"] = load(
                self._parts(), location, lambda done: self.progress and self.progress(done), lambda: self._loads,
            )
        except BaseException as exc:  # re-raised in the caller's thread
            self._outcome["error"] = exc
            # the producer may still put (it stops at its last item): take and drop
            while not self._taken_last.is_set():
                self._take()

    def put(self, part: bytes, wait: bool = False) -> None:
        """Hand ``part`` to the loader; with ``wait``, first wait while ``_WAITING`` such parts
        are not yet taken (parts made on the fly: memory holds a few, not the graph). Parts
        are dropped once the load has failed (:meth:`finish` says why)."""
        if "error" in self._outcome:
            return
        if wait:
            self._room.acquire()
        self._handoff.put((part, wait))

    def widen(self) -> None:
        """From the next batch on, run ``store.load.WIDE`` bulk loads at once (two on two
        cores), each of half a batch: for when the cores are no longer extracting."""
        self._loads = store_load.WIDE

    def finish(self) -> Any:
        """The number of triples loaded (with ``stage``, the staged store); the load's error
        is raised here."""
        self._ended = True
        self._handoff.put((_DONE, False))
        self._thread.join()
        if "error" in self._outcome:
            raise self._outcome["error"]  # type: ignore[misc]
        return self._outcome["count"] if self._stage else int(self._outcome["count"])  # type: ignore[arg-type]

    def abandon(self) -> None:
        """Stop the load and leave nothing of it (nothing to do once finished)."""
        if self._ended:
            return
        self._ended = True
        self._handoff.put((_ABANDON, False))
        self._thread.join()


class EarlyLoad:
    """Each report's worker output (its piece and its statements' blocks, :func:`turtle_pieces`)
    handed to a :class:`StoreLoader` as soon as extraction gives it, so that the store loads
    while the other reports are extracted; :func:`turtle_and_store` then gives the loader only
    what those pieces lack. A report given twice with other bytes (two files of one text
    whose pieces differ) spoils it: the store is then loaded afresh after extraction."""

    def __init__(self, loader: StoreLoader) -> None:
        self.loader = loader
        self.loaded: dict[str, bytes] = {}
        self.spoiled = False

    def add(self, key: str, output: bytes | None) -> None:
        piece, blocks = _split_output(output)
        if key in self.loaded:
            self.spoiled = self.spoiled or self.loaded[key] != output
            return
        if not piece or blocks is None:
            return  # a very long report's piece, or one without its blocks, is made later
        self.loaded[key] = output  # type: ignore[assignment]
        self.loader.put(b"\n" + piece + b"\n" + b"".join(blocks))


def turtle_and_store(
    corpus: Corpus,
    pieces: Mapping[str, bytes] | None,
    location: Path,
    progress: Callable[[int], object] | None = None,
    directory: Path | None = None,
    stage: bool = False,
    early: EarlyLoad | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[TurtleFile, Any]:
    """graph.ttl (:func:`~npcgraph.graphfile.turtle_file`: iterate it for the bytes) and the
    number of triples of the store at ``location``, loaded from its stretches in a thread
    while they are made (with ``stage``, the :class:`StagedStore` instead, not yet in place). At most ``_WAITING`` stretches wait for the loader: when it falls
    behind, formatting waits, so that memory holds a few stretches, not the graph.

    With ``early``, the loader that has been given the reports' pieces during extraction
    (made with the same ``location`` and ``stage``) is given the rest of the graph and waited
    for; a spoiled one is abandoned and the store loaded afresh. ``meanwhile`` is called once
    graph.ttl is made, while the loader finishes (Oxigraph's bulk load and compaction release
    the GIL): other work of the build done in that time; the documents are no longer needed
    by then (nothing here keeps them)."""
    loaded: Collection[str] = ()
    if early is not None and early.spoiled:
        early.loader.abandon()
        location, early = early.loader.location, None
    if early is not None:
        loader, loaded = early.loader, early.loaded
        loader.progress = progress
        if loaded:  # extraction is done: what the loader has yet to take, and the rest, on both cores
            loader.widen()
    else:
        loader = StoreLoader(location, stage, progress)
    try:
        result = turtle_file(corpus, pieces, on_part=lambda part: loader.put(part, wait=True), directory=directory, loaded=loaded)
    except BaseException:
        loader.abandon()
        raise
    del corpus, pieces  # written: this frame keeps no document from being let go meanwhile
    if early is not None:
        early.loaded = {}
    try:
        if meanwhile is not None:
            meanwhile()
    except BaseException:
        result.close()
        loader.abandon()
        raise
    try:
        return result, loader.finish()
    except BaseException:
        result.close()
        raise
