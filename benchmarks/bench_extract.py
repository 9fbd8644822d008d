"""Time entity extraction: kilobytes of report text per second, on one core.

Reads reports (default: the bundled report, the test reports under tests/data and 200
synthetic reports from benchmarks/generate.py), structures them once, then times the entity
stages (metadata and find_entities: every finder, overlap selection, resolution) over all of
them, and, separately, the whole extraction a build runs (structure and every stage, relations
included). Lexicons are loaded and patterns compiled before timing starts (a warm-up run), as
they are once per process in a build; the cache of entity keys (pinyin slugs) is emptied before
every pass, so each pass pays for the keys of its names as a fresh build does.

    python benchmarks/bench_extract.py                  # prints KB/s
    python benchmarks/bench_extract.py --synthetic 0 --repeat 20
    python benchmarks/bench_extract.py --no-model       # the genre rules alone (npcgraph build --names rules)

The name model (extract/tagger.py) is loaded in the warm-up run, as a build loads it once per
process; it keeps nothing from one report to the next (each report's sentences are tagged
afresh), so every pass pays for all of its tagging. The line under the whole extraction gives
the CPU time spent in the model (``tagger.name_spans``: encoder, CRF and reading the tags) and
what the rest of extraction runs at without it.

    python benchmarks/bench_extract.py --synthetic 0 --dev    # real reports only (the seed, tests/data, the dev split)

On a shared machine the figures of two runs are not comparable; ``--against FILE`` compares two
taggers in one process instead: the whole extraction with this tree's tagger, with the tagger
module in FILE (another version of ``extract/tagger.py``) and without the model, one pass of
each in turn, ``--repeat`` times, the best of each kept:

    git show ca819ff:src/npcgraph/extract/tagger.py > /tmp/tagger_before.py
    python benchmarks/bench_extract.py --against /tmp/tagger_before.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _inputs(synthetic: int, folder: Path, dev: bool = False) -> list[Path]:
    paths = [REPO / "data" / "wuhan-2022-04-whole-process-democracy.txt"]
    paths += sorted(p for p in (REPO / "tests" / "data").glob("*/*") if p.suffix in (".txt", ".md") and p.name != "README.md")
    if dev:  # the development split only: the frozen split is never run case by case
        sys.path.insert(0, str(HERE))
        from blind_eval import find_report  # type: ignore[import-not-found]

        cases = sorted(p for p in (REPO / "tests" / "data" / "real" / "dev").iterdir() if p.is_dir())
        paths += [report for case in cases if (report := find_report(case)) is not None]
    if synthetic:
        sys.path.insert(0, str(HERE))
        from generate import generate  # type: ignore[import-not-found]

        generate(synthetic, folder)
        paths += sorted(p for p in folder.rglob("*") if p.is_file())
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=200, help="synthetic reports to add (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the reports; the best is kept (default 3)")
    parser.add_argument("--no-model", action="store_true", help="time the genre rules alone: no statistical name stage")
    parser.add_argument("--dev", action="store_true", help="add the reports of the development split (tests/data/real/dev)")
    parser.add_argument("--against", type=Path, metavar="FILE", help="also time the whole extraction with the tagger module in FILE, alternately in this process")
    args = parser.parse_args(argv)
    if args.against and args.no_model:
        parser.error("--against compares taggers: not with --no-model")

    from npcgraph.extract.tagger import names_from

    with names_from("rules" if args.no_model else "model"):  # --no-model: as npcgraph build --names rules
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from npcgraph.extract import ner

    model_cpu = [0.0]
    tag = ner.name_spans

    def timed_tag(text: str) -> list[tuple[int, int, str]]:
        start = time.process_time()
        try:
            return tag(text)
        finally:
            model_cpu[0] += time.process_time() - start

    ner.name_spans = timed_tag  # the grammars' one call of the model, timed

    from npcgraph.extract import STAGES
    from npcgraph.extract.entities import find_entities
    from npcgraph.extract.metadata import metadata_entities
    from npcgraph.extract.resolve import entity_key
    from npcgraph.model import Document
    from npcgraph.ingest import ingest
    from npcgraph.structure import structure

    with tempfile.TemporaryDirectory() as tmp:
        paths = _inputs(args.synthetic, Path(tmp), args.dev)
        raws = [ingest(p) for p in paths]
    reports = [structure(raw) for raw in raws]
    size_kb = sum(len(r.text.encode("utf-8")) for r in reports) / 1000

    def entity_stages() -> int:
        return sum(len(find_entities(metadata_entities(Document(r))).mentions) for r in reports)

    def whole_extraction() -> int:
        total = 0
        for raw in raws:
            document = Document(structure(raw))
            for stage in STAGES:
                document = stage(document)
            total += len(document.relations)
        return total

    entity_stages()  # warm-up: lexicons loaded, patterns compiled
    whole_extraction()
    results = {}
    model = {}
    for name, run in (("entities (find_entities)", entity_stages), ("whole extraction (structure + all stages)", whole_extraction)):
        best = (float("inf"), float("inf"))
        for _ in range(args.repeat):
            _forget_keys(entity_key)
            model_cpu[0] = 0.0
            start, cpu = time.perf_counter(), time.process_time()
            run()
            seconds = (time.perf_counter() - start, time.process_time() - cpu)
            if seconds < best:
                best, model[name] = seconds, model_cpu[0]
        results[name] = best
    print(f"{len(reports)} reports, {size_kb:,.0f} KB of text (UTF-8), best of {args.repeat} passes, one core:")
    for name, (seconds, cpu) in results.items():
        # CPU time is this process's own: on a shared machine it varies less than the wall clock
        print(f"  {name:<44} {seconds:7.2f} s wall {size_kb / seconds:8,.0f} KB/s   {cpu:7.2f} s CPU {size_kb / cpu:8,.0f} KB/s")
        if not args.no_model:
            rest = cpu - model[name]
            print(f"    {'of which the name model':<42} {model[name]:7.2f} s CPU; the rest alone {size_kb / rest:8,.0f} KB/s")
    if args.against:
        _against(args.against, args.repeat, whole_extraction, size_kb, timed_tag)
    return 0


def _forget_keys(entity_key) -> None:
    """Empties the caches of entity keys, slugs and their parts' pinyin (npcgraph.ids), of the
    pinyin phrases' beginnings by first character and of names read without their province
    (resolve.without_province), so that a pass pays for them as a fresh build does."""
    from npcgraph import ids, pinyin
    from npcgraph.extract import resolve

    entity_key.cache_clear()
    resolve.without_province.cache_clear()
    pinyin._prefixes.cache_clear()
    for value in vars(ids).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _against(path: Path, repeat: int, whole_extraction, size_kb: float, tag) -> None:
    """The whole extraction with this tree's tagger, the one in ``path`` and none, in turn."""
    import importlib.util

    from npcgraph.extract import ner
    from npcgraph.extract.resolve import entity_key

    spec = importlib.util.spec_from_file_location("npcgraph.extract.other_tagger", path)  # in the package: its relative imports resolve
    if spec is None or spec.loader is None:
        raise SystemExit(f"bench_extract: cannot load {path}")
    other = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(other)
    variants = {"this tree's tagger": tag, f"{path.name}": other.name_spans, "no model": lambda text: []}
    ner.name_spans = other.name_spans
    whole_extraction()  # warm-up: the other model loaded
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(repeat):
        for name, spans in variants.items():
            ner.name_spans = spans
            _forget_keys(entity_key)
            cpu = time.process_time()
            whole_extraction()
            best[name] = min(best[name], time.process_time() - cpu)
    ner.name_spans = tag
    print(f"whole extraction, one pass of each in turn, best of {repeat}:")
    for name, cpu in best.items():
        print(f"  {name:<44} {cpu:7.2f} s CPU {size_kb / cpu:8,.0f} KB/s")


if __name__ == "__main__":
    sys.exit(main())
