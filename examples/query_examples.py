"""Ask the bundled report's graph a few questions with SPARQL, from Python.

    python examples/query_examples.py

Builds the graph of the bundled report (data/), then runs canned queries (by name, with
parameters) and a query of its own on rdflib's memory store and on an Oxigraph store.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import npcgraph
from npcgraph.store import write_store


def main() -> None:
    graph = npcgraph.to_graph(npcgraph.build())

    print("What did the Wuhan standing committee enact, adopt, issue or revise?")
    for row in npcgraph.query(graph, "acts-of-body", body="武汉市人大常委会"):
        print(f"  {row.act.fragment:<9} 《{row.thingLabel}》 ({row['class'].fragment})")

    print("\nWhich sentence says it enacted 《武汉市供水条例》?")
    for row in npcgraph.query(graph, "evidence", predicate="npc:enacted", object="武汉市供水条例"):
        print(f"  [{row.begin}:{row.end}] {row.text}")

    print("\nThe five most mentioned entities:")
    for row in npcgraph.query(graph, "mentions")[:5]:
        print(f"  {row.mentions:>3}  {row.label} ({row['class'].fragment})")

    print("\nAn ASK and a query of our own, on an Oxigraph store:")
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        write_store(graph, store)
        source = f"oxigraph:{store}"
        print("  any law inspected?", npcgraph.query(source, "ASK { ?body npc:inspected ?law . ?law a npc:Law }"))
        rows = npcgraph.query(
            source,
            """SELECT ?label (COUNT(?mention) AS ?n) WHERE {
                 ?program a npc:Program ; rdfs:label ?label .
                 ?mention itsrdf:taIdentRef ?program .
               } GROUP BY ?label ORDER BY DESC(?n) ?label""",
        )
        for row in rows:
            print(f"  program {row.label}: {row.n} mention(s)")


if __name__ == "__main__":
    main()
