"""The reference in docs/ (and the README's five commands) stays true: every ``npcgraph``
command shown there runs, in the order shown, in a folder holding the files they name."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
DOCS = sorted((REPO / "docs").glob("*.md"))
# Commands that show a failure on purpose: the exit status they end with.
EXPECTED_STATUS = {"npcgraph validate broken.ttl": 6}
# The order the reference is read in: what a later page's commands need is built earlier.
ORDER = ("building.md", "exports.md", "querying.md", "viewer.md", "scale.md")


def commands(path: Path) -> list[str]:
    """The ``npcgraph`` lines of the page's code blocks, without ``$ `` and trailing comments."""
    found, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = not inside
            continue
        line = line.removeprefix("$ ")
        if inside and line.startswith("npcgraph "):
            found.append(re.sub(r"\s+#\s.*$", "", line).strip())
    return found


def test_every_page_of_the_reference_is_linked_from_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert DOCS and sorted(p.name for p in DOCS) == sorted(ORDER)
    for page in DOCS:
        assert f"](docs/{page.name})" in readme, page.name
        assert commands(page) or page.name == "viewer.md", f"{page.name} shows no command"


def test_the_readme_keeps_the_quickstart_and_the_extraction_sections():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for heading in ("## Quickstart", "## Five commands", "## What npcgraph extracts", "## Relations and evidence"):
        assert heading in readme
    assert "python -m pip install '.[test]' && python -m pytest" in readme  # .ci/run runs it as written


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory, seed_path) -> Path:
    """A folder with the files the reference's examples name."""
    folder = tmp_path_factory.mktemp("docs")
    shutil.copy(seed_path, folder / "report.txt")
    (folder / "other-report.html").write_text(
        "<html><head><meta charset='utf-8'><title>南平市人大常委会工作报告</title></head><body><div id='content'>"
        "<h1>南平市人大常委会工作报告</h1><p>南平市人大常委会制定《南平市河长制条例》。</p></div></body></html>",
        encoding="utf-8",
    )
    shutil.copytree(REPO / "tests" / "data" / "corpus" / "reports", folder / "reports")
    shutil.copytree(REPO / "data", folder / "data")
    return folder


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    shell = command.replace("npcgraph ", f"{sys.executable} -m npcgraph ", 1)
    return subprocess.run(["bash", "-c", shell], cwd=cwd, capture_output=True, text=True, timeout=600)


def _serve(command: str, cwd: Path) -> None:
    """A server runs until stopped: start it on a free port, see it answer, stop it."""
    argv = command.split()[1:]
    argv = [("0" if previous == "--port" else arg) for previous, arg in zip([""] + argv, argv)]
    process = subprocess.Popen([sys.executable, "-m", "npcgraph", *argv], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line + process.stderr.read()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_every_command_of_the_reference_runs(sandbox):
    pages = [REPO / "docs" / name for name in ORDER]
    shown = [command for page in pages for command in commands(page)]
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("## Five commands", 1)[1].split("\n## ", 1)[0]
    shown += [re.sub(r"\s+#\s.*$", "", line).strip() for line in readme.splitlines() if line.startswith("npcgraph ")]
    assert len(shown) > 20
    from npcgraph.namespaces import NPC, RDF
    from npcgraph.serialization import load_graph, serialize

    for command in shown:
        if command.startswith("npcgraph validate broken.ttl"):  # a relation without evidence
            graph = load_graph(sandbox / "out" / "graph.ttl")
            body = next(iter(sorted(graph.subjects(RDF.type, NPC.Organization))))
            law = next(iter(sorted(graph.subjects(RDF.type, NPC.Regulation))))
            graph.add((body, NPC.repealed, law))
            (sandbox / "broken.ttl").write_bytes(serialize(graph, "turtle"))
        if command.startswith("npcgraph serve "):
            _serve(command, sandbox)
            continue
        result = _run(command, sandbox)
        assert result.returncode == EXPECTED_STATUS.get(command, 0), f"{command}\n{result.stderr[-2000:]}"
