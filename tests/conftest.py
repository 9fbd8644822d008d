"""Shared fixtures: the seed report, its corpus and graph (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

import npcgraph
from npcgraph.resources import bundled_report

TESTS = Path(__file__).parent
DATA = TESTS / "data"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return bundled_report()


@pytest.fixture(scope="session")
def seed_corpus(seed_path):
    return npcgraph.build([seed_path])


@pytest.fixture(scope="session")
def seed_document(seed_corpus):
    return seed_corpus.documents[0]


@pytest.fixture(scope="session")
def seed_graph(seed_corpus):
    """The seed's graph. Session-scoped: tests must not modify it (copy it first)."""
    return npcgraph.to_graph(seed_corpus)
