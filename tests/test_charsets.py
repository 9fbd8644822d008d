"""npcgraph.charsets: the regex compiler's charset optimizer remembered gives the same code."""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

import npcgraph  # noqa: F401  (installs the memo)
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
    remembered = _compiler._optimize_charset
    assert remembered.remembers
    monkeypatch.setattr(_compiler, "_optimize_charset", remembered.original)
    expected = _code(pattern)
    monkeypatch.setattr(_compiler, "_optimize_charset", remembered)
    assert _code(pattern) == expected
    assert _code(pattern) == expected  # the second time from the memo
    re.purge()
    assert re.compile(pattern).pattern == pattern
