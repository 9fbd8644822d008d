"""Helpers for the extraction tests: a text in a given jurisdiction, through the entity stages."""

from __future__ import annotations

from npcgraph.api import build
from npcgraph.extract.entities import find_entities
from npcgraph.extract.metadata import metadata_entities
from npcgraph.ingest import RawText, normalize
from npcgraph.model import Document, Entity, Metadata
from npcgraph.structure import structure

JURISDICTIONS = {
    "武汉市": "武汉市人大常委会",
    "浙江省": "浙江省人大常委会",
    "南平市": "南平市人大常委会",
    "中华人民共和国": "全国人大常委会",
}


def entities_of(text: str, place: str = "武汉市") -> Document:
    """``text`` as the body of a report by ``place``'s standing committee, with its entities."""
    body = JURISDICTIONS[place]
    metadata = Metadata(author_post=f"{body}主任", reporting_body=body, jurisdiction=place)
    report = structure(RawText("test.txt", normalize(text), metadata))
    return find_entities(metadata_entities(Document(report)))


def named(document: Document, name: str) -> Entity | None:
    """The entity whose label or an alternative label is ``name``."""
    return next((e for e in document.entities if name == e.label or name in e.alt_labels), None)


def classes(document: Document) -> dict[str, str]:
    """label -> class of every entity."""
    return {e.label: e.cls for e in document.entities}


def built(folder, text: str, name: str = "report.txt") -> Document:  # noqa: ANN001 - a pytest tmp_path
    """The document a build makes of ``text`` written to ``folder/name``."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return build([path]).documents[0]


def triples(document: Document) -> set[tuple[str, str, str]]:
    """Its relations as (subject, predicate, object), by label."""
    labels = {e.key: e.label for e in document.entities}
    return {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}


def typed(document: Document) -> set[tuple[str, str]]:
    """Its entities as (class, label)."""
    return {(e.cls, e.label) for e in document.entities}
