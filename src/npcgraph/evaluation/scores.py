"""What entity and relation scoring share: how names compare, and one row of a table
(precision, recall and F1 of a class, a predicate or "all")."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["Score", "normalize_name"]

_IGNORED = "《》〈〉“”‘’「」『』\"' \t\u3000"


def normalize_name(name: str) -> str:
    """A name as compared: NFKC, without brackets, quotes and spaces."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in _IGNORED)


@dataclass(frozen=True, slots=True)
class Score:
    name: str  # a class, a family (Instrument*), a predicate, or "all"
    gold: int
    extracted: int
    found: int  # gold items matched
    correct: int  # extracted items matched

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
