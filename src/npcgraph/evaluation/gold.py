"""Gold annotation files: what a careful reader finds in a report.

Two tab-separated formats, ``#`` comments and blank lines skipped, told apart by their rows:

``gold-entities.tsv``: one entity per row::

    # class	label	alternative labels (| separated, may be empty)
    Organization	武汉市人民代表大会常务委员会	武汉市人大常委会|市人大常委会|常委会
    Regulation	武汉市供水条例

``class`` is a class of the graph contract (Regulation, Organization, Statistic, ...); ``label``
the canonical name without 《》 or quotes; the alternative labels the other names it goes by.

``gold-relations.tsv``: one relation per row, ``subject label	predicate	object label`` (read
by :mod:`npcgraph.evaluation.relations`).

A file whose first row has three fields with a predicate of the contract in the middle is a
relation file; any other file is read as entities (so a misspelled class is reported as such).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..extract.relation_cues import relation_schema
from ..ids import KIND_OF_CLASS

__all__ = ["GoldEntity", "read_gold_entities", "is_entity_file", "read_rows"]


@dataclass(frozen=True, slots=True)
class GoldEntity:
    cls: str
    label: str
    alt_labels: tuple[str, ...] = ()
    line: int = 0  # where it is in its file, for messages

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels)


def read_rows(path: str | Path) -> list[tuple[int, list[str]]]:
    """(line number, fields) of each data row of a gold file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("E150", path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("E156", name=path.name, reason=exc) from exc
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append((number, [field.strip() for field in line.split("\t")]))
    return rows


def is_entity_file(path: str | Path) -> bool:
    """True unless the file's first row is a relation: three fields, a known predicate between."""
    rows = read_rows(path)
    if not rows:
        return True
    fields = rows[0][1]
    return fields[0] in KIND_OF_CLASS or not (len(fields) == 3 and fields[1] in relation_schema())


def read_gold_entities(path: str | Path) -> tuple[GoldEntity, ...]:
    """The gold entities of a TSV file; a malformed row is an :class:`InputError`."""
    path = Path(path)
    gold = []
    for number, fields in read_rows(path):
        if len(fields) < 2 or len(fields) > 3 or not fields[1]:
            raise InputError("E153", name=path.name, number=number, found=len(fields))
        if fields[0] not in KIND_OF_CLASS:
            raise InputError("E154", name=path.name, number=number, cls=fields[0], choices=", ".join(sorted(KIND_OF_CLASS)))
        alts = tuple(a.strip() for a in fields[2].split("|") if a.strip()) if len(fields) == 3 else ()
        gold.append(GoldEntity(fields[0], fields[1], alts, number))
    if not gold:
        raise InputError("E155", name=path.name)
    return tuple(gold)
