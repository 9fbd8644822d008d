"""The ontology's entity classes, read from ``ontology/npcgraph.ttl``: the class lists of the
code (the instrument and activity classes, the IRI kind of each class) derive from them, so a
new class is a row of the ontology, not an edit in several modules.

The ontology declares each class in a block of its own (``npc:Law a owl:Class ;`` then
``rdfs:subClassOf npc:Instrument ;`` …); this module reads those blocks with two patterns, not
with rdflib (extraction workers import it), and ``tests/test_ontology.py`` checks that it reads
the same hierarchy as rdflib does.

    parents()           {class: its npc: superclasses}
    below(root)         root and every class under it
    kind_of_class()     {entity class: the IRI path segment of its entities}
"""

from __future__ import annotations

import re
from functools import cache

from .resources import ontology_path

__all__ = ["parents", "below", "kind_of_class", "ENTITY_ROOTS"]

_BLOCK = re.compile(r"^npc:(\w+) a owl:Class\b(.*?)(?:\.\s*$)", re.M | re.S)
_SUPER = re.compile(r"rdfs:subClassOf\s+([^;]+?)\s*(?:;|$)", re.S)
_NPC_NAME = re.compile(r"npc:(\w+)")
#: The classes whose direct subclasses each name a kind of entity (npc:Agent is itself a kind of entity).
ENTITY_ROOTS = ("Entity", "Agent")
#: IRI path segments that are not the class's own name in lower case.
_SHORT_KINDS = {"Organization": "org"}


@cache
def parents() -> dict[str, frozenset[str]]:
    """Each ``npc:`` class of the ontology and its ``npc:`` superclasses."""
    text = ontology_path().read_text(encoding="utf-8")
    found: dict[str, frozenset[str]] = {}
    for name, body in _BLOCK.findall(text):
        supers = _SUPER.search(body)
        found[name] = frozenset(_NPC_NAME.findall(supers.group(1))) if supers else frozenset()
    return found


def below(root: str) -> frozenset[str]:
    """``root`` and every class whose chain of superclasses reaches it."""
    tree = parents()
    found = {root}
    changed = True
    while changed:
        changed = False
        for name, ups in tree.items():
            if name not in found and ups & found:
                found.add(name)
                changed = True
    return frozenset(found)


@cache
def kind_of_class() -> dict[str, str]:
    """Every entity class and the IRI path segment of its entities: the kind of entity it is
    (the class right under npc:Entity or npc:Agent that it is, or is under), in lower case
    (``org`` for organizations), in the ontology's order."""
    tree = parents()
    kinds = [name for name, ups in tree.items() if ups & set(ENTITY_ROOTS) and name not in ENTITY_ROOTS]
    found: dict[str, str] = {}
    for name in tree:
        for kind in kinds:
            if name in below(kind):
                found[name] = _SHORT_KINDS.get(kind, kind.lower())
    return found
