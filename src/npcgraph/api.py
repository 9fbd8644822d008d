"""The library's entry points, for notebooks and scripts; the command line calls the same ones.

    build(inputs) -> Corpus                         read, structure, extract
    build_folder(inputs, output, ...) -> Built      what ``npcgraph build`` does: OUT/graph.ttl,
                                                    OUT/graph.html, other formats, a store
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from . import incremental
from .cache import Cache
from .digest import class_counts, digest_rendering, load_digest, merged_entities
from .errors import NpcgraphError
from .executor import check_address
from .export import export_files
from .graphfile import EarlyLoad, StoreLoader, turtle_and_store, turtle_file, turtle_pieces
from .model import Corpus
from .outputs import build_lock, commit, recover, stage_files
from .pipeline import CorpusBuild, Progress, build_corpus, run_build
from .progress import ProgressBars
from .provenance import with_provenance
from .rdf import to_dataset
from .resources import bundled_report
from .serialization import FORMATS, parse_formats
from .store import OXIGRAPH_PREFIX, check_location, open_graph, open_source, parse_store_spec, scratch_store
from .uptodate import fingerprint, forget, previous, record, up_to_date
from .viewer import render_digests

__all__ = ["build", "build_folder", "Built"]


def build(inputs: Iterable[str | PathLike[str]] | None = None, names: str = "model") -> Corpus:
    """Read the reports under ``inputs`` (files or folders; default: the bundled report), with
    the name model or the genre rules alone (``names="rules"``)."""
    paths = [Path(p) for p in inputs] if inputs else [bundled_report()]
    return build_corpus(paths, names=names)


@dataclass(frozen=True)
class Built:
    """What :func:`build_folder` did: the files written (the store last), the class counts
    (:func:`npcgraph.stats.class_counts`), and what the caller may want to say about the inputs."""

    written: tuple[Path, ...]
    counts: Counter[str]
    kept: bool = False  # nothing changed since the last build: its outputs were kept
    files: int = 0  # input files
    skipped: tuple[tuple[str, NpcgraphError], ...] = ()  # files that could not be read (not strict)
    duplicates: tuple[tuple[str, str], ...] = ()  # (file left out, file with the same text)
    encodings: tuple[tuple[str, str], ...] = ()  # (file, encoding) of files not in UTF-8


def build_folder(
    inputs: Iterable[str | PathLike[str]] | None = None,
    output: str | PathLike[str] = "out",
    *,
    formats: str = "ttl",
    store: str | None = None,
    provenance: str = "full",
    names: str = "model",
    cache: str | PathLike[str] | None = None,
    use_cache: bool = True,
    jobs: int = 1,
    executor: str | None = None,
    strict: bool = True,
    bars: ProgressBars | None = None,
    freeze_gc: bool = False,
    explain: Callable[[str], object] | None = None,
) -> Built:
    """The reports under ``inputs`` (default: the bundled report) built into the folder
    ``output``: graph.ttl, graph.html, the other ``formats`` (comma-separated export formats)
    and, with ``store`` (``oxigraph:DIR``), a persistent Oxigraph store. ``names`` is
    ``"model"`` (the name model proposes persons, places and bodies beside the genre rules)
    or ``"rules"`` (the rules alone: faster, fewer names).

    Extracted reports are kept in ``cache`` (default ``OUTPUT/.cache``, pruned to this build's
    reports) unless ``use_cache`` is off; a build whose inputs, options and code did not change
    keeps its outputs (``Built.kept``). Unless ``strict``, files that cannot be read are left
    out and listed in ``Built.skipped``. With ``executor``, the address of a Dask scheduler
    (``tcp://HOST:PORT``), the reports are extracted on its cluster instead of in ``jobs``
    local processes; the outputs are the same bytes. ``freeze_gc`` (for a one-shot process such as the
    command line) stops the cyclic garbage collector for the rest of the process once the
    documents are made: its passes over millions of objects cost 40% of a build.

    When a few input files changed since the last build into ``output`` (same code, same
    options, outputs untouched), only they are extracted and the outputs are patched
    (:mod:`npcgraph.incremental`), to the same bytes; ``explain`` is told which way the build
    went and, when in full, why.
    """
    output = Path(output)
    paths = [Path(p) for p in inputs] if inputs else [bundled_report()]
    exported = [name for name in parse_formats(formats) if name != "ttl"]  # fail before the work
    location = parse_store_spec(store) if store else None
    if location is not None:
        check_location(location)
    if executor is not None:
        check_address(executor)
    bars = bars or ProgressBars(enabled=False)
    cache_folder = Path(cache) if cache is not None else output / ".cache"
    made = not output.exists()
    try:
        with build_lock(output), ExitStack() as scratch:
            recover(output)  # a build killed while moving its outputs into place
            # after recover: a half-moved build is never up to date
            stamp = None
            inputs: dict[Path, str] = {}
            if not use_cache:
                forget(cache_folder, output)
                _explain(explain, "building in full: --no-cache")
            else:
                options = {
                    "format": formats, "store": location and location.resolve(), "provenance": provenance, "names": names,
                    "cache": cache_folder.resolve(),
                }
                stamp = fingerprint(paths, options, inputs)
                kept = up_to_date(cache_folder, output, stamp)
                if kept is not None:
                    return Built(tuple(kept.written), Counter(kept.counts), kept=True)
                last = previous(cache_folder, output)
                forget(cache_folder, output)
                try:
                    planned = incremental.plan(cache_folder, output, stamp, last, inputs, exported, names)
                    with bars.step("Updating", unit="report") as bar:
                        bar.update(0, len(planned.changed))
                        made = incremental.run(
                            planned, output, cache_folder, location, provenance, jobs=jobs, strict=strict, prune=cache is None,
                        )
                except incremental.Unsafe as why:
                    _explain(explain, f"building in full: {why}")
                else:
                    _explain(explain, f"updated the last build: {len(planned.changed)} files extracted, {len(planned.removed)} gone or changed")
                    written = made.written + ([location] if location is not None else [])
                    record(cache_folder, output, stamp, written, made.counts)
                    incremental.record_run(cache_folder, output, stamp, made)
                    return Built(tuple(written), made.counts, False, len(inputs), (), (), made.encodings)
            # The store (with --store; else a temporary one in TMPDIR, removed at the end, when
            # other formats are written from it) loads each report's piece as it is extracted.
            where = location if location is not None else scratch.enter_context(scratch_store()) if exported else None
            early = None
            if where is not None:
                early = EarlyLoad(StoreLoader(where, stage=location is not None))
                scratch.callback(early.loader.abandon)  # a build that fails leaves nothing of it
            with bars.step("Extracting", unit="report") as bar:
                held = [run_build(
                    paths,
                    jobs=jobs,
                    executor=executor,
                    cache=Cache(cache_folder) if use_cache else None,
                    progress=_progress(bar),
                    prune_cache=cache is None,
                    rendering=turtle_pieces(provenance),
                    strict=strict,
                    names=names,
                    extra=digest_rendering(provenance),
                    arrived=(lambda key, made: early.add(key, made[0] if made else None)) if early is not None else None,
                )]
            result = held[0]
            facts = (result.files, result.skipped, result.duplicates, result.encodings)
            del result  # no reference kept here: _write lets the documents go once the store holds them
            written, counts, groups = _write(held.pop(), output, early, exported, provenance, location is not None, bars, freeze_gc)
    except BaseException:
        if made and output.is_dir() and not any(output.iterdir()):
            output.rmdir()  # a build that failed leaves no empty folder behind
        raise
    if location is not None:
        written.append(location)
    files, skipped, duplicates, encodings = facts
    if stamp is not None and not skipped:  # a build that skipped files is never up to date
        record(cache_folder, output, stamp, written, counts)
        if not duplicates:  # the next build may patch this one
            incremental.record_index(cache_folder, output, stamp, inputs, output / "graph.ttl", groups, names)
    return Built(tuple(written), counts, False, files, tuple(skipped), tuple(duplicates), tuple(encodings))


def _explain(explain: Callable[[str], object] | None, text: str) -> None:
    if explain is not None:
        explain(text)


def _progress(bar: object) -> Progress:
    return lambda name, done, total: bar.update(done, total)  # type: ignore[attr-defined]


#: From this many reports on, graph.html and the class counts are drawn in a process of their
#: own (forked: it has the digests already) while this one formats graph.ttl's entities and
#: the store's loader finishes; on a smaller build, forking would cost more than it saves.
_DRAW_APART = 100


def draw_page(outputs: Sequence[bytes]) -> tuple[bytes, Counter[str]]:
    """graph.html and the class counts (:func:`npcgraph.digest.class_counts`) from the reports'
    digests (the outputs of :func:`~npcgraph.digest.digest_rendering`, in the corpus's order)."""
    digests = [load_digest(output) for output in outputs]
    merged = merged_entities(digests)
    return render_digests(digests, merged=merged).encode("utf-8"), class_counts(digests, merged)


class PageDrawing:
    """:func:`draw_page` of ``outputs``: with ``apart`` (by default, from ``_DRAW_APART``
    reports on) and where processes can be forked, started at once in a forked process, else
    drawn here when :meth:`result` is first asked. :meth:`close` stops a drawing no longer wanted."""

    def __init__(self, outputs: Sequence[bytes], apart: bool | None = None) -> None:
        apart = len(outputs) >= _DRAW_APART if apart is None else apart
        self._outputs: Sequence[bytes] | None = outputs
        self._made: tuple[bytes, Counter[str]] | None = None
        self._process: Any = None
        self._received = False
        if apart and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
                stream.flush()
            self._process = context.Process(
                target=_draw_into, args=(outputs, send, self._receive), name="npcgraph-page", daemon=True,
            )
            self._process.start()
            send.close()
            self._outputs = None

    def result(self) -> tuple[bytes, Counter[str]]:
        """(graph.html's bytes, the class counts); what failed in the drawing is raised here."""
        if self._made is None:
            if self._process is None:
                self._made = draw_page(self._outputs or ())
            else:
                try:
                    made = self._receive.recv()
                except EOFError:  # the process died without a word (killed)
                    self._process.join()
                    made = (RuntimeError(f"drawing graph.html failed: its process ended with {self._process.exitcode}"),)
                self._received = True
                self.close()
                if len(made) == 1:
                    raise made[0]
                self._made = made
            self._outputs = None
        return self._made

    def close(self) -> None:
        if self._process is not None:
            if not self._received:  # not wanted any more (the build failed): stopped
                self._process.terminate()
            self._process.join()
            self._receive.close()
            self._process = None


def _draw_into(outputs: Sequence[bytes], send: Any, receive: Any) -> None:
    """:func:`draw_page` in the drawing's process, its result (or its error) sent back through
    ``send``; ``receive``, the parent's end that came with the fork, is closed first, so that
    the sending fails instead of waiting for ever if the parent is gone."""
    receive.close()
    try:
        made: tuple = draw_page(outputs)
    except BaseException as exc:  # noqa: BLE001 - raised again by the parent
        made = (exc,)
    try:
        send.send(made)
    except Exception as exc:  # an error that cannot be pickled: its text
        send.send((RuntimeError(f"drawing graph.html failed: {type(exc).__name__}: {exc}"),))
    send.close()


def _write(
    result: CorpusBuild, output: Path, early: EarlyLoad | None, formats: list[str], provenance: str, staged: bool,
    bars: ProgressBars, freeze_gc: bool,
) -> tuple[list[Path], Counter[str], list[tuple[object, int]]]:
    """graph.ttl and the Oxigraph store that ``early`` has been loading (given the rest, when
    there is one), then graph.html and the class counts from the reports' digests, and the
    other formats read from the store; the files written, the class counts and graph.ttl's groups.

    With ``staged`` (a --store build) the store is loaded beside its location and moved into
    place with the files, in one commit: a build killed before it leaves the previous store
    and files, never a new store beside old files."""
    corpus = with_provenance(result.corpus, provenance)
    digests = [result.extra_outputs[document.report.key] for document in result.corpus.documents]
    if freeze_gc:
        gc.freeze()
        gc.disable()
    # graph.html and the counts come from the digests alone: on a large build, drawn in a
    # process of their own from now on, beside graph.ttl and the store (PageDrawing).
    drawing = PageDrawing(digests)
    del digests
    try:
        # graph.ttl is joined from per-report pieces made by the extraction workers; the same
        # pieces load the store, if there is one (nothing of this build reads it: the page and the
        # counts come from the digests; the other formats and the user's queries do).
        loaded = None
        page: dict[str, Any] = {}
        datasets = any(FORMATS[name].kind == "dataset" for name in formats)  # these need the documents

        def draw() -> None:  # the page and the counts, from the digests alone
            nonlocal corpus, result
            if not datasets:
                corpus = result = None  # the store and graph.ttl's file hold it all: let the documents go
            page["html"], page["counts"] = drawing.result()

        if early is None:
            with bars.step("Writing graph.ttl", unit="B"):
                parts = turtle_file(corpus, result.outputs)
        else:
            with bars.step("Loading the store", unit="B") as bar:
                where = early.loader.location
                parts, loaded = turtle_and_store(
                    corpus, result.outputs, where, progress=bar.update, stage=staged, early=early,
                    meanwhile=draw,  # while the store's loader finishes, in its own thread
                )
        try:
            if not page:
                draw()
            files = {"graph.ttl": parts, "graph.html": page["html"]}
            if formats:
                named = to_dataset(corpus) if datasets else None
                # the pyoxigraph Store itself; the other formats' writers (rdflib's) are given its
                # triples copied into an rdflib Graph
                graph = open_source(f"{OXIGRAPH_PREFIX}{loaded.path if staged else where}").store
                files.update(export_files(open_graph(graph), formats, dataset=named))
            counts = page["counts"]
            moves = stage_files(output, files)
            commit(output, moves + (loaded.moves if staged else []))
        finally:
            if staged:
                loaded.discard()  # type: ignore[union-attr]
        return [target for _, target in moves], counts, parts.groups()
    finally:
        drawing.close()
