"""The library's entry points, for notebooks and scripts; the command line calls the same ones.

    build(inputs) -> Corpus                         read, structure, extract
    build_folder(inputs, output, ...) -> Built      what ``npcgraph build`` does: OUT/graph.ttl,
                                                    OUT/graph.html, other formats, a store
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from .cache import Cache
from .errors import NpcgraphError
from .export import export_files
from .graphfile import turtle_and_store, turtle_pieces
from .model import Corpus
from .outputs import build_lock, commit, recover, stage_files
from .pipeline import CorpusBuild, Progress, build_corpus, run_build
from .progress import ProgressBars
from .provenance import with_provenance
from .rdf import to_dataset
from .resources import bundled_report
from .serialization import FORMATS, parse_formats
from .stats import class_counts
from .store import OXIGRAPH_PREFIX, check_location, open_graph, open_source, parse_store_spec, scratch_store
from .uptodate import fingerprint, forget, record, up_to_date
from .viewer import render

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
    strict: bool = True,
    bars: ProgressBars | None = None,
    freeze_gc: bool = False,
) -> Built:
    """The reports under ``inputs`` (default: the bundled report) built into the folder
    ``output``: graph.ttl, graph.html, the other ``formats`` (comma-separated export formats)
    and, with ``store`` (``oxigraph:DIR``), a persistent Oxigraph store. ``names`` is
    ``"model"`` (the name model proposes persons, places and bodies beside the genre rules)
    or ``"rules"`` (the rules alone: faster, fewer names).

    Extracted reports are kept in ``cache`` (default ``OUTPUT/.cache``, pruned to this build's
    reports) unless ``use_cache`` is off; a build whose inputs, options and code did not change
    keeps its outputs (``Built.kept``). Unless ``strict``, files that cannot be read are left
    out and listed in ``Built.skipped``. ``freeze_gc`` (for a one-shot process such as the
    command line) stops the cyclic garbage collector for the rest of the process once the
    documents are made: its passes over millions of objects cost 40% of a build.
    """
    output = Path(output)
    paths = [Path(p) for p in inputs] if inputs else [bundled_report()]
    exported = [name for name in parse_formats(formats) if name != "ttl"]  # fail before the work
    location = parse_store_spec(store) if store else None
    if location is not None:
        check_location(location)
    bars = bars or ProgressBars(enabled=False)
    cache_folder = Path(cache) if cache is not None else output / ".cache"
    made = not output.exists()
    try:
        with build_lock(output), ExitStack() as scratch:
            recover(output)  # a build killed while moving its outputs into place
            # after recover: a half-moved build is never up to date
            stamp = None
            if not use_cache:
                forget(cache_folder, output)
            else:
                options = {
                    "format": formats, "store": location and location.resolve(), "provenance": provenance, "names": names,
                    "cache": cache_folder.resolve(),
                }
                stamp = fingerprint(paths, options)
                kept = up_to_date(cache_folder, output, stamp)
                if kept is not None:
                    return Built(tuple(kept.written), Counter(kept.counts), kept=True)
                forget(cache_folder, output)
            with bars.step("Extracting", unit="report") as bar:
                held = [run_build(
                    paths,
                    jobs=jobs,
                    cache=Cache(cache_folder) if use_cache else None,
                    progress=_progress(bar),
                    prune_cache=cache is None,
                    rendering=turtle_pieces(provenance),
                    strict=strict,
                    names=names,
                )]
            result = held[0]
            facts = (result.files, result.skipped, result.duplicates, result.encodings)
            # Without a store the graph goes to a temporary store in TMPDIR, removed at the end:
            # the viewer and the counts read it with SPARQL, and memory stays bounded.
            where = location if location is not None else scratch.enter_context(scratch_store())
            del result  # no reference kept here: _write lets the documents go once the store holds them
            written, counts = _write(held.pop(), output, where, exported, provenance, location is not None, bars, freeze_gc)
    except BaseException:
        if made and output.is_dir() and not any(output.iterdir()):
            output.rmdir()  # a build that failed leaves no empty folder behind
        raise
    if location is not None:
        written.append(location)
    files, skipped, duplicates, encodings = facts
    if stamp is not None and not skipped:  # a build that skipped files is never up to date
        record(cache_folder, output, stamp, written, counts)
    return Built(tuple(written), counts, False, files, tuple(skipped), tuple(duplicates), tuple(encodings))


def _progress(bar: object) -> Progress:
    return lambda name, done, total: bar.update(done, total)  # type: ignore[attr-defined]


def _write(
    result: CorpusBuild, output: Path, location: Path, formats: list[str], provenance: str, staged: bool,
    bars: ProgressBars, freeze_gc: bool,
) -> tuple[list[Path], Counter[str]]:
    """graph.ttl and the Oxigraph store at ``location`` (loaded together), then graph.html and
    the other formats read from the store; the files written and the class counts.

    With ``staged`` (a --store build) the store is loaded beside its location and moved into
    place with the files, in one commit: a build killed before it leaves the previous store
    and files, never a new store beside old files."""
    corpus = with_provenance(result.corpus, provenance)
    if freeze_gc:
        gc.freeze()
        gc.disable()
    # graph.ttl is joined from per-report pieces made by the extraction workers; the same
    # pieces load the store and every later step reads the graph from there, not from memory.
    with bars.step("Loading the store", unit="B") as bar:
        parts, loaded = turtle_and_store(corpus, result.outputs, location, progress=bar.update, stage=staged)
    try:
        # the pyoxigraph Store itself: the viewer and the counts read it with SPARQL; the other
        # formats' writers (rdflib's) are given its triples copied into an rdflib Graph
        graph = open_source(f"{OXIGRAPH_PREFIX}{loaded.path if staged else location}").store
        datasets = any(FORMATS[name].kind == "dataset" for name in formats)  # these need the documents
        if not datasets:
            corpus = result = None  # the store and graph.ttl's file hold it all: let the documents go
        files = {"graph.ttl": parts, "graph.html": render(graph).encode("utf-8")}
        if formats:
            named = to_dataset(corpus) if datasets else None
            files.update(export_files(open_graph(graph), formats, dataset=named))
        counts = class_counts(graph)
        moves = stage_files(output, files)
        commit(output, moves + (loaded.moves if staged else []))
    finally:
        if staged:
            loaded.discard()
    return [target for _, target in moves], counts
