"""Scoring extracted entities against gold entities: precision, recall and F1 per class.

An extracted entity matches a gold entity when their classes are of one family (every
instrument form is ``Instrument``; SupervisionActivity and Program are ``Activity``) and one of
the extracted entity's names (``rdfs:label`` or ``skos:altLabel``) equals one of the gold
entity's names, compared after NFKC without brackets, quotes and spaces. A gold statistic is
matched by its written forms (its alternative labels, such as ``325个代表小组``) when it has
any, since many statistics count the same thing.

The row of a class counts the gold entities of that class that an extracted entity *of that
class* matches (recall) and the extracted entities of that class that match a gold entity of
that class (precision): a 条例 extracted as a Decision is a miss of the Regulation row and a
wrong item of the Decision row. Family rows (``Instrument*``, ``Activity*``) and ``all`` pool
their classes and match within the family, so there it counts as found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..extract.candidates import family
from ..ids import KIND_OF_CLASS
from ..model import Corpus, Document
from ..namespaces import NPC, RDF, RDFS, SKOS
from .gold import GoldEntity
from .scores import Score, normalize_name

__all__ = ["NamedEntity", "Score", "EntityScores", "named_entities", "score_entities", "format_entity_scores", "normalize_name"]

_FAMILIES = ("Instrument", "Activity")


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """An extracted entity: its class, label and every name (normalized)."""

    cls: str
    label: str
    names: frozenset[str]

    def matches(self, gold: GoldEntity) -> bool:
        # A statistic's label (what it counts, 代表) is shared by many: its written form
        # (260余名代表), given as an alternative label, tells it apart. A gold that writes only
        # the number (1191条, label 交办的问题) matches the statistic whose written phrase begins
        # with that number (1191条问题) and whose label holds the gold's or is held by it.
        if family(self.cls) != family(gold.cls):
            return False
        if gold.cls == "Statistic" and gold.alt_labels:
            written = [normalize_name(n) for n in gold.alt_labels]
            if any(n in self.names for n in written):
                return True
            label = normalize_name(gold.label)
            mine = normalize_name(self.label)
            # what it counts is one reader's wording: the one holding the other's will do
            same_thing = bool(label) and bool(mine) and (label in mine or mine in label)
            return same_thing and any(name.startswith(n) for n in written for name in self.names)
        return any(normalize_name(n) in self.names for n in gold.names)


@dataclass(frozen=True, slots=True)
class EntityScores:
    by_class: tuple[Score, ...]
    overall: Score
    missing: tuple[GoldEntity, ...]  # gold entities nothing extracted matches, even by name alone
    spurious: tuple[NamedEntity, ...]  # extracted entities no gold entity matches, even by name alone
    # gold entities whose name was extracted with another class, and that class
    misclassed: tuple[tuple[GoldEntity, NamedEntity], ...] = ()

    def score(self, name: str) -> Score:
        """The row of a class, a family (``Instrument*``) or ``all``."""
        if name == "all":
            return self.overall
        return next(s for s in self.by_class if s.name == name)


def named_entities(source: Corpus | Document | Iterable[Document] | object) -> list[NamedEntity]:
    """The entities of documents or of an rdflib graph, each once."""
    if hasattr(source, "triples") and hasattr(source, "subjects"):
        return _graph_entities(source)
    documents = source.documents if isinstance(source, Corpus) else (source,) if isinstance(source, Document) else source
    merged: dict[str, tuple[str, str, set[str]]] = {}
    for document in documents:  # type: ignore[union-attr]
        for entity in document.entities:
            cls, label, names = merged.setdefault(entity.key, (entity.cls, entity.label, set()))
            names.update(normalize_name(n) for n in (entity.label, *entity.alt_labels))
    return [NamedEntity(cls, label, frozenset(names)) for cls, label, names in (merged[k] for k in sorted(merged))]


def _graph_entities(graph) -> list[NamedEntity]:  # noqa: ANN001 - an rdflib Graph, imported lazily
    found = []
    seen = set()
    for cls in sorted(KIND_OF_CLASS):
        for node in sorted(graph.subjects(RDF.type, NPC[cls])):
            if node in seen:
                continue
            # The most specific class: a Regulation node is also typed Instrument by inference.
            classes = {str(t)[len(str(NPC)):] for t in graph.objects(node, RDF.type) if str(t).startswith(str(NPC))}
            specific = sorted(c for c in classes if c in KIND_OF_CLASS and c not in ("Instrument", "Activity"))
            seen.add(node)
            names = [str(n) for n in graph.objects(node, RDFS.label)] + [str(n) for n in graph.objects(node, SKOS.altLabel)]
            label = str(next(iter(sorted(graph.objects(node, RDFS.label))), node))
            found.append(NamedEntity(specific[0] if specific else cls, label, frozenset(normalize_name(n) for n in names)))
    return found


def _row(name: str, gold: list[GoldEntity], extracted: list[NamedEntity], found: set[GoldEntity], correct: set[NamedEntity]) -> Score:
    return Score(name, len(gold), len(extracted), sum(g in found for g in gold), sum(e in correct for e in extracted))


def _class_row(cls: str, gold: list[GoldEntity], extracted: list[NamedEntity]) -> Score:
    """A class's row: only entities of that very class match each other."""
    mine = [e for e in extracted if e.cls == cls]
    theirs = [g for g in gold if g.cls == cls]
    found = sum(any(e.matches(g) for e in mine) for g in theirs)
    correct = sum(any(e.matches(g) for g in theirs) for e in mine)
    return Score(cls, len(theirs), len(mine), found, correct)


