"""Data files shipped with npcgraph, loaded by name.

The ontology and the bundled report live at the top of the repository (``ontology/``,
``data/``) and are copied into the wheel as ``npcgraph/_ontology`` and ``npcgraph/_data``;
lexicons and SPARQL queries live inside the package. Running from a source checkout without
installing falls back to the repository folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["ontology_path", "bundled_report", "lexicon_path", "queries_dir"]

_PACKAGE = Path(__file__).resolve().parent
_REPOSITORY = _PACKAGE.parent.parent  # src/npcgraph -> repository root, in a checkout

BUNDLED_REPORT_NAME = "wuhan-2022-04-whole-process-democracy.txt"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


@cache
def ontology_path(name: str = "npcgraph.ttl") -> Path:
    """A file of the ontology folder: npcgraph.ttl, shapes.ttl, context.jsonld."""
    return _first_existing(_PACKAGE / "_ontology" / name, _REPOSITORY / "ontology" / name)


def bundled_report() -> Path:
    """The report ``npcgraph build`` reads when given no input."""
    return _first_existing(
        _PACKAGE / "_data" / BUNDLED_REPORT_NAME, _REPOSITORY / "data" / BUNDLED_REPORT_NAME
    )


def lexicon_path(name: str) -> Path:
    return _PACKAGE / "lexicon" / name


def queries_dir() -> Path:
    return _PACKAGE / "queries"
