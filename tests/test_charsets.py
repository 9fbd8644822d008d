"""npcgraph.charsets: the regex compiler's charset optimizer remembered gives the same code."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from npcgraph.charsets import _bitmap, optimized, remember
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



# Run in a fresh process: every class a build of the bundled report compiles (the finders'
# patterns, at import and on first use) goes through CPython's optimizer and optimized().
_EVERY_CLASS_OF_A_BUILD = """
import re, sys
from re import _compiler
from npcgraph.charsets import optimized
original = _compiler._optimize_charset
seen = []
def both(charset, iscased=None, fixup=None, fixes=None):
    answer = original(charset, iscased, fixup, fixes)
    if fixup is None and fixes is None:
        seen.append(optimized(list(charset), iscased) == original(list(charset), iscased))
    return answer
_compiler._optimize_charset = both
from npcgraph.api import build
build(names="rules")
print(len(seen), seen.count(False))
"""


def test_the_faster_optimizer_gives_cpythons_answers():
    """optimized() against CPython's own optimizer: on every class a build compiles and on
    made-up classes at the edges (ranges across 256 and 65,536, empty ranges, code points beyond
    the BMP, negated classes, categories)."""
    out = subprocess.run([sys.executable, "-c", _EVERY_CLASS_OF_A_BUILD], capture_output=True, text=True, check=True).stdout
    classes, differing = map(int, out.split())
    assert classes > 300 and differing == 0
    original = getattr(_compiler._optimize_charset, "original", _compiler._optimize_charset)
    L, R, N, C = _parser.LITERAL, _parser.RANGE, _parser.NEGATE, _parser.CATEGORY
    made_up = [
        [],
        [(L, 97)],
        [(L, 300)],
        [(L, 70000)],
        [(N, None), (L, 97), (R, (200, 300))],
        [(R, (0, 255))],
        [(R, (250, 260)), (L, 10)],
        [(R, (300, 200))],
        [(R, (0x4E00, 0x9FFF)), (R, (0x20000, 0x2A6DF)), (L, 0x3007)],
        [(R, (65530, 65540))],
        [(R, (65536, 70000)), (L, 5)],
        [(L, 65535), (L, 65536)],
        [(C, _parser.CATEGORY_DIGIT), (R, (0x4E00, 0x4E10))],
        [(L, 1), (L, 3), (L, 5), (L, 1000)],
        [(R, (0, 0xFFFF))],
        [(R, (0, 0x10FFFF))],
        [(N, None), (R, (0x4E00, 0x9FFF))],
    ]
    for cls in made_up:
        assert optimized(list(cls)) == original(list(cls), None), cls
    rng = random.Random(18)
    for marks in (bytes(256), bytes([1]) * 256, bytes(rng.choice((0, 1, 1, 2)) for _ in range(256 * 7))):
        assert _bitmap(marks) == _compiler._mk_bitmap(marks)
