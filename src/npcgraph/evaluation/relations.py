"""Scoring extracted relations against gold relations: precision, recall and F1 per predicate.

Gold relations are tab-separated rows, ``#`` comments and blank lines skipped::

    # subject label	predicate	object label
    武汉市人大常委会	enacted	武汉市养老服务促进条例

The labels are names as a reader writes them (without 《》 or quotes); an extracted relation
matches a gold row when the predicates are equal and the gold subject and object are each a
name of the extracted subject and object: their ``rdfs:label`` or one of their
``skos:altLabel`` (compared after NFKC, without brackets, quotes and spaces). Precision counts
the extracted relations (distinct subject, predicate, object) that match a gold row; recall the
gold rows that some extracted relation matches.

Extracted relations come from documents (``npcgraph.build``) or from a graph (``graph.ttl``),
so ``npcgraph eval`` can score either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from ..errors import InputError
from ..extract.relation_cues import relation_schema
from ..model import Corpus, Document
from ..namespaces import ID, NPC, RDFS, SKOS
from .gold import read_rows
from .scores import Score, normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = [
    "GoldRelation",
    "NamedRelation",
    "Score",
    "RelationScores",
    "read_gold_relations",
    "named_relations",
    "score_relations",
    "evaluate_relations",
    "format_relation_scores",
]


Source = Union[Corpus, Document, Iterable[Document], "Graph"]


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    line: int = 0  # where it is in its file, for messages


@dataclass(frozen=True, slots=True)
class NamedRelation:
    """An extracted relation with every name of its subject and object (normalized)."""

    subject: frozenset[str]
    predicate: str
    object: frozenset[str]
    subject_label: str = ""
    object_label: str = ""

    def matches(self, gold: GoldRelation) -> bool:
        if self.predicate != gold.predicate or normalize_name(gold.object) not in self.object:
            return False
        subject = normalize_name(gold.subject)
        if subject in self.subject:
            return True
        # a statistic's subject written as its number only (2次 counts 专题询问) is the statistic
        # whose written phrase begins with that number (2次专题询问)
        return gold.predicate == "counts" and any(name.startswith(subject) for name in self.subject)


@dataclass(frozen=True, slots=True)
class RelationScores:
    by_predicate: tuple[Score, ...]
    overall: Score
    missing: tuple[GoldRelation, ...]  # gold rows nothing extracted matches
    spurious: tuple[NamedRelation, ...]  # extracted relations no gold row matches


def read_gold_relations(path: str | Path) -> tuple[GoldRelation, ...]:
    """The gold relations of a TSV file; a malformed row is an :class:`InputError`."""
    path = Path(path)
    predicates = relation_schema()
    gold: list[GoldRelation] = []
    for number, fields in read_rows(path):
        if len(fields) != 3 or not all(fields):
            raise InputError("E151", name=path.name, number=number, found=len(fields))
        if fields[1] not in predicates:
            raise InputError("E152", name=path.name, number=number, predicate=fields[1], choices=", ".join(sorted(predicates)))
        gold.append(GoldRelation(fields[0], fields[1], fields[2], number))
    return tuple(dict.fromkeys(gold))


def named_relations(source: Source) -> list[NamedRelation]:
    """The distinct relations of documents or of a graph, with their ends' names."""
    if _is_graph(source):
        return _graph_relations(source)  # type: ignore[arg-type]
    documents = source.documents if isinstance(source, Corpus) else (source,) if isinstance(source, Document) else source
    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    triples: set[tuple[str, str, str]] = set()
    for document in documents:  # type: ignore[union-attr]
        for entity in document.entities:
            names.setdefault(entity.key, set()).update(normalize_name(n) for n in (entity.label, *entity.alt_labels))
            labels.setdefault(entity.key, entity.label)
        triples.update((r.subject, r.predicate, r.object) for r in document.relations)
    return [
        NamedRelation(
            frozenset(names.get(s, ())), p, frozenset(names.get(o, ())), labels.get(s, s), labels.get(o, o)
        )
        for s, p, o in sorted(triples)
    ]


def _is_graph(source: object) -> bool:
    return type(source).__name__ in ("Graph", "ConjunctiveGraph", "Dataset") and hasattr(source, "triples")


def _graph_relations(graph: Graph) -> list[NamedRelation]:
    predicates = set(relation_schema())

    def is_entity(node: object) -> bool:
        return isinstance(node, str) and node.startswith(str(ID)) and not node.startswith(str(ID) + "report/")

    def names(node: object) -> frozenset[str]:
        found = list(graph.objects(node, RDFS.label)) + list(graph.objects(node, SKOS.altLabel))  # type: ignore[arg-type]
        return frozenset(normalize_name(str(name)) for name in found)

    def label(node: object) -> str:
        return str(next(iter(graph.objects(node, RDFS.label)), node))  # type: ignore[arg-type]

    relations = set()
    for s, p, o in graph.triples((None, None, None)):
        if str(p).startswith(str(NPC)) and str(p)[len(str(NPC)) :] in predicates and is_entity(s) and is_entity(o):
            relations.add((s, str(p)[len(str(NPC)) :], o))
    return [NamedRelation(names(s), p, names(o), label(s), label(o)) for s, p, o in sorted(relations)]


def score_relations(extracted: Source | Iterable[NamedRelation], gold: Iterable[GoldRelation]) -> RelationScores:
    """Precision, recall and F1 of ``extracted`` against ``gold``, per predicate and over all."""
    relations = _as_named(extracted)
    gold = list(gold)
    found = {g for g in gold if any(r.matches(g) for r in relations)}
    correct = {r for r in relations if any(r.matches(g) for g in gold)}
    scores = []
    for predicate in relation_schema():
        g = [x for x in gold if x.predicate == predicate]
        e = [x for x in relations if x.predicate == predicate]
        if g or e:
            scores.append(Score(predicate, len(g), len(e), len(found & set(g)), len(correct & set(e))))
    overall = Score("all", len(gold), len(relations), len(found), len(correct))
    return RelationScores(
        tuple(scores),
        overall,
        tuple(g for g in gold if g not in found),
        tuple(r for r in relations if r not in correct),
    )


def _as_named(extracted: Source | Iterable[NamedRelation]) -> list[NamedRelation]:
    if isinstance(extracted, (Corpus, Document)) or _is_graph(extracted):
        return named_relations(extracted)
    items = list(extracted)  # type: ignore[arg-type]
    if all(isinstance(item, NamedRelation) for item in items):
        return items
    return named_relations(items)


def evaluate_relations(source: Source, gold_path: str | Path) -> RelationScores:
    """Score the relations of ``source`` against the gold relations in ``gold_path``."""
    return score_relations(named_relations(source), read_gold_relations(gold_path))


def format_relation_scores(scores: RelationScores, *, details: bool = False) -> str:
    """A table of the scores (and, with ``details``, what was missed and what was wrong)."""
    lines = [f"{'relation':<12} {'gold':>5} {'extracted':>9} {'matched':>7} {'P':>6} {'R':>6} {'F1':>6}"]
    for score in (*scores.by_predicate, scores.overall):
        lines.append(
            f"{score.name:<12} {score.gold:>5} {score.extracted:>9} {score.found:>7} "
            f"{score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
        )
    if details:
        lines += [f"missed   {g.subject}\t{g.predicate}\t{g.object}" for g in scores.missing]
        lines += [f"spurious {r.subject_label}\t{r.predicate}\t{r.object_label}" for r in scores.spurious]
    return "\n".join(lines)