def _same_name(gold: GoldEntity, entity: NamedEntity) -> bool:
    return any(normalize_name(n) in entity.names for n in gold.names)


def score_entities(extracted: Iterable[NamedEntity], gold: Iterable[GoldEntity]) -> EntityScores:
    """Precision, recall and F1 of ``extracted`` against ``gold``, per class, family and overall."""
    extracted = list(extracted)
    gold = list(dict.fromkeys(gold))
    by_family: dict[str, list[NamedEntity]] = {}
    for entity in extracted:
        by_family.setdefault(family(entity.cls), []).append(entity)
    found: set[GoldEntity] = set()
    correct: set[NamedEntity] = set()
    for item in gold:
        matches = [e for e in by_family.get(family(item.cls), ()) if e.matches(item)]
        if matches:
            found.add(item)
            correct.update(matches)
    classes = sorted({g.cls for g in gold} | {e.cls for e in extracted}, key=lambda c: (family(c), c != family(c), c))
    rows = []
    for cls in classes:
        rows.append(_class_row(cls, gold, extracted))
    for name in _FAMILIES:
        members = {c for c in classes if family(c) == name}
        if len(members) > 1:
            rows.append(_row(f"{name}*", [g for g in gold if g.cls in members], [e for e in extracted if e.cls in members], found, correct))
    overall = _row("all", gold, extracted, found, correct)
    # Within a family a gold item matched by another class is found but in the wrong class;
    # across families the same name is a miss and a wrong item: listed once, as a wrong class.
    misclassed: list[tuple[GoldEntity, NamedEntity]] = []
    for item in gold:
        same = [e for e in extracted if e.cls == item.cls and e.matches(item)]
        if same:
            continue
        other = next((e for e in extracted if e.cls != item.cls and (e.matches(item) or _same_name(item, e))), None)
        if other is not None:
            misclassed.append((item, other))
    named_other = {id(e) for _, e in misclassed}
    listed = {id(g) for g, _ in misclassed}
    return EntityScores(
        tuple(rows),
        overall,
        tuple(g for g in gold if g not in found and id(g) not in listed),
        tuple(e for e in extracted if e not in correct and id(e) not in named_other),
        tuple(misclassed),
    )


def format_entity_scores(scores: EntityScores, *, details: bool = False) -> str:
    """A table of the scores (and, with ``details``, what was missed and what was wrong)."""
    lines = [f"{'class':<20} {'gold':>5} {'extracted':>9} {'matched':>7} {'P':>6} {'R':>6} {'F1':>6}"]
    for score in (*scores.by_class, scores.overall):
        lines.append(
            f"{score.name:<20} {score.gold:>5} {score.extracted:>9} {score.found:>7} "
            f"{score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
        )
    if details:
        lines += [f"missed   {g.cls}\t{_gold_name(g)}" for g in scores.missing]
        lines += [f"spurious {e.cls}\t{_extracted_name(e)}" for e in scores.spurious]
        lines += [f"class    {g.cls}\t{_gold_name(g)}\textracted as {e.cls}" for g, e in scores.misclassed]
    return "\n".join(lines)


def _gold_name(gold: GoldEntity) -> str:
    """A statistic is matched by its written forms: show them beside what it counts."""
    if gold.cls == "Statistic" and gold.alt_labels:
        return f"{gold.label} ({', '.join(gold.alt_labels)})"
    return gold.label


def _extracted_name(entity: NamedEntity) -> str:
    others = sorted(entity.names - {normalize_name(entity.label)})
    if entity.cls == "Statistic" and others:
        return f"{entity.label} ({', '.join(others)})"
    return entity.label
