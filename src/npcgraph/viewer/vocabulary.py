"""What the viewer says about classes and relations: names in Chinese and English, styles.

Names come from the ontology (``rdfs:label`` ``@zh`` and ``@en`` in ``ontology/npcgraph.ttl``)
and from any ontology terms the rendered graph itself carries; a term known to neither is shown
by its local name. Shapes and colours are data (``assets/styles.json``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import pyoxigraph

from ..namespaces import NPC, RDFS
from ..resources import ontology_path

__all__ = ["Vocabulary", "ClassStyle", "vocabulary", "extended", "terms_of", "local_name", "STRUCTURAL_CLASSES"]

_NPC = str(NPC)

#: npc: classes of the text's structure, not of the things it names: never nodes of the view.
STRUCTURAL_CLASSES = frozenset({"Report", "Section", "Paragraph", "Sentence"})


def local_name(term: object) -> str:
    """``npc:enacted`` -> ``enacted``; any other IRI -> its last path segment or fragment."""
    text = str(term)
    if text.startswith(_NPC):
        return text[len(_NPC):]
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


@dataclass(frozen=True, slots=True)
class ClassStyle:
    color: str
    shape: str  # a vis-network shape, or a glyph of styles.json (drawn as an image)

    @property
    def points(self) -> str | None:
        """A glyph's polygon in a 28x28 box, None for vis-network's own shapes."""
        return _styles().get("glyphs", {}).get(self.shape)

    @property
    def image(self) -> str | None:
        """A glyph's SVG as a data: URI (the page's CSP allows data: images), else None."""
        points = _styles().get("glyphs", {}).get(self.shape)
        if points is None:
            return None
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 28 28">'
            f'<polygon points="{points}" fill="{self.color}" stroke="#555555" stroke-width="1.2" stroke-linejoin="round"/></svg>'
        )
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("ascii")).decode("ascii")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Names, hierarchy and styles of the ``npc:`` terms, keyed by local name."""

    zh: dict[str, str] = field(default_factory=dict)
    en: dict[str, str] = field(default_factory=dict)
    parents: dict[str, frozenset[str]] = field(default_factory=dict)  # rdfs:subClassOf, npc: only
    inverse_of: dict[str, str] = field(default_factory=dict)  # enactedBy -> enacted
    relations: frozenset[str] = frozenset()  # the sub-properties of npc:relation

    def name(self, term: str, lang: str = "zh") -> str:
        names = self.zh if lang == "zh" else self.en
        return names.get(term) or term

    def ancestors(self, cls: str) -> set[str]:
        seen: set[str] = set()
        todo = list(self.parents.get(cls, ()))
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(self.parents.get(parent, ()))
        return seen

    def most_specific(self, classes: Iterable[str]) -> str:
        """Of the classes a node is typed with, the one no other of them specializes."""
        candidates = sorted(set(classes))
        implied = set().union(*(self.ancestors(cls) for cls in candidates)) if candidates else set()
        specific = [cls for cls in candidates if cls not in implied]
        return (specific or candidates)[0]

    def subclasses(self, cls: str) -> set[str]:
        """``cls`` and every class below it."""
        return {cls} | {other for other in self.parents if cls in self.ancestors(other)}

    def style(self, cls: str | None) -> ClassStyle:
        styles = _styles()
        if cls is None:
            entry = styles["unclassified"]
        elif cls in styles["classes"]:
            entry = styles["classes"][cls]
        else:
            palette = styles["palette"]
            index = int(hashlib.sha256(cls.encode("utf-8")).hexdigest(), 16) % len(palette)
            entry = {"color": palette[index], "shape": "dot"}
        return ClassStyle(entry["color"], entry["shape"])

    def class_name(self, cls: str | None, lang: str = "zh") -> str:
        if cls is None:
            return str(_styles()["unclassified"][lang])
        return self.name(cls, lang)


@cache
def _styles() -> dict:
    return json.loads(files(__package__).joinpath("assets", "styles.json").read_text(encoding="utf-8"))


def _pick(labels: Iterable[tuple[str, str]], lang: str) -> str | None:
    """Of (text, language) pairs, the label in ``lang`` (or its regional variants), smallest
    first for determinism."""
    matches = sorted(text for text, language in labels if language.lower().split("-")[0] == lang)
    return matches[0] if matches else None


