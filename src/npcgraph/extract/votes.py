"""Tallies of a vote, in either order of number and word.

    以157票赞成、0票反对、1票弃权表决通过     -> (157, 0, 1)
    赞成157票，反对0票，弃权1票               -> (157, 0, 1)
    赞成票157票、反对票0票                     -> (157, 0, None)

A tally is kept when it names at least the votes for; what the text leaves out stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_number

__all__ = ["Tally", "find_tallies"]

_N = r"(?P<n>\d+|[〇零一二两三四五六七八九十百]+)"
_WORDS = {"赞成": 0, "反对": 1, "弃权": 2}
# 157票赞成 | 赞成157票 | 赞成票157票 | 赞成票157
_PART = re.compile(rf"{_N}\s*票\s*(?P<after>赞成|反对|弃权)|(?P<before>赞成|反对|弃权)(?:票)?\s*{_N.replace('n>', 'm>')}\s*票?")
_SEPARATOR = re.compile(r"\s*[、，,；;]?\s*")


@dataclass(frozen=True, slots=True)
class Tally:
    begin: int
    end: int
    votes: tuple[int | None, int | None, int | None]  # for, against, abstaining


def find_tallies(text: str, begin: int = 0, end: int | None = None) -> list[Tally]:
    """The tallies in ``text[begin:end]``: runs of 赞成/反对/弃权 counts, each a vote."""
    end = len(text) if end is None else end
    found: list[Tally] = []
    position = begin
    while True:
        match = _PART.search(text, position, end)
        if not match:
            return found
        counts: list[int | None] = [None, None, None]
        start, stop = match.start(), match.end()
        while match:
            word = match.group("after") or match.group("before")
            number = parse_number(match.group("n") or match.group("m"))
            if counts[_WORDS[word]] is not None:
                break
            counts[_WORDS[word]] = number
            stop = match.end()
            gap = _SEPARATOR.match(text, stop, end)
            match = _PART.match(text, gap.end() if gap else stop, end)
        if counts[0] is not None:
            found.append(Tally(start, stop, (counts[0], counts[1], counts[2])))
        position = stop
