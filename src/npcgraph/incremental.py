"""Incremental builds: a few reports changed, added or removed, and only their part redone.

After a build with the extraction cache, the cache folder keeps an *index* of graph.ttl beside
the build's stamp (:mod:`npcgraph.uptodate`): where the header, each report's group and each
subject block of the entities and of the evidence statements are in the file, and which input
files (by name and bytes) it was made from. The next build whose code and options are the same,
whose outputs are untouched and which changed at most a fifth of the reports:

1. extracts the changed and added files only (their digests and Turtle pieces are cached, as
   in any build), and takes every other report's digest (:mod:`npcgraph.digest`) from the cache;
2. writes graph.ttl by copying the old file's unchanged stretches and putting in the new
   groups of the changed reports and the new blocks of every entity and statement they name
   or named (each block made from every report that names it, as a clean build merges it);
3. patches a ``--store``: a checkpoint of the old store (hard links, beside it: :func:`~npcgraph.store.stage_patch`) loses the
   triples of the old blocks and groups and gains those of the new ones;
4. draws graph.html and counts the summary from the digests (:mod:`npcgraph.viewer.digestview`).

Everything is written beside its target and moved into place in one commit
(:mod:`npcgraph.outputs`): an interrupted incremental build leaves the previous outputs. The
outputs are those of a clean build, byte for byte (the store: the same triples), tested after
changing, adding and removing reports (tests/test_incremental.py). Whenever that cannot be
vouched for (no index, an output or the store touched since, other formats asked for, a
report that became another's duplicate, a digest missing from the cache, a graph.ttl block
the index cannot delimit), :func:`plan` or :func:`run` says why and the build runs in full.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from .cache import Cache
from .digest import Digest, class_counts, digest_rendering, entity_of, load_digest, merged_entities, relation_of
from .exports.turtle import subject_order, turtle_blocks, turtle_header
from .graphfile import report_piece, turtle_pieces
from .ids import statement_key
from .model import Evidence
from .namespaces import ID, RDF
from .outputs import commit, stage_files
from .pipeline import CorpusBuild, file_entry_key, run_build
from .provenance import facts_only
from .rdf import entity_triples, fact_triple, statement_triples
from .store import stage_patch
from .uptodate import stamp_path
from .viewer import render_digests
from .windows import WINDOW

__all__ = ["Unsafe", "Plan", "Result", "plan", "run", "record_index", "record_run", "index_path", "SHARE"]

_FORMAT = 1
#: Above this share of the reports changed, added or removed, a build runs in full.
SHARE = 0.2
_ID = str(ID)
_REPORT = _ID + "report/"
_STATEMENT = _ID + "stmt/"
_READ = 8 << 20


class Unsafe(Exception):
    """Why an incremental build cannot vouch for a clean build's bytes: build in full."""


def index_path(cache: Path, output: Path) -> Path:
    """Where the index of graph.ttl of the builds into ``output`` is kept (beside the stamp)."""
    stamp = stamp_path(cache, output)
    return stamp.with_name(stamp.stem + ".index")


@dataclass
class _Blocks:
    """The subject blocks of one group of graph.ttl (``heading``, then the blocks joined by
    blank lines): sorted subjects, each block's offset in the file and length (its " .\\n" included)."""

    heading: bytes
    subjects: list[str]
    offsets: list[int]
    lengths: list[int]


@dataclass
class _Index:
    inputs: str  # the stamp's hash of the inputs the graph was built from
    files: dict[str, str]  # absolute path -> cache entry key
    header: int  # bytes
    entities: _Blocks | None
    reports: dict[str, tuple[int, int]]  # report key -> (offset, length) of its group
    statements: _Blocks | None
    size: int


def _split(data: bytes, start: int) -> _Blocks | None:
    """A group's bytes (at ``start`` in the file) cut into subject blocks; None when they
    cannot be cut for certain (a literal over several lines, a subject not in the id space)."""
    if not data.startswith(b"\n# "):
        return None
    end = data.index(b"\n", 1) + 1
    heading, body = data[:end], data[end:]
    if b'"""' in body or not body.endswith(b" .\n"):
        return None
    parts = body.split(b"\n\n")
    subjects, offsets, lengths = [], [], []
    position = start + end
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        length = len(part) + (0 if last else 1)
        if not part.startswith(b"<") or b"> " not in part or not (part.endswith(b" .\n") if last else part.endswith(b" .")):
            return None
        inner = part[1:part.index(b"> ")].decode("utf-8")
        if ":" in inner or "\\" in inner:
            return None
        subjects.append(_ID + inner)
        offsets.append(position)
        lengths.append(length)
        position += length + 1
    if subjects != sorted(subjects):
        return None
    return _Blocks(heading, subjects, offsets, lengths)


