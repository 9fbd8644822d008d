"""The error catalogue: every code raised is listed and documented, and every code listed is raised."""

from __future__ import annotations

import re
from pathlib import Path

from npcgraph.errors import CATALOGUE, InputError, OutputError, QueryError, StoreError, ValidationError

SRC = Path(__file__).parent.parent / "src" / "npcgraph"
REFERENCE = Path(__file__).parent.parent / "docs" / "building.md"
RAISED = re.compile(r'Error\(\s*"(E\d{3})"')
RAISED_AS = re.compile(r'(\w+Error)\(\s*"(E\d)\d\d"')
FAMILIES = {"E1": InputError, "E2": OutputError, "E3": QueryError, "E4": StoreError, "E5": ValidationError}


def _raised() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for code in RAISED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(str(path.relative_to(SRC)))
    return found


def test_every_code_raised_is_in_the_catalogue_and_every_listed_code_is_raised():
    raised = _raised()
    assert len(raised) > 50
    assert sorted(set(raised) - set(CATALOGUE)) == [], "codes raised but not in npcgraph.errors.CATALOGUE"
    assert sorted(set(CATALOGUE) - set(raised)) == [], "codes in the catalogue that nothing raises"


def test_the_catalogue_is_in_code_order_and_each_family_is_one_kind_of_error():
    assert list(CATALOGUE) == sorted(CATALOGUE)
    assert all(re.fullmatch(r"E[1-5]\d\d", code) and meaning for code, meaning in CATALOGUE.items())
    kinds = {(name, family) for path in SRC.rglob("*.py") for name, family in RAISED_AS.findall(path.read_text(encoding="utf-8"))}
    assert kinds and all(name == FAMILIES[family].__name__ for name, family in kinds), sorted(kinds)
    assert [FAMILIES[f].exit_code for f in sorted(FAMILIES)] == [2, 3, 4, 5, 6]


def test_each_code_is_documented_with_what_it_means():
    section = REFERENCE.read_text(encoding="utf-8").split("## Error codes", 1)[1]
    rows = dict(re.findall(r"^\| (E\d{3}) \| (.+?) \|$", section, re.M))
    assert rows == CATALOGUE
