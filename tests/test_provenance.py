"""``--provenance facts``: the sentences that state facts and their statements, no mention phrases.

A facts graph is a subgraph of the full one (same IRIs, offsets, statements); graph.ttl of a
facts build is ``write_turtle`` of the facts corpus's graph, byte for byte, whatever the jobs,
store and cache (also a cache filled by a full build).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

import npcgraph
from npcgraph.cli import main
from npcgraph.errors import InputError
from npcgraph.exports.turtle import write_turtle
from npcgraph.namespaces import NIF, NPC, PROV, RDF
from npcgraph.provenance import facts_only, with_provenance

from test_corpus import REPORTS, load_generator  # tests/ is on sys.path (pytest rootdir conftest)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("provenance")
    load_generator().generate(6, folder, seed=5)
    shutil.copytree(REPORTS, folder / "cities")
    return folder


def test_facts_is_the_full_graph_without_phrases_and_unstated_sentences(seed_corpus, seed_graph):
    facts = npcgraph.to_graph(with_provenance(seed_corpus, "facts"))
    assert set(facts) < set(seed_graph)
    assert not set(facts.subjects(RDF.type, NIF.Phrase))
    kept = set(facts.subjects(RDF.type, NPC.Sentence))
    stated = set(facts.objects(None, PROV.wasDerivedFrom))
    assert kept == stated and stated  # every kept sentence states a fact, every fact's sentence is kept
    for sentence in kept:
        assert set(seed_graph.predicate_objects(sentence)) == set(facts.predicate_objects(sentence))
    full_only = set(seed_graph) - set(facts)
    dropped = {s for s, _, _ in full_only}
    assert all((s, RDF.type, NIF.Phrase) in seed_graph or (s, RDF.type, NPC.Sentence) in seed_graph for s in dropped)
    assert len(facts) < len(seed_graph) * 0.6


def test_facts_only_keeps_the_documents_own_model(seed_document):
    lean = facts_only(seed_document)
    assert lean.mentions == () and lean.entities == seed_document.entities and lean.relations == seed_document.relations
    assert lean.report.text == seed_document.report.text and lean.report.sections == seed_document.report.sections
    assert set(lean.report.sentences) <= set(seed_document.report.sentences)
    assert with_provenance(npcgraph.Corpus((seed_document,)), "full").documents == (seed_document,)
    with pytest.raises(InputError):
        with_provenance(npcgraph.Corpus(()), "lean")


def test_facts_build_is_the_facts_corpus_turtle_every_way(reports, tmp_path):
    expected = write_turtle(npcgraph.to_graph(with_provenance(npcgraph.build([reports]), "facts")))
    cache = tmp_path / "cache"
    runs = {
        "plain": ["--no-cache"],
        "jobs-store": ["-j", "2", "--store", f"oxigraph:{tmp_path / 'store'}", "--no-cache"],
        "full-then-facts-cache": None,
    }
    for name, extra in runs.items():
        out = tmp_path / name
        if extra is None:  # a full build fills the cache; the facts build reuses its documents
            assert main(["build", str(reports), "-o", str(out), "-q", "--cache", str(cache)]) == 0
            extra = ["--cache", str(cache)]
        assert main(["build", str(reports), "-o", str(out), "-q", "--provenance", "facts", *extra]) == 0
        assert (out / "graph.ttl").read_bytes() == expected, name
        assert (out / "graph.html").is_file()
    # and back: a full build from the same cache is the full graph again
    out = tmp_path / "full-again"
    assert main(["build", str(reports), "-o", str(out), "-q", "--cache", str(cache)]) == 0
    assert (out / "graph.ttl").read_bytes() == write_turtle(npcgraph.to_graph(npcgraph.build([reports])))


def test_facts_answers_the_evidence_query_as_full_does(seed_corpus, seed_graph):
    facts = npcgraph.to_graph(with_provenance(seed_corpus, "facts"))
    # (not mentions, programs-by-section, shared-instruments, statistics, supervision: they read
    # the mentions' phrases; reports counts the sentences and mentions kept)
    for name in ("evidence", "acts-of-body", "instruments", "members"):
        assert [tuple(r) for r in npcgraph.query(facts, name)] == [tuple(r) for r in npcgraph.query(seed_graph, name)], name


def test_provenance_must_be_known(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["build", "-o", str(tmp_path / "out"), "--provenance", "some"])
    assert "--provenance" in capsys.readouterr().err
