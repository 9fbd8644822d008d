"""The library's entry points, for notebooks and scripts (the CLI calls these too)."""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from .model import Corpus
from .pipeline import build_corpus
from .resources import bundled_report

__all__ = ["build"]


def build(inputs: Iterable[str | PathLike[str]] | None = None) -> Corpus:
    """Read the reports under ``inputs`` (files or folders; default: the bundled report)."""
    paths = [Path(p) for p in inputs] if inputs else [bundled_report()]
    return build_corpus(paths)
