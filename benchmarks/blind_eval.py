"""Score npcgraph on a folder of annotated cases and print one table row per case.

A case is a sub-folder holding one report (``report.txt``, or the one ``.txt``, ``.md``,
``.html`` or ``.htm`` file that is not a README) and its gold files, in the formats of
``tests/data/README.md``: ``gold-entities.tsv`` and/or ``gold-relations.tsv``. Write the gold
before the extractor first sees the report, and the table is a blind measurement.

    python benchmarks/blind_eval.py DIR              # every case under DIR
    python benchmarks/blind_eval.py DIR --details    # also what each case missed and got wrong
    python benchmarks/blind_eval.py DIR --totals     # only the pooled row (a frozen split)
    python benchmarks/blind_eval.py DIR --totals --by-kind  # and pooled counts per class and predicate
    python benchmarks/blind_eval.py DIR --names rules   # the genre rules alone (npcgraph build --names rules)

Columns: entity precision, recall and F1 over all classes (typed: a found entity counts where
its class family matches the gold's), F1 of instruments (every instrument form), organizations
and laws, then relation precision, recall and F1 (``-`` where the case has no gold of that
kind). The last row pools the counts of all cases (micro-averages). ``--totals`` prints that
row alone: a frozen split is read only so, never case by case.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def find_report(case: Path) -> Path | None:
    """The report of a case folder: ``report.txt`` or its only text/Markdown/HTML file."""
    if (case / "report.txt").is_file():
        return case / "report.txt"
    found = [p for p in sorted(case.iterdir()) if p.suffix.lower() in _REPORT_SUFFIXES and p.name.lower() != "readme.md"]
    return found[0] if len(found) == 1 else None


def _f1(gold: int, extracted: int, found: int, correct: int) -> tuple[float, float, float]:
    p = correct / extracted if extracted else (1.0 if not gold else 0.0)
    r = found / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _cell(row: tuple[int, int, int, int] | None) -> str:
    return "-" if row is None or not (row[0] or row[1]) else f"{_f1(*row)[2]:.3f}"


def score_case(
    case: Path, details: bool, ignored: frozenset[str] = frozenset(), names: str = "model",
) -> tuple[dict[str, tuple[int, int, int, int]], list[str]] | None:
    """Counts (gold, extracted, found, correct) per column, and detail lines, for one case."""
    from npcgraph.api import build
    from npcgraph.evaluation.entities import named_entities, score_entities
    from npcgraph.evaluation.gold import read_gold_entities
    from npcgraph.evaluation.relations import read_gold_relations, score_relations

    report = find_report(case)
    entity_file, relation_file = case / "gold-entities.tsv", case / "gold-relations.tsv"
    if report is None or not (entity_file.is_file() or relation_file.is_file()):
        return None
    corpus = build([report], names=names)
    counts: dict[str, tuple[int, int, int, int]] = {}
    notes: list[str] = []
    if entity_file.is_file():
        scores = score_entities(named_entities(corpus), read_gold_entities(entity_file))
        names = {s.name: s for s in (*scores.by_class, scores.overall)}
        for score in scores.by_class:  # pooled per class (--by-kind)
            counts[f"class {score.name}"] = (score.gold, score.extracted, score.found, score.correct)
        for column, name in (("all", "all"), ("instruments", "Instrument*"), ("orgs", "Organization"), ("laws", "Law")):
            score = names.get(name)
            if score is None and name == "Instrument*":  # a single instrument class has no family row
                members = [s for s in scores.by_class if s.name in _INSTRUMENT_CLASSES]
                score = members[0] if len(members) == 1 else None
            if score is not None:
                counts[column] = (score.gold, score.extracted, score.found, score.correct)
        if details:
            notes += [f"  missed   {g.cls}\t{g.label}" for g in scores.missing]
            notes += [f"  spurious {e.cls}\t{e.label}" for e in scores.spurious]
    if relation_file.is_file():
        from npcgraph.evaluation.relations import named_relations

        extracted = [r for r in named_relations(corpus) if r.predicate not in ignored]
        rel = score_relations(extracted, [g for g in read_gold_relations(relation_file) if g.predicate not in ignored])
        counts["relations"] = (rel.overall.gold, rel.overall.extracted, rel.overall.found, rel.overall.correct)
        for score in rel.by_predicate:  # pooled per predicate (--by-kind)
            counts[f"predicate {score.name}"] = (score.gold, score.extracted, score.found, score.correct)
        if details:
            notes += [f"  missed   {g.subject} {g.predicate} {g.object}" for g in rel.missing]
            notes += [f"  spurious {r.subject_label} {r.predicate} {r.object_label}" for r in rel.spurious]
    return counts, notes


_INSTRUMENT_CLASSES = {
    "Instrument", "Law", "Regulation", "Decision", "Resolution", "Opinion", "Measures", "Rules",
    "Agreement", "Plan", "Suggestion",
}
_COLUMNS = ("all", "instruments", "orgs", "laws")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of case folders (report + gold files)")
    parser.add_argument("--details", action="store_true", help="list missed and spurious items per case")
    parser.add_argument("--totals", action="store_true", help="print only the pooled row (for a frozen split)")
    parser.add_argument("--by-kind", action="store_true",
                        help="after the pooled row, pooled counts per entity class and per predicate (aggregates only)")
    parser.add_argument("--ignore-predicate", action="append", default=[], metavar="P",
                        help="leave relations of predicate P out of the scores (one the golds do not annotate)")
    parser.add_argument("--names", choices=("model", "rules"), default="model", help="as npcgraph build --names (default: model)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"blind_eval: {args.folder} is not a folder of cases", file=sys.stderr)
        return 2
    if args.totals and args.details:
        print("blind_eval: --totals and --details exclude each other", file=sys.stderr)
        return 2
    header = f"{'case':<24} {'ent P':>7} {'ent R':>7} {'ent F1':>7} {'instr':>7} {'orgs':>7} {'laws':>7} {'rel P':>7} {'rel R':>7} {'rel F1':>7}"
    lines = [header, "-" * len(header)]
    totals: dict[str, list[int]] = {}
    for case in sorted(p for p in args.folder.iterdir() if p.is_dir()):
        result = score_case(case, args.details, frozenset(args.ignore_predicate), args.names)
        if result is None:
            continue
        counts, notes = result
        for column, row in counts.items():
            total = totals.setdefault(column, [0, 0, 0, 0])
            for i, value in enumerate(row):
                total[i] += value
        if not args.totals:
            lines.append(_line(case.name, counts))
            lines += notes
    if not totals:
        print(f"blind_eval: no case under {args.folder} has a report and a gold file", file=sys.stderr)
        return 2
    lines += ["-" * len(header), _line("all cases (pooled)", {k: tuple(v) for k, v in totals.items()})]  # type: ignore[misc]
    if args.by_kind:
        lines += ["", f"{'pooled':<32} {'gold':>5} {'found':>5} {'extracted':>9} {'correct':>7} {'P':>6} {'R':>6}"]
        for kind in sorted(k for k in totals if " " in k):
            gold, extracted, found, correct = totals[kind]
            precision, recall, _ = _f1(gold, extracted, found, correct)
            lines.append(f"{kind:<32} {gold:>5} {found:>5} {extracted:>9} {correct:>7} {precision:>6.3f} {recall:>6.3f}")
    print("\n".join(lines))
    return 0


def _line(name: str, counts: dict[str, tuple[int, int, int, int]]) -> str:
    entities = counts.get("all")
    cells = ["-", "-"] if entities is None else [f"{x:.3f}" for x in _f1(*entities)[:2]]
    cells += [_cell(counts.get(c)) for c in _COLUMNS]
    rel = counts.get("relations")
    if rel is None:
        cells += ["-", "-", "-"]
    else:
        cells += [f"{x:.3f}" for x in _f1(*rel)]
    return f"{name:<24} " + " ".join(f"{c:>7}" for c in cells)


if __name__ == "__main__":
    raise SystemExit(main())