def _read(path: Path, offset: int, length: int) -> bytes:
    with open(path, "rb") as stream:
        stream.seek(offset)
        data = stream.read(length)
    if len(data) != length:
        raise Unsafe("graph.ttl is shorter than its index")
    return data


def _entry_keys(files: Mapping[Path, str], names: str) -> dict[str, str]:
    """Each file's absolute path and its extraction cache key."""
    return {os.path.abspath(path): file_entry_key(Path(path).name, sha, names) for path, sha in files.items()}


def record_index(
    cache: Path, output: Path, stamp: Mapping[str, object], files: Mapping[Path, str], graph: Path, groups: Sequence[tuple[object, int]],
    names: str = "model",
) -> None:
    """Keep the index of the graph.ttl a full build wrote (``groups``: its groups and their
    lengths, :meth:`npcgraph.graphfile.TurtleFile.groups`). Best effort: without it the next
    build runs in full."""
    target = index_path(cache, output)
    try:
        target.unlink(missing_ok=True)
        index = _index_of(stamp, files, graph, groups, names)
    except (OSError, ValueError, Unsafe):
        return
    if index is not None:
        _save(index, target)


def _index_of(
    stamp: Mapping[str, object], files: Mapping[Path, str], graph: Path, groups: Sequence[tuple[object, int]], names: str,
) -> _Index | None:
    if any(sha == "unreadable" for sha in files.values()):
        return None
    offset, header, reports = 0, 0, {}
    blocks: dict[str, _Blocks | None] = {"entities": None, "statements": None}
    for group, length in groups:
        if group == "header":
            header = length
        elif group in blocks:
            blocks[group] = _split(_read(graph, offset, length), offset)  # type: ignore[index]
            if blocks[group] is None:  # type: ignore[index]
                return None
        elif isinstance(group, tuple) and group[0] == "report":
            reports[group[1]] = (offset, length)
        else:  # resources outside the groups: patched by no rule here
            return None
        offset += length
    return _Index(str(stamp["inputs"]), _entry_keys(files, names), header, blocks["entities"], reports, blocks["statements"], offset)


def _save(index: _Index, target: Path) -> None:
    temporary = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pickle.dumps((_FORMAT, index), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)


def _load(path: Path) -> _Index | None:
    try:
        version, index = pickle.loads(path.read_bytes())
    except Exception:  # missing, truncated or of another version: no incremental build
        return None
    return index if version == _FORMAT and isinstance(index, _Index) else None


@dataclass
class Plan:
    """What an incremental build starts from: the last build's index and what changed."""

    index: _Index
    files: dict[Path, str]  # this build's input files and their hashes, in the build's order
    names: str  # what proposes names besides the rules (pipeline.run_build's names)
    changed: list[Path]  # changed or added files
    removed: list[str]  # entry keys of the files gone or changed


def plan(
    cache: Path, output: Path, stamp: Mapping[str, object], last: Mapping[str, object] | None,
    files: dict[Path, str], formats: Sequence[str], names: str = "model",
) -> Plan:
    """Whether this build (``stamp``, its input ``files``) can patch the last one (``last``:
    its stamp when its outputs are untouched, :func:`npcgraph.uptodate.previous`); raises
    :class:`Unsafe` saying why not."""
    if last is None:
        raise Unsafe("no earlier build whose outputs are untouched (or one was changed since)")
    if formats:
        raise Unsafe("other formats than Turtle are written (-f)")
    if any(last.get(name) != stamp.get(name) for name in ("format", "code", "options")):
        raise Unsafe("the code or the options changed since the last build")
    index = _load(index_path(cache, output))
    if index is None or index.inputs != last.get("inputs"):
        raise Unsafe("no index of the last build's graph.ttl")
    if any(sha == "unreadable" for sha in files.values()):
        raise Unsafe("an input file cannot be read")
    current = _entry_keys(files, names)
    changed = [path for path in files if index.files.get(os.path.abspath(path)) != current[os.path.abspath(path)]]
    removed = [key for name, key in index.files.items() if current.get(name) != key]
    if not changed and not removed:
        raise Unsafe("nothing changed, yet the outputs differ from the stamp")
    if len(changed) + len(removed) > max(1, SHARE * len(index.reports)):
        raise Unsafe(f"{len(changed)} files changed or added and {len(removed)} changed or removed: more than {SHARE:.0%} of the reports")
    return Plan(index, files, names, changed, removed)


