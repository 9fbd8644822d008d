"""graph.html and the summary drawn from the reports' digests are those read from the store.

``npcgraph build`` draws the page and counts the summary from each report's digest
(``npcgraph.digest``, ``viewer/digestview.py``) instead of querying the store that holds the
graph; ``npcgraph view`` reads the store (``viewer/storeview.py``). Both must give the same
bytes and counts, whatever the graph holds: the seed, the hand-annotated cases (interviews,
townships, streets, national committees), generated reports, both provenances.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

import npcgraph
from npcgraph.digest import class_counts as digest_counts
from npcgraph.digest import digest_of, digest_rendering, load_digest
from npcgraph.graphfile import corpus_turtle
from npcgraph.model import Corpus
from npcgraph.provenance import facts_only, with_provenance
from npcgraph.stats import class_counts
from npcgraph.viewer import render, render_digests

from test_corpus import load_generator  # tests/ is on sys.path (pytest rootdir conftest)

CASES = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, seed_corpus) -> Corpus:
    """The seed, six hand-annotated cases of other kinds and 12 generated reports."""
    folder = tmp_path_factory.mktemp("generated")
    load_generator().generate(12, folder, seed=5)
    cases = [CASES / name for name in ("interview-yichang", "township-presidium", "street-committee", "national-standing-committee", "qianling-prefecture", "anji-county")]
    built = npcgraph.build([folder, *cases])
    return Corpus(tuple(sorted((*seed_corpus.documents, *built.documents), key=lambda d: d.report.key)))


def store_of(corpus: Corpus) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(corpus_turtle(corpus), pyoxigraph.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("provenance", ["full", "facts"])
def test_the_page_and_the_counts_of_the_digests_are_the_stores(mixed, seed_corpus, provenance):
    for corpus in (seed_corpus, mixed):
        shown = with_provenance(corpus, provenance)
        digests = [digest_of(document) for document in shown.documents]
        store = store_of(shown)
        assert render_digests(digests) == render(store)
        assert digest_counts(digests) == class_counts(store)
        assert dict(digest_counts(digests)) == dict(class_counts(store))


def test_a_small_limit_draws_the_same_page(mixed):
    digests = [digest_of(document) for document in mixed.documents]
    assert render_digests(digests, limit=40) == render(store_of(mixed), limit=40)


def test_the_workers_digest_is_the_documents(seed_document):
    for provenance, document in (("full", seed_document), ("facts", facts_only(seed_document))):
        made = digest_rendering(provenance)
        assert load_digest(made.make(seed_document)) == digest_of(document)
    assert digest_rendering("full").version != digest_rendering("facts").version
    with pytest.raises(ValueError):
        load_digest(b"not a digest")
