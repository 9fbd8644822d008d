"""Write chars.tsv and phrases.tsv from the installed pypinyin (run after upgrading it):

    python -m npcgraph.pinyin.make

chars.tsv: each character pypinyin reads as Chinese (``RE_HANS``) and has a reading for, with
``lazy_pinyin`` of it alone. phrases.tsv: each key of pypinyin's phrase dictionary, sorted (the
segmenter looks prefixes up in that order), with ``lazy_pinyin`` of it when it is all Chinese
characters (a segment is never anything else). Readings are joined by spaces.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    def reading(text: str) -> str:
        items = lazy_pinyin(text, errors=lambda chars: [chars])
        assert all(item and " " not in item and "\t" not in item and "\n" not in item for item in items), (text, items)
        return " ".join(items)

    chars = sorted(chr(code) for code in PINYIN_DICT if RE_HANS.match(chr(code)))
    (HERE / "chars.tsv").write_text("".join(f"{c}\t{reading(c)}\n" for c in chars), encoding="utf-8")
    phrases = sorted(PHRASES_DICT)
    assert all("\t" not in p and "\n" not in p for p in phrases)
    (HERE / "phrases.tsv").write_text(
        "".join(f"{p}\t{reading(p) if RE_HANS.match(p) else ''}\n" for p in phrases), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