@dataclass
class Result:
    """What :func:`run` made and counted, and what the build says about its inputs."""

    written: list[Path]
    counts: Any
    encodings: tuple[tuple[str, str], ...] = ()
    extracted: int = 0
    index: _Index | None = None


def _digests(cache: Cache, version: str, keys: Iterable[str]) -> dict[str, Digest]:
    found = {}
    for key in keys:
        data = cache.get_output(key, version)
        if data is None:
            raise Unsafe("a report's digest is not in the cache")
        try:
            found[key] = load_digest(data)
        except ValueError as exc:
            raise Unsafe("a report's digest in the cache cannot be read") from exc
    return found


def _statement_iri(subject: str, predicate: str, obj: str, evidence: tuple) -> str:
    return f"{_STATEMENT}{statement_key(subject, predicate, obj, evidence[0], evidence[1], evidence[2])}"


def _subjects(digest: Digest) -> tuple[set[str], set[str]]:
    """The subjects of the entities' group and of the statements' group a report adds to."""
    entities = {_ID + fields[0] for fields in digest.entities}
    statements = set()
    for subject, predicate, obj, _, evidence in digest.relations:
        plain = _ID + subject
        if plain.startswith(_REPORT) or plain.startswith(_STATEMENT):
            raise Unsafe("a relation about a report's part or a statement (graph.ttl puts it elsewhere)")
        entities.add(plain)
        for item in evidence:
            statements.add(_statement_iri(subject, predicate, obj, item))
    return entities, statements


def _entity_blocks(digests: Sequence[Digest], subjects: set[str], merged: Mapping[str, tuple[tuple, set[str]]]) -> dict[str, bytes]:
    """The block of each entity subject, made from every report (absent: no longer in the
    graph); ``merged``: the digests' :func:`~npcgraph.digest.merged_entities`."""
    keys = {subject[len(_ID):] for subject in subjects}
    facts: dict[str, list] = {}
    for digest in digests:
        for fields in digest.relations:
            if fields[0] in keys:
                facts.setdefault(_ID + fields[0], []).append(fact_triple(relation_of(fields[:4] + ((),))))
    blocks = {}
    for subject in subjects:
        triples = []
        found = merged.get(subject[len(_ID):])
        if found is not None:
            triples.extend(entity_triples(entity_of(found[0]), found[1]))
        triples.extend(facts.get(subject, ()))
        if triples:
            blocks[subject] = _block(triples)
    return blocks


def _statement_blocks(digests: Sequence[Digest], subjects: set[str], reports: set[str]) -> dict[str, bytes]:
    """The block of each statement subject, from the reports whose sentences it cites."""
    triples: dict[str, list] = {}
    for digest in digests:
        for fields in digest.relations:
            subject, predicate, obj, _, evidence = fields
            for item in evidence:
                if item[0] not in reports:
                    continue
                iri = _statement_iri(subject, predicate, obj, item)
                if iri in subjects:
                    triples.setdefault(iri, []).extend(statement_triples(relation_of(fields), Evidence(*item)))
    return {subject: _block(found) for subject, found in triples.items()}


def _block(triples: list) -> bytes:
    text = turtle_blocks(triples)
    return text[text.index(b"\n") + 1:]


