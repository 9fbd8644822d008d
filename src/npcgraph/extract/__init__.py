"""Extraction stages: each is ``Document -> Document``, run in order by the pipeline."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document
from .acts import extract_acts
from .entities import find_entities
from .metadata import metadata_entities
from .relations import extract_relations

__all__ = ["STAGES", "Stage"]

Stage = Callable[[Document], Document]

#: The stages, in the order they run.
STAGES: tuple[Stage, ...] = (metadata_entities, find_entities, extract_relations, extract_acts)  # relations, then their time
