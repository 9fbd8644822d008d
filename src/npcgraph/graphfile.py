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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .cache import files_fingerprint
from .exports.turtle import subject_blocks, subject_order, turtle_blocks, turtle_header
from .model import Corpus, Document, Evidence, Mention, Relation
from .namespaces import ID
from .pipeline import Rendering
from .provenance import check_provenance, facts_only
from .rdf import (
    Triple,
    corpus_entities,
    entity_iri,
    entity_triples,
    fact_triple,
    report_iri,
    report_triples,
    statement_iri,
    statement_triples,
)
from .store import load as store_load

__all__ = [
    "report_piece", "report_stretches", "turtle_pieces", "turtle_parts", "turtle_file", "TurtleFile", "corpus_turtle", "header",
    "turtle_and_store",
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
        yield _piece(report_triples(document))
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
_WRITER_FILES = ("rdf.py", "namespaces.py", "ids.py", "model.py", "graphfile.py", "provenance.py", "exports")
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
    triples = [
        triple for relation in document.relations for evidence in relation.evidence for triple in statement_triples(relation, evidence)
    ]
    return [block.encode("utf-8") for block in subject_blocks(triples)]


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
_STATEMENTS_HEADING = b"# Evidence: one rdf:Statement per fact and sentence\n"  # as turtle_blocks heads the group


def _stretches(corpus: Corpus, pieces: Mapping[str, bytes]) -> Iterator[tuple[object, bytes]]:
    """(group, stretch) for every stretch of graph.ttl but the header, reports first (they are
    ready), then the entities and the statements, formatted ``_STRETCH`` subjects at a time.
    Each stretch starts with a newline and holds whole subject blocks; a group's stretches,
    in the order given, are its part of graph.ttl."""
    plain: dict[str, list[Triple]] = {}  # relations' own triples, by subject, of the entities' group
    in_reports: dict[str, list[Triple]] = {}  # relations about a report or a part of one
    statements: dict[str, list[tuple[Relation, Evidence]]] = {}
    others: list[Triple] = []
    split = {key: _split_output(output) for key, output in pieces.items()}
    blocks: list[bytes] = []  # the statements' subject blocks the workers made
    for document in corpus.documents:
        made = split.get(document.report.key, (None, None))[1]
        if made is not None:
            blocks += made
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
            yield ("report", key), b"\n" + _piece([*report_triples(document), *in_reports[key]])
        elif piece := split.get(key, (None, None))[0]:  # made earlier; empty for a very long report
            yield ("report", key), b"\n" + piece
        else:
            for stretch in report_stretches(document):
                yield ("report", key), b"\n" + stretch

    entities = corpus_entities(corpus)
    entity_subjects = {str(entity_iri(key)): key for key in entities}

    def entity_group(subjects: list[str]) -> Iterator[Triple]:
        for subject in subjects:
            if subject in entity_subjects:
                yield from entity_triples(*entities[entity_subjects[subject]])
            yield from plain.get(subject, ())

    def statement_group(subjects: list[str]) -> Iterator[Triple]:
        for subject in subjects:
            yield from plain.get(subject, ())
            for relation, evidence in statements.get(subject, ()):
                yield from statement_triples(relation, evidence)

    entity_keys = set(entity_subjects) | {s for s in plain if not s.startswith(_STATEMENT)}
    statement_keys = set(statements) | {s for s in plain if s.startswith(_STATEMENT)}
    for stretch in _group_stretches(entity_keys, entity_group):
        yield _ENTITIES, b"\n" + stretch
    if statement_keys:  # some made here: merged with the workers' blocks, as blocks too
        blocks += [block.encode("utf-8") for block in subject_blocks(statement_group(sorted(statement_keys)))]
    for stretch in _merged_stretches(blocks):
        yield _STATEMENTS, b"\n" + stretch
    if others:
        yield _OTHERS, b"\n" + _piece(others)


def _group_stretches(subjects: Iterable[str], make: Callable[[list[str]], Iterable[Triple]], stretch: int = 0) -> Iterator[bytes]:
    """One group's subject blocks in stretches of ``stretch`` subjects (IRIs in the id
    namespace), formatted from ``make(subjects)``; joined with newlines, they are the group's
    piece (``_piece`` of all their triples)."""
    stretch = stretch or _STRETCH
    ordered = [subject for _, subject in sorted((subject_order(s, s), s) for s in subjects)]
    heading = b""
    for start in range(0, len(ordered), stretch):
        piece = _piece(make(ordered[start:start + stretch]))
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
    for group, stretch in _stretches(corpus, pieces or {}):
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
) -> TurtleFile:
    """:func:`turtle_parts` written to a :class:`TurtleFile` (in ``directory``, or the system's
    temporary folder) as it is made: iterating it gives :func:`corpus_turtle`'s bytes, while
    memory holds one stretch at a time, whatever the corpus's size."""
    spool = TurtleFile(directory)
    try:
        spool.write(_HEADER, header())
        for group, stretch in _stretches(corpus, pieces or {}):
            spool.write(group, stretch)
            if on_part:
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


def turtle_and_store(
    corpus: Corpus,
    pieces: Mapping[str, bytes] | None,
    location: Path,
    progress: Callable[[int], object] | None = None,
    directory: Path | None = None,
    stage: bool = False,
) -> tuple[TurtleFile, Any]:
    """graph.ttl (:func:`~npcgraph.graphfile.turtle_file`: iterate it for the bytes) and the
    number of triples of the store at ``location``, loaded from its stretches in a thread
    while they are made (with ``stage``, the :class:`StagedStore` instead, not yet in place). At most ``_WAITING`` stretches wait for the loader: when it falls
    behind, formatting waits, so that memory holds a few stretches, not the graph."""
    handoff: queue.Queue = queue.Queue(maxsize=_WAITING)
    outcome: dict[str, object] = {}
    taken_last = threading.Event()  # the loader has taken _DONE or _ABANDON: nothing more comes

    def parts() -> Iterator[bytes]:
        while True:
            part = handoff.get()
            if part is _DONE or part is _ABANDON:
                taken_last.set()
            if part is _DONE:
                return
            if part is _ABANDON:
                raise _Abandoned
            yield part

    def load() -> None:
        try:
            outcome["count"] = (store_load.stage_store if stage else store_load.load_store)(parts(), location, progress)
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc
            # the producer may still put (it stops at its last item): take and drop
            while not taken_last.is_set():
                if handoff.get() in (_DONE, _ABANDON):
                    taken_last.set()

    loader = threading.Thread(target=load, name="npcgraph-store-load", daemon=True)
    loader.start()
    try:
        result = turtle_file(corpus, pieces, on_part=lambda part: None if "error" in outcome else handoff.put(part), directory=directory)
    except BaseException:
        handoff.put(_ABANDON)
        loader.join()
        raise
    handoff.put(_DONE)
    loader.join()
    if "error" in outcome:
        result.close()
        raise outcome["error"]  # type: ignore[misc]
    return result, outcome["count"] if stage else int(outcome["count"])  # type: ignore[arg-type]
