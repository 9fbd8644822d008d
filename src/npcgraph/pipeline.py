"""Runs the stages in order: ingest -> structure -> extraction stages -> corpus.

``build_corpus(paths)`` reads every report file under ``paths`` into one :class:`Corpus`. Each
file is one report; files can be extracted in parallel processes (``jobs``) and reused from an
extraction cache (``cache``), and the corpus is the same either way: documents are ordered by
report key, so the same set of files gives the same corpus whatever order they were named in,
whichever process extracted them, and whether they came from the cache or not.

    paths ─ collect_inputs ─┬─ cache hit ──────────────────────────┐
                            └─ ingest → structure → STAGES (×jobs) ─┴─ sort, drop duplicates → Corpus

A :class:`Rendering` makes one output per report (graph.ttl's piece of it) in the same worker,
right after extraction, and is cached beside the document; so does an ``extra`` one (the
report's digest for the viewer, the summary and incremental builds: :mod:`npcgraph.digest`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import Cache, entry_key, file_digest
from .errors import NpcgraphError
from .executor import cluster
from .extract import STAGES
from .extract.tagger import check_names, names_from
from .ingest import collect_inputs, ingest
from .model import Corpus, Document, Report
from .structure import structure
from .windows import WINDOW, extract_windowed

__all__ = [
    "read_report", "extract", "process_file", "build_corpus", "run_build", "CorpusBuild", "Rendering", "Progress",
    "file_entry_key",
]

#: Called after each file is done: (file name, files done, files in all).
Progress = Callable[[str, int, int], None]


def read_report(path: Path, data: bytes | None = None) -> Report:
    """One file (or its bytes, ``data``, read elsewhere) to a structured Report."""
    return structure(ingest(path, data))


def extract(report: Report) -> Document:
    """Every extraction stage over one report (a very long one a window at a time: windows.py)."""
    if len(report.text) > WINDOW:
        return extract_windowed(report)
    document = Document(report=report)
    for stage in STAGES:
        document = stage(document)
    return document


def process_file(path: Path, data: bytes | None = None) -> Document:
    """One file (or its bytes, ``data``) to its Document: read, structure, extract."""
    return extract(read_report(path, data))


@dataclass(frozen=True, slots=True)
class Rendering:
    """An output made from each document in the worker that extracted it, cached with it."""

    make: Callable[[Document], bytes]  # a module-level function, so that workers can receive it
    version: str  # changes whenever ``make`` can give other bytes for the same document


@dataclass(frozen=True, slots=True)
class CorpusBuild:
    """A corpus and how it was made."""

    corpus: Corpus
    files: int  # report files found
    extracted: int  # files read and extracted by this build
    reused: int  # files whose document came from the cache
    # (file skipped, file kept): files whose normalized text is the same as an earlier file's
    duplicates: tuple[tuple[str, str], ...] = ()
    # (path, error): files that could not be read, left out of a build that is not strict
    skipped: tuple[tuple[str, NpcgraphError], ...] = ()
    # (path, encoding): files read in another encoding than UTF-8
    encodings: tuple[tuple[str, str], ...] = ()
    outputs: dict[str, bytes] = field(default_factory=dict)  # report key -> Rendering output
    extra_outputs: dict[str, bytes] = field(default_factory=dict)  # report key -> the extra Rendering's output

    @property
    def characters(self) -> int:
        return sum(len(document.report.text) for document in self.corpus.documents)


@dataclass(frozen=True, slots=True)
class _Failure:
    """An NpcgraphError raised in a worker, carried back as data (its pickling is not assumed)."""

    error_type: type[NpcgraphError]
    code: str
    fields: dict[str, Any]

    def error(self) -> NpcgraphError:
        return self.error_type(self.code, **self.fields)

    def raise_again(self) -> None:
        raise self.error()


def _file_key(path: Path, names: str = "model") -> str:
    digest = file_digest(path)
    if digest is None:
        return ""  # unreadable: never a cache hit; ingest raises the user-facing error
    return file_entry_key(path.name, digest, names)


def file_entry_key(name: str, digest: str, names: str = "model") -> str:
    """The cache key of a file named ``name`` whose bytes hash to ``digest`` (hex), extracted
    with ``names`` (a document extracted without the name model is another entry)."""
    return entry_key(name if names == "model" else f"{name}\0names={names}", digest.encode("ascii"))


_Result = tuple[Document, "tuple[bytes, ...]"]


def _work(
    path: Path, cache: Cache | None, key: str, renderings: tuple[Rendering, ...], document: Document | None, names: str = "model",
    data: bytes | None = None,
) -> _Result | _Failure:
    """What a worker does with one file (also run in-process when ``jobs`` is 1): extract it
    (from ``data``, its bytes, when they are given) unless its ``document`` is given (with the
    name model or without: ``names``), and make the renderings' outputs from it."""
    try:
        if document is None:
            try:
                with names_from(names):
                    document = process_file(path, data)
            except NpcgraphError as exc:
                return _Failure(type(exc), exc.code, {name: str(value) if isinstance(value, BaseException) else value for name, value in exc.fields.items()})
            if cache is not None and key:
                cache.put(key, document)
        outputs = tuple(rendering.make(document) for rendering in renderings)
        if cache is not None and key:
            for rendering, output in zip(renderings, outputs):
                cache.put_output(key, rendering.version, output)
    except Exception as exc:  # a bug: say which file shows it (a worker's traceback names none)
        raise RuntimeError(f"npcgraph failed on {path}: {type(exc).__name__}: {exc}") from exc
    return document, outputs


