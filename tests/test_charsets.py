"""npcgraph.charsets: the regex compiler's charset optimizer remembered gives the same code."""

from __future__ import annotations

import re
import subprocess
import sys
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from npcgraph.charsets import remember
from npcgraph.extract.patterns import BOUNDARY, HAN, QUOTES

PATTERNS = [
    f"[{HAN}]{{2,4}}?(?:区|县)",
    f"(?:(?<=[，。；、,;：:\\s“])|^)(?P<name>[{HAN}]{{2,9}}?)",
    f"[^{BOUNDARY}]+",
    f"[{QUOTES}a-z\\d]",
    "(?i)[a-zß-ÿ]+|[^\\W\\d]",  # IGNORECASE: never remembered
    "[\u3007\ue815-\ue864\U00020000-\U0002A6DF]+",
]


def _code(pattern: str) -> list[int]:
    parsed = _parser.parse(pattern, 0)
    return _compiler._code(parsed, parsed.state.flags)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_remembered_charsets_compile_to_the_same_code(pattern, monkeypatch):
    remember()  # (the command line installs it; a second call does nothing)
    remembered = _compiler._optimize_charset
    assert remembered.remembers
    monkeypatch.setattr(_compiler, "_optimize_charset", remembered.original)
    expected = _code(pattern)
    monkeypatch.setattr(_compiler, "_optimize_charset", remembered)
    assert _code(pattern) == expected
    assert _code(pattern) == expected  # the second time from the memo
    re.purge()
    assert re.compile(pattern).pattern == pattern


def test_importing_npcgraph_leaves_the_re_module_as_it_is():
    """Only the command line installs the memo: a program that imports npcgraph keeps its re."""
    probe = "import re, npcgraph, npcgraph.api; print(getattr(re._compiler._optimize_charset, 'remembers', False))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
