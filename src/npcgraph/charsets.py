"""Regular expressions compiled faster: each character class optimized once per process.

CPython's ``re`` compiler optimizes a character class anew every time a pattern holds one
(``re._compiler._optimize_charset``), and a class of Chinese characters costs it a loop over
each code point: ``[\u4e00-\u9fff]`` (``extract.patterns.HAN``, written into most of the
finders' patterns) takes about 0.8 ms, and a one-report build met it 90 times, with a few
hundred other classes: 0.1 s of its CPU. The optimizer is a pure function of the class, so
:func:`remember` wraps it with a memo (classes compiled without IGNORECASE, whose answers
depend on the class alone); every pattern compiles to the same code as before. Where the
compiler has no such function (another Python), nothing is done.

The first time a class is met the optimizer still runs: it marks a range a code point at a
time and numbers the chunks of a large class in Python loops, and the 400 classes of a
one-report build cost it 0.05 to 0.08 s. :func:`optimized` is the same function (CPython
3.11's, the same in 3.10 to 3.13) with a range's code points marked in one slice assignment
and the chunks numbered at once, for classes without IGNORECASE (the others go to CPython's):
the same answers (tests/test_charsets.py compares the two on every class a build compiles and
on made-up ones), ``[\u4e00-\u9fff]`` in a hundredth of the time, the 400 classes in about half.
"""

from __future__ import annotations

import re
import struct
import sys
from typing import Any

__all__ = ["remember", "optimized"]

_compiler = getattr(re, "_compiler", None)


def remember() -> None:
    """Install the memo (once; later calls do nothing)."""
    compiler = _compiler
    optimize = getattr(compiler, "_optimize_charset", None)
    if optimize is None or getattr(optimize, "remembers", False):
        return
    # CPython's own optimizer, made faster (optimized), where it is the one this module copies
    copied = _FAST_SINCE <= sys.version_info[:2] <= _FAST_UNTIL and compiler._sre.CODESIZE == 4  # type: ignore[union-attr]
    fast = optimized if copied else optimize
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
            known[key] = fast(charset, iscased)
        found, cased = known[key]
        return list(found), cased  # a list of its own: the caller's to keep

    remembered.remembers = True  # type: ignore[attr-defined]
    remembered.original = optimize  # type: ignore[attr-defined]
    compiler._optimize_charset = remembered  # type: ignore[union-attr]


#: The Pythons whose ``re._compiler._optimize_charset`` :func:`optimized` copies (the function is
#: the same in each; 3.10's compiler is ``sre_compile``, which :func:`remember` leaves alone).
_FAST_SINCE, _FAST_UNTIL = (3, 11), (3, 13)


def optimized(charset: list, iscased: Any = None) -> tuple[list, bool]:
    """``re._compiler._optimize_charset(charset, iscased)`` for a class compiled without
    IGNORECASE (no ``fixup``): CPython's code, with each range's code points marked at once."""
    c = _compiler
    literal, range_, negate = c.LITERAL, c.RANGE, c.NEGATE
    out: list = []
    tail: list = []
    charmap = bytearray(256)
    for op, av in charset:
        # CPython marks each code point in a bytearray of 256 and, at the first one beyond it,
        # widens it to 65,536 and starts the item again; what lies beyond goes whole to ``tail``
        if op is literal:
            if av >= 256 and len(charmap) == 256:
                charmap += b"\0" * 0xFF00
            if av < len(charmap):
                charmap[av] = 1
            else:
                tail.append((op, av))
        elif op is range_:
            low, high = av
            if low > high:
                continue
            if high >= 256 and len(charmap) == 256:
                charmap += b"\0" * 0xFF00
            top = min(high, len(charmap) - 1)
            if low <= top:
                charmap[low : top + 1] = b"\1" * (top + 1 - low)
            if high >= len(charmap):
                tail.append((op, av))
        elif op is negate:
            out.append((op, av))
        else:
            tail.append((op, av))

    # from here on CPython's code as it is
    hascased = False
    runs: list | None = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:  # type: ignore[arg-type]
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))  # type: ignore[union-attr]
            break
        runs.append((p, q))  # type: ignore[union-attr]
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((literal, p))
            else:
                out.append((range_, (p, q - 1)))
        out += tail
        if hascased or len(out) < len(charset):
            return out, hascased
        return charset, hascased

    if len(charmap) == 256:
        data = _bitmap(charmap)
        out.append((c.CHARSET, data))
        out += tail
        return out, hascased

    # CPython numbers the distinct chunks of 256 code points in order, in a Python loop
    whole = bytes(charmap)
    chunks = [whole[i : i + 256] for i in range(0, 65536, 256)]
    numbers = {chunk: number for number, chunk in enumerate(dict.fromkeys(chunks))}
    bits = _bitmap(b"".join(numbers))
    bits[0:0] = [len(numbers)] + c._bytes_to_codes(bytes(map(numbers.__getitem__, chunks)))
    out.append((c.BIGCHARSET, bits))
    out += tail
    return out, hascased


_BITS = b"0" + b"1" * 255


def _bitmap(bits: bytes | bytearray) -> list[int]:
    """``re._compiler._mk_bitmap(bits)``: the marks (a byte each) as 32-bit words, the first
    mark the lowest bit of the first word; the marks read as one number, cut into words."""
    number = int(bits.translate(_BITS)[::-1], 2) if bits else 0
    words = len(bits) // 32
    return list(struct.unpack(f"<{words}I", number.to_bytes(words * 4, "little")))
