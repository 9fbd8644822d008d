"""Names to canonical names and entity keys."""

from __future__ import annotations

from ..lexicon import rows

__all__ = ["full_org_name"]


def full_org_name(name: str) -> str:
    """A body's name with standard abbreviations expanded: 武汉市人大常委会 -> 武汉市人民代表大会常务委员会."""
    for abbreviation, full in sorted(rows("org_abbreviations"), key=lambda row: -len(row[0])):
        if name.endswith(abbreviation) and not name.endswith(full):
            return name[: -len(abbreviation)] + full
    return name