def _pool(jobs: int) -> ProcessPoolExecutor:
    # fork shares the parent's loaded modules and lexicons with the workers at no cost;
    # elsewhere (macOS, Windows) the platform's default start method is used.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Workers are forked while the parent's collector is paused; they collect as usual.
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=gc.enable)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while documents arrive from the workers (or are
    extracted in this process).

    Each arriving document adds thousands of objects that live to the end of the build, none
    in cycles; every full collection walks all of them, which cost a fifth of the time of a
    1,000-report build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run_all(
    tasks: Sequence[tuple], jobs: int, done: Callable[[int, _Result | _Failure], None], strict: bool = True, executor: str | None = None,
) -> list[_Result | _Failure]:
    """``_work(*task)`` for every task, in processes (or on the Dask cluster at ``executor``);
    results in task order, each also given to ``done`` with its task's index as it comes.

    When files fail and ``strict`` is set, the error of the first failing one in task order is
    raised, whatever order the workers finished in; otherwise failures are returned in place.
    """
    results: dict[int, _Result | _Failure] = {}
    if executor is None and (jobs <= 1 or len(tasks) <= 1):
        # in this process, the collector paused too: the documents extracted stay to the end of
        # the build, and extraction leaves almost no cycles (about 40 objects a report)
        with _collection_paused():
            for index, task in enumerate(tasks):
                results[index] = result = _work(*task)
                if isinstance(result, _Failure) and strict:
                    result.raise_again()
                done(index, result)
        return [results[index] for index in range(len(tasks))]  # type: ignore[misc]

    with (_pool(min(jobs, len(tasks))) if executor is None else cluster(executor)) as pool, _collection_paused():
        futures: dict[Future, int] = {pool.submit(_work, *task): index for index, task in enumerate(tasks)}
        pending = set(futures)
        first_failure = len(tasks)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = futures[future]
                    if future.cancelled():
                        continue
                    results[index] = result = future.result()
                    if isinstance(result, _Failure) and strict and index < first_failure:
                        first_failure = index
                        for other in pending:  # later files cannot change which error is reported
                            if futures[other] > index:
                                other.cancel()
                    done(index, result)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    for index in range(len(tasks)):
        result = results.get(index)
        if isinstance(result, _Failure) and strict:
            result.raise_again()
    return [results[index] for index in range(len(tasks))]  # type: ignore[misc]


