"""npcgraph's own modules are imported at the top of each file: no import hides inside a function
(such imports are how an import circle hides; third-party libraries a command may not need,
networkx or pyshacl, are still imported where they are used, to keep start-up light)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "npcgraph"


def test_no_function_imports_a_module_of_the_package():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(node):
                own = (isinstance(inner, ast.ImportFrom) and (inner.level > 0 or (inner.module or "").startswith("npcgraph"))) or (
                    isinstance(inner, ast.Import) and any(alias.name.startswith("npcgraph") for alias in inner.names)
                )
                if own:
                    found.append(f"{path.relative_to(PACKAGE)}:{inner.lineno}")
    assert not found, f"imports of npcgraph's own modules inside functions: {found}"
