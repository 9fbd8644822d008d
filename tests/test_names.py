"""``--names rules|model``: the genre rules alone, without the name model, on every build path.

The default (``model``) is the graph of the other tests; ``rules`` never loads the model, gives
the same graph for any ``-j``, with or without a store, and never reuses a document the cache
holds from a build with the model (nor the other way round).
"""

from __future__ import annotations

import shutil

import pytest

import npcgraph
from npcgraph.cli import main
from npcgraph.errors import InputError
from npcgraph.extract import tagger
from npcgraph.graphfile import corpus_turtle

from conftest import DATA


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("names")
    # the model finds names in some of these that the rules alone do not
    for case in ("county-news", "wuchang-district", "anji-county"):
        shutil.copy(DATA / case / "report.txt", folder / f"{case}.txt")
    return folder


def _no_model():
    raise AssertionError("the name model was loaded")


def test_rules_never_load_the_model(reports, monkeypatch):
    with_model = corpus_turtle(npcgraph.build([reports]))
    monkeypatch.setattr(tagger, "_model", _no_model)
    rules = npcgraph.build([reports], names="rules")
    assert len(rules.documents) == 3
    assert corpus_turtle(rules) != with_model


def test_rules_build_is_the_rules_corpus_every_way(reports, tmp_path):
    rules = corpus_turtle(npcgraph.build([reports], names="rules"))
    model = corpus_turtle(npcgraph.build([reports]))

    def built(name: str, *options: str) -> bytes:
        out = tmp_path / name
        assert main(["build", str(reports), "-o", str(out), "-q", *options]) == 0
        return (out / "graph.ttl").read_bytes()

    assert built("plain", "--names", "rules", "--no-cache") == rules
    assert built("jobs-store", "--names", "rules", "-j", "2", "--store", f"oxigraph:{tmp_path / 'store'}", "--no-cache") == rules
    cache = ("--cache", str(tmp_path / "cache"))
    # a build with the model fills the cache; a rules build must not take its documents, nor
    # the next build with the model the rules build's
    assert built("cached", *cache) == model
    assert built("cached", "--names", "rules", *cache) == rules
    assert built("cached", *cache) == model


def test_names_must_be_known(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["build", "-o", str(tmp_path / "out"), "--names", "lac"])
    assert "--names" in capsys.readouterr().err
    with pytest.raises(InputError, match="unknown source of names 'lac'"):
        npcgraph.build(names="lac")
