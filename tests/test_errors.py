"""The error catalogue: every code raised is listed and documented, every code listed is raised,
and every raise site fills in its code's one message template, writing no message of its own."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from npcgraph.errors import CATALOGUE, ENTRIES, InputError, NpcgraphError, OutputError, QueryError, StoreError, ValidationError

SRC = Path(__file__).parent.parent / "src" / "npcgraph"
REFERENCE = Path(__file__).parent.parent / "docs" / "building.md"
FAMILIES = {"E1": InputError, "E2": OutputError, "E3": QueryError, "E4": StoreError, "E5": ValidationError}
KINDS = {kind.__name__ for kind in FAMILIES.values()}


def _sites() -> list[tuple[str, int, str, ast.Call]]:
    """Every construction of an npcgraph error in the package: (file, line, kind, call)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KINDS:
                found.append((str(path.relative_to(SRC)), node.lineno, node.func.id, node))
    return found


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_code_raised_is_in_the_catalogue_and_every_listed_code_is_raised():
    sites = _sites()
    assert len(sites) > 90
    raised = {call.args[0].value for _f, _l, _k, call in sites if call.args and isinstance(call.args[0], ast.Constant)}
    assert sorted(raised - set(ENTRIES)) == [], "codes raised but not in npcgraph.errors.ENTRIES"
    assert sorted(set(ENTRIES) - raised) == [], "codes in the catalogue that nothing raises"


def test_each_raise_site_passes_its_code_and_exactly_its_templates_fields():
    wrong = []
    for where, line, kind, call in _sites():
        code = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else None
        if len(call.args) != 1 or code not in ENTRIES:
            wrong.append(f"{where}:{line}: {kind} given {len(call.args)} positional arguments (the code only)")
            continue
        _meaning, message, hint = ENTRIES[code]
        given = {keyword.arg for keyword in call.keywords}
        if given != _fields(message) | _fields(hint):
            wrong.append(f"{where}:{line}: {code} given {sorted(given)}, its template wants {sorted(_fields(message) | _fields(hint))}")
        if kind != FAMILIES[code[:2]].__name__:
            wrong.append(f"{where}:{line}: {code} raised as {kind}")
    assert wrong == []


def test_no_message_carries_a_code_written_by_hand():
    inline = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py") if path.name != "errors.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"[\"'][^\"']*\[E\d{3}\]", line)
    ]
    assert inline == []


def test_the_catalogue_is_in_code_order_and_each_template_one_line():
    assert list(ENTRIES) == sorted(ENTRIES) and list(CATALOGUE) == list(ENTRIES)
    for code, (meaning, message, hint) in ENTRIES.items():
        assert re.fullmatch(r"E[1-5]\d\d", code) and meaning and message and hint, code
        assert "\n" not in message + hint, code
    assert [FAMILIES[f].exit_code for f in sorted(FAMILIES)] == [2, 3, 4, 5, 6]


def test_an_error_prints_its_template_filled_in_on_one_line():
    error = InputError("E151", name="gold.tsv", number=3, found=1)
    assert str(error) == "[E151] gold.tsv line 3: expected 3 tab-separated fields, found 1 (write: subject label<TAB>predicate<TAB>object label)"
    assert (error.code, error.fields, error.exit_code) == ("E151", {"name": "gold.tsv", "number": 3, "found": 1}, 2)
    assert "\n" not in str(QueryError("E304", reason="one\ntwo"))


def test_a_code_raised_as_another_family_or_without_its_fields_is_refused():
    with pytest.raises(TypeError, match="E101 is raised as InputError"):
        QueryError("E101", path="x")
    with pytest.raises(KeyError):
        InputError("E101")
    assert issubclass(InputError, NpcgraphError)


def test_each_code_is_documented_with_what_it_means_and_its_message():
    section = REFERENCE.read_text(encoding="utf-8").split("## Error codes", 1)[1]
    rows = {code: (meaning, shown) for code, meaning, shown in re.findall(r"^\| (E\d{3}) \| (.+?) \| `(.+?)` \|$", section, re.M)}
    assert {code: meaning for code, (meaning, _shown) in rows.items()} == CATALOGUE
    for code, (_meaning, message, hint) in ENTRIES.items():
        assert rows[code][1].replace("\\|", "|") == f"{message} ({hint})", code
