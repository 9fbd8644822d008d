"""Regenerate examples/queries/: every canned query's answer on the bundled report's graph.

    python examples/make_query_samples.py

Each file is what ``npcgraph query out/ NAME`` prints (an aligned table) for the graph that
``npcgraph build`` makes of the bundled report; run it again after the extraction changes.
The bundled report names no dated act, meeting, vote or appointment, so the samples of the
time queries (``TIME_QUERIES``) are answered on the bundled report together with
``tests/data/standing-committee-session`` (an invented session news item, see its README).
"""

from __future__ import annotations

import sys
from pathlib import Path

import npcgraph
from npcgraph.resources import bundled_report
from npcgraph.sparql import canned_queries, execute
from npcgraph.results import format_result

HERE = Path(__file__).resolve().parent / "queries"
SESSION = Path(__file__).resolve().parent.parent / "tests" / "data" / "standing-committee-session"
TIME_QUERIES = frozenset({"timeline", "meetings", "appointments", "approvals"})


def main() -> int:
    graph = npcgraph.to_graph(npcgraph.build())
    with_session = npcgraph.to_graph(npcgraph.build([bundled_report(), SESSION])) if SESSION.is_dir() else graph
    HERE.mkdir(exist_ok=True)
    for old in HERE.glob("*.txt"):
        old.unlink()
    for name, stored in canned_queries().items():
        if name.startswith("_"):
            continue
        source = with_session if name in TIME_QUERIES else graph
        inputs = " (bundled report + tests/data/standing-committee-session)" if source is not graph else ""
        header = f"$ npcgraph query out/ {name}\n# {stored.title}{inputs}\n\n"
        (HERE / f"{name}.txt").write_text(header + format_result(execute(source, name)), encoding="utf-8")
    print(f"wrote {len(list(HERE.glob('*.txt')))} samples to {HERE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
