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


def test_submodules_are_reachable_after_import_npcgraph():
    """Issue 17, defect 11: ``npcgraph.viewer.render(...)`` raised AttributeError."""
    import subprocess
    import sys

    code = "import npcgraph; print(callable(npcgraph.viewer.render), callable(npcgraph.sparql.execute))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["True", "True"], result.stderr
    with pytest.raises(AttributeError):
        npcgraph.no_such_module