def terms_of(
    sub_properties: Iterable[tuple[str, str]],
    labels: Iterable[tuple[str, str, str]],
    sub_classes: Iterable[tuple[str, str]],
    inverses: Iterable[tuple[str, str]],
) -> Vocabulary:
    """The vocabulary of the ``npc:`` terms in these pairs of IRIs (and (IRI, text, language)
    labels of IRIs); other terms are left out."""
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    parents: dict[str, set[str]] = {}
    inverse_of: dict[str, str] = {}
    super_properties: dict[str, set[str]] = {}
    for child, parent in sub_properties:
        if child.startswith(_NPC) and parent.startswith(_NPC):
            super_properties.setdefault(local_name(child), set()).add(local_name(parent))
    relations = _below(super_properties, "relation")
    by_term: dict[str, list[tuple[str, str]]] = {}
    for term, text, language in labels:
        if term.startswith(_NPC) and term != _NPC:
            by_term.setdefault(term, []).append((text, language))
    for term, names in by_term.items():
        name = local_name(term)
        if (label := _pick(names, "zh")) is not None:
            zh[name] = label
        if (label := _pick(names, "en")) is not None:
            en[name] = label
    for child, parent in sub_classes:
        if child.startswith(_NPC) and parent.startswith(_NPC):
            parents.setdefault(local_name(child), set()).add(local_name(parent))
    for one, other in inverses:
        if one.startswith(_NPC) and other.startswith(_NPC):
            one_name, other_name = local_name(one), local_name(other)
            if one_name in relations and other_name not in relations:
                inverse_of[other_name] = one_name
            elif other_name in relations and one_name not in relations:
                inverse_of[one_name] = other_name
    frozen_parents = {cls: frozenset(ps) for cls, ps in parents.items()}
    return Vocabulary(zh, en, frozen_parents, inverse_of, frozenset(relations))


def _below(parents: dict[str, set[str]], root: str) -> set[str]:
    """Every term whose chain of parents reaches ``root``."""
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for term, ups in parents.items():
            if term not in found and (root in ups or ups & found):
                found.add(term)
                changed = True
    return found


_LABEL, _SUB_PROPERTY, _SUB_CLASS = (str(term) for term in (RDFS.label, RDFS.subPropertyOf, RDFS.subClassOf))
_INVERSE = "http://www.w3.org/2002/07/owl#inverseOf"


@cache
def _ontology() -> Vocabulary:
    """The ontology's terms, read by Oxigraph's parser (rdflib's took 0.05 s of a one-report
    build's CPU; the same vocabulary, tested)."""
    path = ontology_path()
    if not path.is_file():
        return Vocabulary()
    pairs: dict[str, list[tuple[str, str]]] = {_SUB_PROPERTY: [], _SUB_CLASS: [], _INVERSE: []}
    labels: list[tuple[str, str, str]] = []
    for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, base_iri=path.absolute().as_uri()):
        predicate, subject, obj = triple.predicate.value, triple.subject, triple.object
        if predicate == _LABEL:
            if isinstance(subject, pyoxigraph.NamedNode) and isinstance(obj, pyoxigraph.Literal):
                labels.append((subject.value, obj.value, obj.language or ""))
        elif predicate in pairs:
            pairs[predicate].append((subject.value, obj.value))
    return terms_of(pairs[_SUB_PROPERTY], labels, pairs[_SUB_CLASS], pairs[_INVERSE])


def vocabulary() -> Vocabulary:
    """The ontology's vocabulary (:func:`npcgraph.viewer.storeview.store_vocabulary` completes
    it with the terms a graph declares itself)."""
    return _ontology()


def extended(base: Vocabulary, extra: Vocabulary) -> Vocabulary:
    """``base`` completed (and overridden) by the terms of ``extra``."""
    if not (extra.zh or extra.en or extra.parents or extra.inverse_of or extra.relations):
        return base
    return Vocabulary(
        {**base.zh, **extra.zh},
        {**base.en, **extra.en},
        {**base.parents, **extra.parents},
        {**base.inverse_of, **extra.inverse_of},
        base.relations | extra.relations,
    )
