"""Deterministic ASCII keys for reports and entities.

An entity's key is ``kind/slug``: the kind groups classes (every instrument form is
``instrument``), the slug is the pinyin of the canonical name plus a short hash of the name
itself, so homophones stay apart and the same name gives the same key on any machine:

    entity_key("Regulation", "武汉市供水条例") -> "instrument/wu-han-shi-gong-shui-tiao-li-3c1f0a2b"
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from .classes import kind_of_class
from .pinyin import lazy_pinyin

__all__ = ["KIND_OF_CLASS", "entity_key", "report_key", "statement_key", "slugify"]

#: The IRI path segment for each ontology class (derived from the ontology's hierarchy).
KIND_OF_CLASS: dict[str, str] = kind_of_class()

_MAX_SLUG = 48
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _digest(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=1 << 16)
def slugify(name: str) -> str:
    """Pinyin of the Chinese characters, ASCII letters and digits kept, the rest dropped.

    Remembered: a corpus names the same bodies, laws and places in report after report (one
    conversion through pypinyin cost about 80 µs, 28 % of extraction's CPU: issue 18). Most
    names keyed are a scope and a label (``武汉市|物业管理条例``) or a statistic's label, number
    and report: each part between bars is read once per process (:func:`_syllables`), the
    names themselves seldom repeat. A bar parts the Chinese runs the pinyin is read in and
    becomes a dash like the syllables' joints, so the slug is the same (tested)."""
    name = unicodedata.normalize("NFKC", name)
    joined = "-".join(map(_syllables, name.split("|")))
    slug = _NON_ALNUM.sub("-", joined.lower()).strip("-")
    return slug[:_MAX_SLUG].rstrip("-")


@lru_cache(maxsize=1 << 16)
def _syllables(text: str) -> str:
    return "-".join(lazy_pinyin(text))


def entity_key(cls: str, name: str) -> str:
    """The key of the entity of class ``cls`` whose canonical name is ``name``."""
    kind = KIND_OF_CLASS[cls]
    slug = slugify(name)
    return f"{kind}/{slug}-{_digest(name)}" if slug else f"{kind}/{_digest(name, 16)}"


def report_key(text: str) -> str:
    """A report's key: from its normalized text, so every encoding of it gives the same key."""
    return _digest(text, 16)


def statement_key(subject: str, predicate: str, obj: str, report: str, begin: int, end: int) -> str:
    """The key of the rdf:Statement that ties one fact to one sentence."""
    return _digest(f"{subject} {predicate} {obj} {report} {begin} {end}", 20)