def _group(old: _Blocks | None, new: dict[str, bytes], touched: set[str], heading: bytes, start: int) -> tuple[list, _Blocks | None, int]:
    """A group's pieces (old blocks kept, touched ones replaced, new ones in their place), its
    new block index (at ``start`` in the new file) and its length."""
    subjects: list[str] = []
    entries: list = []  # (subject, piece)
    if old is not None:
        heading = old.heading
        for subject, offset, length in zip(old.subjects, old.offsets, old.lengths):
            if subject not in touched:
                entries.append((subject, (offset, length)))
    entries.extend(sorted(new.items()))
    entries.sort(key=lambda entry: entry[0])  # two sorted runs: a merge
    if not entries:
        return [], None, 0
    pieces: list = [heading]
    offsets, lengths = [], []
    position = start + len(heading)
    for number, (subject, piece) in enumerate(entries):
        if number:
            position += 1
            last = pieces[-1]
            if isinstance(piece, tuple) and isinstance(last, tuple) and last[0] + last[1] + 1 == piece[0]:
                pieces[-1] = (last[0], last[1] + 1 + piece[1])  # the old blank line between them too
            else:
                pieces.extend((b"\n", piece))
        else:
            pieces.append(piece)
        length = piece[1] if isinstance(piece, tuple) else len(piece)
        subjects.append(subject)
        offsets.append(position)
        lengths.append(length)
        position += length
    return pieces, _Blocks(heading, subjects, offsets, lengths), position - start


def _headings() -> tuple[bytes, bytes]:
    """The headings of the entities' and the statements' groups, as the writer makes them."""
    entity = turtle_blocks([(URIRef(_ID + "x/y"), RDF.type, RDF.Statement)])
    statement = turtle_blocks([(URIRef(_STATEMENT + "x"), RDF.type, RDF.Statement)])
    return b"\n" + entity[: entity.index(b"\n") + 1], b"\n" + statement[: statement.index(b"\n") + 1]


def _emit(pieces: Sequence, old: Path) -> Iterator[bytes]:
    with open(old, "rb") as stream:
        for piece in pieces:
            if isinstance(piece, tuple):
                offset, length = piece
                stream.seek(offset)
                while length > 0:
                    block = stream.read(min(length, _READ))
                    if not block:
                        raise OSError("graph.ttl changed while it was being read")
                    length -= len(block)
                    yield block
            else:
                yield piece


def run(
    planned: Plan, output: Path, cache_folder: Path, location: Path | None, provenance: str, *,
    jobs: int = 1, strict: bool = True, prune: bool = True,
) -> Result:
    """Patch the last build's outputs in ``output`` (and the store at ``location``) for the
    changed files of ``planned`` (:func:`plan`); raises :class:`Unsafe` before anything is
    written when it cannot vouch for a clean build's bytes. The new index is kept by
    :func:`record_run` once the build is stamped."""
    enabled = gc.isenabled()
    gc.disable()  # the digests are a million small tuples in no cycle: collections only cost
    try:
        return _run(planned, output, cache_folder, location, provenance, jobs=jobs, strict=strict, prune=prune)
    finally:
        if enabled:
            gc.enable()


