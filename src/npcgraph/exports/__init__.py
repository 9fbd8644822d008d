"""The writers of the formats (the registry that names them is :mod:`npcgraph.serialization`).

    turtle        Turtle, TriG, N-Triples, N-Quads: npcgraph's own deterministic writers
    jsonld        JSON-LD with the context of ontology/context.jsonld
    network       the entity graph as GraphML, GEXF and CSV tables
    reports       a graph split into one named graph per report (TriG, N-Quads)
    ontology_doc  the ontology as a readable page

Every writer is deterministic: the same graph gives the same bytes.
"""
