"""Measure a learned relation scorer against the rules, honestly: grouped cross-validation over
whole cases, thresholds chosen inside each training part.

    python benchmarks/train_relations.py                       # the three variants, 5 groups
    python benchmarks/train_relations.py --variant filter      # one variant
    python benchmarks/train_relations.py --ceiling             # where the rules' misses stand
    python benchmarks/train_relations.py --sweep               # each threshold's held-out trade-off
    python benchmarks/train_relations.py CASES... --folds 3    # other folders of cases

A case is a folder holding a report and its ``gold-relations.tsv`` (``blind_eval.py``'s
layout); a folder of such folders is read case by case. By default the cases are the tuned
ones of ``tests/data`` (not ``real/``) and the development split ``tests/data/real/dev``. The
frozen split is refused: it is never trained on, tuned on or scored here.

Each case is extracted by every stage before acts.py (the rules' relations, the document's
facts); its candidates (``relation_candidates.py``: pairs of names in a sentence whose classes
fit a predicate, the reporting body with the names an actor's predicate takes, the rules' own
relations) are labelled by the gold rows they match, as ``npcgraph eval`` matches them. The
model is an L2-regularized logistic regression fitted by L-BFGS (scipy) on the candidates'
binary features: deterministic, no random state. A triple's score is its best sentence's; a
triple the rules did not state is added from ``add`` on, a rule triple below ``drop`` dropped.

Variants: ``model`` (every feature; adds and drops), ``language`` (without the features that
tell what the rules said of the triple, so that what the rules find teaches the forms they
miss), ``filter`` (drops only). Cross-validation: the cases are dealt into ``--folds`` groups in
name order; each group is scored by a model trained on the others, with the thresholds and the
regularization chosen by an inner cross-validation on those others alone (best pooled F1).
Counts are relations by subject, predicate and object after every stage (acts.py included),
``organizedBy`` left out, as ``blind_eval.py --ignore-predicate organizedBy`` counts them,
pooled over the held-out groups and split into the development split and the tuned cases.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
sys.path.insert(0, str(HERE))

from blind_eval import find_report  # noqa: E402
from relation_candidates import SKIPPED, Instance, apply, candidates, decide  # noqa: E402

from npcgraph.evaluation.relations import GoldRelation, NamedRelation, named_relations, read_gold_relations, score_relations  # noqa: E402
from npcgraph.evaluation.scores import normalize_name  # noqa: E402
from npcgraph.extract import STAGES  # noqa: E402
from npcgraph.extract.acts import extract_acts  # noqa: E402
from npcgraph.model import Document  # noqa: E402
from npcgraph.pipeline import read_report  # noqa: E402
from npcgraph.resources import bundled_report  # noqa: E402

IGNORED = "organizedBy"  # the annotators were not asked to mark it
ADD = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: add nothing
DROP = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)  # 0: drop nothing
STRENGTHS = (0.3,)  # inverse L2 strength C, as scikit-learn names it (1 was never chosen when offered)


@dataclass
class Case:
    name: str
    before: Document  # after every stage before acts.py
    gold: tuple[GoldRelation, ...]
    instances: list[Instance]
    labels: list[int]
    # for counting fast: each rule triple (keys as after acts.py) and the gold rows it matches,
    # each candidate's triple as after acts.py, and the gold rows each such triple matches
    rules: dict[tuple[str, str, str], frozenset[int]] = field(default_factory=dict)
    moved: list[tuple[str, str, str]] = field(default_factory=list)
    matched: dict[tuple[str, str, str], frozenset[int]] = field(default_factory=dict)


def case_folders(paths: list[Path]) -> list[tuple[str, Path, Path]]:
    """(name, report, folder) of every case under ``paths``."""
    found = []
    for path in paths:
        folders = [path] if (path / "gold-relations.tsv").is_file() else sorted(p for p in path.iterdir() if p.is_dir())
        for folder in folders:
            if not (folder / "gold-relations.tsv").is_file() or folder.name in ("real", "frozen"):
                continue
            report = bundled_report() if folder.name == "seed" and find_report(folder) is None else find_report(folder)
            if report is not None:
                found.append((f"{folder.parent.name}/{folder.name}", report, folder))
    return sorted(found)


def _before_learned(path: Path) -> Document:
    document = Document(report=read_report(path))
    for stage in STAGES:
        if stage is extract_acts:
            break
        document = stage(document)
    return document


def load_cases(paths: list[Path]) -> list[Case]:
    cases = []
    for name, report, folder in case_folders(paths):
        document = _before_learned(report)
        gold = tuple(g for g in read_gold_relations(folder / "gold-relations.tsv") if g.predicate != IGNORED)
        case = Case(name, document, gold, candidates(document), [])
        _index(case)
        cases.append(case)
    return cases


def _index(case: Case) -> None:
    """Label the candidates and prepare the counts: acts.py gives meetings new keys (and names),
    so triples are compared as they stand after it, matched by name as ``npcgraph eval`` does."""
    after = extract_acts(case.before)
    rekey = {}
    keys_after = {(m.begin, m.end, m.cls): m.entity for m in after.mentions}
    for mention in case.before.mentions:
        moved = keys_after.get((mention.begin, mention.end, mention.cls))
        if mention.entity and moved and moved != mention.entity:
            rekey[mention.entity] = moved
    names = {e.key: frozenset(normalize_name(n) for n in (e.label, *e.alt_labels)) for e in case.before.entities}
    names.update({e.key: frozenset(normalize_name(n) for n in (e.label, *e.alt_labels)) for e in after.entities})

    def matches(triple: tuple[str, str, str]) -> frozenset[int]:
        named = NamedRelation(names.get(triple[0], frozenset()), triple[1], names.get(triple[2], frozenset()))
        return frozenset(n for n, g in enumerate(case.gold) if named.matches(g))

    case.rules = {(r.subject, r.predicate, r.object): frozenset() for r in after.relations if r.predicate != IGNORED}
    case.rules = {t: matches(t) for t in case.rules}
    case.moved = [(rekey.get(i.subject, i.subject), i.predicate, rekey.get(i.object, i.object)) for i in case.instances]
    case.matched = {t: matches(t) for t in dict.fromkeys(case.moved)}
    case.labels = [int(bool(case.matched[t])) for t in case.moved]


# -- the model ------------------------------------------------------------------------------


def _rule_feature(name: str) -> bool:
    """Features that tell what the rules said of this very triple or pair."""
    return name.rsplit("|", 1)[-1].startswith(("rule=", "rule-other=", "ruled-"))


#: name -> (which features, the add thresholds tried, the drop thresholds tried)
VARIANTS = {
    "model": ("all", ADD, DROP),  # every feature: adds and drops
    "language": ("no-rules", ADD, DROP),  # without what the rules said of the triple
    "filter": ("all", (1.01,), DROP),  # drops rule relations only
}


@dataclass
class Matrix:
    """The candidates of every case as one sparse matrix (a variant's features), rows by case."""

    x: csr_matrix
    y: np.ndarray
    rows: dict[str, tuple[int, int]]

    @classmethod
    def of(cls, cases: list[Case], which: str) -> Matrix:
        keep = (lambda f: True) if which == "all" else (lambda f: not _rule_feature(f))
        vocabulary = sorted({f for case in cases for i in case.instances for f in i.features if keep(f)})
        index = {f: n for n, f in enumerate(vocabulary)}
        indptr, indices, labels, rows = [0], [], [], {}
        for case in cases:
            first = len(labels)
            for instance, label in zip(case.instances, case.labels):
                indices.extend(sorted(index[f] for f in set(instance.features) if keep(f)))
                indptr.append(len(indices))
                labels.append(label)
            rows[case.name] = (first, len(labels))
        x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(labels), len(vocabulary)))
        return cls(x, np.array(labels, dtype=float), rows)

    def part(self, cases: list[Case]) -> np.ndarray:
        return np.concatenate([np.arange(*self.rows[c.name]) for c in cases]) if cases else np.array([], dtype=int)

    def fit(self, cases: list[Case], strength: float) -> tuple[np.ndarray, float]:
        """An L2-regularized logistic regression (inverse strength ``strength``) on ``cases``."""
        rows = self.part(cases)
        x, target = self.x[rows], self.y[rows]
        if len(set(target.tolist())) < 2:
            return np.zeros(self.x.shape[1]), -5.0

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            z = x @ w[:-1] + w[-1]
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            value = np.sum(np.logaddexp(0.0, z) - target * z) + 0.5 / strength * np.dot(w[:-1], w[:-1])
            gradient = np.empty_like(w)
            gradient[:-1] = x.T @ (p - target) + w[:-1] / strength
            gradient[-1] = np.sum(p - target)
            return float(value), gradient

        result = minimize(loss, np.zeros(self.x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
        return result.x[:-1], float(result.x[-1])

    def scores(self, case: Case, model: tuple[np.ndarray, float]) -> list[float]:
        """The case's candidate probabilities, rounded to 4 decimals as learned_relations rounds."""
        z = self.x[np.arange(*self.rows[case.name])] @ model[0] + model[1]
        return [round(float(v), 4) for v in 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))]


