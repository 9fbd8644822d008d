"""Runs the stages in order: ingest -> structure -> extraction stages -> corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .extract import STAGES
from .ingest import collect_inputs, ingest
from .model import Corpus, Document, Report
from .structure import structure

__all__ = ["read_report", "extract", "build_corpus"]


def read_report(path: Path) -> Report:
    """One file to a structured Report."""
    return structure(ingest(path))


def extract(report: Report) -> Document:
    """Every extraction stage over one report."""
    document = Document(report=report)
    for stage in STAGES:
        document = stage(document)
    return document


def build_corpus(
    paths: Iterable[Path], progress: Callable[[Path], None] | None = None
) -> Corpus:
    """Read, structure and extract every report under ``paths`` into one corpus.

    Reports are ordered by key, so the same set of files gives the same corpus whatever order
    they were named in.
    """
    documents = []
    for path in collect_inputs(list(paths)):
        documents.append(extract(read_report(path)))
        if progress:
            progress(path)
    documents.sort(key=lambda document: (document.report.key, document.report.source_file))
    return Corpus(tuple(documents))
