"""Which files a build reads: files named always; inside folders, reports only."""

from __future__ import annotations

from pathlib import Path

import pytest

from npcgraph.errors import InputError
from npcgraph.ingest import collect_inputs

REPORT = "武汉市人大常委会制定《武汉市供水条例》。\n"


def _write(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT, encoding="utf-8")


def test_a_folder_gives_its_reports_in_order_without_hidden_and_project_files(tmp_path):
    _write(
        tmp_path,
        "b.txt", "a/c.md", "a/d.html", "e.htm", "f.markdown",
        "README.md", "readme.txt", "LICENSE", "LICENSE.md", "COPYING.txt", "NOTICE.md",
        "CHANGELOG.md", "CHANGES.txt", "CONTRIBUTING.md", "AUTHORS.txt", "a/README.html", "README.zh.md",
        ".hidden.txt", ".git/notes.txt", "a/.cache/piece.txt", "notes.pdf", "data.csv",
    )
    found = [path.relative_to(tmp_path).as_posix() for path in collect_inputs([tmp_path])]
    assert found == ["a/c.md", "a/d.html", "b.txt", "e.htm", "f.markdown"]


def test_files_named_on_the_command_line_are_always_read(tmp_path):
    _write(tmp_path, "README.md", ".hidden.txt", "LICENSE.txt")
    named = [tmp_path / "README.md", tmp_path / ".hidden.txt", tmp_path / "LICENSE.txt"]
    assert collect_inputs(named) == named


def test_names_that_only_resemble_project_files_are_reports(tmp_path):
    _write(tmp_path, "readme-2022年工作报告.txt", "notices.txt", "关于README的说明.md", "x.README.txt")
    found = sorted(path.name for path in collect_inputs([tmp_path]))
    assert found == sorted(["readme-2022年工作报告.txt", "notices.txt", "关于README的说明.md", "x.README.txt"])


def test_a_hidden_folder_named_itself_is_searched(tmp_path):
    _write(tmp_path, ".reports/a.txt", ".reports/.b.txt")
    assert [p.name for p in collect_inputs([tmp_path / ".reports"])] == ["a.txt"]


def test_a_folder_of_only_project_files_is_an_input_error(tmp_path):
    _write(tmp_path, "README.md", ".draft.txt")
    with pytest.raises(InputError) as caught:
        collect_inputs([tmp_path])
    assert caught.value.code == "E102" and "README" in str(caught.value)


def test_a_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        collect_inputs([tmp_path / "nowhere"])
    assert caught.value.code == "E101"
