"""Building blocks of the finders' regular expressions, from the lexicons."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ..lexicon import rows, word_list

__all__ = [
    "HAN",
    "BOUNDARY",
    "alternation",
    "first_of",
    "column",
    "table",
    "ends_with_any",
    "strip_quotes",
    "QUOTES",
    "leading_verb",
    "Patterns",
    "deferred",
    "lazy",
    "lines_holding",
    "finditer_lines",
]

HAN = "\u4e00-\u9fff"
#: Characters that end a phrase: punctuation of both widths and whitespace.
BOUNDARY = "，。；、,;：:！？!?\\s（）()“”\"《》【】…—"
QUOTES = "“”\"‘’「」『』"
_QUOTE_TABLE = str.maketrans("", "", QUOTES)


def deferred(pattern: str, flags: int = 0) -> tuple[str, int]:
    """A regular expression to compile when it is first used (a value of :class:`Patterns`)."""
    return pattern, flags


class Patterns(dict[str, "re.Pattern[str]"]):
    """Regular expressions by name, each compiled the first time it is looked up: a scan that a
    text does not need (one guarded by a word the text lacks) costs no compiling, and a
    one-report build compiles only what it runs. Built from :func:`deferred` values."""

    def __init__(self, sources: dict[str, tuple[str, int]]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, name: str) -> re.Pattern[str]:
        compiled = self[name] = re.compile(*self._sources[name])
        return compiled


_PATTERN_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                       "pattern", "flags", "groups", "groupindex")


class _LazyPattern:
    """A regular expression compiled the first time it is used; from then on its methods are the
    compiled pattern's own (bound on this object), so a call costs what it costs on the pattern."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # (only for attributes not yet bound: the first use)
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used: for a module's expressions that
    a build may never run (a seed build runs about three in five of them), so that importing the finders
    compiles none of them."""
    return _LazyPattern(pattern, flags)  # type: ignore[return-value]


def lines_holding(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that hold one of ``words``, in order. A scan no match
    of which crosses a line break and each of whose matches holds one of the words finds the
    same matches in these lines (``finditer(text, begin, end)``) as in the whole text, without
    trying every character of the other lines."""
    spans: set[tuple[int, int]] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            spans.add((text.rfind("\n", 0, at) + 1, end))
            at = text.find(word, end)
    return sorted(spans)


def finditer_lines(pattern: re.Pattern[str], text: str, words: Iterable[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern no match of which crosses a line break and each
    of whose matches holds one of ``words``: the same matches, over :func:`lines_holding` only
    (tests/test_scan_prefilters.py checks each such pair on every test report)."""
    for begin, end in lines_holding(text, words):
        yield from pattern.finditer(text, begin, end)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest one where several match.

    The words are folded into a trie (市|市委|市政府 -> 市(?:委|政府)?), so the regex engine
    tries one branch per character instead of every word in turn: the lexicons of places and
    bodies hold hundreds of words, and a flat alternation of them is the slowest part of a scan.
    """
    trie: dict = {}
    for word in sorted(set(words)):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def first_of(words: Iterable[str], more: str = "") -> str:
    """A lookahead for the first characters of ``words`` (and the characters of ``more``, a
    character class's inside, such as ``\\d``): put before a regex every match of which starts
    with one of them, it changes no match and lets the engine pass every other position at
    once (at each position it tries an alternation's branches one by one, where a set of
    characters is one look-up: the body and place scans run several times faster)."""
    firsts = "".join(sorted({re.escape(word[0]) for word in words if word}))
    return f"(?=[{firsts}{more}])"


def _trie_regex(node: dict) -> str:
    terminal = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


@cache
def column(name: str, index: int = 0) -> tuple[str, ...]:
    """One column of a lexicon, rows that lack it skipped."""
    return tuple(row[index] for row in rows(name) if len(row) > index and row[index])


@cache
def table(name: str, key: int = 0, value: int = 1) -> dict[str, str]:
    """Two columns of a lexicon as a mapping (first row wins)."""
    found: dict[str, str] = {}
    for row in rows(name):
        if len(row) > max(key, value):
            found.setdefault(row[key], row[value])
        elif len(row) > key:
            found.setdefault(row[key], "")
    return found


def ends_with_any(text: str, endings: dict[str, str]) -> tuple[str, str] | None:
    """The longest ending of ``text`` among ``endings`` and its value."""
    for length in range(min(len(text), 8), 0, -1):
        tail = text[-length:]
        if tail in endings:
            return tail, endings[tail]
    return None


def strip_quotes(text: str) -> str:
    return text.translate(_QUOTE_TABLE)


@cache
def _clause_verbs() -> tuple[str, ...]:
    names = set(column("clause_verbs")) | set(column("instrument_verbs")) | set(column("mechanism_verbs"))
    return tuple(sorted(names, key=lambda w: (-len(w), w)))


@cache
def _verbs_by_first() -> dict[str, tuple[str, ...]]:
    """The clause verbs by their first character, each group longest first as ``_clause_verbs``."""
    groups: dict[str, list[str]] = {}
    for verb in _clause_verbs():
        groups.setdefault(verb[0], []).append(verb)
    return {first: tuple(verbs) for first, verbs in groups.items()}


_NOUN_SUFFIXES = frozenset(word_list("patterns.noun_suffixes"))


def leading_verb(text: str) -> str:
    """The verbs ``text`` begins with (听取审议 in 听取审议扫黑除恶专项斗争), '' if none; a verb
    that a suffix makes a noun or an adjective (规范性文件, 法治化) is none."""
    lead = ""
    by_first = _verbs_by_first()
    while True:
        verb = next(
            (
                v for v in by_first.get(text[len(lead) : len(lead) + 1], ())
                if text.startswith(v, len(lead)) and text[len(lead) + len(v) : len(lead) + len(v) + 1] not in _NOUN_SUFFIXES
            ),
            None,
        )
        if verb is None:
            return lead
        lead += verb


# What follows a body's name when the name is a publication's (上海人大月刊, 中国人大杂志, 湖北人大网).
PUBLICATION_AFTER = re.compile("月刊|杂志|周刊|期刊|半月刊|网(?![格点络])|公众号")
