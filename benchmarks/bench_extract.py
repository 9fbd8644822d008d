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
    python benchmarks/bench_extract.py --no-model       # the genre rules alone, without the name model

The name model (extract/tagger.py) is loaded in the warm-up run, as a build loads it once per
process; it keeps nothing from one report to the next (each report's sentences are tagged
afresh), so every pass pays for all of its tagging. The line under the whole extraction gives
the CPU time spent in the model (``tagger.name_spans``: encoder, CRF and reading the tags) and
what the rest of extraction runs at without it.

    python benchmarks/bench_extract.py --synthetic 0    # real reports only (the seed and tests/data)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _inputs(synthetic: int, folder: Path) -> list[Path]:
    paths = [REPO / "data" / "wuhan-2022-04-whole-process-democracy.txt"]
    paths += sorted(p for p in (REPO / "tests" / "data").glob("*/*") if p.suffix in (".txt", ".md") and p.name != "README.md")
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
    args = parser.parse_args(argv)

    from npcgraph.extract import entities, ner

    if args.no_model:
        entities.find_names = lambda text, rules: []  # the stage's one call, replaced for this process
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
    from npcgraph.ids import slugify
    from npcgraph.model import Document
    from npcgraph.ingest import ingest
    from npcgraph.structure import structure

    with tempfile.TemporaryDirectory() as tmp:
        paths = _inputs(args.synthetic, Path(tmp))
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
            entity_key.cache_clear()
            if hasattr(slugify, "cache_clear"):  # the slugs are remembered too (npcgraph.ids)
                slugify.cache_clear()
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
