"""Lexicons as data files (tab-separated, ``#`` comments), loaded by name."""

from __future__ import annotations

from functools import cache

from ..resources import lexicon_path

__all__ = ["rows", "words", "longest_first", "word_list"]


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``lexicon/NAME.tsv``, blank lines and ``#`` comments skipped."""
    text = lexicon_path(f"{name}.tsv").read_text(encoding="utf-8")
    return tuple(
        tuple(field.strip() for field in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def words(name: str) -> frozenset[str]:
    """The first column of ``lexicon/NAME.tsv`` as a set."""
    return frozenset(row[0] for row in rows(name))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """The first column of ``lexicon/NAME.tsv``, longest first (for prefix tests: 欧阳 before 欧)."""
    return tuple(sorted(words(name), key=lambda word: (-len(word), word)))


@cache
def _grammar_words() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for row in rows("grammar_words"):
        lists.setdefault(row[0], []).append(row[1])
    return {name: tuple(found) for name, found in lists.items()}


def word_list(name: str) -> tuple[str, ...]:
    """The words of one list of ``lexicon/grammar_words.tsv`` (``module.list``), in file order:
    the small closed lists the extraction grammars use (unit suffixes, body heads, …)."""
    return _grammar_words()[name]