def _run(
    planned: Plan, output: Path, cache_folder: Path, location: Path | None, provenance: str, *,
    jobs: int, strict: bool, prune: bool,
) -> Result:
    index = planned.index
    graph = output / "graph.ttl"
    cache = Cache(cache_folder)
    digest_made = digest_rendering(provenance)
    pieces_made = turtle_pieces(provenance)
    result: CorpusBuild | None = None
    if planned.changed:
        result = run_build(
            planned.changed, jobs=jobs, cache=cache, rendering=pieces_made, extra=digest_made, strict=strict, names=planned.names,
        )
        if result.skipped or result.duplicates:
            raise Unsafe("a changed file cannot be read or repeats another file")
        if any(len(document.report.text) > WINDOW for document in result.corpus.documents):
            raise Unsafe("a very long report changed (a full build writes it a stretch at a time)")
    current = _entry_keys(planned.files, planned.names)
    changed = {os.path.abspath(path) for path in planned.changed}
    kept = _digests(cache, digest_made.version, [entry for name, entry in current.items() if name not in changed])
    old_digests = list(_digests(cache, digest_made.version, planned.removed).values())
    new_digests = [load_digest(data) for data in (result.extra_outputs.values() if result else ())]
    digests = sorted([*kept.values(), *new_digests], key=lambda digest: digest.key)
    keys = [digest.key for digest in digests]
    if len(set(keys)) != len(keys):
        raise Unsafe("two files now hold the same report")
    if any(subject.startswith(("report/", "stmt/")) for digest in digests for subject, *_ in digest.relations):
        raise Unsafe("a relation about a report's part or a statement (graph.ttl puts it in a report's group)")
    new_keys = {digest.key for digest in new_digests}
    changed_keys = new_keys | {digest.key for digest in old_digests}
    if any(key not in index.reports for key in keys if key not in new_keys):
        raise Unsafe("the index does not match the cache")

    touched_entities: set[str] = set()
    touched_statements: set[str] = set()
    for digest in (*old_digests, *new_digests):
        entities, statements = _subjects(digest)
        touched_entities |= entities
        touched_statements |= statements
    if any(subject_order(subject, subject)[0] != 0 for subject in touched_entities):
        raise Unsafe("an entity whose IRI graph.ttl orders among the reports")
    merged = merged_entities(digests)
    entity_blocks = _entity_blocks(digests, touched_entities, merged)
    statement_blocks = _statement_blocks(digests, touched_statements, changed_keys)

    # graph.ttl: the old file's stretches and the new groups and blocks, in a clean build's order
    entity_heading, statement_heading = _headings()
    pieces: list = [(0, index.header)]
    position = index.header
    group, entity_index, length = _group(index.entities, entity_blocks, touched_entities, entity_heading, position)
    pieces += group
    position += length
    documents = {document.report.key: document for document in (result.corpus.documents if result else ())}
    reports: dict[str, tuple[int, int]] = {}
    new_groups: list[bytes] = []
    for key in keys:
        if key in new_keys:  # its group, made here (the worker's output is the full build's business)
            document = documents[key]
            new_groups.append(b"\n" + report_piece(facts_only(document) if provenance == "facts" else document))
            pieces.append(new_groups[-1])
            length = len(new_groups[-1])
        else:
            offset, length = index.reports[key]
            last = pieces[-1]
            if isinstance(last, tuple) and last[0] + last[1] == offset:
                pieces[-1] = (last[0], last[1] + length)
            else:
                pieces.append((offset, length))
        reports[key] = (position, length)
        position += length
    group, statement_index, length = _group(index.statements, statement_blocks, touched_statements, statement_heading, position)
    pieces += group
    position += length

    html = render_digests(digests, merged=merged).encode("utf-8")
    counts = class_counts(digests, merged)
    staged = None
    if location is not None:
        old_ranges = [index.reports[key] for key in sorted(changed_keys) if key in index.reports]
        for blocks, touched in ((index.entities, touched_entities), (index.statements, touched_statements)):
            if blocks is not None:
                old_ranges += [(o, n) for s, o, n in zip(blocks.subjects, blocks.offsets, blocks.lengths) if s in touched]
        old = b"\n".join([turtle_header(), *(_read(graph, offset, length) for offset, length in old_ranges)])
        new = b"\n".join([turtle_header(), *new_groups, *entity_blocks.values(), *statement_blocks.values()])
        staged = stage_patch(location, old, new)
    try:
        moves = stage_files(output, {"graph.ttl": _emit(pieces, graph), "graph.html": html})
        commit(output, moves + (staged.moves if staged else []))
    finally:
        if staged:
            staged.discard()
    if prune:
        cache.prune(set(current.values()), frozenset({digest_made.version, pieces_made.version}))
    encodings = {os.path.abspath(path): encoding for path, encoding in (result.encodings if result else ())}
    for name, entry in current.items():
        if entry in kept and kept[entry].encoding not in (None, "utf-8", "utf-8-sig"):
            encodings[name] = kept[entry].encoding  # type: ignore[assignment]
    noted = tuple((str(path), encodings[os.path.abspath(path)]) for path in planned.files if os.path.abspath(path) in encodings)
    new_index = _Index("", current, index.header, entity_index, reports, statement_index, position)
    return Result([target for _, target in moves], counts, noted, result.extracted if result else 0, new_index)


def record_run(cache: Path, output: Path, stamp: Mapping[str, object], made: Result) -> None:
    """Keep the index of the graph.ttl :func:`run` wrote, for the stamp it was recorded with."""
    if made.index is not None:
        made.index.inputs = str(stamp["inputs"])
        _save(made.index, index_path(cache, output))
