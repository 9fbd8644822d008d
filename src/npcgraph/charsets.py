"""Regular expressions compiled faster: each character class optimized once per process.

CPython's ``re`` compiler optimizes a character class anew every time a pattern holds one
(``re._compiler._optimize_charset``), and a class of Chinese characters costs it a loop over
each code point: ``[\u4e00-\u9fff]`` (``extract.patterns.HAN``, written into most of the
finders' patterns) takes about 0.8 ms, and a one-report build met it 90 times, with a few
hundred other classes: 0.1 s of its CPU. The optimizer is a pure function of the class, so
:func:`remember` wraps it with a memo (classes compiled without IGNORECASE, whose answers
depend on the class alone); every pattern compiles to the same code as before. Where the
compiler has no such function (another Python), nothing is done.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["remember"]


def remember() -> None:
    """Install the memo (once; later calls do nothing)."""
    compiler = getattr(re, "_compiler", None)
    optimize = getattr(compiler, "_optimize_charset", None)
    if optimize is None or getattr(optimize, "remembers", False):
        return
    known: dict[tuple, tuple[list, Any]] = {}

    def remembered(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> tuple[list, Any]:
        if fixup is not None or fixes is not None:
            return optimize(charset, iscased, fixup, fixes)
        try:
            key = (tuple(charset), iscased)
            hash(key)
        except TypeError:
            return optimize(charset, iscased, fixup, fixes)
        if key not in known:
            known[key] = optimize(charset, iscased, fixup, fixes)
        found, cased = known[key]
        return list(found), cased  # a list of its own: the caller's to keep

    remembered.remembers = True  # type: ignore[attr-defined]
    remembered.original = optimize  # type: ignore[attr-defined]
    compiler._optimize_charset = remembered  # type: ignore[union-attr]
