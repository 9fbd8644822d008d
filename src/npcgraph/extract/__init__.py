"""Extraction stages: each is ``Document -> Document``, run in order by the pipeline."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document
from .acts import extract_acts
from .document_facts import document_facts
from .entities import find_entities
from .metadata import metadata_entities
from .relations import extract_relations

__all__ = ["STAGES", "Stage"]

Stage = Callable[[Document], Document]

#: The stages, in the order they run.
# relations from sentences, then the facts of the whole report, then the time of every act
STAGES: tuple[Stage, ...] = (metadata_entities, find_entities, extract_relations, document_facts, extract_acts)
