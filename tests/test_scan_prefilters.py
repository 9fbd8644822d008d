"""The finders' prefilters change no match (issue 18: rules-only extraction speed).

Two kinds: a scan run only over the lines that hold a word each of its matches holds
(``patterns.finditer_lines``), and a scan opened with a lookahead for the characters its
matches start with. A rule edited later (a new alternative that opens with another character,
or whose match may hold none of the words or cross a line) fails here, on every report under
tests/data and on texts made to sit the words at the edges of lines.
"""

from __future__ import annotations

import re

import pytest

from npcgraph.extract import activities, bodies, dates, instruments, named, ner, statistics
from npcgraph.extract.patterns import finditer_lines, lines_holding
from npcgraph.ingest import ingest

from conftest import DATA

_TEXTS = [
    ingest(path).text
    for path in sorted(DATA.rglob("*"))
    if path.suffix in (".txt", ".md") and path.name != "README.md" and path.is_file()
] + [
    "县\n区\n\n团\r\n工程、项目\n上海代表团\n次\n中全会",  # the words alone, at the starts and ends of lines
    "中共十九届四中全会\n武汉市第十五届人民代表大会第三次会议\n村党支部\n溪头村党支部书记兼村委会主任",
    "，象山县、北仑区\n璧山区人大\n2023年度重点民生工程、民生实事项目和扩大内需项目。",
]


def _matches(found) -> list[tuple[tuple[int, int], dict[str, str | None] | str]]:
    return [(m.span(), m.groupdict() or m.group()) for m in found]


def _line_scans() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    named_places, landmarks, counties, _ = bodies._place_patterns()
    return [
        ("village bodies", ner._VILLAGE_BODY, ner._VILLAGE_UNITS),
        ("projects", activities._PROJECT_LIST, activities._PROJECT_WORDS),
        ("programs", activities._patterns()["program"], activities._program_suffixes()),
        ("sessions", activities._patterns()["session"], activities._SESSION_WORDS),
        ("delegations", bodies._patterns()["delegation"], bodies._DELEGATION_WORDS),
        ("counties", counties, bodies._COUNTY_WORDS),
        ("landmarks", landmarks, bodies._landmark_words()),
        ("placed titles", instruments._PLACED_TITLE, instruments._PLACED_KINDS),
        ("work reports", instruments._WORK_REPORT, instruments._WORK_REPORT_WORDS),
    ]


@pytest.mark.parametrize("name, pattern, words", _line_scans(), ids=[scan[0] for scan in _line_scans()])
def test_a_scan_over_the_lines_holding_its_words_finds_every_match(name, pattern, words):
    found = 0
    for text in _TEXTS:
        whole = _matches(pattern.finditer(text))
        assert _matches(finditer_lines(pattern, text, words)) == whole, (name, text[:40])
        found += len(whole)
    assert found, name  # (the texts hold matches: the comparison is not of two empty lists)


def test_lines_holding_gives_each_line_once_in_order():
    text = "甲村\n乙\n村村社区\n\n嘎查"
    assert lines_holding(text, ("村", "社区", "嘎查")) == [(0, 2), (5, 9), (11, 13)]
    assert lines_holding(text, ("无",)) == []
    assert lines_holding("村", ("村",)) == [(0, 1)]


def _lookahead_scans() -> list[tuple[str, re.Pattern[str]]]:
    acts = activities._patterns()
    return [
        ("absolute dates", dates._ABSOLUTE),
        ("month and day", dates._MONTH_DAY),
        ("months", dates._MONTH),
        ("lists of names", ner._NAME_LIST),
        ("standing kinds", acts["standalone"]),
        ("hearings", acts["review"]),
        ("topics before a kind", acts["topic_then_kind"]),
        ("bare references", instruments._BARE_BACK),
        ("the thought", named._patterns()["thought"]),
        ("names before a title", bodies._person_patterns()[1]),
        ("counts", statistics._pattern()),
    ]


def _after_lookahead(source: str) -> int:
    """Where the lookahead ``(?=…)`` that opens ``source`` ends (0 if it opens with none)."""
    if not source.startswith("(?="):
        return 0
    depth, at, in_class = 0, 0, False
    while at < len(source):
        ch = source[at]
        if ch == "\\":
            at += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return 0


@pytest.mark.parametrize("name, pattern", _lookahead_scans(), ids=[scan[0] for scan in _lookahead_scans()])
def test_a_scan_behind_a_lookahead_for_its_first_characters_finds_what_it_finds_without(name, pattern):
    lead = _after_lookahead(pattern.pattern)
    assert lead > 0, name  # (the scan opens with the lookahead this test strips)
    without = re.compile(pattern.pattern[lead:], pattern.flags)
    found = 0
    for text in _TEXTS:
        whole = _matches(without.finditer(text))
        assert _matches(pattern.finditer(text)) == whole, (name, text[:40])
        found += len(whole)
    assert found, name
