"""Pinyin of names, as ``pypinyin.lazy_pinyin(name, errors=lambda chars: [chars])`` gives it,
from two tables made from pypinyin's dictionaries (``make.py``), without importing pypinyin.

pypinyin loads its dictionaries and trains its segmenter when it is imported: about 0.27 s,
a quarter of a one-report build's CPU (issue 18), for the few dozen names a report has. The
tables hold what ``lazy_pinyin`` gives for each character and each phrase of its dictionary,
and :func:`lazy_pinyin` segments a name the way pypinyin's strict forward maximum matching
does (``pypinyin.seg.mmseg``); reading the tables costs about a tenth. tests/test_pinyin.py
compares the two on every phrase, every character and many names.

    name ─ runs of Chinese characters / of other characters (kept whole, as ``errors`` says)
           └─ a Chinese run: the longest dictionary phrase that starts it, else one character
              (while the run is a prefix of some phrase, pypinyin's segmenter reads on and, if
              no phrase starts it, splits it into single characters)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

__all__ = ["lazy_pinyin"]

_HERE = Path(__file__).resolve().parent

#: pypinyin.constants.RE_HANS (a wide Python build): the characters pypinyin reads as Chinese.
_HANS = re.compile(
    "[\u3007\ue815-\ue864\ufa18\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002A6DF"
    "\U0002A703-\U0002B73F\U0002B740-\U0002B81D\U0002B825-\U0002BF6E\U0002C029-\U0002CE93"
    "\U0002D016\U0002D11B-\U0002EBD9\U0002F80A-\U0002FA1F\U00030000-\U0003134A\U000300F7-\U00031288"
    "\U00030EDD\U00030EDE\U00031350-\U00032389]+"
)


def _table(name: str) -> tuple[list[str], dict[str, str]]:
    """The keys of a table (``key<TAB>reading`` lines, ``make.py``) in order, and their readings:
    its cells split at once (a loop over the lines took twice as long)."""
    cells = (_HERE / name).read_text(encoding="utf-8").replace("\t", "\n").split("\n")
    if cells[-1] == "":
        cells.pop()
    keys = cells[0::2]
    return keys, dict(zip(keys, cells[1::2], strict=True))


@cache
def _chars() -> dict[str, str]:
    return _table("chars.tsv")[1]


@cache
def _phrases() -> tuple[list[str], dict[str, str]]:
    return _table("phrases.tsv")


@cache
def _prefixes(first: str) -> frozenset[str]:
    """Every beginning of the phrases that start with ``first``: whether some phrase starts
    with a text is one look-up (made for a character the first time a name has it)."""
    keys = _phrases()[0]
    found: set[str] = set()
    for phrase in keys[bisect_left(keys, first) : bisect_left(keys, chr(ord(first) + 1))]:
        found.update(phrase[:end] for end in range(1, len(phrase) + 1))
    return frozenset(found)


def _segments(run: str) -> list[str]:
    """pypinyin's ``mmseg.seg.cut(run)`` (strict: phrases and single characters)."""
    phrases = _phrases()[1]
    segments: list[str] = []
    remain = run
    while remain:
        prefixes = _prefixes(remain[0])
        valid = ""
        for end in range(1, len(remain) + 1):
            word = remain[:end]
            if word not in prefixes:
                segments.append(valid or remain[0])
                remain = remain[len(valid) or 1:]
                break
            if word in phrases:
                valid = word
        else:  # the whole rest is a prefix of some phrase
            if valid:
                segments.append(valid)
                remain = remain[len(valid):]
                continue
            segments.extend(remain if remain not in phrases else [remain])
            break
    return segments


def _reading(segment: str) -> list[str]:
    if len(segment) > 1:
        return _phrases()[1][segment].split(" ")
    found = _chars().get(segment)
    if found is None:
        found = _phrases()[1].get(segment)
    if found is None:  # no reading: kept as it is (``errors``)
        return [segment]
    return found.split(" ") if found else []


def lazy_pinyin(name: str) -> list[str]:
    """``pypinyin.lazy_pinyin(name, errors=lambda chars: [chars])``."""
    items: list[str] = []
    at = 0
    for match in _HANS.finditer(name):
        if match.start() > at:
            items.append(name[at:match.start()])
        for segment in _segments(match.group()):
            items.extend(_reading(segment))
        at = match.end()
    if at < len(name):
        items.append(name[at:])
    return items
