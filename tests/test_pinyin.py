"""npcgraph.pinyin gives what pypinyin.lazy_pinyin gives (the entity keys depend on it)."""

from __future__ import annotations

import random

import pytest

from npcgraph import pinyin
from npcgraph.resources import lexicon_path

pypinyin = pytest.importorskip("pypinyin")
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT  # noqa: E402


def _theirs(text: str) -> list[str]:
    return pypinyin.lazy_pinyin(text, errors=lambda chars: [chars])


def test_every_phrase_and_character():
    chars = [chr(code) for code in PINYIN_DICT]
    for text in [*PHRASES_DICT, *chars]:
        assert pinyin.lazy_pinyin(text) == _theirs(text), text


def test_names_made_of_phrases_characters_and_other_text():
    rng = random.Random(18)
    phrases = sorted(PHRASES_DICT)
    chars = [chr(code) for code in sorted(PINYIN_DICT)]
    others = ["A", "b2", "12", " ", "·", "《", "》", "“", "”", "（", "）", "-", "\u3000", "é", "〇", "\U00020000", "\U0002A700"]
    for _ in range(5_000):
        parts = [
            rng.choice(phrases) if roll < 0.45 else rng.choice(chars) if roll < 0.85 else rng.choice(others)
            for roll in (rng.random() for _ in range(rng.randint(1, 6)))
        ]
        # cut phrases apart and join their halves too: the segmenter's look-ahead at work
        text = "".join(parts)
        if len(text) > 2 and rng.random() < 0.3:
            cut = rng.randint(1, len(text) - 1)
            text = text[cut:] + text[:cut]
        assert pinyin.lazy_pinyin(text) == _theirs(text), text


def test_the_lexicons_names():
    folder = lexicon_path("")
    names = set()
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".tsv", ".txt"):
            for line in path.read_text(encoding="utf-8").splitlines():
                names.update(field for field in line.split("\t") if field and not field.startswith("#"))
    assert len(names) > 500
    for name in names:
        assert pinyin.lazy_pinyin(name) == _theirs(name), name


def test_the_tables_are_pypinyins(tmp_path, monkeypatch):
    """chars.tsv and phrases.tsv are what make.py writes from the installed pypinyin."""
    from npcgraph.pinyin import make

    monkeypatch.setattr(make, "HERE", tmp_path)
    make.main()
    for name in ("chars.tsv", "phrases.tsv"):
        assert (tmp_path / name).read_bytes() == (make.Path(pinyin.__file__).parent / name).read_bytes(), name
