"""Scoring what npcgraph extracts against gold annotations.

    gold.py       the gold file formats: entity rows and relation rows (tab-separated)
    entities.py   entities: precision, recall and F1 per class, per class family and overall
    relations.py  relations: the same per predicate

``npcgraph eval --gold FILE [--gold FILE ...] INPUT_OR_GRAPH`` (cli/eval.py) prints both.
"""

from __future__ import annotations

__all__ = ["gold", "entities", "relations"]