# -- scoring ----------------------------------------------------------------------------------


def counts(case: Case, scores: list[float] | None, add: float, drop: float) -> Counter[str]:
    """The relation counts of a case after every stage: the rules alone (``scores`` None) or
    with the model's additions and drops (``decide``'s choices, counted on the triples as
    acts.py leaves them; ``check_counts`` runs the stages themselves to confirm it)."""
    extracted = dict(case.rules)
    if scores is not None:
        best: dict[tuple[str, str, str], float] = {}
        for triple, score in zip(case.moved, scores):
            best[triple] = max(best.get(triple, 0.0), score)
        for triple, score in best.items():
            if triple in case.rules and score < drop and triple[1] not in SKIPPED:
                del extracted[triple]
            elif triple not in case.rules and score >= add:
                extracted[triple] = case.matched[triple]
    found = set().union(*extracted.values()) if extracted else set()
    return Counter(gold=len(case.gold), extracted=len(extracted), found=len(found), correct=sum(bool(m) for m in extracted.values()))


def check_counts(case: Case, scores: list[float], add: float, drop: float) -> Counter[str]:
    """The counts of ``counts`` measured by running the model's choices through acts.py."""
    added, dropped = decide(case.before, case.instances, scores, add, drop)
    final = extract_acts(apply(case.before, added, dropped))
    found = score_relations([r for r in named_relations(final) if r.predicate != IGNORED], case.gold).overall
    return Counter(gold=found.gold, extracted=found.extracted, found=found.found, correct=found.correct)


def prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["correct"] / c["extracted"] if c["extracted"] else 0.0
    r = c["found"] / c["gold"] if c["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def folds(cases: list[Case], k: int) -> list[list[Case]]:
    """The cases dealt into ``k`` groups in name order (a case never split)."""
    groups: list[list[Case]] = [[] for _ in range(min(k, len(cases)))]
    for n, case in enumerate(sorted(cases, key=lambda c: c.name)):
        groups[n % len(groups)].append(case)
    return groups


def choose(matrix: Matrix, cases: list[Case], k: int, adds: tuple[float, ...], drops: tuple[float, ...]) -> tuple[float, float, float]:
    """The regularization and thresholds with the best pooled F1 over ``cases`` by ``k``-fold
    CV among them (ties: the higher precision, then fewer changes: higher add, lower drop)."""
    best: tuple[tuple[float, float, float, float], float, float, float] | None = None
    groups = folds(cases, k)
    for strength in STRENGTHS:
        scores: dict[str, list[float]] = {}
        for held in groups:
            model = matrix.fit([c for g in groups if g is not held for c in g], strength)
            scores.update({case.name: matrix.scores(case, model) for case in held})
        for add in adds:
            for drop in drops:
                total: Counter[str] = sum((counts(c, scores[c.name], add, drop) for c in cases), Counter())
                p, _, f = prf(total)
                key = (round(f, 6), round(p, 6), add, -drop)
                if best is None or key > best[0]:
                    best = (key, strength, add, drop)
    assert best is not None
    return best[1], best[2], best[3]


def nested_cv(cases: list[Case], k: int, variant: str) -> tuple[dict[str, Counter[str]], list[str]]:
    """Held-out counts of the rules alone and with the model, pooled and per split (``dev/``
    and the rest), each group's thresholds and regularization chosen on the other groups."""
    which, adds, drops = VARIANTS[variant]
    matrix = Matrix.of(cases, which)
    totals: dict[str, Counter[str]] = {}
    lines = []
    groups = folds(cases, k)
    for number, held in enumerate(groups, 1):
        training = [c for g in groups if g is not held for c in g]
        strength, add, drop = choose(matrix, training, max(2, k - 1), adds, drops)
        model = matrix.fit(training, strength)
        for case in held:
            part = "dev" if case.name.startswith("dev/") else "tuned"
            scores = matrix.scores(case, model)
            for name, found in (("rules", counts(case, None, 1.01, 0.0)), ("model", counts(case, scores, add, drop))):
                for key in (f"{name} all", f"{name} {part}"):
                    totals[key] = totals.get(key, Counter()) + found
        lines.append(f"  group {number}: {len(held)} cases; chosen on the other groups: C {strength}, add {add}, drop {drop}")
    return totals, lines


def sweep(cases: list[Case], k: int, variant: str, strength: float = STRENGTHS[0]) -> list[str]:
    """What one level of cross-validation gives at each threshold alone (no choice made): the
    held-out trade-off between what the model adds and what it costs."""
    which, adds, drops = VARIANTS[variant]
    matrix = Matrix.of(cases, which)
    groups = folds(cases, k)
    scores: dict[str, list[float]] = {}
    for held in groups:
        model = matrix.fit([c for g in groups if g is not held for c in g], strength)
        scores.update({case.name: matrix.scores(case, model) for case in held})
    settings = [(add, 0.0) for add in adds] + [(1.01, drop) for drop in drops if drop]
    lines = []
    for add, drop in settings:
        row = []
        for part in ("all", "dev", "tuned"):
            chosen = [c for c in cases if part == "all" or c.name.startswith("dev/") == (part == "dev")]
            total: Counter[str] = sum((counts(c, scores[c.name], add, drop) for c in chosen), Counter())
            row.append("{:.3f} / {:.3f} / {:.3f}".format(*prf(total)))
        lines.append(f"{variant:<9} add {add:<4} drop {drop:<4}  " + "   ".join(row))
    return lines


def ceiling(cases: list[Case]) -> list[str]:
    """Of the gold relations the rules miss, where they stand; of their wrong ones, by predicate."""
    lines = []
    for part in ("dev", "tuned"):
        kinds: Counter[str] = Counter()
        by_predicate: dict[str, Counter[str]] = {}
        wrong: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for case in (c for c in cases if c.name.startswith("dev/") == (part == "dev")):
            total += counts(case, None, 1.01, 0.0)
            final = extract_acts(case.before)
            extracted = [r for r in named_relations(final) if r.predicate != IGNORED]
            scores = score_relations(extracted, case.gold)
            wrong.update(r.predicate for r in scores.spurious)
            for gold in scores.missing:
                kind = _where(case, final, gold)
                kinds[kind] += 1
                by_predicate.setdefault(kind, Counter())[gold.predicate] += 1
        p, r, f = prf(total)
        lines.append(f"{part}: {total['gold']} gold, {total['extracted']} extracted, P {p:.3f} R {r:.3f} F1 {f:.3f}; "
                     f"missed {total['gold'] - total['found']}, wrong {total['extracted'] - total['correct']}")
        for kind in _KINDS:
            if kinds[kind]:
                detail = ", ".join(f"{p} {n}" for p, n in by_predicate[kind].most_common())
                lines.append(f"  missed, {kind}: {kinds[kind]} ({detail})")
        lines.append("  wrong by predicate: " + ", ".join(f"{p} {n}" for p, n in wrong.most_common()))
    return lines


_KINDS = (
    "a candidate (both ends extracted, in one sentence, classes fit)",
    "both ends in one sentence, a class that does not fit",
    "ends in adjacent sentences",
    "ends farther apart",
    "an end not extracted",
    "acts.py's (appointed, removed)",
)


def _where(case: Case, final: Document, gold: GoldRelation) -> str:
    """Which of ``_KINDS`` a missed gold relation is."""
    if gold.predicate in SKIPPED:
        return _KINDS[5]
    names = {e.key: frozenset(normalize_name(n) for n in (e.label, *e.alt_labels)) for e in (*case.before.entities, *final.entities)}
    if any(NamedRelation(names.get(t[0], frozenset()), t[1], names.get(t[2], frozenset())).matches(gold) for t in case.moved):
        return _KINDS[0]
    subject, obj = normalize_name(gold.subject), normalize_name(gold.object)
    subjects = {k for k, n in names.items() if subject in n}
    objects = {k for k, n in names.items() if obj in n}
    if not subjects or not objects:
        return _KINDS[4]
    sentences = {k: set() for k in subjects | objects}
    for mention in (*case.before.mentions, *final.mentions):
        if mention.entity in sentences:
            sentences[mention.entity].add(mention.sentence)
    if case.before.reporting_body in subjects:  # the implicit subject is in every sentence
        sentences[case.before.reporting_body] = {s.index for s in case.before.report.sentences}
    near = {abs(a - b) for k in subjects for o in objects for a in sentences[k] for b in sentences[o]}
    return _KINDS[1] if 0 in near else _KINDS[2] if 1 in near else _KINDS[3]


def _row(name: str, c: Counter[str]) -> str:
    p, r, f = prf(c)
    return f"{name:<34} {c['gold']:>5} {c['extracted']:>9} {c['correct']:>7} {p:>6.3f} {r:>6.3f} {f:>6.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", type=Path, help="case folders, or folders of them (default: tests/data and tests/data/real/dev)")
    parser.add_argument("--folds", type=int, default=5, help="groups of cases in the cross-validation (default 5)")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="the variants to measure (default: all)")
    parser.add_argument("--ceiling", action="store_true", help="print where the rules' misses stand, then stop")
    parser.add_argument("--sweep", action="store_true", help="print each threshold's held-out P / R / F1 (one level of CV, C 0.3)")
    args = parser.parse_args(argv)
    paths = args.cases or [REPOSITORY / "tests" / "data", REPOSITORY / "tests" / "data" / "real" / "dev"]
    for path in paths:
        if not path.is_dir():
            print(f"train_relations: {path} is not a folder of cases", file=sys.stderr)
            return 2
        if "frozen" in path.resolve().parts:
            print(f"train_relations: {path} is the frozen split, which is never trained on or scored here", file=sys.stderr)
            return 2
    if args.folds < 2:
        print("train_relations: --folds must be 2 or more", file=sys.stderr)
        return 2
    cases = load_cases(paths)
    if len(cases) < args.folds:
        print(f"train_relations: {len(cases)} cases with gold relations, fewer than --folds {args.folds}", file=sys.stderr)
        return 2
    print(f"{len(cases)} cases, {sum(len(c.instances) for c in cases)} candidates, {sum(sum(c.labels) for c in cases)} of them gold")
    if args.ceiling:
        print("\n".join(ceiling(cases)))
        return 0
    if args.sweep:
        print(f"{'':<30}{'all: P / R / F1':<25}{'dev: P / R / F1':<25}tuned: P / R / F1")
        for variant in args.variant or list(VARIANTS):
            print("\n".join(sweep(cases, args.folds, variant)))
        return 0
    header = f"{'held-out groups, pooled':<34} {'gold':>5} {'extracted':>9} {'correct':>7} {'P':>6} {'R':>6} {'F1':>6}"
    for variant in args.variant or list(VARIANTS):
        totals, lines = nested_cv(cases, args.folds, variant)
        print(f"\n{variant} ({args.folds}-fold, grouped by case):")
        print("\n".join(lines))
        print(header)
        for part in ("all", "dev", "tuned"):
            if f"rules {part}" in totals:
                print(_row(f"{part}: rules alone", totals[f"rules {part}"]))
                print(_row(f"{part}: rules + {variant}", totals[f"model {part}"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
