"""Runs the stages in order: ingest -> structure -> extraction stages -> corpus.

``build_corpus(paths)`` reads every report file under ``paths`` into one :class:`Corpus`. Each
file is one report; files can be extracted in parallel processes (``jobs``) and reused from an
extraction cache (``cache``), and the corpus is the same either way: documents are ordered by
report key, so the same set of files gives the same corpus whatever order they were named in,
whichever process extracted them, and whether they came from the cache or not.

    paths ─ collect_inputs ─┬─ cache hit ──────────────────────────┐
                            └─ ingest → structure → STAGES (×jobs) ─┴─ sort, drop duplicates → Corpus
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, entry_key
from .errors import NpcgraphError
from .extract import STAGES
from .ingest import collect_inputs, ingest
from .model import Corpus, Document, Report
from .structure import structure

__all__ = ["read_report", "extract", "process_file", "build_corpus", "run_build", "CorpusBuild", "Progress"]

#: Called after each file is done: (file name, files done, files in all).
Progress = Callable[[str, int, int], None]

_CHUNK = 1 << 20


def read_report(path: Path) -> Report:
    """One file to a structured Report."""
    return structure(ingest(path))


def extract(report: Report) -> Document:
    """Every extraction stage over one report."""
    document = Document(report=report)
    for stage in STAGES:
        document = stage(document)
    return document


def process_file(path: Path) -> Document:
    """One file to its Document: read, structure, extract."""
    return extract(read_report(path))


@dataclass(frozen=True, slots=True)
class CorpusBuild:
    """A corpus and how it was made."""

    corpus: Corpus
    files: int  # report files found
    extracted: int  # files read and extracted by this build
    reused: int  # files whose document came from the cache
    # (file skipped, file kept): files whose normalized text is the same as an earlier file's
    duplicates: tuple[tuple[str, str], ...] = ()

    @property
    def characters(self) -> int:
        return sum(len(document.report.text) for document in self.corpus.documents)


@dataclass(frozen=True, slots=True)
class _Failure:
    """An NpcgraphError raised in a worker, carried back as data (its pickling is not assumed)."""

    error_type: type[NpcgraphError]
    code: str
    message: str
    hint: str | None

    def raise_again(self) -> None:
        raise self.error_type(self.code, self.message, self.hint)


def _file_key(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""  # unreadable: never a cache hit; ingest raises the user-facing error
    return entry_key(path.name, digest.hexdigest().encode("ascii"))


def _work(path: Path, cache: Cache | None, key: str) -> Document | _Failure:
    """What a worker does with one file (also run in-process when ``jobs`` is 1)."""
    try:
        document = process_file(path)
    except NpcgraphError as exc:
        return _Failure(type(exc), exc.code, exc.message, exc.hint)
    if cache is not None and key:
        cache.put(key, document)
    return document


def _pool(jobs: int) -> ProcessPoolExecutor:
    # fork shares the parent's loaded modules and lexicons with the workers at no cost;
    # elsewhere (macOS, Windows) the platform's default start method is used.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _extract_all(
    paths: Sequence[Path],
    keys: Sequence[str],
    cache: Cache | None,
    jobs: int,
    done: Callable[[int], None],
) -> list[Document]:
    """Documents for ``paths`` (in that order); the first failing file, in order, raises."""
    results: dict[int, Document | _Failure] = {}
    if jobs <= 1 or len(paths) <= 1:
        for index, path in enumerate(paths):
            results[index] = result = _work(path, cache, keys[index])
            if isinstance(result, _Failure):
                result.raise_again()
            done(index)
        return [results[index] for index in range(len(paths))]  # type: ignore[misc]

    with _pool(min(jobs, len(paths))) as executor:
        futures: dict[Future, int] = {
            executor.submit(_work, path, cache, keys[index]): index for index, path in enumerate(paths)
        }
        pending = set(futures)
        first_failure = len(paths)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = futures[future]
                    if future.cancelled():
                        continue
                    results[index] = result = future.result()
                    if isinstance(result, _Failure) and index < first_failure:
                        first_failure = index
                        for other in pending:  # later files cannot change which error is reported
                            if futures[other] > index:
                                other.cancel()
                    done(index)
        except BaseException:
            executor.shutdown(wait=True, cancel_futures=True)
            raise
    for index in range(len(paths)):
        result = results.get(index)
        if isinstance(result, _Failure):
            result.raise_again()
    return [results[index] for index in range(len(paths))]  # type: ignore[misc]


def run_build(
    paths: Iterable[Path],
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    prune_cache: bool = False,
) -> CorpusBuild:
    """Read, structure and extract every report under ``paths`` into one corpus.

    ``jobs`` processes extract in parallel (0: one per CPU). With a ``cache``, files whose
    name and bytes were extracted before by the same code are not extracted again; with
    ``prune_cache`` the cache keeps only this build's entries afterwards. Files whose
    normalized text equals an earlier file's (the same article saved twice) are one report:
    the first in path order is kept and the others are listed in ``duplicates``.
    """
    files = collect_inputs(list(paths))
    jobs = (os.cpu_count() or 1) if jobs == 0 else jobs
    keys = [_file_key(path) for path in files] if cache is not None else [""] * len(files)
    documents: list[Document | None] = [cache.get(key) if cache is not None and key else None for key in keys]
    todo = [index for index, document in enumerate(documents) if document is None]
    finished = 0

    def done(_: int | None = None, name: str = "") -> None:
        nonlocal finished
        finished += 1
        if progress:
            progress(name, finished, len(files))

    for index, document in enumerate(documents):
        if document is not None:
            done(name=files[index].name)
    extracted = _extract_all(
        [files[i] for i in todo],
        [keys[i] for i in todo],
        cache,
        jobs,
        lambda position: done(name=files[todo[position]].name),
    )
    for index, document in zip(todo, extracted):
        documents[index] = document
    if cache is not None and prune_cache:
        cache.prune({key for key in keys if key})

    kept: dict[str, Document] = {}
    duplicates: list[tuple[str, str]] = []
    for document in documents:
        assert document is not None
        first = kept.setdefault(document.report.key, document)
        if first is not document:
            duplicates.append((document.report.source_file, first.report.source_file))
    ordered = sorted(kept.values(), key=lambda document: (document.report.key, document.report.source_file))
    return CorpusBuild(
        corpus=Corpus(tuple(ordered)),
        files=len(files),
        extracted=len(todo),
        reused=len(files) - len(todo),
        duplicates=tuple(duplicates),
    )


def build_corpus(
    paths: Iterable[Path],
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
) -> Corpus:
    """The corpus of the reports under ``paths`` (see :func:`run_build`)."""
    return run_build(paths, jobs=jobs, cache=cache, progress=progress).corpus
