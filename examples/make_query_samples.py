"""Regenerate examples/queries/: every canned query's answer on the bundled report's graph.

    python examples/make_query_samples.py

Each file is what ``npcgraph query out/ NAME`` prints (an aligned table) for the graph that
``npcgraph build`` makes of the bundled report; run it again after the extraction changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import npcgraph
from npcgraph.sparql import canned_queries, execute
from npcgraph.results import format_result

HERE = Path(__file__).resolve().parent / "queries"


def main() -> int:
    graph = npcgraph.to_graph(npcgraph.build())
    HERE.mkdir(exist_ok=True)
    for old in HERE.glob("*.txt"):
        old.unlink()
    for name, stored in canned_queries().items():
        if name.startswith("_"):
            continue
        header = f"$ npcgraph query out/ {name}\n# {stored.title}\n\n"
        (HERE / f"{name}.txt").write_text(header + format_result(execute(graph, name)), encoding="utf-8")
    print(f"wrote {len(list(HERE.glob('*.txt')))} samples to {HERE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
