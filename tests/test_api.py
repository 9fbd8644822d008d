"""The public API: every name in ``npcgraph.__all__`` resolves, and stays itself once the
submodules are imported (a submodule named like a function would replace it)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import npcgraph


@pytest.mark.parametrize("name", sorted(npcgraph.__all__))
def test_public_names_resolve(name):
    assert getattr(npcgraph, name) is not None


def test_public_functions_survive_importing_every_submodule():
    for module in pkgutil.walk_packages(npcgraph.__path__, "npcgraph."):
        if module.name != "npcgraph.__main__":
            importlib.import_module(module.name)
    for name in npcgraph.__all__:
        value = getattr(npcgraph, name)
        assert not isinstance(value, type(npcgraph)), f"npcgraph.{name} is a module, not the function"
    assert callable(npcgraph.serialize) and callable(npcgraph.query) and callable(npcgraph.validate)
