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


# --- a folder with a bad file (issue 17, defect 10) ----------------------------------------------


def _folder_with_a_bad_file(root: Path) -> Path:
    reports = root / "reports"
    _write(reports, "2021/a.txt", "2022/b.txt")
    (reports / "2022" / "b.txt").write_text("市人大常委会修订《武汉市供水条例》。\n", encoding="utf-8")
    (reports / "2023").mkdir()
    (reports / "2023" / "a.txt").write_bytes(b"\x00\x01binary" * 100)  # same basename as a good file
    return reports


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_with_one_bad_file_builds_the_rest_and_names_its_path(tmp_path, jobs):
    import subprocess
    import sys

    reports = _folder_with_a_bad_file(tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "npcgraph", "build", str(reports), "-o", str(out), "-q", "-j", jobs, "--no-cache"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"npcgraph: skipped {reports / '2023' / 'a.txt'}: [E103] {reports / '2023' / 'a.txt'} is a binary file, not a report (give a .txt, .md or .html file)"
    assert lines[1].startswith("npcgraph: error: [E115] 1 of 3 files could not be read") and len(lines) == 2
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "修订" in turtle or "revised" in turtle
    assert turtle.count('npc:sourceFile') == 2 or turtle.count("sourceFile") >= 2


def test_strict_stops_at_the_first_bad_file_and_writes_nothing(tmp_path):
    import subprocess
    import sys

    reports = _folder_with_a_bad_file(tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "npcgraph", "build", str(reports), "-o", str(out), "-q", "--strict"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr == f"npcgraph: error: [E103] {reports / '2023' / 'a.txt'} is a binary file, not a report (give a .txt, .md or .html file)\n"
    assert not (out / "graph.ttl").exists()


def test_a_folder_of_only_bad_files_fails_as_a_whole(tmp_path):
    from npcgraph.pipeline import run_build

    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(InputError) as failed:
        run_build([tmp_path], strict=False)
    assert failed.value.code == "E105" and str(tmp_path / "a.txt") in failed.value.message