def run_build(
    paths: Iterable[Path],
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    prune_cache: bool = False,
    rendering: Rendering | None = None,
    strict: bool = True,
    names: str = "model",
    extra: Rendering | None = None,
    executor: str | None = None,
    arrived: Callable[[str, tuple[bytes, ...]], object] | None = None,
) -> CorpusBuild:
    """Read, structure and extract every report under ``paths`` into one corpus.

    ``jobs`` processes extract in parallel (0: one per CPU). With a ``cache``, files whose
    name and bytes were extracted before by the same code are not extracted again; with
    ``prune_cache`` the cache keeps only this build's entries afterwards. A ``rendering`` is
    made from each document (or taken from the cache) into ``outputs``, an ``extra`` one
    into ``extra_outputs``. Files whose normalized
    text equals an earlier file's (the same article saved twice) are one report: the first in
    path order is kept and the others are listed in ``duplicates``. Unless ``strict``, a file
    that cannot be read (an InputError) is left out and listed in ``skipped`` with its error;
    when no file can be read, the first one's error is raised. ``names`` is what proposes
    persons, places and bodies beside the genre rules: ``"model"`` (the name model, the
    default) or ``"rules"`` (nothing: the rules alone; see ``extract/tagger.py``). With
    ``executor``, the address of a Dask scheduler, the files are extracted on its cluster
    instead (``jobs`` unused): the workers get each file's bytes and the main process keeps the
    cache. ``arrived`` is given each report's key and renderings' outputs as soon as they are
    had (taken from the cache, or extracted: in the order the workers finish), before the
    duplicates are left out.
    """
    check_names(names)  # an unknown source fails here, before any work
    files = collect_inputs(list(paths))
    jobs = (os.cpu_count() or 1) if jobs == 0 else jobs
    keys = [_file_key(path, names) for path in files] if cache is not None else [""] * len(files)
    renderings = tuple(r for r in (rendering, extra) if r is not None)
    documents: list[Document | None] = [None] * len(files)
    outputs: list[tuple[bytes, ...] | None] = [() if not renderings else None] * len(files)
    if cache is not None:
        for index, key in enumerate(keys):
            documents[index] = cache.get(key) if key else None
            if documents[index] is not None and renderings:
                found = tuple(cache.get_output(key, r.version) for r in renderings)
                outputs[index] = found if None not in found else None  # type: ignore[assignment]
    todo = [index for index in range(len(files)) if documents[index] is None or outputs[index] is None]
    finished = 0

    def done(name: str, document: Document | None = None, made: tuple[bytes, ...] = ()) -> None:
        nonlocal finished
        finished += 1
        if arrived is not None and document is not None:
            arrived(document.report.key, made)
        if progress:
            progress(name, finished, len(files))

    def extracted_one(position: int, result: _Result | _Failure) -> None:
        done(files[todo[position]].name, *(() if isinstance(result, _Failure) else result))

    for index in sorted(set(range(len(files))) - set(todo)):
        done(files[index].name, documents[index], outputs[index] or ())
    if executor is None:
        tasks = [(files[i], cache, keys[i], renderings, documents[i], names) for i in todo]
    else:  # the cluster's workers may not see the files nor the cache folder
        tasks = [(files[i], None, keys[i], renderings, documents[i], names, _read(files[i]) if documents[i] is None else None) for i in todo]
    extracted = sum(1 for i in todo if documents[i] is None)
    failed: list[tuple[str, NpcgraphError]] = []
    for index, result in zip(todo, _run_all(tasks, jobs, extracted_one, strict, executor)):
        if isinstance(result, _Failure):
            failed.append((str(files[index]), result.error()))
            continue
        if executor is not None and cache is not None and keys[index]:
            if documents[index] is None:
                cache.put(keys[index], result[0])
            for made, output in zip(renderings, result[1]):
                cache.put_output(keys[index], made.version, output)
        documents[index], outputs[index] = result
    if failed and len(failed) == len(files):
        raise failed[0][1]
    if cache is not None and prune_cache:
        cache.prune({key for key in keys if key}, frozenset(r.version for r in renderings))

    encodings = tuple(
        (str(path), document.report.metadata.encoding)
        for path, document in zip(files, documents)
        if document is not None and document.report.metadata.encoding not in (None, "utf-8", "utf-8-sig")
    )
    kept: dict[str, Document] = {}
    kept_outputs: dict[str, bytes] = {}
    extra_outputs: dict[str, bytes] = {}
    duplicates: list[tuple[str, str]] = []
    for document, made in zip(documents, outputs):
        if document is None:  # skipped: it could not be read
            continue
        first = kept.setdefault(document.report.key, document)
        if first is not document:
            duplicates.append((document.report.source_file, first.report.source_file))
            continue
        made = made or ()
        if rendering is not None and made:
            kept_outputs[document.report.key] = made[0]
        if extra is not None and made:
            extra_outputs[document.report.key] = made[-1]
    ordered = sorted(kept.values(), key=lambda document: (document.report.key, document.report.source_file))
    return CorpusBuild(
        corpus=Corpus(tuple(ordered)),
        files=len(files),
        extracted=extracted,
        reused=len(files) - extracted,
        duplicates=tuple(duplicates),
        skipped=tuple(failed),
        encodings=encodings,  # type: ignore[arg-type]
        outputs=kept_outputs,
        extra_outputs=extra_outputs,
    )


def _read(path: Path) -> bytes | None:
    """A file's bytes, or None when it cannot be read here (the worker then reports why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def build_corpus(
    paths: Iterable[Path],
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    names: str = "model",
) -> Corpus:
    """The corpus of the reports under ``paths`` (see :func:`run_build`)."""
    return run_build(paths, jobs=jobs, cache=cache, progress=progress, names=names).corpus
