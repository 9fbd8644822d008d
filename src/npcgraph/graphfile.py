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

The same parts load an Oxigraph store (:mod:`npcgraph.storeload`), without an rdflib graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cache

from .cache import files_fingerprint
from .model import Corpus, Document, Mention
from .namespaces import ID
from .pipeline import Rendering
from .rdf import Triple, corpus_entity_triples, relation_triples, report_triples

__all__ = ["report_piece", "turtle_pieces", "turtle_parts", "corpus_turtle", "header"]

_ID = str(ID)
_REPORT = _ID + "report/"
_STATEMENT = _ID + "stmt/"
_WINDOW = 100_000  # characters of a report formatted at a time


def _write(triples: Iterable[Triple]) -> bytes:
    from .exports.turtle import write_turtle

    return write_turtle(triples)


@cache
def header() -> bytes:
    """The @base and @prefix lines every part of graph.ttl is read after."""
    return _write(())


def _piece(triples: Iterable[Triple]) -> bytes:
    """One group's subject blocks as ``write_turtle`` lays them out, without the header."""
    text = _write(triples)
    head = header()
    return text[len(head) + 1:] if len(text) > len(head) else b""


def report_piece(document: Document, window: int = _WINDOW) -> bytes:
    """The report's group of graph.ttl: its own triples, formatted.

    A report longer than ``window`` characters is formatted a window of its text at a time,
    so that formatting holds one window's triples, not a whole 50 MB report's: its group
    lays out the report node, sections and paragraphs, then the sentences and mentions in
    text order, and each window's sentences and mentions are the next stretch of that order.
    """
    if len(document.report.text) <= window:
        return _piece(report_triples(document))
    structure = replace(document, report=replace(document.report, sentences=()), mentions=())
    pieces = [_piece(report_triples(structure))]
    heading = pieces[0][: pieces[0].index(b"\n") + 1]  # "# Report K: ...", once per group
    for view in _windows(document, window):
        piece = _piece(view)
        if piece:
            assert piece.startswith(heading)
            pieces.append(piece[len(heading):])
    return b"\n".join(pieces)


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
_WRITER_FILES = ("rdf.py", "namespaces.py", "ids.py", "model.py", "graphfile.py", "exports")


def turtle_pieces() -> Rendering:
    """The pipeline's rendering that makes each report's piece in the worker that extracted it."""
    return Rendering(report_piece, "ttl-" + files_fingerprint(_WRITER_FILES, ("rdflib",)))


def turtle_parts(
    corpus: Corpus, pieces: Mapping[str, bytes] | None = None, on_part: Callable[[bytes], object] | None = None
) -> list[bytes]:
    """The corpus as Turtle in parts whose concatenation is :func:`corpus_turtle`.

    The first part is the header; each later part starts with a newline and holds one
    group (the entities, one report, the statements, the rest), so parts can be written to a
    file one by one or loaded into a store in batches (each behind the header). ``pieces``
    maps report keys to :func:`report_piece` results made earlier (in a worker or taken from a
    cache); the others are made here. ``on_part`` is called with each part's triples as soon
    as they are known, reports first (they are ready), so that a store can load them while
    the entities and statements are being formatted; what it is given, taken together, is
    the graph (not necessarily the same bytes as the file).
    """
    pieces = pieces or {}
    documents = sorted(corpus.documents, key=lambda document: document.report.key)
    reports: dict[str, bytes] = {}
    for document in documents:
        key = document.report.key
        reports[key] = b"\n" + (pieces.get(key) or report_piece(document))
        if on_part:
            on_part(reports[key])
    statements: list[Triple] = []
    others: list[Triple] = []
    entities: list[Triple] = []
    in_reports: dict[str, list[Triple]] = {}  # relations about a report or a part of one
    for document in corpus.documents:
        for triple in relation_triples(document):
            subject = str(triple[0])
            if subject.startswith(_STATEMENT):
                statements.append(triple)
            elif subject.startswith(_REPORT):
                in_reports.setdefault(subject[len(_REPORT):].split("/")[0].split("#")[0], []).append(triple)
            elif subject.startswith(_ID):
                entities.append(triple)
            else:
                others.append(triple)
    by_key = {document.report.key: document for document in documents}
    for key, triples in in_reports.items():
        if key in by_key:  # that report's group holds them: make it again with them
            reports[key] = b"\n" + _piece([*report_triples(by_key[key]), *triples])
            extra = _piece(triples)
            if on_part and extra:
                on_part(b"\n" + extra)
        else:  # parts of reports not in the corpus: left where they sort
            others.extend(triples)
    groups = []
    for triples in ([*corpus_entity_triples(corpus), *entities], statements, others):
        group = _piece(triples)
        groups.append(b"\n" + group if group else b"")
        if on_part and group:
            on_part(groups[-1])
    entity_part, statement_part, other_part = groups
    return [part for part in (header(), entity_part, *reports.values(), statement_part, other_part) if part]


def corpus_turtle(corpus: Corpus, pieces: Mapping[str, bytes] | None = None) -> bytes:
    """The corpus as Turtle, byte-identical to ``write_turtle(to_graph(corpus))``."""
    return b"".join(turtle_parts(corpus, pieces))
