"""The extraction grammars' closed word lists live in lexicon/grammar_words.tsv, not in the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from npcgraph.lexicon import rows, word_list

EXTRACT = Path(__file__).resolve().parent.parent / "src" / "npcgraph" / "extract"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _word_literals(node: ast.AST) -> list[str]:
    """The Chinese string literals of a tuple, set or frozenset(...) literal."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "frozenset" and len(node.args) == 1:
        node = node.args[0]
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value] if _CJK.search(node.value) else []
    if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
        strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        # words only: lists of joiners and punctuation (、 和 "") are the grammar's tokens, not words
        if strings and all(_CJK.search(w) or w.isascii() and w.isalpha() for w in strings):
            return [w for w in strings if _CJK.search(w)]
    return []


def test_no_module_of_the_grammars_holds_a_word_list_of_its_own():
    lists = {}
    for path in sorted(EXTRACT.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                found = _word_literals(node.value)
                if len(found) >= 3:
                    lists[f"{path.name}:{node.targets[0].id}"] = found
    assert not lists, f"word lists in code (move them to lexicon/grammar_words.tsv): {sorted(lists)}"


def test_every_list_of_the_file_is_used_and_read_in_order():
    names = {row[0] for row in rows("grammar_words")}
    code = "\n".join(path.read_text(encoding="utf-8") for path in EXTRACT.glob("*.py"))
    unused = sorted(name for name in names if f'"{name}"' not in code)
    assert not unused, f"lists nobody reads: {unused}"
    first = next(row for row in rows("grammar_words") if row[0] == "ner.unit_suffixes")
    assert word_list("ner.unit_suffixes")[0] == first[1] == "特别行政区"  # longest first, as written
