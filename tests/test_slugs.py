"""Entity slugs (npcgraph.ids.slugify) read each part of a name between bars once: the same slug
as the pinyin of the whole name."""

from __future__ import annotations

import random
import re
import unicodedata

from npcgraph.ids import slugify
from npcgraph.pinyin import _chars, _phrases, lazy_pinyin
from npcgraph.resources import lexicon_path


def _whole_slug(name: str) -> str:
    """The slug as it was made before: the whole name's pinyin at once."""
    syllables = lazy_pinyin(unicodedata.normalize("NFKC", name))
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(syllables).lower()).strip("-")
    return slug[:48].rstrip("-")


def _lexicon_names() -> set[str]:
    names = set()
    for path in lexicon_path("").rglob("*"):
        if path.is_file() and path.suffix in (".tsv", ".txt"):
            for line in path.read_text(encoding="utf-8").splitlines():
                names.update(field for field in line.split("\t") if field and not field.startswith("#"))
    return names


def test_slugs_are_the_whole_names_pinyin():
    rng = random.Random(18)
    phrases = sorted(_phrases()[1])
    chars = sorted(_chars())
    names = sorted(_lexicon_names())
    assert len(names) > 500
    # beside Chinese: bars (half and full width, which NFKC makes a bar), letters and digits
    # (kept), punctuation and spaces (dashes), a character without a reading, letters whose lower
    # case is another letter (Kelvin sign, dotted capital I, final sigma), combining marks
    others = ["|", "|", "｜", "A", "b2", "12", " ", "·", "《", "》", "-", "\u3000", "é", "e\u0301", "\u0301", "\u212a", "\u0130", "ΑΣ", "\U0002A700"]
    made_up = [
        "".join(
            rng.choice(phrases) if roll < 0.35 else rng.choice(chars) if roll < 0.65 else rng.choice(others)
            for roll in (rng.random() for _ in range(rng.randint(1, 14)))
        )
        for _ in range(5_000)
    ]
    # as the finders key them: a scope and a label, a statistic's label, number and report
    scoped = [f"{rng.choice(names)}|{rng.choice(names)}" for _ in range(2_000)]
    scoped += [f"{rng.choice(names)}|{rng.randint(1, 999)}个|{rng.getrandbits(64):016x}" for _ in range(500)]
    edges = ["", "|", "||", "|人大", "人大|", "人大||常委会", "a|b", "《|》", "中" * 30 + "|" + "国" * 30]
    for name in [*names, *made_up, *scoped, *edges]:
        assert slugify(name) == _whole_slug(name), name
