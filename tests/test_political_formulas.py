"""The genre's standing formulas are ideas (Concept) wherever a report writes them: a text
written for this test."""

from __future__ import annotations

from extract_helpers import built

TEXT = ("面对世界百年未有之大变局，常委会坚持以经济建设为中心，统筹中华民族伟大复兴战略全局，"
        "坚持依法治国和以德治国相结合，贯彻总体国家安全观，铸牢中华民族共同体意识，坚持民主集中制。\n")


def test_standing_formulas_are_concepts(tmp_path):
    concepts = {e.label for e in built(tmp_path, TEXT).entities if e.cls == "Concept"}
    assert {"世界百年未有之大变局", "以经济建设为中心", "中华民族伟大复兴战略全局", "依法治国和以德治国相结合",
            "总体国家安全观", "中华民族共同体意识", "民主集中制"} <= concepts, concepts
    assert "依法治国" not in concepts  # a part of a formula is not found inside it
